package order

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Sentinels for errors.Is. Typed errors (*TransitionError, *ShipmentError, *LimitError,
// *money.AmountError, *enum.UnknownError) unwrap to one of them.
var (
	// ErrInvalidAmount matches every rejected amount of money (re-exported from internal/money).
	ErrInvalidAmount = money.ErrInvalidAmount
	// ErrUnknownCode matches every rejected enum code or name.
	ErrUnknownCode = enum.ErrUnknown
	// ErrInvalidTransition: the order's status does not accept the command (*TransitionError).
	ErrInvalidTransition = errors.New("order: invalid transition")
	// ErrInvalidOrder: New or Restore got data that cannot form an order.
	ErrInvalidOrder = errors.New("order: invalid order")
	// ErrDuplicateSKU: two lines of one order name the same SKU.
	ErrDuplicateSKU = errors.New("order: duplicate SKU line")
	// ErrInvalidQuantity: a quantity is zero, negative or too large.
	ErrInvalidQuantity = errors.New("order: invalid quantity")
	// ErrTimeOrder: a command is dated before the order was created.
	ErrTimeOrder = errors.New("order: time before the order was created")
	// ErrInvalidReason: a reason or kind outside its enum.
	ErrInvalidReason = errors.New("order: invalid reason")
	// ErrLimitReached: a per-order or per-line count is used up (*LimitError).
	ErrLimitReached = errors.New("order: limit reached")
	// ErrNegotiationTooLate: a delivery negotiation sent less than the policy's lead time
	// (4 h by default) before the ship-by deadline.
	ErrNegotiationTooLate = errors.New("order: delivery negotiation too close to the ship-by deadline")
	// ErrInvalidDeadline: a negotiated deadline that does not extend the current one.
	ErrInvalidDeadline = errors.New("order: invalid ship-by deadline")
	// ErrNotFullyRefunded: CloseByAfterSale on an order with units not refunded.
	ErrNotFullyRefunded = errors.New("order: not every unit was refunded through after-sale")
	// ErrNotEligible: an after-sale hold for more units than are eligible.
	ErrNotEligible = errors.New("order: units not eligible for after-sale")
	// ErrNotHeld: an after-sale release for more units than are held.
	ErrNotHeld = errors.New("order: units not held by after-sale")
	// ErrInvalidPolicy: a DeadlinePolicy with impossible values.
	ErrInvalidPolicy = errors.New("order: invalid deadline policy")
	// ErrRefundExceedsPaid: a refund that would take a line's refunded money above what was
	// paid for the line.
	ErrRefundExceedsPaid = errors.New("order: refund above the amount paid for the line")
	// ErrVirtualOrder: a command a virtual-goods order does not take (delivery negotiation).
	ErrVirtualOrder = errors.New("order: not available for a virtual-goods order")
)

// TransitionError says which status rejected which trigger. It matches ErrInvalidTransition.
// The errors for known statuses and triggers are precomputed: do not modify one.
type TransitionError struct {
	From    Status
	Trigger Trigger
}

// Error implements error.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("order: status %s (%d) does not accept %s", e.From, uint8(e.From), e.Trigger)
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// LimitError says which count is used up. It matches ErrLimitReached.
type LimitError struct {
	// What names the count: "reships", "negotiations", "after_sale_attempts".
	What string
	// SKUID is set for per-line counts.
	SKUID string
	// Max is the limit that was reached.
	Max int
}

// Error implements error.
func (e *LimitError) Error() string {
	if e.SKUID != "" {
		return fmt.Sprintf("order: sku %s: at most %d %s", e.SKUID, e.Max, e.What)
	}
	return fmt.Sprintf("order: at most %d %s per order", e.Max, e.What)
}

// Unwrap makes errors.Is(err, ErrLimitReached) true.
func (e *LimitError) Unwrap() error { return ErrLimitReached }
