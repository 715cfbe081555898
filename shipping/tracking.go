package shipping

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/wxshop-go/wxshop/order"
)

// TrackingError says which tracking number was rejected and why. It matches
// order.RuleTrackingInvalid.
type TrackingError struct {
	Carrier string // the carrier code the number was checked against
	Number  string // the rejected number as given
	Problem order.TrackingProblem
	Detail  string // English detail: the character, the length, the pattern
}

// Error implements error.
func (e *TrackingError) Error() string {
	return fmt.Sprintf("shipping: tracking number %s for carrier %q: %s: %s", strconv.Quote(e.Number), e.Carrier, e.Problem, e.Detail)
}

// Unwrap makes errors.Is(err, order.RuleTrackingInvalid) true.
func (e *TrackingError) Unwrap() error { return order.RuleTrackingInvalid }

// ValidateTracking checks a tracking number for the given carrier: the rules every carrier
// shares (order.TrackingProblemOf: not empty, only ASCII letters, digits and '-', at most
// order.MaxTrackingLength bytes) and, when the carrier is in the set and its data gives them,
// its length bounds and pattern. Whether the carrier itself is known is Lookup's business; an
// unknown carrier gets the shared rules only. The error is a *TrackingError.
func (cs Carriers) ValidateTracking(carrier, number string) error {
	if e := cs.trackingProblem(carrier, number); e != nil {
		return e
	}
	return nil
}

// trackingProblem is ValidateTracking without the interface conversion; it allocates only
// when it finds a problem.
func (cs Carriers) trackingProblem(carrier, number string) *TrackingError {
	if p := order.TrackingProblemOf(number); p != 0 {
		return &TrackingError{Carrier: carrier, Number: number, Problem: p, Detail: sharedDetail(p, number)}
	}
	return cs.carrierTrackingProblem(carrier, number)
}

// sharedDetail says where a number breaks the rules every carrier shares: the first character
// no waybill has (each byte asked of order.TrackingProblemOf, which owns the rule), or the
// length.
func sharedDetail(p order.TrackingProblem, number string) string {
	switch p {
	case order.TrackingBadCharacter:
		for i := 0; i < len(number); i++ {
			if order.TrackingProblemOf(number[i:i+1]) != 0 {
				r, _ := utf8.DecodeRuneInString(number[i:])
				return fmt.Sprintf("character %q at byte %d", r, i)
			}
		}
	case order.TrackingTooLong:
		return fmt.Sprintf("%d characters, at most %d", len(number), order.MaxTrackingLength)
	}
	return p.String()
}

// carrierTrackingProblem applies the carrier's own length and pattern to a number that passed
// the shared rules.
func (cs Carriers) carrierTrackingProblem(carrier, number string) *TrackingError {
	i, ok := cs.index[carrier]
	if !ok {
		return nil
	}
	c := cs.list[i]
	if c.MinLength > 0 && len(number) < c.MinLength || c.MaxLength > 0 && len(number) > c.MaxLength {
		return &TrackingError{Carrier: carrier, Number: number, Problem: order.TrackingLength,
			Detail: fmt.Sprintf("%d characters, carrier expects %s", len(number), lengthRange(c.MinLength, c.MaxLength))}
	}
	if re := cs.patterns[i]; re != nil && !re.MatchString(number) {
		return &TrackingError{Carrier: carrier, Number: number, Problem: order.TrackingPattern,
			Detail: "does not match " + c.Pattern}
	}
	return nil
}

func lengthRange(lo, hi int) string {
	switch {
	case lo > 0 && hi > 0 && lo == hi:
		return fmt.Sprintf("exactly %d", lo)
	case lo > 0 && hi > 0:
		return fmt.Sprintf("%d to %d", lo, hi)
	case lo > 0:
		return fmt.Sprintf("at least %d", lo)
	default:
		return fmt.Sprintf("at most %d", hi)
	}
}
