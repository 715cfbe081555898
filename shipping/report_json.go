package shipping

import (
	"fmt"
	"strconv"
	"time"

	"github.com/wxshop-go/wxshop/internal/strict"
)

// reportIn is what Report.UnmarshalJSON reads: the report's wire form with the derived "ok"
// optional and the warnings in their own wire form, so that the whole report is read in one
// strict pass of encoding/json.
type reportIn struct {
	OrderID  string        `json:"order_id"`
	At       time.Time     `json:"attempted_at"`
	OK       *bool         `json:"ok"`
	Blockers []Blocker     `json:"blockers"`
	Warnings []warningJSON `json:"warnings"`
}

// UnmarshalJSON reads what MarshalJSON writes, so that a host can store a report and read it
// back equal: the same blockers and warnings in the same order, each warning's delay exact to
// the nanosecond (from "late"; "late_seconds" must agree with it). Empty lists read as nil, as
// Check leaves them. Unknown fields are refused, as is a blocker or warning without a known
// rule, or an "ok" that contradicts the blockers. On error r is left unchanged.
func (r *Report) UnmarshalJSON(data []byte) error {
	var in reportIn
	if err := strict.Decode(data, &in); err != nil {
		return fmt.Errorf("shipping: decoding report: %w", err)
	}
	out := Report{OrderID: in.OrderID, At: in.At}
	if len(in.Blockers) > 0 {
		out.Blockers = in.Blockers
	}
	for i, b := range in.Blockers {
		if !b.Code.IsValid() {
			return fmt.Errorf("shipping: decoding report: blockers[%d]: no code", i)
		}
	}
	if in.OK != nil && *in.OK != out.OK() {
		return fmt.Errorf("shipping: decoding report: ok is %t with %d blockers", *in.OK, len(out.Blockers))
	}
	if len(in.Warnings) > 0 {
		out.Warnings = make([]Warning, len(in.Warnings))
	}
	for i := range in.Warnings {
		w, err := in.Warnings[i].warning()
		if err != nil {
			return fmt.Errorf("shipping: decoding report: warnings[%d]: %w", i, err)
		}
		out.Warnings[i] = w
	}
	*r = out
	return nil
}

// maxDurationText bounds a delay's text: the longest time.Duration.String is 25 bytes
// ("-2562047h47m16.854775808s").
const maxDurationText = 32

// warning checks a warning's wire form and returns the warning. The delay is read from its
// text, which is exact; late_seconds, what a program reads, must be its whole seconds. A form
// without the text (written by hand) takes late_seconds.
func (v *warningJSON) warning() (Warning, error) {
	if !v.Code.IsValid() {
		return Warning{}, fmt.Errorf("no code")
	}
	late := time.Duration(v.LateSeconds) * time.Second
	if v.Late == "" {
		if v.LateSeconds > int64(maxDuration/time.Second) || v.LateSeconds < int64(minDuration/time.Second) {
			return Warning{}, fmt.Errorf("late_seconds %d out of range", v.LateSeconds)
		}
	} else {
		if len(v.Late) > maxDurationText {
			return Warning{}, fmt.Errorf("late: longer than %d characters", maxDurationText)
		}
		d, err := time.ParseDuration(v.Late)
		if err != nil {
			return Warning{}, fmt.Errorf("late: %w", err)
		}
		if int64(d/time.Second) != v.LateSeconds {
			return Warning{}, fmt.Errorf("late_seconds %d disagrees with late %s", v.LateSeconds, strconv.Quote(v.Late))
		}
		late = d
	}
	return Warning{
		Code: v.Code, Deadline: v.Deadline, Late: late,
		Message: v.Message, MessageEN: v.MessageEN, Action: v.Action, ActionEN: v.ActionEN,
	}, nil
}

// The range of time.Duration.
const (
	maxDuration time.Duration = 1<<63 - 1
	minDuration time.Duration = -1 << 63
)
