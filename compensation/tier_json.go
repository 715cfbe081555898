package compensation

import (
	"bytes"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
)

// MarshalJSON writes the tier as a policy's JSON writes its tiers: {"from":"100.00","rate":"0.3"},
// the threshold with two decimals and the rate as the shortest decimal that is exactly it
// ("0.123456" stays "0.123456"; "0.30" is "0.3"). A threshold or rate that NewPolicy refuses is
// an error (a *PolicyError matching ErrInvalidPolicy), never rounded. It writes the bytes
// itself, so a tier inside a larger value (a verdict) costs no second pass of encoding/json.
func (t Tier) MarshalJSON() ([]byte, error) {
	from, num, err := t.compile("tier")
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, 40)
	b = append(b, `{"from":"`...)
	b = money.AppendFen(b, from)
	b = append(b, `","rate":"`...)
	b = append(b, rateText(num)...)
	return append(b, `"}`...), nil
}

// UnmarshalJSON reads what MarshalJSON writes, and a tier written by hand as a policy's JSON
// accepts it: from and rate as strings ("100.00", "0.3") or JSON numbers, both required,
// checked as NewPolicy checks a tier (a threshold of whole fen, not negative, at most
// 1,000,000,000.00 元; a rate in [0, 1] with at most six decimals). Unknown fields are refused.
// Every error matches ErrInvalidPolicy; on error *t is left unchanged. JSON null leaves *t
// unchanged too, as encoding/json does for values it cannot set to nil.
func (t *Tier) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var w tierJSON
	if err := strict.Decode(data, &w); err != nil {
		return &PolicyError{Field: "tier", Reason: err.Error(), Err: err}
	}
	var in Tier
	var err error
	if in.From, err = rawDecimal("tier.from", w.From); err != nil {
		return err
	}
	if in.Rate, err = rawDecimal("tier.rate", w.Rate); err != nil {
		return err
	}
	from, num, err := in.compile("tier")
	if err != nil {
		return err
	}
	*t = Tier{From: money.Yuan(from), Rate: decimal.New(num, -rateScale).Normalize()}
	return nil
}
