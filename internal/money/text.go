package money

import (
	"encoding"
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Fen is an amount of money in stored JSON: whole fen in memory, written as a string of yuan
// with exactly two decimals ("10.10"), read from such a string or a plain JSON number and
// validated as ParseFen validates, null and negative amounts included. Stored forms declare
// their amounts as Fen, so an amount is converted once, where it is read, and never passes
// through a decimal on the way.
type Fen int64

// IsZero reports a zero amount, so that an optional amount tagged `omitzero` is left out.
func (f Fen) IsZero() bool { return f == 0 }

// MarshalText writes the amount with two decimals, which JSON writes as a string ("10.10"). A
// negative amount or one above MaxFen cannot have come from ParseFen or ToFen, and is an
// error. It is MarshalText, not MarshalJSON, on purpose: encoding/json re-scans and compacts
// what a MarshalJSON returns, and only quotes what a MarshalText returns, so every amount of a
// stored form costs one append.
func (f Fen) MarshalText() ([]byte, error) {
	if f < 0 || int64(f) > MaxFen {
		return nil, &AmountError{Field: "amount", Value: FormatFen(max(int64(f), -int64(f))) + " fen", Reason: "outside 0.." + FormatFen(MaxFen)}
	}
	return AppendFen(make([]byte, 0, 16), int64(f)), nil
}

// UnmarshalJSON reads "10.10" or 10.1 and rejects anything else (null, an exponent, a
// negative amount, more than two decimals, text beyond MaxText). On error *f is left
// unchanged.
func (f *Fen) UnmarshalJSON(b []byte) error {
	if len(b) > MaxText+2 {
		return &AmountError{Field: "amount", Value: quoteBounded(string(b)), Reason: "longer than 32 characters"}
	}
	text := b
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		text = b[1 : len(b)-1]
		for _, c := range text {
			if c == '\\' {
				return &AmountError{Field: "amount", Value: string(b), Reason: "not a decimal number"}
			}
		}
	}
	fen, reason := parseFen(string(text))
	if reason != "" {
		return &AmountError{Field: "amount", Value: string(b), Reason: reason}
	}
	*f = Fen(fen)
	return nil
}

// FenOf converts a validated decimal amount (see ToFen) into a Fen for marshalling; an amount
// the money rules refuse (more than two decimals, negative, above MaxYuan) is an error, so that
// marshalling fails rather than rounding.
func FenOf(field string, yuan decimal.Decimal) (Fen, error) {
	fen, err := ToFen(field, yuan)
	return Fen(fen), err
}

// Decimal returns the amount in yuan.
func (f Fen) Decimal() decimal.Decimal { return Yuan(int64(f)) }

var (
	_ encoding.TextMarshaler = Fen(0)
	_ json.Unmarshaler       = (*Fen)(nil)
)
