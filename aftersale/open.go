package aftersale

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

// DefaultPeriod is the after-sale period (售后期) the platform gives by default: a buyer may ask
// for an after-sale until 7 days after the order completed (receipt confirmed). Merchants may
// extend it per order; Request.Period carries the order's own period.
const DefaultPeriod = 7 * 24 * time.Hour

// Refusals of Open that are the case's own rules. The units themselves are the order's to
// judge, with its own sentinels: order.ErrUnknownSKU, order.ErrNotEligible,
// order.ErrLimitReached (an *order.LimitError), order.ErrDuplicateSKU,
// order.ErrInvalidQuantity.
var (
	// ErrOrderStatus: the order is in a status that takes no after-sale (unpaid, cancelled,
	// closed).
	ErrOrderStatus = errors.New("aftersale: the order's status takes no after-sale")
	// ErrNotShipped: a return, exchange or re-send for units that never shipped.
	ErrNotShipped = errors.New("aftersale: units not shipped")
	// ErrPeriodOver: the order completed longer ago than its after-sale period.
	ErrPeriodOver = errors.New("aftersale: the after-sale period is over")
)

// Request is what the buyer asks for when opening a case.
type Request struct {
	// ID is the case id (after_sale_order_id), required.
	ID string
	// Kind is what the buyer wants, required.
	Kind Kind
	// Items are the units the case covers: SKUs of the order, each once, positive quantities.
	Items []order.Item
	// Reason is the buyer's reason, required; Detail their own words (optional).
	Reason Reason
	Detail string
	// Period is the order's after-sale period after completion; zero means DefaultPeriod.
	Period time.Duration
}

// Open opens a case against o at time at: the buyer's request r is checked, the order holds
// the units (on_aftersale_sku_cnt), and the case starts in MERCHANT_PROCESSING. Every rule
// refuses with its own error, and a refusal changes neither the order nor anything else:
//
//   - a malformed request (no id, unknown kind or reason, no items, a bad quantity, a SKU
//     twice): ErrInvalidRequest (or the order's ErrInvalidQuantity / ErrDuplicateSKU);
//   - the order in a status that takes no after-sale (10, 190, 200, 250): ErrOrderStatus;
//   - a SKU not in the order: order.ErrUnknownSKU;
//   - a return, exchange or re-send of units that did not ship: ErrNotShipped;
//   - a completed order past its after-sale period: ErrPeriodOver;
//   - more units than eligible (bought − refunded − held by other cases): order.ErrNotEligible;
//   - a line that already saw order.MaxAfterSaleAttempts requests: order.ErrLimitReached.
//
// The event's Order field is the order's AfterSaleHeld.
func Open(o *order.Order, r Request, at time.Time) (*Case, Event, error) {
	if err := checkRequest(o, r); err != nil {
		return nil, Event{}, err
	}
	if !o.Status().Accepts(order.TriggerAfterSale) {
		return nil, Event{}, fmt.Errorf("%w: order %s is %s (%d)", ErrOrderStatus, o.ID(), o.Status(), o.Status().Code())
	}
	if err := checkPeriod(o, r.Period, at); err != nil {
		return nil, Event{}, err
	}
	if r.Kind.NeedsShipment() {
		if err := checkShipped(o, r.Items); err != nil {
			return nil, Event{}, err
		}
	}
	held, err := o.HoldForAfterSale(r.Items, at)
	if err != nil {
		return nil, Event{}, fmt.Errorf("aftersale: open %s: %w", r.ID, err)
	}
	c := &Case{
		id: r.ID, orderID: o.ID(), kind: r.Kind, status: StatusMerchantProcessing, reason: r.Reason,
		detail: r.Detail, items: slices.Clone(r.Items), openedAt: at, changed: at,
	}
	return c, Event{
		Action: ActionOpen, CaseID: c.id, OrderID: c.orderID, Kind: c.kind, To: c.status, At: at,
		Items: slices.Clone(r.Items), Reason: r.Reason, Order: held,
	}, nil
}

// checkRequest checks the request's own shape; the order checks the units against its lines.
func checkRequest(o *order.Order, r Request) error {
	switch {
	case o == nil:
		return &RequestError{Field: "order", Reason: "nil"}
	case strings.TrimSpace(r.ID) == "":
		return &RequestError{Field: "id", Reason: "empty"}
	case !text.ValidAll(r.ID, r.Detail):
		return &RequestError{Field: "id or detail", Reason: "not valid UTF-8"}
	case !r.Kind.IsValid():
		return &RequestError{Field: "kind", Value: fmt.Sprint(uint8(r.Kind)), Reason: "unknown kind", Err: kinds.Check(r.Kind)}
	case !r.Reason.IsValid():
		return &RequestError{Field: "reason", Value: fmt.Sprint(uint8(r.Reason)), Reason: "unknown reason", Err: reasons.Check(r.Reason)}
	case len(r.Items) == 0:
		return &RequestError{Field: "items", Reason: "none"}
	case r.Period < 0:
		return &RequestError{Field: "period", Value: r.Period.String(), Reason: "negative"}
	}
	return nil
}

// checkPeriod refuses a request for a completed order once its after-sale period is over.
// Before completion the period has not started.
func checkPeriod(o *order.Order, period time.Duration, at time.Time) error {
	if o.Status() != order.StatusCompleted {
		return nil
	}
	if period == 0 {
		period = DefaultPeriod
	}
	completed, _ := o.CompletedAt() // the status is 100
	end := completed.Add(period)
	if at.After(end) {
		return fmt.Errorf("%w: order %s: the period ended at %s; it is %s", ErrPeriodOver, o.ID(),
			instant.Stamp(end), instant.Stamp(at))
	}
	return nil
}

// checkShipped refuses a return, exchange or re-send of units that did not ship: more than the
// line's Returnable units, which the order counts.
func checkShipped(o *order.Order, items []order.Item) error {
	for _, it := range items {
		l, ok := o.Line(it.SKUID)
		if !ok || it.Quantity > l.Eligible() {
			continue // the order's own checks name the unknown SKU or the units not eligible
		}
		if free := l.Returnable(); it.Quantity > free {
			return fmt.Errorf("%w: order %s sku %s: %d units asked, %d shipped and free", ErrNotShipped,
				o.ID(), it.SKUID, it.Quantity, free)
		}
	}
	return nil
}
