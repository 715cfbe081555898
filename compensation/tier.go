package compensation

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// Tier is one row of a payout table: order amounts at or above From are paid at Rate. Tiers
// may overlap as published ("100 元 and above", "5000 元 and above"): the tier with the highest
// From not above the amount wins.
type Tier struct {
	// From is the smallest order amount of the tier, in yuan, at most two decimal places. The
	// first tier of a policy starts at 0.
	From decimal.Decimal
	// Rate is the share of the amount paid, in [0, 1], at most six decimal places (0.3 = 30%).
	Rate decimal.Decimal
}

// Rates are held as an integer count of millionths, so a payout in fen times a rate is an
// exact int64: at most money.MaxFen (1e11) × rateDen (1e6) = 1e17 < 2^63.
const (
	rateScale       = 6
	rateDen   int64 = 1_000_000
)

// tier is a validated Tier with its integer form.
type tier struct {
	Tier       // From and Rate, normalised (From has two places, Rate no trailing zeros)
	from int64 // From in fen
	num  int64 // Rate in millionths
	// below is the exact marginal payout, in fen millionths, of every band below from.
	below int64
}

// compileTiers validates tiers and returns their integer form. It names the first problem.
func compileTiers(tiers []Tier) ([]tier, error) {
	if len(tiers) == 0 {
		return nil, &PolicyError{Field: "tiers", Reason: "no tiers"}
	}
	out := make([]tier, len(tiers))
	for i, t := range tiers {
		field := "tiers[" + itoa(int64(i)) + "]"
		from, num, err := t.compile(field)
		if err != nil {
			return nil, err
		}
		switch {
		case i == 0 && from != 0:
			return nil, &PolicyError{Field: field + ".from", Value: money.Format(t.From),
				Reason: "the first tier must start at 0"}
		case i > 0 && from <= out[i-1].from:
			return nil, &PolicyError{Field: field + ".from", Value: money.Format(t.From),
				Reason: "thresholds must strictly increase: not above " + money.Format(out[i-1].From)}
		}
		out[i] = tier{Tier: Tier{From: money.Yuan(from), Rate: decimal.New(num, -rateScale).Normalize()}, from: from, num: num}
		if i > 0 {
			prev := out[i-1]
			out[i].below = prev.below + (from-prev.from)*prev.num
		}
	}
	return out, nil
}

// compile checks one tier on its own, field naming it ("tiers[1]"): From a valid amount, Rate
// in [0, 1] with at most six decimals. It returns From in fen and Rate in millionths.
func (t Tier) compile(field string) (from, num int64, err error) {
	from, err = money.ToFen(field+".from", t.From)
	if err != nil {
		return 0, 0, amountPolicyError(field+".from", t.From, err)
	}
	num, reason := rateNum(t.Rate)
	if reason != "" {
		return 0, 0, &PolicyError{Field: field + ".rate", Value: decimalText(t.Rate), Reason: reason}
	}
	return from, num, nil
}

// rateNum converts a rate to millionths, or says why it cannot. It never rescales by the
// decimal's exponent blindly, so a hostile exponent costs no time.
func rateNum(r decimal.Decimal) (int64, string) {
	const outside = "rate outside [0, 1]"
	c := r.Coefficient()
	switch c.Sign() {
	case 0:
		return 0, ""
	case -1:
		return 0, outside
	}
	// r × rateDen = c × 10^shift.
	shift := int64(r.Exponent()) + rateScale
	switch {
	case shift > rateScale: // c ≥ 1 and an exponent ≥ 1: r ≥ 10
		return 0, outside
	case shift > 0:
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(shift), nil))
	case shift < 0:
		if -shift >= int64(c.BitLen()) { // 0 < c < 2^BitLen ≤ 10^-shift: below one millionth
			return 0, "more than 6 decimal places"
		}
		var rem big.Int
		c.QuoRem(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(-shift), nil), &rem)
		if cmp := c.Cmp(big.NewInt(rateDen)); cmp > 0 || (cmp == 0 && rem.Sign() != 0) {
			return 0, outside
		}
		if rem.Sign() != 0 {
			return 0, "more than 6 decimal places"
		}
	}
	if c.Cmp(big.NewInt(rateDen)) > 0 {
		return 0, outside
	}
	return c.Int64(), ""
}

// tierAt returns the index of the tier for an amount in fen: the highest from not above it.
func tierAt(tiers []tier, fen int64) int {
	i := len(tiers) - 1
	for i > 0 && tiers[i].from > fen {
		i--
	}
	return i
}
