package wxapi

import (
	"encoding/json"
	"math"
)

// The leaf types below never fail inside encoding/json: they remember what they saw, and the
// conversion pass (decoder.go), which knows the field's path, reports anything wrong. So every
// error names its field, and one bad field does not hide the shape of the rest.

// flaw says what is wrong with a leaf value.
type flaw uint8

const (
	flawNone     flaw = iota
	flawType          // wrong JSON type (object, array, bool where a number or ID belongs)
	flawSyntax        // a string that is not a number, a number with an exponent
	flawFraction      // a number with a non-zero fractional part
	flawRange         // an integer outside int64 (or, for an ID, outside uint64)
	flawZero          // an ID of 0
)

// jint is an integer as the platform writes it: a JSON number, or a string of digits (some
// events send "cancel_type": "1"). It never passes through a float.
type jint struct {
	v    int64
	set  bool   // present, not null, not ""
	flaw flaw   // non-zero when the value is not an integer
	raw  string // the raw JSON text, kept only when flaw != flawNone
}

// UnmarshalJSON implements json.Unmarshaler; it never fails (see the note above).
func (n *jint) UnmarshalJSON(b []byte) error {
	*n = jint{}
	text, ok, f := scalar(b)
	switch {
	case !ok:
		return nil
	case f != flawNone:
		n.set, n.flaw, n.raw = true, f, string(b)
		return nil
	}
	v, f := parseInt(text)
	n.set, n.v, n.flaw = true, v, f
	if f != flawNone {
		n.raw = string(b)
	}
	return nil
}

// jid is a platform ID: a uint64 in decimal, sent as a JSON string or, in some events, as a
// JSON number above 2^53 (which a float would corrupt). It is kept as canonical digits.
type jid struct {
	s    string
	set  bool
	flaw flaw
	raw  string
}

// UnmarshalJSON implements json.Unmarshaler; it never fails.
func (id *jid) UnmarshalJSON(b []byte) error {
	*id = jid{}
	text, ok, f := scalar(b)
	switch {
	case !ok:
		return nil
	case f != flawNone:
		id.set, id.flaw, id.raw = true, f, string(b)
		return nil
	}
	id.set = true
	if f := checkID(text); f != flawNone {
		id.flaw, id.raw = f, string(b)
		return nil
	}
	id.s = string(text)
	return nil
}

// jcode is a code the platform sends as a string in one place and as a number in another (an
// after-sale status inside order/get can be the legacy number 13 or "MERCHANT_REFUND_SUCCESS").
type jcode struct {
	s      string // the string, or the number's digits
	number bool   // sent as a JSON number
	set    bool
	flaw   flaw
	raw    string
}

// UnmarshalJSON implements json.Unmarshaler; it never fails.
func (c *jcode) UnmarshalJSON(b []byte) error {
	*c = jcode{}
	text, ok, f := scalar(b)
	switch {
	case !ok:
		return nil
	case f != flawNone:
		c.set, c.flaw, c.raw = true, f, string(b)
		return nil
	}
	c.set, c.s, c.number = true, string(text), b[0] != '"'
	if c.number {
		if _, f := parseInt(text); f != flawNone {
			c.flaw, c.raw = f, string(b)
		}
	}
	return nil
}

// scalar returns the text of a JSON string or number. ok is false for null and for "" (both mean
// absent). A value of another JSON type is reported as flawType.
func scalar(b []byte) (text []byte, ok bool, f flaw) {
	if len(b) == 0 || string(b) == "null" {
		return nil, false, flawNone
	}
	switch c := b[0]; {
	case c == '"':
		text = b[1 : len(b)-1]
		if hasEscape(b) {
			// Rare: only then pay for a decoded copy (declaring s outside this branch would
			// put it on the heap for every value).
			var s string
			if err := json.Unmarshal(b, &s); err != nil {
				return nil, true, flawSyntax
			}
			text = []byte(s)
		}
		if len(text) == 0 {
			return nil, false, flawNone
		}
		return text, true, flawNone
	case c == '-' || (c >= '0' && c <= '9'):
		return b, true, flawNone
	default:
		return nil, true, flawType
	}
}

func hasEscape(b []byte) bool {
	for _, c := range b[1 : len(b)-1] {
		if c == '\\' {
			return true
		}
	}
	return false
}

// parseInt reads an optionally negative decimal integer. A fractional part made only of zeros
// ("2000.0") is accepted; any other fraction is flawFraction; exponents and stray characters are
// flawSyntax; values outside int64 are flawRange.
func parseInt(b []byte) (int64, flaw) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	digits, frac := b, []byte(nil)
	for i, c := range b {
		if c == '.' {
			digits, frac = b[:i], b[i+1:]
			break
		}
	}
	if len(digits) == 0 {
		return 0, flawSyntax
	}
	var u uint64
	overflow := false
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, flawSyntax
		}
		if u > (math.MaxUint64-9)/10 {
			overflow = true
			continue
		}
		u = u*10 + uint64(c-'0')
	}
	fractional := false
	if frac != nil {
		if len(frac) == 0 {
			return 0, flawSyntax
		}
		for _, c := range frac {
			if c < '0' || c > '9' {
				return 0, flawSyntax
			}
			if c != '0' {
				fractional = true
			}
		}
	}
	switch {
	case fractional:
		return 0, flawFraction
	case overflow || (!neg && u > math.MaxInt64) || (neg && u > math.MaxInt64+1):
		return 0, flawRange
	case neg:
		return -int64(u), flawNone
	default:
		return int64(u), flawNone
	}
}

// checkID accepts a positive uint64 in canonical decimal: digits only, no leading zero.
func checkID(b []byte) flaw {
	if len(b) == 0 {
		return flawSyntax
	}
	var u uint64
	for i, c := range b {
		if c < '0' || c > '9' || (i == 0 && c == '0' && len(b) > 1) {
			return flawSyntax
		}
		d := uint64(c - '0')
		if u > (math.MaxUint64-d)/10 {
			return flawRange
		}
		u = u*10 + d
	}
	if u == 0 {
		return flawZero
	}
	return flawNone
}

// jbool is a flag as the platform writes it: a JSON boolean, or a number or string 0 or 1
// (is_free_gift is documented as a number and sent by SDKs as a boolean).
type jbool struct {
	v    bool
	set  bool
	flaw flaw
	raw  string
}

// UnmarshalJSON implements json.Unmarshaler; it never fails.
func (f *jbool) UnmarshalJSON(b []byte) error {
	*f = jbool{}
	switch string(b) {
	case "true", "false":
		f.set, f.v = true, b[0] == 't'
		return nil
	}
	text, ok, fl := scalar(b)
	switch {
	case !ok:
		return nil
	case fl != flawNone:
		f.set, f.flaw, f.raw = true, fl, string(b)
		return nil
	}
	f.set = true
	switch string(text) {
	case "0":
	case "1":
		f.v = true
	default:
		f.flaw, f.raw = flawRange, string(b)
	}
	return nil
}
