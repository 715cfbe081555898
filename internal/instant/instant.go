// Package instant holds the one rule for the times wxshop keeps, and how errors show them. An
// order's and a case's times fall in the years 1 to 9999: what time.Time marshals to JSON
// (RFC 3339 has four digits of year), and what the platform's Unix seconds can say.
package instant

import (
	"fmt"
	"time"
)

// The years a stored time may fall in.
const (
	MinYear = 1
	MaxYear = 9999
)

// InYears reports whether t falls in the years MinYear to MaxYear.
func InYears(t time.Time) bool {
	y := t.Year()
	return y >= MinYear && y <= MaxYear
}

// Stamp renders a time for an error message: RFC 3339, or its Unix seconds when it is outside
// the years (RFC 3339 cannot write it).
func Stamp(t time.Time) string {
	if !InYears(t) {
		return fmt.Sprintf("unix %d", t.Unix())
	}
	return t.Format(time.RFC3339)
}
