package compensation

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// Policy is a validated payout table with its settings. Build one with Default, NewPolicy or
// JSON (UnmarshalJSON). A Policy is immutable after construction and safe for concurrent use;
// UnmarshalJSON is construction and belongs on a fresh Policy. The zero Policy has no tiers:
// Payout rejects it with ErrInvalidPolicy.
type Policy struct {
	r *rules // nil for the zero Policy; shared, never modified
}

// rules is a policy's content. It is never modified after NewPolicy, so policies and payouts
// share it freely.
type rules struct {
	name, version    string
	mode             Mode
	rounding         Rounding
	form             Form
	floor, cap       int64 // fen
	hasFloor, hasCap bool
	liable           causeSet
	tiers            []tier // never modified after construction: payouts share it
}

// defaultRules is the published table; Default wraps it in a new Policy each time.
var defaultRules = func() *rules {
	p, err := NewPolicy([]Tier{
		{From: decimal.Zero, Rate: decimal.New(5, -1)},
		{From: decimal.New(100, 0), Rate: decimal.New(3, -1)},
		{From: decimal.New(5000, 0), Rate: decimal.New(2, -1)},
	}, WithName("default", "1"))
	if err != nil {
		panic(err) // a literal table: the first test that loads the package catches it
	}
	return p.r
}()

// Default returns the table the platform publishes: below 100 元 50% of the order amount,
// from 100 元 30%, from 5000 元 20%; flat mode, half-up rounding to 0.01 元, no floor or cap,
// paid in cash, the merchant liable by default (see Liable). It is named "default", version
// "1". Each call returns a new Policy.
func Default() *Policy { return &Policy{r: defaultRules} }

// NewPolicy validates tiers and options and returns a Policy. Tiers are given in increasing
// order of From; the first starts at 0. An invalid policy is an error matching
// ErrInvalidPolicy (a *PolicyError) that names the problem: no tiers, a first tier not from 0,
// thresholds not strictly increasing, a threshold that is negative, has more than two decimals
// or is above 1,000,000,000.00 元, a rate outside [0, 1] or with more than six decimals, a
// negative floor or cap or one with more than two decimals, a floor above the cap, an unknown
// mode, rounding, form or cause, a name or version that is not UTF-8.
func NewPolicy(tiers []Tier, opts ...Option) (*Policy, error) {
	s := defaultSettings()
	for _, opt := range opts {
		if opt != nil {
			opt(&s)
		}
	}
	r := &rules{name: s.name, version: s.version, mode: s.mode, rounding: s.rounding, form: s.form, liable: defaultLiable}
	if err := r.checkSettings(s); err != nil {
		return nil, err
	}
	compiled, err := compileTiers(tiers)
	if err != nil {
		return nil, err
	}
	r.tiers = compiled
	return &Policy{r: r}, nil
}

// checkSettings validates everything but the tiers and fills in r's limits and liability.
func (r *rules) checkSettings(s settings) error {
	switch {
	case !s.mode.IsValid():
		return &PolicyError{Field: "mode", Value: itoa(int64(s.mode)), Reason: "unknown mode", Err: modes.Check(s.mode)}
	case !s.rounding.IsValid():
		return &PolicyError{Field: "rounding", Value: itoa(int64(s.rounding)), Reason: "unknown rounding", Err: roundings.Check(s.rounding)}
	case !s.form.IsValid():
		return &PolicyError{Field: "form", Value: itoa(int64(s.form)), Reason: "unknown form", Err: forms.Check(s.form)}
	case !utf8.ValidString(s.name):
		return &PolicyError{Field: "name", Value: fmt.Sprintf("%q", s.name), Reason: "not valid UTF-8"}
	case !utf8.ValidString(s.version):
		return &PolicyError{Field: "version", Value: fmt.Sprintf("%q", s.version), Reason: "not valid UTF-8"}
	}
	if s.hasLiable {
		r.liable = 0
		for i, c := range s.liable {
			if !c.IsValid() {
				return &PolicyError{Field: "liable[" + itoa(int64(i)) + "]", Value: itoa(int64(c)), Reason: "unknown cause", Err: causes.Check(c)}
			}
			r.liable = r.liable.with(c)
		}
	}
	var err error
	if s.hasFloor {
		if r.floor, err = money.ToFen("floor", s.floor); err != nil {
			return amountPolicyError("floor", s.floor, err)
		}
		r.hasFloor = true
	}
	if s.hasCap {
		if r.cap, err = money.ToFen("cap", s.cap); err != nil {
			return amountPolicyError("cap", s.cap, err)
		}
		r.hasCap = true
	}
	if r.hasFloor && r.hasCap && r.floor > r.cap {
		return &PolicyError{Field: "floor", Value: yuanText(r.floor), Reason: "above the cap " + yuanText(r.cap)}
	}
	return nil
}

// amountPolicyError turns an amount rejected by the money rules into a PolicyError that still
// matches ErrInvalidAmount.
func amountPolicyError(field string, d decimal.Decimal, err error) *PolicyError {
	reason := err.Error()
	if ae, ok := errors.AsType[*money.AmountError](err); ok {
		reason = ae.Reason
	}
	return &PolicyError{Field: field, Value: decimalText(d), Reason: reason, Err: err}
}

// usable returns the policy's rules, or the error Payout gives for a nil or zero Policy.
func (p *Policy) usable() (*rules, error) {
	if p != nil && p.r != nil {
		return p.r, nil
	}
	return nil, &PolicyError{Field: "tiers", Reason: "no tiers (a zero Policy: use Default, NewPolicy or JSON)"}
}

// Name returns the policy's name for audit ("" if none was given).
func (p *Policy) Name() string { return p.orZero().name }

// Version returns the policy's version for audit ("" if none was given).
func (p *Policy) Version() string { return p.orZero().version }

// Mode returns how tiers combine.
func (p *Policy) Mode() Mode { return p.orZero().mode }

// Rounding returns how payouts round to fen.
func (p *Policy) Rounding() Rounding { return p.orZero().rounding }

// Form returns what the buyer receives.
func (p *Policy) Form() Form { return p.orZero().form }

// Floor returns the minimum payout in yuan, and false when there is none.
func (p *Policy) Floor() (decimal.Decimal, bool) {
	q := p.orZero()
	return money.Yuan(q.floor), q.hasFloor
}

// Cap returns the maximum payout in yuan, and false when there is none.
func (p *Policy) Cap() (decimal.Decimal, bool) {
	q := p.orZero()
	return money.Yuan(q.cap), q.hasCap
}

// Tiers returns a copy of the tiers, normalised: From with two decimals, Rate without
// trailing zeros.
func (p *Policy) Tiers() []Tier {
	q := p.orZero()
	out := make([]Tier, len(q.tiers))
	for i, t := range q.tiers {
		out[i] = t.Tier
	}
	return out
}

// noRules is what the getters read for a nil or zero Policy.
var noRules rules

// orZero lets the getters answer for a nil or zero Policy with zero values.
func (p *Policy) orZero() *rules {
	if p == nil || p.r == nil {
		return &noRules
	}
	return p.r
}
