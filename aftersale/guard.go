package aftersale

import "time"

// EscalationWindow is how long after a rejection (MERCHANT_REJECT_*, RETURN_CLOSED) the buyer
// may still ask the platform to intervene. The platform's guide states 7 days.
const EscalationWindow = 7 * 24 * time.Hour

// guard is a condition an edge needs beyond the case's status. Guards are named values rather
// than funcs, so the table stays comparable data that Transitions and Mermaid can print.
type guard uint8

const (
	guardNone         guard = iota
	guardReceived           // the merchant confirmed the returned goods arrived
	guardNotReceived        // ... and has not yet
	guardWindowOpen         // the escalation window after the rejection is still open
	guardWindowLapsed       // the escalation window has lapsed
)

// String names the guard in Transition.Guard and in the Mermaid labels.
func (g guard) String() string {
	switch g {
	case guardReceived:
		return "goods_received"
	case guardNotReceived:
		return "goods_not_received"
	case guardWindowOpen:
		return "escalation_window_open"
	case guardWindowLapsed:
		return "escalation_window_lapsed"
	}
	return ""
}

// check returns nil when c meets the guard at time at, or the error that says why not.
// Returns precomputed sentinels for the receipt guards so those rejections allocate nothing.
func (g guard) check(c *Case, at time.Time) error {
	switch g {
	case guardReceived:
		if c.receivedAt.IsZero() {
			return ErrGoodsNotReceived
		}
	case guardNotReceived:
		if !c.receivedAt.IsZero() {
			return ErrGoodsAlreadyReceived
		}
	case guardWindowOpen:
		if deadline := c.escalationDeadline(); !at.Before(deadline) {
			return &WindowError{Status: c.status, Deadline: deadline, At: at, Lapsed: true}
		}
	case guardWindowLapsed:
		if deadline := c.escalationDeadline(); at.Before(deadline) {
			return &WindowError{Status: c.status, Deadline: deadline, At: at, Lapsed: false}
		}
	}
	return nil
}
