package compensation

import "github.com/wxshop-go/wxshop/internal/enum"

// Rounding says how a payout is rounded to whole fen (0.01 元). Payouts always round to fen;
// only the direction is configurable. The zero value is not a valid rounding.
type Rounding uint8

// Roundings. Payouts are never negative, so "half up" and "half away from zero" agree.
const (
	// HalfUp rounds to the nearest fen, halves up: 49.995 → 50.00. The default.
	HalfUp Rounding = 1
	// HalfEven rounds to the nearest fen, halves to the even fen: 49.995 → 50.00, 30.015 → 30.02,
	// 0.025 → 0.02.
	HalfEven Rounding = 2
	// Down drops fractions of a fen: 49.999 → 49.99.
	Down Rounding = 3
	// Up raises any fraction of a fen to the next fen: 49.991 → 50.00.
	Up Rounding = 4
)

var roundings = enum.New("compensation.Rounding",
	enum.Spec[Rounding]{Value: HalfUp, Name: "half_up", Label: "四舍五入"},
	enum.Spec[Rounding]{Value: HalfEven, Name: "half_even", Label: "四舍六入五成双"},
	enum.Spec[Rounding]{Value: Down, Name: "down", Label: "舍去"},
	enum.Spec[Rounding]{Value: Up, Name: "up", Label: "进一"},
)

// String returns the stable English name ("half_up"), used in JSON.
func (r Rounding) String() string { return roundings.Name(r) }

// Label returns the Chinese label (四舍五入).
func (r Rounding) Label() string { return roundings.Label(r) }

// IsValid reports whether r is one of the four roundings.
func (r Rounding) IsValid() bool { return roundings.Valid(r) }

// MarshalText renders the stable name; an invalid rounding is an error.
func (r Rounding) MarshalText() ([]byte, error) { return roundings.MarshalText(r) }

// UnmarshalText parses a stable name; an unknown name is an error matching ErrUnknownCode.
func (r *Rounding) UnmarshalText(text []byte) error { return roundings.UnmarshalText(r, text) }

// round returns n/d (n ≥ 0, d > 0) as a whole number, rounded the way r says. Payouts are
// n fen-millionths over d = rateDen, so this rounds to whole fen. It is the one place where
// a payout is rounded: every mode is mapped here and nowhere else.
func (r Rounding) round(n, d int64) int64 {
	q, rem := n/d, n%d
	switch r {
	case Down:
		return q
	case Up:
		if rem > 0 {
			q++
		}
	case HalfEven:
		if 2*rem > d || (2*rem == d && q%2 == 1) {
			q++
		}
	default: // HalfUp; NewPolicy admits no other value.
		if 2*rem >= d {
			q++
		}
	}
	return q
}
