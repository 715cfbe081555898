package order

import "iter"

// ShipmentProblems checks a shipment request of one or more parcels against the order without
// changing it, and yields every broken rule in a deterministic order: the status first, then
// parcel by parcel (tracking, emptiness, then item by item), then, when complete is true, every
// line the request leaves with units to ship. Ship applies a parcel only when this check finds
// nothing; package shipping uses it for its pre-flight report, so the rules live here once.
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
	for pi := range parcels {
		if !o.checkParcel(parcels, pi, false, yield) {
			return false
		}
	}
	if !complete {
		return true
	}
	for li := range o.lines {
		l := &o.lines[li]
		rem := l.Remaining()
		if rem == 0 {
			continue
		}
		got := 0
		for _, p := range parcels {
			for _, it := range p.Items {
				if it.SKUID == l.Snapshot.SKUID && it.ProductID == l.Snapshot.ProductID && it.Quantity > 0 {
					got += it.Quantity
				}
			}
		}
		if got < rem {
			if !yield(&ShipmentError{Rule: RuleIncomplete, Status: o.status, Parcel: -1, SKUID: l.Snapshot.SKUID, Want: rem, Got: got}) {
				return false
			}
		}
	}
	return true
}

// checkParcel yields the problems of parcels[pi]. A re-shipment checks the parcel's shape and
// that no item exceeds its line's quantity; a shipment checks the quantities left to ship.
func (o *Order) checkParcel(parcels []Parcel, pi int, reship bool, yield func(*ShipmentError) bool) bool {
	p := &parcels[pi]
	fail := func(r Rule, sku string, want, got int) bool {
		return yield(&ShipmentError{Rule: r, Status: o.status, Parcel: pi, SKUID: sku, Want: want, Got: got, TrackingNumber: p.TrackingNumber})
	}
	if p.Carrier == "" || p.TrackingNumber == "" {
		if !fail(RuleMissingTracking, "", 0, 0) {
			return false
		}
	} else if o.trackingUsed(p.TrackingNumber) || trackingIn(parcels[:pi], p.TrackingNumber) {
		if !fail(RuleDuplicateTracking, "", 0, 0) {
			return false
		}
	}
	if len(p.Items) == 0 {
		return fail(RuleEmptyParcel, "", 0, 0)
	}
	for ii, it := range p.Items {
		if it.Quantity <= 0 {
			if !fail(RuleBadQuantity, it.SKUID, 1, it.Quantity) {
				return false
			}
			continue
		}
		li := o.lineIndex(it.SKUID)
		if li < 0 || o.lines[li].Snapshot.ProductID != it.ProductID {
			if !fail(RuleUnknownSKU, it.SKUID, 0, it.Quantity) {
				return false
			}
			continue
		}
		if skuListedBefore(parcels, pi, ii, it.SKUID) {
			if !fail(RuleSplitSKU, it.SKUID, 0, it.Quantity) {
				return false
			}
			continue
		}
		l := &o.lines[li]
		if reship {
			if it.Quantity > l.Quantity && !fail(RuleOverShipment, it.SKUID, l.Quantity, it.Quantity) {
				return false
			}
			continue
		}
		if l.OnAfterSale > 0 && !fail(RuleOnAfterSale, it.SKUID, 0, l.OnAfterSale) {
			return false
		}
		rem := l.Remaining()
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

// skuListedBefore reports whether the SKU appears earlier in the request than item ii of
// parcel pi.
func skuListedBefore(parcels []Parcel, pi, ii int, sku string) bool {
	for qi := 0; qi <= pi; qi++ {
		items := parcels[qi].Items
		if qi == pi {
			items = items[:ii]
		}
		for _, it := range items {
			if it.SKUID == sku {
				return true
			}
		}
	}
	return false
}
