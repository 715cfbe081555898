package shipping

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// MaxTrackingLength bounds every tracking number, whatever the carrier. The platform documents
// no limit; real waybill numbers are 10 to 20 characters, so a longer one is a paste error.
const MaxTrackingLength = 64

// TrackingProblem says what is wrong with a tracking number (waybill_id).
type TrackingProblem uint8

// Tracking-number problems. The zero value is not a problem.
const (
	TrackingEmpty        TrackingProblem = 1 // 快递单号为空
	TrackingBadCharacter TrackingProblem = 2 // a character other than ASCII letters, digits and '-'
	TrackingTooLong      TrackingProblem = 3 // longer than MaxTrackingLength
	TrackingLength       TrackingProblem = 4 // outside the carrier's MinLength..MaxLength
	TrackingPattern      TrackingProblem = 5 // does not match the carrier's Pattern
)

var trackingProblems = enum.New("shipping.TrackingProblem",
	enum.Spec[TrackingProblem]{Value: TrackingEmpty, Name: "empty", Label: "快递单号为空"},
	enum.Spec[TrackingProblem]{Value: TrackingBadCharacter, Name: "bad_character", Label: "快递单号含有非法字符"},
	enum.Spec[TrackingProblem]{Value: TrackingTooLong, Name: "too_long", Label: "快递单号过长"},
	enum.Spec[TrackingProblem]{Value: TrackingLength, Name: "wrong_length", Label: "快递单号长度与快递公司不符"},
	enum.Spec[TrackingProblem]{Value: TrackingPattern, Name: "wrong_pattern", Label: "快递单号格式与快递公司不符"},
)

// String returns the stable English name, e.g. "bad_character", or
// "shipping.TrackingProblem(n)" for a value outside the table. (Not the set's own fallback: it
// formats the value with %v, which would call String again.)
func (p TrackingProblem) String() string {
	if !trackingProblems.Valid(p) {
		return "shipping.TrackingProblem(" + strconv.Itoa(int(p)) + ")"
	}
	return trackingProblems.Name(p)
}

// Label returns the Chinese description, e.g. 快递单号含有非法字符, or String's fallback.
func (p TrackingProblem) Label() string {
	if !trackingProblems.Valid(p) {
		return p.String()
	}
	return trackingProblems.Label(p)
}

// MarshalText renders the problem by name.
func (p TrackingProblem) MarshalText() ([]byte, error) { return trackingProblems.MarshalText(p) }

// UnmarshalText parses a name and leaves p unchanged on error (which matches ErrUnknownCode).
func (p *TrackingProblem) UnmarshalText(text []byte) error {
	return trackingProblems.UnmarshalText(p, text)
}

// TrackingError says which tracking number was rejected and why. It matches ErrTrackingInvalid.
type TrackingError struct {
	Carrier string // the carrier code the number was checked against
	Number  string // the rejected number as given
	Problem TrackingProblem
	Detail  string // English detail: the character, the length, the pattern
}

// Error implements error.
func (e *TrackingError) Error() string {
	return fmt.Sprintf("shipping: tracking number %q for carrier %q: %s: %s", e.Number, e.Carrier, e.Problem, e.Detail)
}

// Unwrap makes errors.Is(err, ErrTrackingInvalid) true.
func (e *TrackingError) Unwrap() error { return ErrTrackingInvalid }

// ValidateTracking checks a tracking number for the given carrier: not empty, only ASCII letters,
// digits and '-', at most MaxTrackingLength bytes, and, when the carrier is in the set and its
// data gives them, within its length bounds and matching its pattern. Whether the carrier itself
// is known is Lookup's business; an unknown carrier gets the generic rules only. The error is a
// *TrackingError.
func (cs Carriers) ValidateTracking(carrier, number string) error {
	if e := cs.trackingProblem(carrier, number); e != nil {
		return e
	}
	return nil
}

// trackingProblem is ValidateTracking without the interface conversion; it allocates only
// when it finds a problem.
func (cs Carriers) trackingProblem(carrier, number string) *TrackingError {
	if number == "" {
		return &TrackingError{Carrier: carrier, Number: number, Problem: TrackingEmpty, Detail: "empty"}
	}
	for i := 0; i < len(number); i++ {
		if b := number[i]; !isAlnum(b) && b != '-' {
			r, _ := utf8.DecodeRuneInString(number[i:])
			return &TrackingError{Carrier: carrier, Number: number, Problem: TrackingBadCharacter,
				Detail: fmt.Sprintf("character %q at byte %d", r, i)}
		}
	}
	if len(number) > MaxTrackingLength {
		return &TrackingError{Carrier: carrier, Number: number, Problem: TrackingTooLong,
			Detail: fmt.Sprintf("%d characters, at most %d", len(number), MaxTrackingLength)}
	}
	i, ok := cs.index[carrier]
	if !ok {
		return nil
	}
	c := cs.list[i]
	if c.MinLength > 0 && len(number) < c.MinLength || c.MaxLength > 0 && len(number) > c.MaxLength {
		return &TrackingError{Carrier: carrier, Number: number, Problem: TrackingLength,
			Detail: fmt.Sprintf("%d characters, carrier expects %s", len(number), lengthRange(c.MinLength, c.MaxLength))}
	}
	if re := cs.patterns[i]; re != nil && !re.MatchString(number) {
		return &TrackingError{Carrier: carrier, Number: number, Problem: TrackingPattern,
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
