package compensation

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
)

// payoutJSON is a Payout's stored form: what it paid and how, and the whole policy that
// computed it, so that reading it back recomputes the very same payout.
type payoutJSON struct {
	Paid          money.Fen `json:"paid"`
	Amount        money.Fen `json:"amount"`
	Unrounded     string    `json:"unrounded"`
	Tier          *tierJSON `json:"tier,omitempty"`
	Rate          string    `json:"rate,omitempty"`
	Floored       bool      `json:"floored,omitempty"`
	Capped        bool      `json:"capped,omitempty"`
	Form          *Form     `json:"form,omitempty"`
	Explanation   string    `json:"explanation"`
	ExplanationEN string    `json:"explanation_en"`
	Policy        *Policy   `json:"policy,omitempty"`
}

// MarshalJSON writes the payout with everything a reader wants (the amounts, the tier and
// rate, whether a floor or cap applied, the explanations) and the policy that computed it, so
// the JSON reads back losslessly. The zero Payout has no policy.
func (o Payout) MarshalJSON() ([]byte, error) {
	j := payoutJSON{Paid: money.Fen(o.paid), Amount: money.Fen(o.amount), Unrounded: o.Unrounded().String(),
		Explanation: o.Explain(), ExplanationEN: o.ExplainEN()}
	if o.r != nil {
		t := o.Tier()
		form := o.r.form
		j.Tier = &tierJSON{From: quote(money.Format(t.From)), Rate: quote(t.Rate.String())}
		j.Rate, j.Floored, j.Capped, j.Form = o.Rate().String(), o.Floored(), o.Capped(), &form
		j.Policy = &Policy{r: o.r}
	}
	return json.Marshal(j)
}

// errPayoutMismatch: a stored payout that its own policy does not compute.
var errPayoutMismatch = errors.New("the stored payout is not what its policy pays")

// UnmarshalJSON reads what MarshalJSON writes: it rebuilds the policy (with every check of the
// policy's own JSON), recomputes the payout of the amount paid, and refuses a stored payout that
// the policy does not compute, field for field. Unknown fields are refused. On error o is left
// unchanged. Errors match ErrInvalidPolicy or ErrInvalidAmount.
func (o *Payout) UnmarshalJSON(data []byte) error {
	var j payoutJSON
	if err := strict.Decode(data, &j); err != nil {
		return &PolicyError{Field: "payout", Reason: err.Error(), Err: err}
	}
	var got Payout
	if j.Policy != nil {
		r, err := j.Policy.usable()
		if err != nil {
			return err
		}
		got = r.payout(int64(j.Paid))
	}
	back, err := got.MarshalJSON()
	if err != nil {
		return err
	}
	var want payoutJSON
	if err := json.Unmarshal(back, &want); err != nil {
		return err
	}
	if !samePayout(j, want) {
		return &PolicyError{Field: "payout", Value: money.FormatFen(int64(j.Amount)), Reason: errPayoutMismatch.Error(), Err: errPayoutMismatch}
	}
	*o = got
	return nil
}

// samePayout compares two stored payouts, their policies by their JSON.
func samePayout(a, b payoutJSON) bool {
	pa, pb := a.Policy, b.Policy
	a.Policy, b.Policy = nil, nil
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) || (pa == nil) != (pb == nil) {
		return false
	}
	if pa == nil {
		return true
	}
	qa, _ := json.Marshal(pa)
	qb, _ := json.Marshal(pb)
	return bytes.Equal(qa, qb)
}
