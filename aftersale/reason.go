package aftersale

import "github.com/wxshop-go/wxshop/internal/enum"

// Reason is why the buyer asks for an after-sale (after_sale_order.reason), with the platform's
// string as its text. The platform adds reasons without a literal meaning (their wording is in
// reason_text); decoding one is an error naming it, so a host notices and extends the table
// rather than filing the case under a wrong reason. The zero value is not a reason.
type Reason uint8

// Buyer reasons.
const (
	ReasonIncorrectSelection   Reason = iota + 1 // INCORRECT_SELECTION 拍错/多拍
	ReasonNoLongerWant                           // NO_LONGER_WANT 不想要了
	ReasonNoExpressInfo                          // NO_EXPRESS_INFO 无快递信息
	ReasonEmptyPackage                           // EMPTY_PACKAGE 包裹为空
	ReasonRejectReceivePackage                   // REJECT_RECEIVE_PACKAGE 已拒签包裹
	ReasonNotDeliveredTooLong                    // NOT_DELIVERED_TOO_LONG 快递长时间未送达
	ReasonNotMatchProductDesc                    // NOT_MATCH_PRODUCT_DESC 与商品描述不符
	ReasonQualityIssue                           // QUALITY_ISSUE 质量问题
	ReasonSendWrongGoods                         // SEND_WRONG_GOODS 卖家发错货
	ReasonThreeNoProduct                         // THREE_NO_PRODUCT 三无产品
	ReasonFakeProduct                            // FAKE_PRODUCT 假冒产品
	ReasonNoReason7Days                          // NO_REASON_7_DAYS 七天无理由
	ReasonInitiateByPlatform                     // INITIATE_BY_PLATFORM 平台代发起
	ReasonOthers                                 // OTHERS 其他
)

var reasons = enum.New("aftersale.Reason",
	enum.Spec[Reason]{Value: ReasonIncorrectSelection, Name: "INCORRECT_SELECTION", Label: "拍错/多拍"},
	enum.Spec[Reason]{Value: ReasonNoLongerWant, Name: "NO_LONGER_WANT", Label: "不想要了"},
	enum.Spec[Reason]{Value: ReasonNoExpressInfo, Name: "NO_EXPRESS_INFO", Label: "无快递信息"},
	enum.Spec[Reason]{Value: ReasonEmptyPackage, Name: "EMPTY_PACKAGE", Label: "包裹为空"},
	enum.Spec[Reason]{Value: ReasonRejectReceivePackage, Name: "REJECT_RECEIVE_PACKAGE", Label: "已拒签包裹"},
	enum.Spec[Reason]{Value: ReasonNotDeliveredTooLong, Name: "NOT_DELIVERED_TOO_LONG", Label: "快递长时间未送达"},
	enum.Spec[Reason]{Value: ReasonNotMatchProductDesc, Name: "NOT_MATCH_PRODUCT_DESC", Label: "与商品描述不符"},
	enum.Spec[Reason]{Value: ReasonQualityIssue, Name: "QUALITY_ISSUE", Label: "质量问题"},
	enum.Spec[Reason]{Value: ReasonSendWrongGoods, Name: "SEND_WRONG_GOODS", Label: "卖家发错货"},
	enum.Spec[Reason]{Value: ReasonThreeNoProduct, Name: "THREE_NO_PRODUCT", Label: "三无产品"},
	enum.Spec[Reason]{Value: ReasonFakeProduct, Name: "FAKE_PRODUCT", Label: "假冒产品"},
	enum.Spec[Reason]{Value: ReasonNoReason7Days, Name: "NO_REASON_7_DAYS", Label: "七天无理由"},
	enum.Spec[Reason]{Value: ReasonInitiateByPlatform, Name: "INITIATE_BY_PLATFORM", Label: "平台代发起"},
	enum.Spec[Reason]{Value: ReasonOthers, Name: "OTHERS", Label: "其他"},
)

// Reasons returns every reason in value order.
func Reasons() []Reason { return reasons.Values() }

// ParseReason parses the platform's string ("NO_LONGER_WANT").
func ParseReason(s string) (Reason, error) { return reasons.Parse(s) }

// String returns the platform's string ("NO_LONGER_WANT").
func (r Reason) String() string { return reasons.Name(r) }

// Label returns the Chinese wording (不想要了).
func (r Reason) Label() string { return reasons.Label(r) }

// IsValid reports whether r is a known reason.
func (r Reason) IsValid() bool { return reasons.Valid(r) }

// MarshalText renders the platform's string; an unknown reason is an error.
func (r Reason) MarshalText() ([]byte, error) { return reasons.MarshalText(r) }

// UnmarshalText parses the platform's string and leaves r unchanged on error.
func (r *Reason) UnmarshalText(text []byte) error { return reasons.UnmarshalText(r, text) }
