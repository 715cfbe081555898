package order

import (
	"fmt"
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
	if len(o.negotiations) > o.policy.MaxNegotiations || (!paid && len(o.negotiations) > 0) {
		return bad("%d negotiations", len(o.negotiations))
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
		want = []CancelReason{CancelByBuyer, CancelTimeout}
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
		if l.Shipped < 0 || l.Shipped > l.Quantity || l.OnAfterSale < 0 || l.Refunded < 0 ||
			l.OnAfterSale+l.Refunded > l.Quantity || l.AfterSaleAttempts < 0 ||
			l.AfterSaleAttempts > MaxAfterSaleAttempts {
			return fmt.Errorf("%w: order %s sku %s: counters shipped %d, on after-sale %d, refunded %d, attempts %d of %d units",
				ErrInvalidQuantity, o.id, sku, l.Shipped, l.OnAfterSale, l.Refunded, l.AfterSaleAttempts, l.Quantity)
		}
		if l.OnAfterSale > 0 && !o.status.Accepts(TriggerAfterSale) ||
			!paid && (l.Refunded > 0 || l.AfterSaleAttempts > 0) {
			return fmt.Errorf("%w: order %s sku %s: after-sale counters in status %s", ErrInvalidOrder, o.id, sku, o.status)
		}
	}
	return nil
}

// validateParcels checks the shape of parcels and re-shipments, the uniqueness of tracking
// numbers, and that the parcels add up to the shipped counters.
func (o *Order) validateParcels() error {
	all := make([]Parcel, 0, len(o.parcels)+len(o.reships))
	all = append(all, o.parcels...)
	for _, r := range o.reships {
		if !r.Reason.IsValid() {
			return fmt.Errorf("%w: order %s: %w", ErrInvalidOrder, o.id, reshipReasons.Check(r.Reason))
		}
		all = append(all, r.Parcel)
	}
	if len(o.reships) > MaxReships {
		return &LimitError{What: "reships", Max: MaxReships}
	}
	if len(o.reships) > 0 && o.status != StatusShipped && o.status != StatusCompleted && o.status != StatusClosedByAfterSale {
		return fmt.Errorf("%w: order %s: re-shipments in status %s", ErrInvalidOrder, o.id, o.status)
	}
	for pi, p := range all {
		if p.Carrier == "" || p.TrackingNumber == "" || len(p.Items) == 0 || trackingIn(all[:pi], p.TrackingNumber) {
			return fmt.Errorf("%w: order %s: parcel %q: missing or repeated tracking number, or no items", ErrInvalidOrder, o.id, p.TrackingNumber)
		}
		for ii, it := range p.Items {
			li := o.lineIndex(it.SKUID)
			if it.Quantity <= 0 || it.Quantity > MaxQuantity || li < 0 || o.lines[li].Snapshot.ProductID != it.ProductID ||
				(pi < len(o.parcels) && skuListedBefore(o.parcels, pi, ii, it.SKUID)) {
				return fmt.Errorf("%w: order %s: parcel %q: bad item sku %s × %d", ErrInvalidOrder, o.id, p.TrackingNumber, it.SKUID, it.Quantity)
			}
		}
	}
	for i := range o.lines {
		l := &o.lines[i]
		n := 0
		for _, p := range o.parcels {
			for _, it := range p.Items {
				if it.SKUID == l.Snapshot.SKUID {
					n += it.Quantity
				}
			}
		}
		if n != l.Shipped {
			return fmt.Errorf("%w: order %s sku %s: parcels carry %d units, shipped counter says %d", ErrInvalidOrder, o.id, l.Snapshot.SKUID, n, l.Shipped)
		}
	}
	return nil
}
