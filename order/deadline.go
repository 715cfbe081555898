package order

import (
	"fmt"
	"time"

	"github.com/wxshop-go/wxshop/internal/instant"
)

// ShipBy returns the order's binding ship-by deadline: the earliest deadline of the lines that
// still have units to ship. It is false when the order is not awaiting shipment (unpaid,
// fully shipped, cancelled) or nothing is left to ship.
func (o *Order) ShipBy() (time.Time, bool) {
	if o.status != StatusPendingShipment && o.status != StatusPartiallyShipped {
		return time.Time{}, false
	}
	var earliest time.Time
	found := false
	for i := range o.lines {
		l := &o.lines[i]
		if l.left() > 0 && (!found || l.shipBy.Before(earliest)) {
			earliest, found = l.shipBy, true
		}
	}
	return earliest, found
}

// Overdue reports whether, at the given time, some line still to ship is past its deadline.
func (o *Order) Overdue(at time.Time) bool {
	if o.status != StatusPendingShipment && o.status != StatusPartiallyShipped {
		return false
	}
	for i := range o.lines {
		l := &o.lines[i]
		if l.left() > 0 && at.After(l.shipBy) {
			return true
		}
	}
	return false
}

// ExtendShipBy records a delivery negotiation (发货协商): the merchant agrees a later ship-by
// deadline with the buyer. The order must be awaiting shipment; at most
// Policy().MaxNegotiations per order; sent at least Policy().NegotiationLead before the current
// deadline (ErrNegotiationTooLate); to must be later than the current deadline
// (ErrInvalidDeadline) and within the years 1 to 9999. Every line still to ship whose deadline
// is earlier than to gets to. The platform takes no negotiation for a virtual-goods order
// (ErrVirtualOrder).
func (o *Order) ExtendShipBy(to time.Time, reason NegotiationReason, at time.Time) (ShipByExtended, error) {
	if !reason.IsValid() {
		return ShipByExtended{}, fmt.Errorf("%w: order %s: %w", ErrInvalidReason, o.id, negotiationReasons.Check(reason))
	}
	if o.virtual {
		return ShipByExtended{}, fmt.Errorf("%w: order %s: delivery negotiation", ErrVirtualOrder, o.id)
	}
	if err := o.checkTime(at); err != nil {
		return ShipByExtended{}, err
	}
	if _, err := Next(o.status, TriggerNegotiateShipBy); err != nil {
		return ShipByExtended{}, err
	}
	if len(o.negotiations) >= o.policy.MaxNegotiations {
		return ShipByExtended{}, &LimitError{What: "negotiations", Max: o.policy.MaxNegotiations}
	}
	from, ok := o.ShipBy()
	if !ok {
		return ShipByExtended{}, fmt.Errorf("%w: order %s has nothing left to ship", ErrInvalidDeadline, o.id)
	}
	if at.Add(o.policy.NegotiationLead).After(from) {
		return ShipByExtended{}, fmt.Errorf("%w: order %s: at %s, deadline %s, lead %s", ErrNegotiationTooLate,
			o.id, instant.Stamp(at), instant.Stamp(from), o.policy.NegotiationLead)
	}
	if !to.After(from) || !instant.InYears(to) {
		return ShipByExtended{}, fmt.Errorf("%w: order %s: %s is not after the current deadline %s, or not before the year %d", ErrInvalidDeadline,
			o.id, instant.Stamp(to), instant.Stamp(from), instant.MaxYear+1)
	}
	for i := range o.lines {
		l := &o.lines[i]
		if l.left() > 0 && l.shipBy.Before(to) {
			l.shipBy = to
		}
	}
	o.negotiations = append(o.negotiations, Negotiation{Reason: reason, From: from, To: to, At: at})
	o.updatedAt = at
	return ShipByExtended{OrderID: o.id, Reason: reason, From: from, To: to, Count: len(o.negotiations), At: at}, nil
}
