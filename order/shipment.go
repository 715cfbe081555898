package order

import "iter"

// ShipmentProblems checks a shipment request of one or more parcels against the order without
// changing it, and yields every broken rule in a deterministic order: the status first, then
// parcel by parcel (tracking, emptiness, then item by item), then, when complete is true, every
// line the request leaves with units to ship. Ship applies a parcel only when this check finds
// nothing; package shipping uses it for its pre-flight report, so the rules live here once.
//
// A parcel needs a carrier and a tracking number, except on a virtual-goods order (Virtual),
// whose parcels may carry neither (deliver_type 3). The check is O(lines + items); a request
// that lists items in line order, as requests nearly always do, allocates nothing.
func (o *Order) ShipmentProblems(parcels []Parcel, complete bool) iter.Seq[*ShipmentError] {
	return func(yield func(*ShipmentError) bool) {
		o.checkShipment(parcels, complete, yield)
	}
}

// checkShipment yields the problems of a shipment; it returns false when yield asked to stop.
func (o *Order) checkShipment(parcels []Parcel, complete bool, yield func(*ShipmentError) bool) bool {
	if !o.status.Accepts(TriggerShipPart) && !o.status.Accepts(TriggerShipAll) {
		if !yield(&ShipmentError{Rule: RuleNotShippable, Status: o.status, Parcel: -1}) {
			return false
		}
	}
	w := newShipmentWalk(o, parcels, false)
	w.complete = complete
	for pi := range parcels {
		if !w.parcel(pi, yield) {
			return false
		}
	}
	if !complete {
		return true
	}
	return w.incomplete(yield)
}

// shipmentWalk is one pass of the shipment rules over a request.
type shipmentWalk struct {
	o        *Order
	parcels  []Parcel
	reship   bool // a re-shipment: shape and line quantities only
	complete bool // the request must leave nothing to ship
	find     lineFinder
	// The rule "a SKU in one parcel" needs the lines the request named before each item. While
	// the items' lines strictly increase (ordered), no line can repeat and last is all it
	// takes; the first item out of order fills listed and the walk uses it from then on.
	ordered bool
	last    int
	listed  lineSet
	// short says, in an ordered walk of a complete request, that a line with units to ship is
	// not carried in full: skipped by the items, or named by one that falls short. Each line is
	// looked at once, when the walk passes it.
	short bool
	// firstTN maps each tracking number to the first parcel of the request that carries it (-1:
	// used by the order already); built for requests of many parcels only.
	firstTN map[string]int
}

// scanParcels: requests of up to this many parcels check tracking numbers by scanning.
const scanParcels = 8

func newShipmentWalk(o *Order, parcels []Parcel, reship bool) shipmentWalk {
	return shipmentWalk{o: o, parcels: parcels, reship: reship, find: lineFinder{lines: o.lines}, ordered: true, last: -1}
}

// parcel yields the problems of parcels[pi]. A re-shipment checks the parcel's shape and that
// no item exceeds its line's quantity; a shipment checks the quantities left to ship.
func (w *shipmentWalk) parcel(pi int, yield func(*ShipmentError) bool) bool {
	o, p := w.o, &w.parcels[pi]
	fail := func(r Rule, sku string, want, got int) bool {
		return yield(&ShipmentError{Rule: r, Status: o.status, Parcel: pi, SKUID: sku, Want: want, Got: got, TrackingNumber: p.TrackingNumber})
	}
	switch {
	case p.Carrier == "" && p.TrackingNumber == "" && o.virtual && !w.reship:
		// Virtual goods ship without logistics; re-shipments always go by express.
	case p.Carrier == "" || p.TrackingNumber == "":
		if !fail(RuleMissingTracking, "", 0, 0) {
			return false
		}
	case w.trackingUsed(pi):
		if !fail(RuleDuplicateTracking, "", 0, 0) {
			return false
		}
	}
	if len(p.Items) == 0 {
		return fail(RuleEmptyParcel, "", 0, 0)
	}
	f, lines, items := &w.find, o.lines, p.Items
	for ii := range items {
		it := &items[ii]
		// The usual item names the line after the previous item's (in an ordered walk the cursor
		// is there) and carries exactly the units left of it, none held by after-sale: no rule
		// can fail, and no line was skipped.
		if n := f.next; w.ordered && n == w.last+1 && n < len(lines) {
			if l := &lines[n]; it.Quantity > 0 && it.Quantity == l.left() && l.OnAfterSale == 0 &&
				l.Snapshot.SKUID == it.SKUID && l.Snapshot.ProductID == it.ProductID {
				f.next, w.last = n+1, n
				continue
			}
		}
		var li int
		if f.next < len(f.lines) && f.lines[f.next].Snapshot.SKUID == it.SKUID {
			li = f.next // the line after the previous item's
			f.next++
		} else {
			li = f.find(it.SKUID)
		}
		again := false // every item counts here, whatever its quantity
		if li >= 0 {
			if w.ordered && li > w.last {
				if w.complete && li > w.last+1 {
					w.passLines(li)
				}
				w.last = li
			} else {
				again = w.listedBefore(li, pi, ii)
			}
		}
		if it.Quantity <= 0 || li < 0 || o.lines[li].Snapshot.ProductID != it.ProductID {
			if li >= 0 && w.ordered && o.lines[li].left() > 0 {
				w.short = true // a line named only by an item that does not count
			}
			r, want := RuleUnknownSKU, 0
			if it.Quantity <= 0 {
				r, want = RuleBadQuantity, 1
			}
			if !fail(r, it.SKUID, want, it.Quantity) {
				return false
			}
			continue
		}
		l := &o.lines[li]
		rem := l.left()
		if it.Quantity < rem {
			w.short = true
		}
		if again {
			if !fail(RuleSplitSKU, it.SKUID, 0, it.Quantity) {
				return false
			}
			continue
		}
		if w.reship {
			if it.Quantity > l.Quantity && !fail(RuleOverShipment, it.SKUID, l.Quantity, it.Quantity) {
				return false
			}
			continue
		}
		if l.OnAfterSale > 0 && !fail(RuleOnAfterSale, it.SKUID, 0, l.OnAfterSale) {
			return false
		}
		var r Rule
		switch {
		case it.Quantity > l.Quantity-l.Shipped:
			r = RuleOverShipment
		case it.Quantity > rem:
			r = RuleRefundedUnits
		case it.Quantity < rem:
			r = RuleSplitSKU
		}
		if r != 0 && !fail(r, it.SKUID, rem, it.Quantity) {
			return false
		}
	}
	return true
}

// passLines notes whether the lines an ordered walk skips on its way to line to (those after
// the last line named) have units to ship.
func (w *shipmentWalk) passLines(to int) {
	for k := w.last + 1; k < to && !w.short; k++ {
		w.short = w.o.lines[k].left() > 0
	}
}

// listedBefore records that item ii of parcel pi names line li, when the items' lines stopped
// increasing, and reports whether an earlier item of the request named it too.
func (w *shipmentWalk) listedBefore(li, pi, ii int) bool {
	n := len(w.o.lines)
	if w.ordered {
		w.ordered = false
		for qi := 0; qi <= pi; qi++ {
			items := w.parcels[qi].Items
			if qi == pi {
				items = items[:ii]
			}
			for k := range items {
				if lj := w.find.search(items[k].SKUID); lj >= 0 {
					w.listed.add(lj, n)
				}
			}
		}
	}
	return w.listed.add(li, n)
}

// trackingUsed reports whether parcels[pi]'s tracking number was used by the order (a parcel
// or a re-shipment) or by an earlier parcel of the request.
func (w *shipmentWalk) trackingUsed(pi int) bool {
	tn := w.parcels[pi].TrackingNumber
	if len(w.parcels) <= scanParcels {
		return w.o.trackingUsed(tn) || trackingIn(w.parcels[:pi], tn)
	}
	if w.firstTN == nil {
		w.firstTN = make(map[string]int, len(w.parcels)+len(w.o.parcels)+len(w.o.reships))
		for i := range w.parcels {
			if _, ok := w.firstTN[w.parcels[i].TrackingNumber]; !ok {
				w.firstTN[w.parcels[i].TrackingNumber] = i
			}
		}
		for i := range w.o.parcels {
			w.firstTN[w.o.parcels[i].TrackingNumber] = -1
		}
		for i := range w.o.reships {
			w.firstTN[w.o.reships[i].Parcel.TrackingNumber] = -1
		}
	}
	return w.firstTN[tn] < pi
}

// incomplete yields RuleIncomplete for every line, in line order, that the request leaves with
// units to ship. An ordered walk knows whether there is any (short); only then does it walk
// lines and items again, side by side. An unordered one adds up each line's units.
func (w *shipmentWalk) incomplete(yield func(*ShipmentError) bool) bool {
	o := w.o
	if w.ordered {
		w.passLines(len(o.lines))
		if !w.short {
			return true
		}
	}
	f := lineFinder{lines: o.lines, index: w.find.index}
	var got []int // unordered: units per line
	var small [64]int
	switch {
	case w.ordered:
	case len(o.lines) <= len(small):
		got = small[:len(o.lines)]
	default:
		got = make([]int, len(o.lines))
	}
	next := 0 // ordered: the first line not yet judged
	for pi := range w.parcels {
		items := w.parcels[pi].Items
		for ii := range items {
			it := &items[ii]
			if it.Quantity <= 0 {
				continue
			}
			li := f.find(it.SKUID)
			if li < 0 || o.lines[li].Snapshot.ProductID != it.ProductID {
				continue
			}
			if got != nil {
				got[li] += it.Quantity
				continue
			}
			for ; next < li; next++ {
				if !o.yieldIncomplete(next, 0, yield) {
					return false
				}
			}
			if !o.yieldIncomplete(li, it.Quantity, yield) {
				return false
			}
			next = li + 1
		}
	}
	for ; next < len(o.lines); next++ {
		g := 0
		if got != nil {
			g = got[next]
		}
		if !o.yieldIncomplete(next, g, yield) {
			return false
		}
	}
	return true
}

// yieldIncomplete yields RuleIncomplete for line li when the request carries fewer than its
// units left to ship.
func (o *Order) yieldIncomplete(li, got int, yield func(*ShipmentError) bool) bool {
	l := &o.lines[li]
	if rem := l.left(); rem > 0 && got < rem {
		return yield(&ShipmentError{Rule: RuleIncomplete, Status: o.status, Parcel: -1, SKUID: l.Snapshot.SKUID, Want: rem, Got: got})
	}
	return true
}

// trackingUsed reports whether a parcel or re-shipment of the order already used the number.
func (o *Order) trackingUsed(tn string) bool {
	if trackingIn(o.parcels, tn) {
		return true
	}
	for i := range o.reships {
		if o.reships[i].Parcel.TrackingNumber == tn {
			return true
		}
	}
	return false
}

func trackingIn(ps []Parcel, tn string) bool {
	for i := range ps {
		if ps[i].TrackingNumber == tn {
			return true
		}
	}
	return false
}
