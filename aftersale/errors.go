package aftersale

import (
	"errors"
	"fmt"
	"time"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// Sentinels for errors.Is. The typed errors below unwrap to one of them.
var (
	// ErrUnknownCode matches every rejected enum string or code (kind, status, reason, ...).
	ErrUnknownCode = enum.ErrUnknown
	// ErrInvalidAmount matches every rejected amount of money (re-exported from internal/money).
	ErrInvalidAmount = money.ErrInvalidAmount

	// ErrInvalidTransition: the case's kind and status have no edge for the action
	// (*TransitionError), or the dispute's status has none (*DisputeTransitionError).
	ErrInvalidTransition = errors.New("aftersale: invalid transition")
	// ErrGoodsNotReceived: a refund or an exchange before the merchant confirmed the returned
	// goods arrived.
	ErrGoodsNotReceived = errors.New("aftersale: the merchant has not confirmed receipt of the returned goods")
	// ErrGoodsAlreadyReceived: the merchant confirmed receipt twice.
	ErrGoodsAlreadyReceived = errors.New("aftersale: the merchant already confirmed receipt of the returned goods")
	// ErrEscalationWindowClosed: the platform was asked to intervene more than EscalationWindow
	// after the rejection (*WindowError).
	ErrEscalationWindowClosed = errors.New("aftersale: the escalation window has closed")
	// ErrEscalationWindowOpen: a rejected case was expired before its escalation window lapsed
	// (*WindowError).
	ErrEscalationWindowOpen = errors.New("aftersale: the escalation window is still open")
	// ErrTimeOrder: a command dated before the case's last change.
	ErrTimeOrder = errors.New("aftersale: time before the case's last change")
	// ErrWrongOrder: a command given an order other than the case's.
	ErrWrongOrder = errors.New("aftersale: order is not the case's order")
	// ErrInvalidRequest: an Open request, a rejection or a waybill that is malformed
	// (*RequestError).
	ErrInvalidRequest = errors.New("aftersale: invalid request")
	// ErrInvalidCase: Restore got data that cannot form a case.
	ErrInvalidCase = errors.New("aftersale: invalid case")
)

// AmountError says which amount was rejected and why. It matches ErrInvalidAmount; every
// package of the module returns the same type.
type AmountError = money.AmountError

// UnknownCodeError names a code or name an enum does not know. It matches ErrUnknownCode;
// every package of the module returns the same type.
type UnknownCodeError = enum.UnknownError

// TransitionError says that a case of Kind in status From has no edge for Action. It matches
// ErrInvalidTransition. It is a value: errors.As copies it out, so no rejection can change
// another.
type TransitionError struct {
	Kind   Kind
	From   Status
	Action Action
}

// Error implements error.
func (e TransitionError) Error() string {
	return fmt.Sprintf("aftersale: a %s case in %s cannot %s", e.Kind, e.From, e.Action)
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e TransitionError) Unwrap() error { return ErrInvalidTransition }

// WindowError says when the escalation window of a rejected case closes (Deadline) and when
// the command came (At). Lapsed is true when the window had closed: the error then matches
// ErrEscalationWindowClosed, otherwise ErrEscalationWindowOpen.
type WindowError struct {
	Status   Status
	Deadline time.Time
	At       time.Time
	Lapsed   bool
}

// Error implements error.
func (e *WindowError) Error() string {
	if e.Lapsed {
		return fmt.Sprintf("aftersale: the escalation window of the %s case closed at %s; it is %s",
			e.Status, instant.Stamp(e.Deadline), instant.Stamp(e.At))
	}
	return fmt.Sprintf("aftersale: the escalation window of the %s case is open until %s; it is %s",
		e.Status, instant.Stamp(e.Deadline), instant.Stamp(e.At))
}

// Unwrap returns ErrEscalationWindowClosed or ErrEscalationWindowOpen.
func (e *WindowError) Unwrap() error {
	if e.Lapsed {
		return ErrEscalationWindowClosed
	}
	return ErrEscalationWindowOpen
}

// RequestError names the malformed field of a request and why it was refused. It matches
// ErrInvalidRequest, and Err (an *enum.UnknownError, say) when there is one.
type RequestError struct {
	Field  string
	Value  string
	Reason string
	Err    error
}

// Error implements error.
func (e *RequestError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("aftersale: invalid %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("aftersale: invalid %s %s: %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalidRequest and the underlying error, if any.
func (e *RequestError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalidRequest, e.Err}
	}
	return []error{ErrInvalidRequest}
}

// wrongOrder is the error for a command given another order than the case's.
func wrongOrder(c *Case, o *order.Order) error {
	if o == nil {
		return fmt.Errorf("%w: case %s needs order %s, got nil", ErrWrongOrder, c.id, c.orderID)
	}
	return fmt.Errorf("%w: case %s needs order %s, got %s", ErrWrongOrder, c.id, c.orderID, o.ID())
}
