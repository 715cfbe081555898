package aftersale

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Verdict is the platform's ruling on a non-shipment dispute: the buyer gets back what they
// paid for the case's units and, when the policy holds the merchant liable for the verified
// cause, the policy's payout on that amount. It records its inputs (Paid, Cause, the policy's
// name and version) and how the payout was reached (tier, rate, explanation), so Judge with the
// same inputs gives the same verdict. The money is computed once, by Judge: Decide refunds
// Refund and reports Payout, it never recomputes them. A Verdict is a value, safe to share.
type Verdict struct {
	// Cause is the verified cause; Liable says whether the policy makes the merchant pay for it.
	Cause  compensation.Cause
	Liable bool
	// Paid is what the buyer paid for the case's units: the base of the payout.
	Paid decimal.Decimal
	// Refund is the full refund (equal to Paid); Payout the compensation on top (zero when not
	// liable); Total their sum, what the buyer receives in all.
	Refund, Payout, Total decimal.Decimal
	// Tier and Rate are the payout tier and rate applied (zero when not liable); Form is what
	// the payout is paid as.
	Tier compensation.Tier
	Rate decimal.Decimal
	Form compensation.Form
	// Explanation is the one line a merchant reads, in Chinese (the payout's own line when
	// liable); ExplanationEN the same in English.
	Explanation, ExplanationEN string
	// PolicyName and PolicyVersion name the policy that judged, for audit.
	PolicyName, PolicyVersion string
}

// Judge rules on a non-shipment dispute: paid is what the buyer paid for the disputed units,
// cause the verified cause, p the compensation policy. It is pure: the same inputs give the
// same Verdict, which is how a stored verdict is checked (see Verdict.Equal). A paid amount the
// money rules refuse is an error matching ErrInvalidAmount; an unknown cause one matching
// ErrUnknownCode; a nil or zero policy one matching compensation.ErrInvalidPolicy.
func Judge(paid decimal.Decimal, cause compensation.Cause, p *compensation.Policy) (Verdict, error) {
	fen, err := money.ToFen("paid", paid)
	if err != nil {
		return Verdict{}, err
	}
	if !cause.IsValid() {
		return Verdict{}, &RequestError{Field: "cause", Value: fmt.Sprint(uint8(cause)), Reason: "unknown cause",
			Err: causeUnknown(cause)}
	}
	// Every policy NewPolicy or JSON builds has a valid mode; the zero Policy has none.
	if p == nil || !p.Mode().IsValid() {
		return Verdict{}, fmt.Errorf("aftersale: no compensation policy to judge with: %w", compensation.ErrInvalidPolicy)
	}
	refund := money.Yuan(fen) // two decimals, whatever the caller's representation
	v := Verdict{
		Cause: cause, Liable: p.Liable(cause), Paid: refund, Refund: refund, Form: p.Form(),
		PolicyName: p.Name(), PolicyVersion: p.Version(),
	}
	if !v.Liable {
		v.Payout, v.Total, v.Rate = decimal.Zero, refund, decimal.Zero
		amount := money.Format(refund)
		v.Explanation = "核实原因：" + cause.Label() + "，商家不承担不发货赔付，仅退款 " + amount + " 元"
		v.ExplanationEN = "Verified cause: " + cause.String() +
			"; the merchant owes no non-shipment compensation; refund " + amount + " yuan only"
		return v, nil
	}
	payout, err := p.Payout(refund)
	if err != nil {
		return Verdict{}, err
	}
	v.Payout = payout.Amount()
	v.Total = money.Yuan(fen + payout.AmountFen()) // whole fen: the sum is exact
	v.Tier, v.Rate = payout.Tier(), payout.Rate()
	v.Explanation, v.ExplanationEN = payout.Explain(), payout.ExplainEN()
	return v, nil
}

// Equal reports whether two verdicts say the same thing, amounts compared by value.
func (v Verdict) Equal(w Verdict) bool {
	return v.Cause == w.Cause && v.Liable == w.Liable && v.Paid.Equal(w.Paid) &&
		v.Refund.Equal(w.Refund) && v.Payout.Equal(w.Payout) && v.Total.Equal(w.Total) &&
		v.Tier.From.Equal(w.Tier.From) && v.Tier.Rate.Equal(w.Tier.Rate) && v.Rate.Equal(w.Rate) &&
		v.Form == w.Form && v.Explanation == w.Explanation && v.ExplanationEN == w.ExplanationEN &&
		v.PolicyName == w.PolicyName && v.PolicyVersion == w.PolicyVersion
}

// isZero reports whether v is the zero Verdict.
func (v Verdict) isZero() bool { return v.Equal(Verdict{}) }

// causeUnknown returns the enum error the compensation package gives for an unknown cause.
func causeUnknown(c compensation.Cause) error {
	_, err := c.MarshalText()
	return err
}
