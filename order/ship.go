package order

import (
	"errors"
	"time"
)

// Ship records one parcel. The parcel must pass every rule of ShipmentProblems; otherwise Ship
// returns the problems (one *ShipmentError, or several joined) and changes nothing. A parcel
// that leaves units to ship moves the order to 21; the one after which nothing is left, to 30.
// The event's Parcel is the caller's parcel; the order keeps its own copy. Every parcel ships
// every unit left of each SKU it carries, so an order never has more parcels than lines
// (MaxParcels).
func (o *Order) Ship(p Parcel, at time.Time) (Shipped, error) {
	if err := o.checkTime(at); err != nil {
		return Shipped{}, err
	}
	one := [1]Parcel{p}
	var ps problems
	o.checkShipment(one[:], false, nil, ps.add)
	if err := ps.err(); err != nil {
		return Shipped{}, err
	}
	units := 0
	for _, it := range p.Items {
		units += it.Quantity
	}
	t := TriggerShipPart
	if o.toShip == units {
		t = TriggerShipAll
	}
	to, err := Next(o.status, t)
	if err != nil {
		return Shipped{}, err
	}
	f := lineFinder{o: o}
	for _, it := range p.Items {
		o.lines[f.find(it.SKUID)].shipped += it.Quantity // the check found every line
	}
	o.storeParcel(p)
	o.toShip -= units
	ev := Shipped{OrderID: o.id, Parcel: p, Finished: t == TriggerShipAll, From: o.status, To: to, At: at}
	o.status, o.updatedAt = to, at
	if ev.Finished {
		o.shipDoneAt = at
	}
	return ev, nil
}

// problems collects what a shipment check yields: its add is the check's yield, so that a
// clean check allocates nothing.
type problems struct {
	first error
	more  []error
}

func (p *problems) add(e *ShipmentError) bool {
	if p.first == nil {
		p.first = e
	} else {
		p.more = append(p.more, e)
	}
	return true
}

// err is nil, the one *ShipmentError, or all of them joined.
func (p *problems) err() error {
	if p.more != nil {
		return errors.Join(append([]error{p.first}, p.more...)...)
	}
	return p.first
}
