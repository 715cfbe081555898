package order

import (
	"errors"
	"time"
)

// Ship records one parcel. The parcel must pass every rule of ShipmentProblems; otherwise Ship
// returns the problems (one *ShipmentError, or several joined) and changes nothing. A parcel
// that leaves units to ship moves the order to 21; the one after which nothing is left, to 30.
// The event's Parcel is the caller's parcel; the order keeps its own copy.
func (o *Order) Ship(p Parcel, at time.Time) (Shipped, error) {
	if err := o.checkTime(at); err != nil {
		return Shipped{}, err
	}
	one := [1]Parcel{p}
	var first error
	var more []error
	o.checkShipment(one[:], false, func(e *ShipmentError) bool {
		if first == nil {
			first = e
		} else {
			more = append(more, e)
		}
		return true
	})
	if first != nil {
		if more != nil {
			return Shipped{}, errors.Join(append([]error{first}, more...)...)
		}
		return Shipped{}, first
	}
	units := 0
	for _, it := range p.Items {
		units += it.Quantity
	}
	t := TriggerShipPart
	if o.remainingTotal() == units {
		t = TriggerShipAll
	}
	to, err := Next(o.status, t)
	if err != nil {
		return Shipped{}, err
	}
	f := lineFinder{lines: o.lines}
	for _, it := range p.Items {
		o.lines[f.find(it.SKUID)].Shipped += it.Quantity // the check found every line
	}
	o.storeParcel(p)
	ev := Shipped{OrderID: o.id, Parcel: p, Finished: t == TriggerShipAll, From: o.status, To: to, At: at}
	o.status = to
	if ev.Finished {
		o.shipDoneAt = at
	}
	return ev, nil
}
