package compensation

import "github.com/wxshop-go/wxshop/internal/enum"

// Cause is why an order was not shipped. Whether the merchant pays for it is the policy's
// call (Policy.Liable). The zero value is not a valid cause.
type Cause uint8

// Causes.
const (
	StockShortage    Cause = 1 // 库存不足: sold what was not in stock
	MerchantError    Cause = 2 // 操作失误: the merchant's own mistake (wrong stock count, missed order)
	LogisticsFailure Cause = 3 // 物流问题: the carrier lost or delayed the parcel
	Malicious        Cause = 4 // 恶意不发货: deliberate non-shipment
)

var causes = enum.New("compensation.Cause",
	enum.Spec[Cause]{Value: StockShortage, Name: "stock_shortage", Label: "库存不足"},
	enum.Spec[Cause]{Value: MerchantError, Name: "merchant_error", Label: "操作失误"},
	enum.Spec[Cause]{Value: LogisticsFailure, Name: "logistics_failure", Label: "物流问题"},
	enum.Spec[Cause]{Value: Malicious, Name: "malicious", Label: "恶意不发货"},
)

// Causes returns every cause, in code order.
func Causes() []Cause { return causes.Values() }

// String returns the stable English name ("stock_shortage"), used in JSON.
func (c Cause) String() string { return causes.Name(c) }

// Label returns the Chinese label (库存不足).
func (c Cause) Label() string { return causes.Label(c) }

// IsValid reports whether c is one of the four causes.
func (c Cause) IsValid() bool { return causes.Valid(c) }

// MarshalText renders the stable name; an invalid cause is an error.
func (c Cause) MarshalText() ([]byte, error) { return causes.MarshalText(c) }

// UnmarshalText parses a stable name; an unknown name is an error matching ErrUnknownCode.
func (c *Cause) UnmarshalText(text []byte) error { return causes.UnmarshalText(c, text) }

// causeSet is a set of causes, one bit per cause code.
type causeSet uint8

// defaultLiable is who pays by default: the merchant answers for running out of stock, for
// its own mistakes and for refusing to ship, but not for a carrier's loss or delay.
var defaultLiable = causeSet(0).with(StockShortage).with(MerchantError).with(Malicious)

func (s causeSet) with(c Cause) causeSet { return s | 1<<c }

func (s causeSet) has(c Cause) bool { return c.IsValid() && s&(1<<c) != 0 }

// list returns the causes in the set, in code order.
func (s causeSet) list() []Cause {
	out := []Cause{}
	for _, c := range causes.Values() {
		if s.has(c) {
			out = append(out, c)
		}
	}
	return out
}

// Liable reports whether the merchant pays compensation for an order not shipped because of
// cause. By default it does for StockShortage, MerchantError and Malicious, and not for
// LogisticsFailure; WithLiable changes that. An invalid cause, or a nil or zero Policy, is
// never liable.
func (p *Policy) Liable(cause Cause) bool {
	return p.orZero().liable.has(cause)
}
