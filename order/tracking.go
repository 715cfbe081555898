package order

import (
	"strconv"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// MaxTrackingLength bounds every tracking number (waybill_id), whatever the carrier. The
// platform documents no limit; real waybill numbers are 10 to 20 characters, so a longer one is
// a paste error.
const MaxTrackingLength = 64

// TrackingProblem says what is wrong with a tracking number (waybill_id). The order checks the
// rules every carrier shares (TrackingProblemOf: empty, a character no waybill has, too long);
// package shipping adds a carrier's own length and pattern when the host's carrier list gives
// them. The zero value means "no problem".
type TrackingProblem uint8

// Tracking-number problems.
const (
	TrackingEmpty        TrackingProblem = 1 // 快递单号为空
	TrackingBadCharacter TrackingProblem = 2 // a character other than ASCII letters, digits and '-'
	TrackingTooLong      TrackingProblem = 3 // longer than MaxTrackingLength
	TrackingLength       TrackingProblem = 4 // outside the carrier's length bounds (shipping)
	TrackingPattern      TrackingProblem = 5 // does not match the carrier's pattern (shipping)
)

var trackingProblems = enum.New("order.TrackingProblem",
	enum.Spec[TrackingProblem]{Value: TrackingEmpty, Name: "empty", Label: "快递单号为空"},
	enum.Spec[TrackingProblem]{Value: TrackingBadCharacter, Name: "bad_character", Label: "快递单号含有非法字符"},
	enum.Spec[TrackingProblem]{Value: TrackingTooLong, Name: "too_long", Label: "快递单号过长"},
	enum.Spec[TrackingProblem]{Value: TrackingLength, Name: "wrong_length", Label: "快递单号长度与快递公司不符"},
	enum.Spec[TrackingProblem]{Value: TrackingPattern, Name: "wrong_pattern", Label: "快递单号格式与快递公司不符"},
)

// TrackingProblemOf applies the rules every carrier's tracking numbers share: not empty, only
// ASCII letters, digits and '-' (no spaces, no full-width, zero-width, bidi or emoji
// characters, which a copy from a chat app brings along), at most MaxTrackingLength bytes. It
// returns 0 for a number that passes. Ship, Reship, package shipping and package wxapi's
// encoders all ask it.
func TrackingProblemOf(number string) TrackingProblem {
	if number == "" {
		return TrackingEmpty
	}
	for i := 0; i < len(number); i++ {
		if b := number[i]; !(b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '-') {
			return TrackingBadCharacter
		}
	}
	if len(number) > MaxTrackingLength {
		return TrackingTooLong
	}
	return 0
}

// String returns the stable name ("bad_character"), "none" for 0, or
// "order.TrackingProblem(n)" for a value outside the table.
func (p TrackingProblem) String() string {
	switch {
	case p == 0:
		return "none"
	case !trackingProblems.Valid(p):
		return "order.TrackingProblem(" + strconv.Itoa(int(p)) + ")"
	}
	return trackingProblems.Name(p)
}

// Label returns the Chinese description (快递单号含有非法字符).
func (p TrackingProblem) Label() string { return p.label() }

func (p TrackingProblem) label() string {
	if p == 0 || !trackingProblems.Valid(p) {
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
