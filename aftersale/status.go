package aftersale

import (
	"github.com/wxshop-go/wxshop/internal/enum"
)

// Status is an after-sale case's status (after_sale_order.status). Its text is the platform's
// string, spelling included (USER_CANCELD has one L). The platform has no numeric code for most
// of them, so the values are wxshop's own and dense (they index the transition tables); the
// older numeric codes some payloads still carry convert with StatusFromLegacyCode. The zero
// value is not a status.
type Status uint8

// Statuses: the union of every list the platform and its SDKs publish.
const (
	StatusMerchantProcessing              Status = iota + 1 // MERCHANT_PROCESSING 商家受理中
	StatusUserWaitReturn                                    // USER_WAIT_RETURN 待买家退货
	StatusMerchantWaitReceipt                               // MERCHANT_WAIT_RECEIPT 待商家收货
	StatusMerchantOverdueRefund                             // MERCHANT_OVERDUE_REFUND 商家逾期未退款
	StatusPlatformRefunding                                 // PLATFORM_REFUNDING 平台退款中
	StatusPlatformRefundFail                                // PLATFORM_REFUND_FAIL 平台退款失败
	StatusUserWaitConfirm                                   // USER_WAIT_CONFIRM 待用户确认
	StatusUserWaitConfirmUpdate                             // USER_WAIT_CONFIRM_UPDATE 待用户处理商家协商
	StatusUserWaitHandleMerchantAfterSale                   // USER_WAIT_HANDLE_MERCHANT_AFTER_SALE 待用户处理商家代发起的售后申请
	StatusWaitPackageIntercept                              // WAIT_PACKAGE_INTERCEPT 物流线上拦截中
	StatusUserWaitReceipt                                   // USER_WAIT_RECEIPT 待用户收货 (exchange or re-sent goods on the way)
	StatusPlatformProcessing                                // PLATFORM_PROCESSING 平台审核中 (the platform has intervened)
	StatusMerchantRejectRefund                              // MERCHANT_REJECT_REFUND 商家拒绝退款
	StatusMerchantRejectReturn                              // MERCHANT_REJECT_RETURN 商家拒绝退货退款
	StatusMerchantRejectExchange                            // MERCHANT_REJECT_EXCHANGE 商家拒绝换货
	StatusMerchantRejectReship                              // MERCHANT_REJECT_RESHIP 商家拒绝发货
	StatusReturnClosed                                      // RETURN_CLOSED 退货退款关闭 (not final: may still go to the platform)
	StatusUserCancelled                                     // USER_CANCELD 用户取消申请 (the platform's spelling)
	StatusMerchantRefundSuccess                             // MERCHANT_REFUND_SUCCESS 退款完成
	StatusMerchantReturnSuccess                             // MERCHANT_RETURN_SUCCESS 退货退款完成
	StatusMerchantExchangeSuccess                           // MERCHANT_EXCHANGE_SUCCESS 换货完成
	StatusMerchantRefundRetryFail                           // MERCHANT_REFUND_RETRY_FAIL 商家打款失败，客服关闭售后
	StatusMerchantFail                                      // MERCHANT_FAIL 售后关闭
	numStatuses                                             // table dimension
)

var statuses = enum.New("aftersale.Status",
	enum.Spec[Status]{Value: StatusMerchantProcessing, Name: "MERCHANT_PROCESSING", Label: "商家受理中"},
	enum.Spec[Status]{Value: StatusUserWaitReturn, Name: "USER_WAIT_RETURN", Label: "待买家退货"},
	enum.Spec[Status]{Value: StatusMerchantWaitReceipt, Name: "MERCHANT_WAIT_RECEIPT", Label: "待商家收货"},
	enum.Spec[Status]{Value: StatusMerchantOverdueRefund, Name: "MERCHANT_OVERDUE_REFUND", Label: "商家逾期未退款"},
	enum.Spec[Status]{Value: StatusPlatformRefunding, Name: "PLATFORM_REFUNDING", Label: "平台退款中"},
	enum.Spec[Status]{Value: StatusPlatformRefundFail, Name: "PLATFORM_REFUND_FAIL", Label: "平台退款失败"},
	enum.Spec[Status]{Value: StatusUserWaitConfirm, Name: "USER_WAIT_CONFIRM", Label: "待用户确认"},
	enum.Spec[Status]{Value: StatusUserWaitConfirmUpdate, Name: "USER_WAIT_CONFIRM_UPDATE", Label: "待用户处理商家协商"},
	enum.Spec[Status]{Value: StatusUserWaitHandleMerchantAfterSale, Name: "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE", Label: "待用户处理商家代发起的售后申请"},
	enum.Spec[Status]{Value: StatusWaitPackageIntercept, Name: "WAIT_PACKAGE_INTERCEPT", Label: "物流线上拦截中"},
	enum.Spec[Status]{Value: StatusUserWaitReceipt, Name: "USER_WAIT_RECEIPT", Label: "待用户收货"},
	enum.Spec[Status]{Value: StatusPlatformProcessing, Name: "PLATFORM_PROCESSING", Label: "平台审核中"},
	enum.Spec[Status]{Value: StatusMerchantRejectRefund, Name: "MERCHANT_REJECT_REFUND", Label: "商家拒绝退款"},
	enum.Spec[Status]{Value: StatusMerchantRejectReturn, Name: "MERCHANT_REJECT_RETURN", Label: "商家拒绝退货退款"},
	enum.Spec[Status]{Value: StatusMerchantRejectExchange, Name: "MERCHANT_REJECT_EXCHANGE", Label: "商家拒绝换货"},
	enum.Spec[Status]{Value: StatusMerchantRejectReship, Name: "MERCHANT_REJECT_RESHIP", Label: "商家拒绝发货"},
	enum.Spec[Status]{Value: StatusReturnClosed, Name: "RETURN_CLOSED", Label: "退货退款关闭"},
	enum.Spec[Status]{Value: StatusUserCancelled, Name: "USER_CANCELD", Label: "用户取消申请"},
	enum.Spec[Status]{Value: StatusMerchantRefundSuccess, Name: "MERCHANT_REFUND_SUCCESS", Label: "退款完成"},
	enum.Spec[Status]{Value: StatusMerchantReturnSuccess, Name: "MERCHANT_RETURN_SUCCESS", Label: "退货退款完成"},
	enum.Spec[Status]{Value: StatusMerchantExchangeSuccess, Name: "MERCHANT_EXCHANGE_SUCCESS", Label: "换货完成"},
	enum.Spec[Status]{Value: StatusMerchantRefundRetryFail, Name: "MERCHANT_REFUND_RETRY_FAIL", Label: "商家打款失败，客服关闭售后"},
	enum.Spec[Status]{Value: StatusMerchantFail, Name: "MERCHANT_FAIL", Label: "售后关闭"},
)

// Statuses returns every status in value order.
func Statuses() []Status { return statuses.Values() }

// ParseStatus parses the platform's string ("MERCHANT_PROCESSING", "USER_CANCELD"). An unknown
// string — the platform has sent statuses missing from its docs — is an error naming it that
// matches ErrUnknownCode, never a default.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// String returns the platform's string ("USER_CANCELD"), used in text and JSON.
func (s Status) String() string { return statuses.Name(s) }

// Label returns the Chinese term a merchant sees (用户取消申请).
func (s Status) Label() string { return statuses.Label(s) }

// IsValid reports whether s is one of the platform's statuses.
func (s Status) IsValid() bool { return s > 0 && s < numStatuses }

// Class says whether the status is OPEN, SEMI or FINAL (see Class). An invalid status has class
// 0, which is not a valid Class.
func (s Status) Class() Class {
	if !s.IsValid() {
		return 0
	}
	return classOf[s]
}

// Refunded reports whether the case ended with the buyer's money returned.
func (s Status) Refunded() bool {
	return s == StatusMerchantRefundSuccess || s == StatusMerchantReturnSuccess
}

// MarshalText renders the platform's string; an unknown status is an error.
func (s Status) MarshalText() ([]byte, error) { return statuses.MarshalText(s) }

// UnmarshalText parses the platform's string and leaves s unchanged on error.
func (s *Status) UnmarshalText(text []byte) error { return statuses.UnmarshalText(s, text) }
