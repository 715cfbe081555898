package compensation

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// Payout is what one order is paid under a policy, with how it was reached. It is an
// immutable value; its getters build decimals on demand, so computing a Payout allocates
// nothing. The zero Payout is the payout of nothing: every amount zero, no policy.
type Payout struct {
	// Four words, no more: the compiler keeps a struct this small in registers, while a larger
	// one round-trips through memory on every return, which cost more than the arithmetic.
	// The tier, the rounded value and the floor and cap flags are derived from these.
	r      *rules // nil for the zero Payout; a later UnmarshalJSON on the Policy cannot touch it
	paid   int64  // fen
	exact  int64  // fen millionths, before rounding, floor and cap
	amount int64  // fen
}

// Payout computes the compensation for an order of amount yuan that was never shipped.
// amount must be a whole number of fen, not negative and at most 1,000,000,000.00 元; otherwise
// the error matches ErrInvalidAmount and names the value. A zero amount is paid zero, floor or
// not. A nil or zero Policy is an error matching ErrInvalidPolicy.
//
// The result is never negative, never above amount, always whole fen: the exact value is
// amount × rate (Flat) or the sum of each band × its rate (Marginal), rounded once by the
// policy's rounding, then lowered to the cap, then raised to the floor but never above amount.
func (p *Policy) Payout(amount decimal.Decimal) (Payout, error) {
	r, err := p.usable()
	if err != nil {
		return Payout{}, err
	}
	fen, err := money.ToFen("amount", amount)
	if err != nil {
		return Payout{}, fmt.Errorf("compensation: %w", err)
	}
	return r.payout(fen), nil
}

// payout computes a payout for a validated amount in fen.
func (r *rules) payout(fen int64) Payout {
	t := &r.tiers[tierAt(r.tiers, fen)]
	exact := fen * t.num
	if r.mode == Marginal {
		exact = t.below + (fen-t.from)*t.num
	}
	amount := r.rounding.round(exact, rateDen)
	if r.hasCap {
		amount = min(amount, r.cap)
	}
	if r.hasFloor && amount < r.floor {
		amount = min(r.floor, fen) // a floor never pays more than was paid
	}
	return Payout{r: r, paid: fen, exact: exact, amount: amount}
}

// rounded is the payout after rounding, before floor and cap.
func (o Payout) rounded() int64 {
	if o.r == nil {
		return 0
	}
	return o.r.rounding.round(o.exact, rateDen)
}

// Paid returns the order amount the payout was computed from, in yuan (two decimals).
func (o Payout) Paid() decimal.Decimal { return money.Yuan(o.paid) }

// Amount returns the payout in yuan (two decimals).
func (o Payout) Amount() decimal.Decimal { return money.Yuan(o.amount) }

// AmountFen returns the payout in fen, the unit of the platform's API.
func (o Payout) AmountFen() int64 { return o.amount }

// Unrounded returns the exact payout before rounding, floor and cap, in yuan, with as many
// decimals as it needs (49.995 for 99.99 at 50%).
func (o Payout) Unrounded() decimal.Decimal { return decimal.New(o.exact, -2-rateScale).Normalize() }

// Tier returns the tier the order amount falls in (for Marginal, the highest band reached).
func (o Payout) Tier() Tier {
	if o.r == nil {
		return Tier{}
	}
	return o.r.tiers[tierAt(o.r.tiers, o.paid)].Tier
}

// Rate returns the rate of Tier: in Flat mode the rate applied to the whole amount, in
// Marginal mode the rate of the highest band (the marginal rate).
func (o Payout) Rate() decimal.Decimal { return o.Tier().Rate }

// Floored reports whether the policy's floor raised the payout (the floor is the only thing
// that raises one).
func (o Payout) Floored() bool { return o.amount > o.rounded() }

// Capped reports whether the policy's cap lowered the payout (the cap is the only thing that
// lowers one).
func (o Payout) Capped() bool { return o.amount < o.rounded() }

// Form returns what the buyer receives, as the policy records it.
func (o Payout) Form() Form { return o.rules().form }

// PolicyName returns the name of the policy that computed the payout, for audit.
func (o Payout) PolicyName() string { return o.rules().name }

// PolicyVersion returns the version of the policy that computed the payout, for audit.
func (o Payout) PolicyVersion() string { return o.rules().version }

// rules returns the payout's rules, or empty ones for the zero Payout.
func (o Payout) rules() *rules {
	if o.r == nil {
		return &noRules
	}
	return o.r
}
