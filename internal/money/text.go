package money

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Text is an amount of money as it appears in JSON: written as a string with exactly two
// decimals ("10.10"), read from a string or a JSON number and validated as Parse validates.
// Wire structs declare their amounts as Text; convert with Text(d) and decimal.Decimal(t).
type Text decimal.Decimal

// IsZero reports a zero amount, so that an optional amount tagged `omitzero` is left out.
func (t Text) IsZero() bool { return decimal.Decimal(t).IsZero() }

// MarshalJSON writes the amount as a string with two decimals.
func (t Text) MarshalJSON() ([]byte, error) {
	return json.Marshal(Format(decimal.Decimal(t)))
}

// UnmarshalJSON reads "10.10" or 10.1 and rejects anything that is not a valid amount (see
// Check), including null. On error *t is left unchanged.
func (t *Text) UnmarshalJSON(b []byte) error {
	text := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &text); err != nil {
			return &AmountError{Field: "amount", Value: string(b), Reason: "not a JSON string or number"}
		}
	}
	d, err := Parse("amount", text)
	if err != nil {
		return err
	}
	*t = Text(d)
	return nil
}
