package order

import (
	"fmt"

	"github.com/wxshop-go/wxshop/internal/money"
)

// validateState checks the invariants Restore cannot take on trust: everything the commands
// keep true.
func (o *Order) validateState() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: order %s: "+format, append([]any{ErrInvalidOrder, o.id}, args...)...)
	}
	if err := statuses.Check(o.status); err != nil {
		return fmt.Errorf("%w: order %s: %w", ErrInvalidOrder, o.id, err)
	}
	paid := !o.paidAt.IsZero()
	if paid != (o.status != StatusPendingPayment && o.status != StatusCancelled) {
		return bad("status %s with paid time %v", o.status, o.paidAt)
	}
	if paid && o.paidAt.Before(o.createdAt) || o.shipDoneAt.Before(o.paidAt) && !o.shipDoneAt.IsZero() ||
		!o.endedAt.IsZero() && o.endedAt.Before(o.createdAt) {
		return bad("times out of order: created %v, paid %v, ship done %v, ended %v", o.createdAt, o.paidAt, o.shipDoneAt, o.endedAt)
	}
	if err := o.validateLines(paid); err != nil {
		return err
	}
	if err := o.validateParcels(); err != nil {
		return err
	}
	if len(o.negotiations) > o.policy.MaxNegotiations || (!paid || o.virtual) && len(o.negotiations) > 0 {
		return bad("%d negotiations (paid %t, virtual %t)", len(o.negotiations), paid, o.virtual)
	}
	shippedAny := false
	for i := range o.lines {
		shippedAny = shippedAny || o.lines[i].Shipped > 0
	}
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
	}
	if !ok {
		return bad("status %s disagrees with quantities (units left to ship: %d)", o.status, left)
	}
	return o.validateMarks()
}

// validateMarks checks the times and reasons that each status implies.
func (o *Order) validateMarks() error {
	s := o.status
	wantDone := s == StatusShipped || s == StatusCompleted
	if s != StatusClosedByAfterSale && wantDone != !o.shipDoneAt.IsZero() {
		return fmt.Errorf("%w: order %s: status %s with ship-done time %v", ErrInvalidOrder, o.id, s, o.shipDoneAt)
	}
	ended := s == StatusCompleted || s.Terminal()
	if ended == o.endedAt.IsZero() {
		return fmt.Errorf("%w: order %s: status %s with end time %v", ErrInvalidOrder, o.id, s, o.endedAt)
	}
	if (s == StatusCompleted) != (o.confirm != 0) || (o.confirm != 0 && !o.confirm.IsValid()) {
		return fmt.Errorf("%w: order %s: status %s with confirmation %s", ErrInvalidOrder, o.id, s, o.confirm)
	}
	var want []CancelReason
	switch s {
	case StatusCancelled:
		want = []CancelReason{CancelByBuyer, CancelTimeout, CancelUnknown}
	case StatusCancelledOversold:
		want = []CancelReason{CancelOversold}
	case StatusClosedByAfterSale:
		want = []CancelReason{CancelAfterSale}
	default:
		want = []CancelReason{0}
	}
	for _, r := range want {
		if o.cancel == r {
			return nil
		}
	}
	return fmt.Errorf("%w: order %s: status %s with cancel reason %s", ErrInvalidOrder, o.id, s, o.cancel)
}

// validateLines checks each line's deadline and counters.
func (o *Order) validateLines(paid bool) error {
	for i := range o.lines {
		l := &o.lines[i]
		sku := l.Snapshot.SKUID
		if paid == l.ShipBy.IsZero() {
			return fmt.Errorf("%w: order %s sku %s: ship-by %v on an order paid=%t", ErrInvalidOrder, o.id, sku, l.ShipBy, paid)
		}
		if l.Shipped < 0 || l.Shipped > l.Quantity || l.OnAfterSale < 0 || l.Refunded < 0 || l.AfterSaleDone < 0 ||
			l.OnAfterSale+l.Refunded+l.AfterSaleDone > l.Quantity || l.AfterSaleAttempts < 0 ||
			l.AfterSaleAttempts > MaxAfterSaleAttempts {
			return fmt.Errorf("%w: order %s sku %s: counters shipped %d, on after-sale %d, refunded %d, done %d, attempts %d of %d units",
				ErrInvalidQuantity, o.id, sku, l.Shipped, l.OnAfterSale, l.Refunded, l.AfterSaleDone, l.AfterSaleAttempts, l.Quantity)
		}
		if l.OnAfterSale > 0 && !o.status.Accepts(TriggerAfterSale) ||
			!paid && (l.Refunded > 0 || l.AfterSaleDone > 0 || l.AfterSaleAttempts > 0) {
			return fmt.Errorf("%w: order %s sku %s: after-sale counters in status %s", ErrInvalidOrder, o.id, sku, o.status)
		}
		if err := o.validateRefunded(l); err != nil {
			return err
		}
	}
	return nil
}

// validateRefunded checks the line's refunded money: a valid amount, within what was paid for
// the line, and only with refunded units.
func (o *Order) validateRefunded(l *Line) error {
	refunded, err := money.ToFen("refunded_amount", l.RefundedAmount)
	if err != nil {
		return fmt.Errorf("order %s sku %s: %w", o.id, l.Snapshot.SKUID, err)
	}
	paid, _ := money.ToFen("paid", l.Paid) // validateHeader checked it
	if refunded > paid {
		return fmt.Errorf("%w: order %s sku %s: refunded %s of %s paid", ErrRefundExceedsPaid, o.id, l.Snapshot.SKUID,
			money.Format(l.RefundedAmount), money.Format(l.Paid))
	}
	if refunded > 0 && l.Refunded == 0 {
		return fmt.Errorf("%w: order %s sku %s: %s refunded without refunded units", ErrInvalidOrder, o.id, l.Snapshot.SKUID,
			money.Format(l.RefundedAmount))
	}
	return nil
}

// validateParcels checks the shape of parcels and re-shipments, the uniqueness of tracking
// numbers, and that the parcels add up to the shipped counters. Parcels of a virtual-goods
// order may carry neither carrier nor tracking number; re-shipments always carry both.
func (o *Order) validateParcels() error {
	for i := range o.reships {
		if r := &o.reships[i]; !r.Reason.IsValid() {
			return fmt.Errorf("%w: order %s: %w", ErrInvalidOrder, o.id, reshipReasons.Check(r.Reason))
		}
	}
	if len(o.reships) > MaxReships {
		return &LimitError{What: "reships", Max: MaxReships}
	}
	if len(o.reships) > 0 && o.status != StatusShipped && o.status != StatusCompleted && o.status != StatusClosedByAfterSale {
		return fmt.Errorf("%w: order %s: re-shipments in status %s", ErrInvalidOrder, o.id, o.status)
	}
	f := lineFinder{lines: o.lines}
	shipped := make([]int, len(o.lines))
	var listed lineSet // the lines the parcels named so far
	used := make(map[string]bool, len(o.parcels)+len(o.reships))
	for pi := range len(o.parcels) + len(o.reships) {
		var p *Parcel
		shipment := pi < len(o.parcels)
		if shipment {
			p = &o.parcels[pi]
		} else {
			p = &o.reships[pi-len(o.parcels)].Parcel
		}
		noWaybill := p.Carrier == "" && p.TrackingNumber == "" && o.virtual && shipment
		if !noWaybill && (p.Carrier == "" || p.TrackingNumber == "" || used[p.TrackingNumber]) || len(p.Items) == 0 {
			return fmt.Errorf("%w: order %s: parcel %q: missing or repeated tracking number, or no items", ErrInvalidOrder, o.id, p.TrackingNumber)
		}
		if !noWaybill {
			used[p.TrackingNumber] = true
		}
		for _, it := range p.Items {
			li := f.find(it.SKUID)
			if it.Quantity <= 0 || it.Quantity > MaxQuantity || li < 0 || o.lines[li].Snapshot.ProductID != it.ProductID ||
				(shipment && listed.add(li, len(o.lines))) {
				return fmt.Errorf("%w: order %s: parcel %q: bad item sku %s × %d", ErrInvalidOrder, o.id, p.TrackingNumber, it.SKUID, it.Quantity)
			}
			if shipment {
				shipped[li] += it.Quantity
			}
		}
	}
	for i := range o.lines {
		if l := &o.lines[i]; shipped[i] != l.Shipped {
			return fmt.Errorf("%w: order %s sku %s: parcels carry %d units, shipped counter says %d", ErrInvalidOrder, o.id, l.Snapshot.SKUID, shipped[i], l.Shipped)
		}
	}
	return nil
}
