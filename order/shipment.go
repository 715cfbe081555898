package order

import (
	"iter"

	"github.com/wxshop-go/wxshop/catalog"
)

// ShipmentProblems checks a shipment request of one or more parcels against the order without
// changing it, and yields every broken rule in a deterministic order: the status first, then
// parcel by parcel (logistics and tracking, emptiness, then item by item), then, when complete
// is true, every line the request leaves with units to ship. Ship applies a parcel only when
// this check finds nothing, and Restore checks stored parcels with the same walk; package
// shipping uses it for its pre-flight report. The rules live here once.
//
// A parcel needs a carrier and a tracking number, except on a virtual-goods order (Virtual),
// whose parcels may carry neither (Parcel.NoLogistics). The check is O(lines + items); a
// request that lists items in line order, as requests nearly always do, allocates nothing.
func (o *Order) ShipmentProblems(parcels []Parcel, complete bool) iter.Seq[*ShipmentError] {
	return func(yield func(*ShipmentError) bool) {
		o.checkShipment(parcels, complete, nil, yield)
	}
}

// DriftSource says how the live SKU differs from an order's snapshot of it (see
// catalog.SKU.Drifted); *catalog.Catalog is one. DriftOf is shown the order's own snapshot and
// must neither keep nor change it.
type DriftSource interface {
	DriftOf(snap *catalog.Snapshot) catalog.Drift
}

// ShipmentProblemsIn is ShipmentProblems that also compares each line the parcels ship with
// the live SKU in skus: a line whose snapshot drifted yields RuleSKUDrift (606031, the
// platform refuses to ship it) with Drift set, once, at the first item that ships units of it
// and names its product, ahead of that item's other problems. A line that ships the SKU the
// buyer changed to (an approved SKUChange) is not compared: its snapshot is of the SKU ordered.
// The comparison rides the same walk, so it costs one DriftOf per line shipped.
func (o *Order) ShipmentProblemsIn(skus DriftSource, parcels []Parcel, complete bool) iter.Seq[*ShipmentError] {
	return func(yield func(*ShipmentError) bool) {
		o.checkShipment(parcels, complete, skus, yield)
	}
}

// statusRule is the rule a status that takes no shipment breaks, or 0.
func statusRule(s Status) Rule {
	switch {
	case s.Accepts(TriggerShipPart) || s.Accepts(TriggerShipAll):
		return 0
	case !s.IsValid():
		return RuleInvalidRequest // a zero Order: nothing built it
	case s == StatusPendingPayment:
		return RuleOrderUnpaid
	case s == StatusGiftPending || s == StatusGroupForming:
		return RuleOrderWaiting
	case s == StatusShipped || s == StatusCompleted:
		return RuleOrderShipped
	}
	return RuleOrderCancelled
}

// checkShipment yields the problems of a shipment; it returns false when yield asked to stop.
func (o *Order) checkShipment(parcels []Parcel, complete bool, skus DriftSource, yield func(*ShipmentError) bool) bool {
	if r := statusRule(o.status); r != 0 {
		if !yield(&ShipmentError{Rule: r, Status: o.status, Parcel: -1}) {
			return false
		}
	}
	if len(parcels) == 0 {
		return yield(&ShipmentError{Rule: RuleParcelEmpty, Status: o.status, Parcel: -1})
	}
	w := newShipmentWalk(o, parcels, false)
	w.complete = complete
	for pi := range parcels {
		if !w.parcel(pi, skus, yield) {
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
	// seenTN holds the tracking numbers of the request's first seenN parcels; built for
	// requests of many parcels only.
	seenTN map[string]struct{}
	seenN  int
	// changes says that the order has SKU change requests, which a pending one makes a rule.
	changes bool
	// drifted holds the lines reported as drifted, filled on the first drift.
	drifted lineSet
}

// scanParcels: requests and orders of up to this many parcels check tracking numbers by
// scanning; more are checked through a set.
const scanParcels = 8

func newShipmentWalk(o *Order, parcels []Parcel, reship bool) shipmentWalk {
	return shipmentWalk{o: o, parcels: parcels, reship: reship, find: lineFinder{o: o}, ordered: true, last: -1,
		changes: len(o.skuChanges) > 0}
}

// logisticsRule is the rule a parcel's carrier and tracking number break, or 0. A parcel with
// neither goes without logistics, which only the first shipment of a virtual-goods order may
// (noneOK).
func logisticsRule(p *Parcel, noneOK bool) Rule {
	switch {
	case p.NoLogistics() && noneOK:
		return 0
	case p.NoLogistics():
		return RuleDeliverTypeMismatch
	case p.Carrier == "":
		return RuleCarrierMissing
	case !CarrierCodeValid(p.Carrier):
		return RuleCarrierUnknown
	case p.TrackingNumber == "":
		return RuleTrackingMissing
	case TrackingProblemOf(p.TrackingNumber) != 0:
		return RuleTrackingInvalid
	}
	return 0
}

// CarrierCodeValid reports whether code can be a carrier's delivery_id: 1 to 64 ASCII letters,
// digits, '_' or '-', as every code of the platform's carrier list is. Whether the platform
// knows the carrier is the carrier list's question (package shipping).
func CarrierCodeValid(code string) bool {
	if code == "" || len(code) > 64 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if b := code[i]; !(b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_' || b == '-') {
			return false
		}
	}
	return true
}

// parcel yields the problems of parcels[pi]. A re-shipment checks the parcel's shape and that
// no item exceeds its line's quantity; a shipment checks the quantities left to ship.
//
// skus, when set, is asked about each line shipped (drift). It is a parameter, not a field of
// the walk: escape analysis would otherwise move the caller's parcels to the heap.
func (w *shipmentWalk) parcel(pi int, skus DriftSource, yield func(*ShipmentError) bool) bool {
	o, p := w.o, &w.parcels[pi]
	fail := func(r Rule, productID, sku string, want, got int) bool {
		return yield(&ShipmentError{Rule: r, Status: o.status, Parcel: pi, ProductID: productID, SKUID: sku,
			Want: want, Got: got, TrackingNumber: p.TrackingNumber})
	}
	r := logisticsRule(p, o.virtual && !w.reship)
	if r == 0 && !p.NoLogistics() && w.trackingUsed(pi) {
		r = RuleTrackingDuplicate
	}
	if r != 0 && !fail(r, "", "", 0, 0) {
		return false
	}
	if len(p.Items) == 0 {
		return fail(RuleParcelEmpty, "", "", 0, 0)
	}
	f, lines, items := &w.find, o.lines, p.Items
	for ii := range items {
		it := &items[ii]
		// The usual item names the line after the previous item's (in an ordered walk the cursor
		// is there) and carries exactly the units left of it, none held by after-sale: no rule
		// can fail, and no line was skipped.
		if n := f.next; w.ordered && !w.reship && !w.changes && n == w.last+1 && n < len(lines) {
			if l := &lines[n]; it.Quantity > 0 && it.Quantity == l.left() && l.onAfterSale == 0 &&
				l.skuID() == it.SKUID && l.snap.ProductID() == it.ProductID {
				f.next, w.last = n+1, n
				if skus != nil && !w.drift(skus, pi, n, it, yield) {
					return false
				}
				continue
			}
		}
		li := f.find(it.SKUID)
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
		if skus != nil && li >= 0 && it.Quantity > 0 && o.lines[li].snap.ProductID() == it.ProductID &&
			!w.drift(skus, pi, li, it, yield) {
			return false
		}
		badQuantity := it.Quantity <= 0 || it.Quantity > MaxQuantity
		if badQuantity || li < 0 || o.lines[li].snap.ProductID() != it.ProductID {
			if li >= 0 && w.ordered && o.lines[li].left() > 0 {
				w.short = true // a line named only by an item that does not count
			}
			r, want := RuleSKUUnknown, 0
			if badQuantity {
				r, want = RuleQuantityInvalid, 1
			}
			if !fail(r, it.ProductID, it.SKUID, want, it.Quantity) {
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
			if !fail(RuleSKUSplit, it.ProductID, it.SKUID, 0, it.Quantity) {
				return false
			}
			continue
		}
		if w.reship {
			if it.Quantity > l.quantity && !fail(RuleOverShipment, it.ProductID, it.SKUID, l.quantity, it.Quantity) {
				return false
			}
			continue
		}
		if l.onAfterSale > 0 && !fail(RuleAfterSaleOpen, it.ProductID, it.SKUID, 0, l.onAfterSale) {
			return false
		}
		if w.changes && o.skuChangePending(l) && !fail(RuleSKUChangePending, it.ProductID, it.SKUID, 0, 0) {
			return false
		}
		var r Rule
		switch {
		case it.Quantity > l.quantity-l.shipped:
			r = RuleOverShipment
		case it.Quantity > rem:
			r = RuleUnitsRefunded
		case it.Quantity < rem:
			r = RuleSKUSplit
		}
		if r != 0 && !fail(r, it.ProductID, it.SKUID, rem, it.Quantity) {
			return false
		}
	}
	return true
}

// drift yields RuleSKUDrift when line li, which item it of parcel pi ships, drifted and was
// not reported before. Drift is rare, so the set of lines reported is only made for one.
func (w *shipmentWalk) drift(skus DriftSource, pi, li int, it *Item, yield func(*ShipmentError) bool) bool {
	o, l := w.o, &w.o.lines[li]
	if w.changes && o.shipsChangedSKU(l.skuID()) {
		return true
	}
	d := skus.DriftOf(&l.snap)
	if d.None() || w.drifted.add(li, len(o.lines)) {
		return true
	}
	return yield(&ShipmentError{Rule: RuleSKUDrift, Status: o.status, Parcel: pi, ProductID: it.ProductID,
		SKUID: it.SKUID, TrackingNumber: w.parcels[pi].TrackingNumber, Drift: d})
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
				if lj := w.o.lineIndex(items[k].SKUID); lj >= 0 {
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
	if w.o.trackingUsed(tn) {
		return true
	}
	if pi < scanParcels {
		return trackingIn(w.parcels[:pi], tn)
	}
	if w.seenTN == nil {
		w.seenTN = make(map[string]struct{}, len(w.parcels))
	}
	// Every earlier parcel counts, including those this walk did not ask about (a parcel whose
	// carrier broke a rule still names its number), as trackingIn's scan does.
	for ; w.seenN < pi; w.seenN++ {
		w.seenTN[w.parcels[w.seenN].TrackingNumber] = struct{}{}
	}
	_, seen := w.seenTN[tn]
	return seen
}

// incomplete yields RuleShipmentIncomplete for every line, in line order, that the request
// leaves with units to ship. An ordered walk knows whether there is any (short); only then does
// it walk lines and items again, side by side. An unordered one adds up each line's units.
func (w *shipmentWalk) incomplete(yield func(*ShipmentError) bool) bool {
	o := w.o
	if w.ordered {
		w.passLines(len(o.lines))
		if !w.short {
			return true
		}
	}
	f := lineFinder{o: o}
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
			if it.Quantity <= 0 || it.Quantity > MaxQuantity {
				continue
			}
			li := f.find(it.SKUID)
			if li < 0 || o.lines[li].snap.ProductID() != it.ProductID {
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

// yieldIncomplete yields RuleShipmentIncomplete for line li when the request carries fewer than
// its units left to ship.
func (o *Order) yieldIncomplete(li, got int, yield func(*ShipmentError) bool) bool {
	l := &o.lines[li]
	if rem := l.left(); rem > 0 && got < rem {
		return yield(&ShipmentError{Rule: RuleShipmentIncomplete, Status: o.status, Parcel: -1,
			ProductID: l.snap.ProductID(), SKUID: l.skuID(), Want: rem, Got: got})
	}
	return true
}

// trackingUsed reports whether a parcel or re-shipment of the order already used the number.
func (o *Order) trackingUsed(tn string) bool {
	if o.tracking != nil {
		_, used := o.tracking[tn]
		return used
	}
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
		if !ps[i].NoLogistics() && ps[i].TrackingNumber == tn {
			return true
		}
	}
	return false
}

// useTracking records a tracking number the order now uses, in the set once the order has more
// parcels and re-shipments than scanParcels.
func (o *Order) useTracking(p *Parcel) {
	if p.NoLogistics() {
		return
	}
	if o.tracking == nil {
		n := len(o.parcels) + len(o.reships)
		if n <= scanParcels {
			return
		}
		o.reserveTracking(2 * n)
	}
	o.tracking[p.TrackingNumber] = struct{}{}
}

// reserveTracking builds the set of the tracking numbers the order uses, with room for n, if
// it has none yet: from then on useTracking adds to it and trackingUsed asks it. Restore
// reserves it for all the stored parcels at once, rather than letting it grow one by one.
func (o *Order) reserveTracking(n int) {
	if o.tracking != nil {
		return
	}
	o.tracking = make(map[string]struct{}, n)
	for i := range o.parcels {
		if !o.parcels[i].NoLogistics() {
			o.tracking[o.parcels[i].TrackingNumber] = struct{}{}
		}
	}
	for i := range o.reships {
		o.tracking[o.reships[i].Parcel.TrackingNumber] = struct{}{}
	}
}
