// Package text holds the one rule for the text wxshop keeps: identifiers, tracking numbers,
// names and free text must be valid UTF-8. JSON can carry only valid UTF-8, so encoding/json
// writes an invalid byte as U+FFFD: two distinct IDs would come back equal, and a stored
// attribute would no longer equal itself. Every entry point refuses such text instead.
package text

import (
	"strconv"
	"unicode/utf8"
)

// Valid reports whether s is valid UTF-8.
func Valid(s string) bool { return utf8.ValidString(s) }

// ValidAll reports whether every string is valid UTF-8.
func ValidAll(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// Quote renders s for an error message: quoted, invalid bytes escaped, and cut to 64 bytes so
// that a hostile value cannot make the message huge.
func Quote(s string) string {
	const max = 64
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…(" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}

// Units writes a count of units in English: "1 unit", "3 units".
func Units(n int) string {
	if n == 1 {
		return "1 unit"
	}
	return strconv.Itoa(n) + " units"
}
