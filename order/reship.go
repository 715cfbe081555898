package order

import (
	"fmt"
	"time"
)

// Reship records a re-shipment (补发, delivery/compensation) after the order was fully shipped:
// a missing item, a split package, a damaged item or a gift. The status does not change. The
// parcel goes by express (a carrier and an unused, well-formed tracking number) and carries
// items of the order's SKUs, each at most the line's quantity. At most MaxReships per order.
func (o *Order) Reship(reason ReshipReason, p Parcel, at time.Time) (Reshipped, error) {
	if !reason.IsValid() {
		return Reshipped{}, fmt.Errorf("%w: order %s: %w", ErrInvalidReason, o.id, reshipReasons.Check(reason))
	}
	if err := o.checkTime(at); err != nil {
		return Reshipped{}, err
	}
	if _, err := Next(o.status, TriggerReship); err != nil {
		return Reshipped{}, err
	}
	if len(o.reships) >= MaxReships {
		return Reshipped{}, &LimitError{What: "reships", Max: MaxReships}
	}
	one := [1]Parcel{p}
	w := newShipmentWalk(o, one[:], true)
	var ps problems
	w.parcel(0, nil, ps.add)
	if err := ps.err(); err != nil {
		return Reshipped{}, err
	}
	o.reships = append(o.reships, Reshipment{Reason: reason, Parcel: p.clone(), At: at})
	o.useTracking(&o.reships[len(o.reships)-1].Parcel)
	o.updatedAt = at
	return Reshipped{OrderID: o.id, Reason: reason, Parcel: p, Count: len(o.reships), At: at}, nil
}
