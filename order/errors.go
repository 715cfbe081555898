package order

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Sentinels for errors.Is. Typed errors (TransitionError, *ShipmentError, *LimitError,
// *AmountError, *UnknownCodeError) unwrap to one of them. The shipment refusals are the Rule
// values themselves (see Rule).
var (
	// ErrInvalidAmount matches every rejected amount of money.
	ErrInvalidAmount = money.ErrInvalidAmount
	// ErrUnknownCode matches every rejected enum code or name.
	ErrUnknownCode = enum.ErrUnknown
	// ErrInvalidTransition: the order's status does not accept the command (TransitionError).
	ErrInvalidTransition = errors.New("order: invalid transition")
	// ErrInvalidOrder: New, Restore or FromPlatform got data that cannot form an order.
	ErrInvalidOrder = errors.New("order: invalid order")
	// ErrMissingAmount: the platform leaves out an amount (what a line paid) and the figures
	// it does give do not determine it (FromPlatform).
	ErrMissingAmount = errors.New("order: amount missing")
	// ErrDuplicateSKU: two lines of one order, or two items of one request, name the same SKU.
	ErrDuplicateSKU = errors.New("order: duplicate SKU")
	// ErrInvalidQuantity: a quantity is zero, negative or too large.
	ErrInvalidQuantity = errors.New("order: invalid quantity")
	// ErrUnknownSKU: an item names a SKU (or a product) that is not a line of the order.
	ErrUnknownSKU = errors.New("order: SKU not in the order")
	// ErrTimeOrder: a command is dated before the order's last change, or outside the years
	// 1 to 9999.
	ErrTimeOrder = errors.New("order: time out of order")
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
	// ErrHeldByAfterSale: a cancellation while after-sale cases hold units.
	ErrHeldByAfterSale = errors.New("order: units are held by an unfinished after-sale")
	// ErrInvalidPolicy: a DeadlinePolicy with impossible values.
	ErrInvalidPolicy = errors.New("order: invalid deadline policy")
	// ErrRefundTooLarge: a refund above what the buyer paid for the refunded units (the
	// order's ledger: RefundCap), or a refund of zero when those units were paid something.
	ErrRefundTooLarge = errors.New("order: refund above what was paid for the units")
	// ErrVirtualOrder: a command a virtual-goods order does not take (delivery negotiation).
	ErrVirtualOrder = errors.New("order: not available for a virtual-goods order")
)

// AmountError says which amount was rejected and why. It matches ErrInvalidAmount; every
// package of the module returns the same type.
type AmountError = money.AmountError

// UnknownCodeError names a code or name an enum does not know. It matches ErrUnknownCode;
// every package of the module returns the same type.
type UnknownCodeError = enum.UnknownError

// TransitionError says which status rejected which trigger. It matches ErrInvalidTransition.
// It is a value: errors.As copies it out, and no rejection can change another.
type TransitionError struct {
	From    Status
	Trigger Trigger
}

// Error implements error.
func (e TransitionError) Error() string {
	return fmt.Sprintf("order: status %s (%d) does not accept %s", e.From, uint8(e.From), e.Trigger)
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e TransitionError) Unwrap() error { return ErrInvalidTransition }

// LimitError says which count is used up. It matches ErrLimitReached.
type LimitError struct {
	// What names the count: "reships", "negotiations", "after_sale_attempts", "lines",
	// "parcels".
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
