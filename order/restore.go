package order

import (
	"fmt"
	"slices"
	"time"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
)

// checkState checks what the commands keep true of an order whose header checkHeader accepted,
// replays parcels and reships through the walks Ship and Reship use, and stores them. It is
// Restore's and FromPlatform's one list of rules.
func (o *Order) checkState(parcels []Parcel, reships []Reshipment) error {
	if err := statuses.Check(o.status); err != nil {
		return fmt.Errorf("%w: order %s: %w", ErrInvalidOrder, o.id, err)
	}
	if err := o.checkTimes(); err != nil {
		return err
	}
	if err := o.checkLines(); err != nil {
		return err
	}
	if err := o.checkSKUChanges(); err != nil {
		return err
	}
	if err := o.replayParcels(parcels); err != nil {
		return err
	}
	if err := o.replayReships(reships); err != nil {
		return err
	}
	if err := o.checkNegotiations(); err != nil {
		return err
	}
	if err := o.checkQuantities(); err != nil {
		return err
	}
	return o.checkMarks()
}

// invalid is an ErrInvalidOrder error about the order.
func (o *Order) invalid(format string, args ...any) error {
	return fmt.Errorf("%w: order %s: "+format, append([]any{ErrInvalidOrder, o.id}, args...)...)
}

// paid reports whether the order was paid.
func (o *Order) paid() bool { return !o.paidAt.IsZero() }

// A status says whether the order was paid, and whether its lines have ship-by deadlines:
// from 20 on they do; a gift (12) or a group buy (13) is paid but waits before its deadlines
// start; a cancelled (250) or closed (200) order may have ended at any of those steps.
const (
	never = iota
	always
	either
)

// payment says whether an order in status s was paid: never, always or either.
func payment(s Status) int {
	switch s {
	case StatusPendingPayment:
		return never
	case StatusCancelled:
		return either
	}
	return always
}

// deadlines says whether the lines of an order in status s have ship-by deadlines.
func deadlines(s Status) int {
	switch s {
	case StatusPendingPayment:
		return never
	case StatusGiftPending, StatusGroupForming, StatusClosedByAfterSale, StatusCancelled:
		return either
	}
	return always
}

// fits reports whether a fact (present or not) fits what a status says of it.
func fits(rule int, present bool) bool { return rule == either || (rule == always) == present }

// checkTimes applies the time rule to the order's own times: each in the years 1 to 9999, none
// before the step it follows, none after UpdatedAt, and payment exactly in the statuses that
// follow it.
func (o *Order) checkTimes() error {
	if !fits(payment(o.status), o.paid()) {
		return o.invalid("status %s with payment time %s", o.status, instant.Stamp(o.paidAt))
	}
	prev := o.createdAt
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"paid", o.paidAt}, {"ship done", o.shipDoneAt}, {"ended", o.endedAt}, {"updated", o.updatedAt}} {
		if t.at.IsZero() {
			continue
		}
		if !instant.InYears(t.at) || t.at.Before(prev) {
			return fmt.Errorf("%w: order %s: %s at %s is before %s, or outside the years %d to %d", ErrTimeOrder, o.id, t.name, instant.Stamp(t.at), instant.Stamp(prev), instant.MinYear, instant.MaxYear)
		}
		prev = t.at
	}
	return nil
}

// checkLines checks each line's deadline, counters and refunded money.
func (o *Order) checkLines() error {
	paid := o.paid()
	for i := range o.lines {
		l := &o.lines[i]
		sku := l.skuID()
		switch {
		case !fits(deadlines(o.status), !l.shipBy.IsZero()) || !paid && !l.shipBy.IsZero():
			return o.invalid("sku %s: ship-by %s in status %s (paid %t)", sku, instant.Stamp(l.shipBy), o.status, paid)
		case !l.shipBy.IsZero() && (l.shipBy.Before(o.paidAt) || !instant.InYears(l.shipBy)):
			return o.invalid("sku %s: ship-by %s is before the payment at %s, or after the year %d", sku, instant.Stamp(l.shipBy), instant.Stamp(o.paidAt), instant.MaxYear)
		}
		if l.shipped < 0 || l.shipped > l.quantity || l.onAfterSale < 0 || l.refunded < 0 || l.afterSaleDone < 0 ||
			l.onAfterSale > l.quantity || l.refunded > l.quantity || l.afterSaleDone > l.quantity || l.eligible() < 0 ||
			l.afterSaleAttempts < 0 || l.afterSaleAttempts > MaxAfterSaleAttempts {
			return fmt.Errorf("%w: order %s sku %s: counters shipped %d, on after-sale %d, refunded %d, done %d, attempts %d of %d units",
				ErrInvalidQuantity, o.id, sku, l.shipped, l.onAfterSale, l.refunded, l.afterSaleDone, l.afterSaleAttempts, l.quantity)
		}
		afterSale := l.onAfterSale + l.refunded + l.afterSaleDone // each at most Quantity: no overflow
		switch {
		case afterSale > 0 && l.afterSaleAttempts == 0:
			return o.invalid("sku %s: after-sale units without an after-sale request", sku)
		case !paid && (afterSale > 0 || l.afterSaleAttempts > 0):
			return o.invalid("sku %s: after-sale counters on an unpaid order", sku)
		case l.onAfterSale > 0 && !o.status.Accepts(TriggerAfterSale):
			return o.invalid("sku %s: units held by after-sale in status %s", sku, o.status)
		case l.afterSaleDone > l.shipped:
			return o.invalid("sku %s: %d units exchanged or re-sent, %d shipped", sku, l.afterSaleDone, l.shipped)
		case l.shipped > 0 && l.quantity-l.shipped > l.refunded:
			// Every unit of a SKU ships in one parcel: the units that did not ship with it were
			// refunded before it left.
			return o.invalid("sku %s: %d of %d units shipped and %d refunded: the rest never shipped", sku, l.shipped, l.quantity, l.refunded)
		}
		// The ledger never refunds more than the first refunded units are worth.
		if limit := shareUpTo(l.paid, l.refunded, l.quantity); l.refundedAmount > limit {
			return fmt.Errorf("%w: order %s sku %s: %s refunded for %d units worth %s", ErrRefundTooLarge, o.id, sku,
				money.FormatFen(l.refundedAmount), l.refunded, money.FormatFen(limit))
		}
	}
	return nil
}

// replayParcels checks the stored parcels with Ship's own walk, in order, on a copy of the
// order whose lines have shipped nothing yet and whose every line has exactly the units its
// parcel carried left to ship (the rest were refunded before it left), then stores them. The
// parcels must add up to the shipped counters.
func (o *Order) replayParcels(parcels []Parcel) error {
	if len(parcels) == 0 {
		return nil
	}
	if !o.paid() {
		return o.invalid("parcels on an unpaid order")
	}
	r := *o
	r.status, r.reships, r.tracking = StatusPendingShipment, nil, nil
	// The parcels, their items and the tracking numbers are sized once, in the room the order
	// has for them (allocOrder's, for a small order): grown a parcel at a time, they were a
	// fifth of restoring an order of many parcels.
	items := 0
	for i := range parcels {
		items += len(parcels[i].Items)
	}
	r.parcels, r.items = slices.Grow(o.parcels[:0], len(parcels)), slices.Grow(o.items[:0], items)
	if len(parcels) > scanParcels {
		r.reserveTracking(len(parcels) + MaxReships)
	}
	r.lines = make([]Line, len(o.lines))
	for i, l := range o.lines {
		r.lines[i] = Line{snap: l.snap, quantity: l.quantity, refunded: l.quantity - l.shipped}
	}
	// Stored parcels, like requests, name lines in line order: the cursor carries on from one
	// parcel to the next, so that each item's line is found where the last one ended.
	next := 0
	for pi := range parcels {
		p := &parcels[pi]
		one := [1]Parcel{*p}
		w := newShipmentWalk(&r, one[:], false)
		w.find.next = next
		var bad *ShipmentError
		w.parcel(0, nil, func(e *ShipmentError) bool { bad = e; return false })
		if bad != nil {
			bad.Parcel = pi
			return fmt.Errorf("%w: order %s: stored parcel %d: %w", ErrInvalidOrder, o.id, pi, bad)
		}
		f := lineFinder{o: &r, next: next}
		for _, it := range p.Items {
			r.lines[f.find(it.SKUID)].shipped += it.Quantity
		}
		next = f.next
		r.storeParcel(*p)
	}
	for i := range o.lines {
		if got, want := r.lines[i].shipped, o.lines[i].shipped; got != want {
			return o.invalid("sku %s: parcels carry %d units, shipped counter says %d", o.lines[i].skuID(), got, want)
		}
	}
	o.parcels, o.items, o.tracking = r.parcels, r.items, r.tracking
	return nil
}

// replayReships checks the stored re-shipments with Reship's own walk and rules, in order, and
// stores them.
func (o *Order) replayReships(reships []Reshipment) error {
	for i := range reships {
		rs := &reships[i]
		switch {
		case !rs.Reason.IsValid():
			return fmt.Errorf("%w: order %s: %w", ErrInvalidOrder, o.id, reshipReasons.Check(rs.Reason))
		case o.shipDoneAt.IsZero() || rs.At.Before(o.shipDoneAt) || rs.At.After(o.updatedAt) ||
			i > 0 && rs.At.Before(reships[i-1].At):
			return fmt.Errorf("%w: order %s: re-shipment %d at %s: before shipping finished, before the one before it, or after the order's last change", ErrTimeOrder, o.id, i, instant.Stamp(rs.At))
		}
		one := [1]Parcel{rs.Parcel}
		w := newShipmentWalk(o, one[:], true)
		var bad *ShipmentError
		w.parcel(0, nil, func(e *ShipmentError) bool { bad = e; return false })
		if bad != nil {
			return fmt.Errorf("%w: order %s: stored re-shipment %d: %w", ErrInvalidOrder, o.id, i, bad)
		}
		o.reships = append(o.reships, Reshipment{Reason: rs.Reason, Parcel: rs.Parcel.clone(), At: rs.At})
		o.useTracking(&o.reships[len(o.reships)-1].Parcel)
	}
	return nil
}

// checkNegotiations checks the delivery negotiations as ExtendShipBy makes them: only on a paid
// order of physical goods, at most the policy's count, each sent while the order awaited
// shipment, at least the policy's lead before the deadline it moved, to a later deadline, in
// time order.
func (o *Order) checkNegotiations() error {
	n := o.negotiations
	switch {
	case len(n) == 0:
		return nil
	case len(n) > o.policy.MaxNegotiations:
		return &LimitError{What: "negotiations", Max: o.policy.MaxNegotiations}
	case !o.paid() || o.virtual:
		return o.invalid("%d negotiations (paid %t, virtual %t)", len(n), o.paid(), o.virtual)
	}
	for i, g := range n {
		switch {
		case !g.Reason.IsValid():
			return fmt.Errorf("%w: order %s: %w", ErrInvalidOrder, o.id, negotiationReasons.Check(g.Reason))
		case g.At.Before(o.paidAt) || g.At.After(o.updatedAt) || !o.shipDoneAt.IsZero() && g.At.After(o.shipDoneAt) ||
			i > 0 && g.At.Before(n[i-1].At):
			return fmt.Errorf("%w: order %s: negotiation %d at %s: outside the order's wait for shipment, or before the one before it", ErrTimeOrder, o.id, i, instant.Stamp(g.At))
		case !g.To.After(g.From) || !instant.InYears(g.To) || g.At.Add(o.policy.NegotiationLead).After(g.From) ||
			i > 0 && g.From.Before(n[i-1].To):
			return o.invalid("negotiation %d from %s to %s at %s: not what ExtendShipBy accepts", i, instant.Stamp(g.From), instant.Stamp(g.To), instant.Stamp(g.At))
		}
	}
	return nil
}

// checkQuantities checks that the status agrees with the quantities, as the status table and
// Ship keep it.
func (o *Order) checkQuantities() error {
	shippedAny := len(o.parcels) > 0
	left := o.remainingTotal()
	var ok bool
	switch o.status {
	case StatusPendingPayment, StatusCancelled, StatusPendingShipment, StatusCancelledOversold:
		ok = !shippedAny
	case StatusPartiallyShipped:
		ok = shippedAny && left > 0
	case StatusShipped, StatusCompleted:
		ok = shippedAny && left == 0
	case StatusClosedByAfterSale:
		ok = o.FullyRefunded()
	default:
		ok = !shippedAny // the statuses before payment and shipment
	}
	if !ok {
		return o.invalid("status %s disagrees with quantities (%d parcels, units left to ship: %d)", o.status, len(o.parcels), left)
	}
	if len(o.reships) > 0 && o.status != StatusShipped && o.status != StatusCompleted && o.status != StatusClosedByAfterSale {
		return o.invalid("re-shipments in status %s", o.status)
	}
	return nil
}

// checkMarks checks the times and reasons that each status implies.
func (o *Order) checkMarks() error {
	s := o.status
	shipDone := s == StatusShipped || s == StatusCompleted
	if s != StatusClosedByAfterSale && shipDone == o.shipDoneAt.IsZero() {
		return o.invalid("status %s with ship-done time %s", s, instant.Stamp(o.shipDoneAt))
	}
	if s == StatusClosedByAfterSale && !o.shipDoneAt.IsZero() && len(o.parcels) == 0 {
		return o.invalid("status %s with ship-done time %s and nothing shipped", s, instant.Stamp(o.shipDoneAt))
	}
	ended := s == StatusCompleted || s.Terminal()
	if ended == o.endedAt.IsZero() {
		return o.invalid("status %s with end time %s", s, instant.Stamp(o.endedAt))
	}
	if (s == StatusCompleted) != (o.confirm != 0) || (o.confirm != 0 && !o.confirm.IsValid()) {
		return o.invalid("status %s with confirmation %s", s, o.confirm)
	}
	if !cancelFits(s, o.cancel) {
		return o.invalid("status %s with cancel reason %s", s, o.cancel)
	}
	switch {
	case o.gift && o.groupBuy:
		return o.invalid("both a gift and a group buy")
	case s == StatusGiftPending && !o.gift:
		return o.invalid("status %s on an order that is not a gift", s)
	case s == StatusGroupForming && !o.groupBuy:
		return o.invalid("status %s on an order that is not a group buy", s)
	case !o.settledAt.IsZero() && (s != StatusCompleted || o.settledAt.Before(o.endedAt) || o.settledAt.After(o.updatedAt) || !instant.InYears(o.settledAt)):
		return o.invalid("status %s settled at %s", s, instant.Stamp(o.settledAt))
	}
	return nil
}

// cancelFits reports whether an order in status s may carry cancel reason r.
func cancelFits(s Status, r CancelReason) bool {
	switch s {
	case StatusCancelled:
		return r == CancelByBuyer || r == CancelTimeout || r == CancelUnknown
	case StatusCancelledOversold:
		return r == CancelOversold
	case StatusClosedByAfterSale:
		return r == CancelAfterSale
	}
	return r == 0
}
