package wxapi

import "github.com/wxshop-go/wxshop/internal/enum"

// RefundReason is why the money went back (refund_info.refund_reason of an after-sale order),
// with the platform's codes. Two of them record that the platform acted against the merchant:
// RefundPlatformAutoBeforeShipment and RefundShippedTooLate. The zero value means "not
// refunded yet".
type RefundReason uint8

// Refund reasons with the platform's codes (REFERENCE §2).
const (
	RefundByMerchant                 RefundReason = 1  // 商家后台或小助手退款
	RefundNoWaybillReceipt           RefundReason = 2  // 退货: 商家无运单确认收货 (无运费险)
	RefundByMerchantAPI              RefundReason = 3  // 商家通过接口退款
	RefundPlatformAutoBeforeShipment RefundReason = 4  // 未发货售后平台自动同意
	RefundArbitration                RefundReason = 5  // 平台仲裁
	RefundPlatformForced             RefundReason = 6  // 平台强制退款
	RefundInsuredNoWaybill           RefundReason = 7  // 退货: 有运费险, 买家同意
	RefundShippedTooLate             RefundReason = 8  // 商家发货超时，平台退款
	RefundMerchantTimeout            RefundReason = 9  // 商家未及时处理，平台自动同意
	RefundBuyerReceiptTimeout        RefundReason = 10 // 买家确认收货超时，平台退款
	RefundMerchantReceiptTimeout     RefundReason = 11 // 商家确认收货超时，平台退款
)

var refundReasons = enum.New("wxapi.RefundReason",
	enum.Spec[RefundReason]{Value: RefundByMerchant, Name: "by_merchant", Label: "商家退款"},
	enum.Spec[RefundReason]{Value: RefundNoWaybillReceipt, Name: "no_waybill_receipt", Label: "商家无运单确认收货退款"},
	enum.Spec[RefundReason]{Value: RefundByMerchantAPI, Name: "by_merchant_api", Label: "商家接口退款"},
	enum.Spec[RefundReason]{Value: RefundPlatformAutoBeforeShipment, Name: "platform_auto_before_shipment", Label: "未发货售后平台自动同意"},
	enum.Spec[RefundReason]{Value: RefundArbitration, Name: "arbitration", Label: "平台仲裁退款"},
	enum.Spec[RefundReason]{Value: RefundPlatformForced, Name: "platform_forced", Label: "平台强制退款"},
	enum.Spec[RefundReason]{Value: RefundInsuredNoWaybill, Name: "insured_no_waybill", Label: "运费险无运单退款"},
	enum.Spec[RefundReason]{Value: RefundShippedTooLate, Name: "shipped_too_late", Label: "商家发货超时，平台退款"},
	enum.Spec[RefundReason]{Value: RefundMerchantTimeout, Name: "merchant_timeout", Label: "商家超时未处理，平台自动同意"},
	enum.Spec[RefundReason]{Value: RefundBuyerReceiptTimeout, Name: "buyer_receipt_timeout", Label: "买家确认收货超时，平台退款"},
	enum.Spec[RefundReason]{Value: RefundMerchantReceiptTimeout, Name: "merchant_receipt_timeout", Label: "商家确认收货超时，平台退款"},
)

// RefundReasons returns every refund reason in code order.
func RefundReasons() []RefundReason { return refundReasons.Values() }

// IsValid reports whether r is a platform code.
func (r RefundReason) IsValid() bool { return refundReasons.Valid(r) }

// Code returns the platform's numeric code.
func (r RefundReason) Code() int { return int(r) }

// String returns the stable English name ("shipped_too_late").
func (r RefundReason) String() string { return refundReasons.Name(r) }

// Label returns the Chinese wording (商家发货超时，平台退款).
func (r RefundReason) Label() string { return refundReasons.Label(r) }

// AgainstMerchant reports whether the platform refunded because the merchant failed to act:
// it shipped too late, or did not handle the request or the return in time.
func (r RefundReason) AgainstMerchant() bool {
	return r == RefundShippedTooLate || r == RefundMerchantTimeout || r == RefundMerchantReceiptTimeout
}

// MarshalText renders the stable name; an unknown code is an error.
func (r RefundReason) MarshalText() ([]byte, error) { return refundReasons.MarshalText(r) }

// UnmarshalText parses a stable name and leaves r unchanged on error.
func (r *RefundReason) UnmarshalText(b []byte) error { return refundReasons.UnmarshalText(r, b) }
