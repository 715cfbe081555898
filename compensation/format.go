package compensation

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// scaled renders n / 10^scale (n ≥ 0) without trailing zeros, but with at least minPlaces
// decimals: scaled(300000, 6, 0) = "0.3", scaled(4999500000, 8, 2) = "49.995".
func scaled(n int64, scale, minPlaces int) string {
	s := itoa(n)
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	whole, frac := s[:len(s)-scale], strings.TrimRight(s[len(s)-scale:], "0")
	if len(frac) < minPlaces {
		frac += strings.Repeat("0", minPlaces-len(frac))
	}
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// rateText renders a rate in millionths as a decimal ("0.3"): the form in JSON.
func rateText(num int64) string { return scaled(num, rateScale, 0) }

// percentText renders a rate in millionths as a percentage without the sign ("50", "33.3333").
func percentText(num int64) string { return scaled(num, rateScale-2, 0) }

// yuanText renders fen as money.Format does ("10.10").
func yuanText(fen int64) string { return money.Format(money.Yuan(fen)) }

// thresholdText renders a tier threshold the way a table prints it: whole yuan without
// decimals ("100"), anything else with two ("99.50").
func thresholdText(fen int64) string {
	if fen%100 == 0 {
		return itoa(fen / 100)
	}
	return yuanText(fen)
}

// decimalText renders a rejected decimal for an error message. A huge exponent would make
// String build an enormous string, so those print as coefficient and exponent.
func decimalText(d decimal.Decimal) string {
	if e := d.Exponent(); e < -40 || e > 40 {
		return d.Coefficient().String() + "e" + strconv.Itoa(int(e))
	}
	return d.String()
}
