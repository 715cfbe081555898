package aftersale

import "github.com/wxshop-go/wxshop/internal/enum"

// Class groups statuses by what they mean for the order. The split is wxshop's reading of the
// platform, not a platform field: only "RETURN_CLOSED is not final" and "USER_CANCELD is final"
// come from the platform's own staff.
type Class uint8

// Classes. The zero value is not a class.
const (
	// ClassOpen: the case is in progress and blocks shipping the order (platform error 108009).
	ClassOpen Class = iota + 1
	// ClassSemi: the merchant said no (MERCHANT_REJECT_*, RETURN_CLOSED); the buyer may still
	// ask the platform to intervene within EscalationWindow, so the case blocks shipping until
	// that window lapses.
	ClassSemi
	// ClassFinal: the case is over; a new request needs a new case.
	ClassFinal
)

var classes = enum.New("aftersale.Class",
	enum.Spec[Class]{Value: ClassOpen, Name: "open", Label: "处理中"},
	enum.Spec[Class]{Value: ClassSemi, Name: "semi", Label: "待买家决定"},
	enum.Spec[Class]{Value: ClassFinal, Name: "final", Label: "已结束"},
)

// classOf is the classification, one entry per status.
var classOf = [numStatuses]Class{
	StatusMerchantProcessing:              ClassOpen,
	StatusUserWaitReturn:                  ClassOpen,
	StatusMerchantWaitReceipt:             ClassOpen,
	StatusMerchantOverdueRefund:           ClassOpen,
	StatusPlatformRefunding:               ClassOpen,
	StatusPlatformRefundFail:              ClassOpen,
	StatusUserWaitConfirm:                 ClassOpen,
	StatusUserWaitConfirmUpdate:           ClassOpen,
	StatusUserWaitHandleMerchantAfterSale: ClassOpen,
	StatusWaitPackageIntercept:            ClassOpen,
	StatusUserWaitReceipt:                 ClassOpen,
	StatusPlatformProcessing:              ClassOpen,
	StatusMerchantRejectRefund:            ClassSemi,
	StatusMerchantRejectReturn:            ClassSemi,
	StatusMerchantRejectExchange:          ClassSemi,
	StatusMerchantRejectReship:            ClassSemi,
	StatusReturnClosed:                    ClassSemi,
	StatusUserCancelled:                   ClassFinal,
	StatusMerchantRefundSuccess:           ClassFinal,
	StatusMerchantReturnSuccess:           ClassFinal,
	StatusMerchantExchangeSuccess:         ClassFinal,
	StatusMerchantRefundRetryFail:         ClassFinal,
	StatusMerchantFail:                    ClassFinal,
}

// Classes returns every class in value order.
func Classes() []Class { return classes.Values() }

// String returns the stable English name ("semi").
func (c Class) String() string { return classes.Name(c) }

// Label returns the Chinese term (待买家决定).
func (c Class) Label() string { return classes.Label(c) }

// IsValid reports whether c is a known class.
func (c Class) IsValid() bool { return classes.Valid(c) }

// MarshalText renders the stable name; an unknown class is an error.
func (c Class) MarshalText() ([]byte, error) { return classes.MarshalText(c) }

// UnmarshalText parses a stable name and leaves c unchanged on error.
func (c *Class) UnmarshalText(text []byte) error { return classes.UnmarshalText(c, text) }
