package wxapi

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

const payloadMerchantUpdate = "aftersale/merchantupdateaftersale"

// NegotiationType is what a merchant's negotiation (商家协商) asks of the buyer
// (merchant_update_type), with the platform's codes. The zero value is not a type.
type NegotiationType uint8

// Negotiation types (merchant_update_type).
const (
	NegotiationInviteCancel  NegotiationType = 1 // 已协商一致，邀请买家取消售后
	NegotiationAskEvidence   NegotiationType = 2 // 邀请买家核实与补充凭证
	NegotiationModifyRequest NegotiationType = 3 // 修改买家售后申请
)

var negotiationTypes = enum.New("wxapi.NegotiationType",
	enum.Spec[NegotiationType]{Value: NegotiationInviteCancel, Name: "invite_cancel", Label: "已协商一致，邀请买家取消售后"},
	enum.Spec[NegotiationType]{Value: NegotiationAskEvidence, Name: "ask_evidence", Label: "邀请买家核实与补充凭证"},
	enum.Spec[NegotiationType]{Value: NegotiationModifyRequest, Name: "modify_request", Label: "修改买家售后申请"},
)

// NegotiationTypes returns every negotiation type in code order.
func NegotiationTypes() []NegotiationType { return negotiationTypes.Values() }

// IsValid reports whether t is a platform code.
func (t NegotiationType) IsValid() bool { return negotiationTypes.Valid(t) }

// Code returns the platform's numeric code.
func (t NegotiationType) Code() int { return int(t) }

// String returns the stable English name ("invite_cancel").
func (t NegotiationType) String() string { return negotiationTypes.Name(t) }

// Label returns the Chinese wording (邀请买家核实与补充凭证).
func (t NegotiationType) Label() string { return negotiationTypes.Label(t) }

// MarshalText renders the stable name; an unknown code is an error.
func (t NegotiationType) MarshalText() ([]byte, error) { return negotiationTypes.MarshalText(t) }

// UnmarshalText parses a stable name and leaves t unchanged on error.
func (t *NegotiationType) UnmarshalText(b []byte) error { return negotiationTypes.UnmarshalText(t, b) }

// Negotiation is a merchant's proposal to the buyer (aftersale/merchantupdateaftersale,
// 商家协商): the after-sale as the merchant would have it. After it the after-sale waits for
// the buyer (USER_WAIT_CONFIRM_UPDATE). Source:
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/api_merchantupdateaftersale.html
type Negotiation struct {
	// AfterSaleID is after_sale_order_id: (*aftersale.Case).ID().
	AfterSaleID string
	// Kind is the after-sale's kind after the change (type): aftersale.KindRefund (1, 退款)
	// or aftersale.KindReturn (2, 退货退款); the Kind's value is the platform's code.
	Kind aftersale.Kind
	// Amount is the amount proposed, in yuan (sent as amount in fen): zero or more, at most
	// two decimals. Whether it fits the case is the platform's check.
	Amount decimal.Decimal
	// Description is merchant_update_desc, required.
	Description string
	// ReasonType is update_reason_type, required: the platform's negotiation reason (6 已协商一致
	// 新的售后方案, 7 无法联系买家, 8 生鲜等仅退款无需退货, 9 已发货没有拦截成功, 10 仅修改退款金额,
	// ...). Each reason fits one Kind and one Type and may require images; the table is
	// platform data known only in part (UNCONFIRMED beyond 11), so the platform checks the fit.
	ReasonType int
	// Type is merchant_update_type, required.
	Type NegotiationType
	// MediaIDs are proof images' media IDs (media_ids): required by the platform for the
	// reasons that need images, at most MaxMediaIDs.
	MediaIDs []string
}

type wireMerchantUpdate struct {
	AfterSaleOrderID   string   `json:"after_sale_order_id"`
	Type               int      `json:"type"`
	Amount             int64    `json:"amount"`
	MerchantUpdateDesc string   `json:"merchant_update_desc"`
	UpdateReasonType   int      `json:"update_reason_type"`
	MerchantUpdateType int      `json:"merchant_update_type"`
	MediaIDs           []string `json:"media_ids,omitempty"`
}

// EncodeMerchantUpdateAfterSale returns the body of POST
// /channels/ec/aftersale/merchantupdateaftersale (商家协商). The amount is converted to fen by
// the module's one money rule: a negative amount, one with a fraction of a fen or one above
// 1,000,000,000.00 yuan is refused (ErrInvalidAmount), never rounded.
func EncodeMerchantUpdateAfterSale(n Negotiation) ([]byte, error) {
	d := decoder{payload: payloadMerchantUpdate}
	ip, kp, ap := root("after_sale_order_id"), root("type"), root("amount")
	dp, rp, tp, mp := root("merchant_update_desc"), root("update_reason_type"), root("merchant_update_type"), root("media_ids")
	body := wireMerchantUpdate{AfterSaleOrderID: d.outID(&ip, n.AfterSaleID), Type: n.Kind.Code()}
	switch {
	case n.Kind == 0:
		d.missing(&kp)
	case !n.Kind.IsValid():
		d.fail(&kp, strconv.Itoa(int(n.Kind)), &enum.UnknownError{Type: "aftersale.Kind", Value: strconv.Itoa(int(n.Kind))})
	case n.Kind != aftersale.KindRefund && n.Kind != aftersale.KindReturn:
		d.fail(&kp, strconv.Itoa(int(n.Kind)), errNegotiationKind)
	}
	fen, err := money.ToFen("amount", n.Amount)
	if err != nil {
		d.fail(&ap, money.Describe(n.Amount), err)
	}
	body.Amount = fen
	body.MerchantUpdateDesc = d.outText(&dp, n.Description, true)
	body.UpdateReasonType = d.outCode(&rp, n.ReasonType, true)
	switch {
	case n.Type == 0:
		d.missing(&tp)
	case !n.Type.IsValid():
		d.fail(&tp, strconv.Itoa(int(n.Type)), &enum.UnknownError{Type: "wxapi.NegotiationType", Value: strconv.Itoa(int(n.Type))})
	}
	body.MerchantUpdateType = int(n.Type)
	body.MediaIDs = d.outMediaIDs(&mp, n.MediaIDs, false)
	return d.marshal(body)
}

// errNegotiationKind: a negotiation turns an after-sale into a refund or a return only.
var errNegotiationKind = fmt.Errorf("%w: a negotiation changes an after-sale into a refund (1) or a return and refund (2) only", ErrMalformed)
