// Package money is the one place where wxshop validates, converts and formats amounts of money.
//
// Amounts are decimal yuan (元) with at most two decimal places (fen, 分). The WeChat Shop API
// speaks integer fen; the domain speaks decimal yuan; this package converts between the two
// exactly and rejects anything that is not a whole number of fen.
package money

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
)

// ErrInvalidAmount is matched (with errors.Is) by every error that rejects an amount of money:
// negative, more than two decimal places, or above MaxYuan. The domain packages re-export it.
var ErrInvalidAmount = errors.New("invalid amount")

// MaxFen is the largest amount accepted anywhere in wxshop, in fen: 1,000,000,000.00 元 (10亿元).
// The platform caps a SKU's price at 10,000,000 元; an order of many units can exceed that, but
// nothing a shop sells comes near 10亿元, so a larger value is a unit slip (fen sent as yuan) or
// hostile input. The bound also keeps every fen computation far inside int64.
const MaxFen int64 = 100_000_000_000

// MaxYuan is MaxFen in yuan: the ceiling documented for every amount.
var MaxYuan = decimal.New(MaxFen, -2)

// AmountError says which amount was rejected and why. It matches ErrInvalidAmount.
type AmountError struct {
	// Field names the amount, as the caller knows it (for example "amount" or "sale_price").
	Field string
	// Value is the rejected value as given.
	Value string
	// Reason is a short English explanation: "negative", "more than two decimal places", ...
	Reason string
}

// Error implements error.
func (e *AmountError) Error() string {
	return fmt.Sprintf("invalid amount: %s %s: %s", e.Field, e.Value, e.Reason)
}

// Unwrap makes errors.Is(err, ErrInvalidAmount) true.
func (e *AmountError) Unwrap() error { return ErrInvalidAmount }

// Check validates an amount in yuan: not negative, at most two decimal places, at most MaxYuan.
// field names the amount in the error.
func Check(field string, yuan decimal.Decimal) error {
	_, err := ToFen(field, yuan)
	return err
}

// CheckPositive is Check plus "greater than zero", for prices.
func CheckPositive(field string, yuan decimal.Decimal) error {
	fen, err := ToFen(field, yuan)
	if err != nil {
		return err
	}
	if fen == 0 {
		return &AmountError{Field: field, Value: Format(yuan), Reason: "must be greater than zero"}
	}
	return nil
}

// ToFen validates an amount in yuan (as Check does) and returns it in whole fen.
//
// Amounts usually arrive as money.Yuan builds them or as text like "99.99": a small coefficient
// with two, one or no decimals. Those take a shortcut with no big-number work; everything else,
// and every error, takes the general path.
func ToFen(field string, yuan decimal.Decimal) (int64, error) {
	if fen, ok := smallFen(yuan); ok {
		return fen, nil
	}
	return generalToFen(field, yuan)
}

// pow10 holds the factors that turn a coefficient with exponent -2, -1 or 0 into fen.
var pow10 = [3]int64{1, 10, 100}

// smallFen converts yuan whose exponent is -2, -1 or 0 and whose coefficient has at most 11
// digits (so it is below 10^11 and exact in int64). It reports false for anything else.
func smallFen(yuan decimal.Decimal) (int64, bool) {
	exp := yuan.Exponent()
	if exp < -2 || exp > 0 || yuan.NumDigits() > 11 {
		return 0, false
	}
	c := yuan.CoefficientInt64()
	if c < 0 {
		return 0, false
	}
	fen := c * pow10[exp+2]
	return fen, fen <= MaxFen
}

// generalToFen is ToFen for any decimal, including ones built in code with an extreme exponent
// (decimal.New(1, 1<<30)): it decides those from the coefficient and exponent alone, without
// expanding 10^exponent.
func generalToFen(field string, yuan decimal.Decimal) (int64, error) {
	exp := yuan.Exponent()
	if exp < -maxExponent || exp > maxExponent {
		// Zero included: a zero with exponent 2^30 passes every value test, and then whatever
		// formats it (an error message, JSON) expands 10^(2^30) digit by digit.
		return 0, &AmountError{Field: field, Value: describe(yuan), Reason: "exponent out of range"}
	}
	coef := yuan.Coefficient()
	if coef.Sign() == 0 {
		return 0, nil
	}
	if coef.Sign() < 0 {
		return 0, &AmountError{Field: field, Value: describe(yuan), Reason: "negative"}
	}
	if exp > 11 { // at least 10^12 yuan
		return 0, &AmountError{Field: field, Value: describe(yuan), Reason: "above the ceiling of " + Format(MaxYuan) + " yuan"}
	}
	// With exponent -2-k, a whole number of fen needs the coefficient to be a multiple of 10^k;
	// a coefficient below 10^k (certainly when k ≥ its bit length) cannot be.
	if k := -int64(exp) - 2; k > 0 && (k >= int64(coef.BitLen()) || !yuan.Equal(yuan.Truncate(2))) {
		return 0, &AmountError{Field: field, Value: describe(yuan), Reason: "more than two decimal places (not a whole number of fen)"}
	}
	if yuan.Cmp(MaxYuan) > 0 {
		return 0, &AmountError{Field: field, Value: describe(yuan), Reason: "above the ceiling of " + Format(MaxYuan) + " yuan"}
	}
	return yuan.Shift(2).IntPart(), nil
}

// maxExponent bounds the exponent of an amount built in code: 10^±18 covers every amount
// with at most two decimals below MaxYuan, written with any number of trailing zeros a
// program would use.
const maxExponent = 18

// maxDescribed bounds the digits of a coefficient an error message prints in full.
const maxDescribed = 40

// Describe renders an amount that may not be valid for an error message, in bounded time and
// space: an extreme exponent is written as coefficient e exponent (String would expand it
// digit by digit), and a coefficient of more than 40 digits is cut to its first digits and
// its length. Every message that names a rejected amount uses it.
func Describe(yuan decimal.Decimal) string {
	exp := yuan.Exponent()
	if exp >= -maxDescribed && exp <= maxDescribed && yuan.Coefficient().BitLen() <= 128 {
		return yuan.String()
	}
	c := yuan.Coefficient().String()
	if len(c) > maxDescribed {
		c = c[:maxDescribed] + "…(" + strconv.Itoa(len(c)) + " digits)"
	}
	return c + "e" + strconv.Itoa(int(exp))
}

func describe(yuan decimal.Decimal) string { return Describe(yuan) }

// FenToYuan checks an amount in fen (as the platform sends it) and returns it in yuan.
func FenToYuan(field string, fen int64) (decimal.Decimal, error) {
	if fen < 0 {
		return decimal.Decimal{}, &AmountError{Field: field, Value: fmt.Sprintf("%d fen", fen), Reason: "negative"}
	}
	if fen > MaxFen {
		return decimal.Decimal{}, &AmountError{Field: field, Value: fmt.Sprintf("%d fen", fen), Reason: "above the ceiling of " + Format(MaxYuan) + " yuan"}
	}
	return Yuan(fen), nil
}

// Yuan converts whole fen to yuan without checks; use it only on fen that came from ToFen or
// arithmetic on such values.
func Yuan(fen int64) decimal.Decimal { return decimal.New(fen, -2) }

// Format renders an amount in yuan with exactly two decimals ("10.10", never "10.1"): the one
// format for money in text and JSON.
func Format(yuan decimal.Decimal) string { return yuan.StringFixed(2) }

// Parse reads an amount in yuan from text ("99.99", "100") and validates it as Check does.
// It returns the amount with exactly two decimals.
func Parse(field, s string) (decimal.Decimal, error) {
	fen, err := ParseFen(field, s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return Yuan(fen), nil
}
