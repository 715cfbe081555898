package money

import (
	"strconv"
	"strings"
)

// MaxText bounds the text of an amount: "1000000000.00" is 13 characters, and 32 leaves room
// for trailing zeros. Longer text is refused before it is read, so a hostile amount of a
// million digits costs nothing (a decimal parser takes time quadratic in the digits).
const MaxText = 32

// ParseFen reads an amount in yuan written as plain decimal text ("99.99", "100", "0.5",
// "12.300") and returns it in fen: digits, optionally a point and more digits, of which only
// the first two may be other than zero; no sign, no exponent, at most MaxText characters, at
// most MaxFen. field names the amount in the error, an *AmountError.
func ParseFen(field, s string) (int64, error) {
	fen, reason := parseFen(s)
	if reason != "" {
		return 0, &AmountError{Field: field, Value: quoteBounded(s), Reason: reason}
	}
	return fen, nil
}

// parseFen is ParseFen without the error value: it returns why s is refused, or "".
func parseFen(s string) (int64, string) {
	switch {
	case len(s) > MaxText:
		return 0, "longer than " + strconv.Itoa(MaxText) + " characters"
	case s == "":
		return 0, "empty"
	case s[0] == '-':
		return 0, "negative"
	}
	var whole int64
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if whole > MaxFen/100 {
			return 0, ceilingReason
		}
		whole = whole*10 + int64(s[i]-'0')
	}
	if i == 0 {
		return 0, "not a decimal number"
	}
	var frac int64
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			switch d := int64(s[i] - '0'); {
			case i-start < 2:
				frac = frac*10 + d
			case d != 0:
				return 0, "more than two decimal places (not a whole number of fen)"
			}
		}
		if i == start {
			return 0, "not a decimal number"
		}
		if i-start == 1 {
			frac *= 10
		}
	}
	if i != len(s) {
		return 0, "not a decimal number"
	}
	if whole > MaxFen/100 || whole*100+frac > MaxFen {
		return 0, ceilingReason
	}
	return whole*100 + frac, ""
}

var ceilingReason = "above the ceiling of " + FormatFen(MaxFen) + " yuan"

// AppendFen appends fen (not negative) as yuan with exactly two decimals ("10.10").
func AppendFen(dst []byte, fen int64) []byte {
	dst = strconv.AppendInt(dst, fen/100, 10)
	c := fen % 100
	return append(dst, '.', byte('0'+c/10), byte('0'+c%10))
}

// FormatFen renders fen as yuan with exactly two decimals ("10.10"), as Format does.
func FormatFen(fen int64) string { return string(AppendFen(make([]byte, 0, 16), fen)) }

// MaxFenText is the longest text AppendFen writes for an amount of at most MaxFen.
const MaxFenText = len("1000000000.00")

// FenText is FormatFen into texts: it appends the amount's text to texts and returns it as a
// string that shares texts' memory. The amounts of a stored form written into one builder cost
// one allocation together rather than one each; they stay valid as the builder grows, because
// a strings.Builder only ever appends.
func FenText(texts *strings.Builder, fen int64) string {
	var buf [24]byte
	start := texts.Len()
	texts.Write(AppendFen(buf[:0], fen))
	return texts.String()[start:]
}

// quoteBounded quotes s for an error message, cut to MaxText bytes.
func quoteBounded(s string) string {
	if len(s) > MaxText {
		return strconv.Quote(s[:MaxText]) + "…(" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}
