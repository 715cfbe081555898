package compensation

import "github.com/shopspring/decimal"

// Option configures a Policy in NewPolicy. Options only record a setting; NewPolicy validates
// them all, so a bad option is an error from NewPolicy, never a panic.
type Option func(*settings)

// settings is what the options set; NewPolicy starts from the defaults below.
type settings struct {
	name, version    string
	mode             Mode
	rounding         Rounding
	form             Form
	floor, cap       decimal.Decimal
	hasFloor, hasCap bool
	liable           []Cause
	hasLiable        bool
}

func defaultSettings() settings {
	return settings{mode: Flat, rounding: HalfUp, form: Cash}
}

// WithMode sets how tiers combine: Flat (the default) or Marginal.
func WithMode(m Mode) Option { return func(s *settings) { s.mode = m } }

// WithRounding sets how payouts round to fen: HalfUp (the default), HalfEven, Down or Up.
func WithRounding(r Rounding) Option { return func(s *settings) { s.rounding = r } }

// WithFloor sets the minimum payout in yuan (at most two decimals, not negative). A floor
// never raises a payout above the amount paid: an order of 3.00 元 with a 5.00 元 floor is paid
// 3.00 元, and an order of 0 元 is paid nothing.
func WithFloor(yuan decimal.Decimal) Option {
	return func(s *settings) { s.floor, s.hasFloor = yuan, true }
}

// WithCap sets the maximum payout in yuan (at most two decimals, not negative, not below the
// floor).
func WithCap(yuan decimal.Decimal) Option {
	return func(s *settings) { s.cap, s.hasCap = yuan, true }
}

// WithForm records what the buyer receives: Cash (the default), Coupon, RedPacket or Points.
func WithForm(f Form) Option { return func(s *settings) { s.form = f } }

// WithName names the policy and its version for audit: every Payout carries both, so a host
// can tell later which rules produced it. Both must be valid UTF-8.
func WithName(name, version string) Option {
	return func(s *settings) { s.name, s.version = name, version }
}

// WithLiable sets exactly which causes the merchant is liable for, replacing the default
// (StockShortage, MerchantError and Malicious). WithLiable() with no causes makes the
// merchant liable for none.
func WithLiable(causes ...Cause) Option {
	return func(s *settings) { s.liable, s.hasLiable = append([]Cause(nil), causes...), true }
}
