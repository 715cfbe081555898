package compensation

import "github.com/wxshop-go/wxshop/internal/enum"

// Form is what the buyer receives. The policy records it for the host, which pays it out;
// it does not change the amount. The zero value is not a valid form.
type Form uint8

// Forms.
const (
	Cash      Form = 1 // 现金 (back to the buyer's payment method), the default
	Coupon    Form = 2 // 优惠券
	RedPacket Form = 3 // 红包
	Points    Form = 4 // 积分
)

var forms = enum.New("compensation.Form",
	enum.Spec[Form]{Value: Cash, Name: "cash", Label: "现金"},
	enum.Spec[Form]{Value: Coupon, Name: "coupon", Label: "优惠券"},
	enum.Spec[Form]{Value: RedPacket, Name: "red_packet", Label: "红包"},
	enum.Spec[Form]{Value: Points, Name: "points", Label: "积分"},
)

// String returns the stable English name ("red_packet"), used in JSON.
func (f Form) String() string { return forms.Name(f) }

// Label returns the Chinese label (红包).
func (f Form) Label() string { return forms.Label(f) }

// IsValid reports whether f is one of the four forms.
func (f Form) IsValid() bool { return forms.Valid(f) }

// MarshalText renders the stable name; an invalid form is an error.
func (f Form) MarshalText() ([]byte, error) { return forms.MarshalText(f) }

// UnmarshalText parses a stable name; an unknown name is an error matching ErrUnknownCode.
func (f *Form) UnmarshalText(text []byte) error { return forms.UnmarshalText(f, text) }
