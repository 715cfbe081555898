package order

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// refShipmentProblems is the first, quadratic implementation of the shipment rules, kept as the
// readable reference the fast one (checkShipment) is compared with on random requests
// (TestShipmentProblemsMatchesReference). Its only change is the virtual-goods exemption of the
// tracking rule, which both must share.
func (o *Order) refShipmentProblems(parcels []Parcel, complete bool, yield func(*ShipmentError) bool) bool {
	if !o.status.Accepts(TriggerShipPart) && !o.status.Accepts(TriggerShipAll) {
		if !yield(&ShipmentError{Rule: RuleNotShippable, Status: o.status, Parcel: -1}) {
			return false
		}
	}
	for pi := range parcels {
		if !o.refCheckParcel(parcels, pi, false, yield) {
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

func (o *Order) refCheckParcel(parcels []Parcel, pi int, reship bool, yield func(*ShipmentError) bool) bool {
	p := &parcels[pi]
	fail := func(r Rule, sku string, want, got int) bool {
		return yield(&ShipmentError{Rule: r, Status: o.status, Parcel: pi, SKUID: sku, Want: want, Got: got, TrackingNumber: p.TrackingNumber})
	}
	if p.Carrier == "" || p.TrackingNumber == "" {
		virtual := o.virtual && !reship && p.Carrier == "" && p.TrackingNumber == ""
		if !virtual && !fail(RuleMissingTracking, "", 0, 0) {
			return false
		}
	} else if o.refTrackingUsed(p.TrackingNumber) || refTrackingIn(parcels[:pi], p.TrackingNumber) {
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
		if refSKUListedBefore(parcels, pi, ii, it.SKUID) {
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

func (o *Order) refTrackingUsed(tn string) bool {
	if refTrackingIn(o.parcels, tn) {
		return true
	}
	for i := range o.reships {
		if o.reships[i].Parcel.TrackingNumber == tn {
			return true
		}
	}
	return false
}

func refTrackingIn(ps []Parcel, tn string) bool {
	for i := range ps {
		if ps[i].TrackingNumber == tn {
			return true
		}
	}
	return false
}

func refSKUListedBefore(parcels []Parcel, pi, ii int, sku string) bool {
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

// TestShipmentProblemsMatchesReference compares ShipmentProblems (and the re-shipment check)
// with the reference on random orders and requests: items in line order, out of order,
// repeated, unknown, of another product, with bad quantities; parcels without waybill, with
// tracking numbers used before; small orders (scans) and large ones (maps, bitmaps); stopping
// after any number of problems.
func TestShipmentProblemsMatchesReference(t *testing.T) {
	t.Parallel()
	for seed := range uint64(3000) {
		rng := rand.New(rand.NewPCG(seed, 42))
		o := randomShippableOrder(t, rng)
		parcels := randomRequest(rng, o)
		complete := rng.IntN(2) == 0
		var want, got []ShipmentError
		o.refShipmentProblems(parcels, complete, collect(&want))
		o.checkShipment(parcels, complete, collect(&got))
		require.Equal(t, want, got, "seed %d", seed)
		if len(want) > 0 {
			stop := rng.IntN(len(want))
			var ws, gs []ShipmentError
			wok := o.refShipmentProblems(parcels, complete, collectUpTo(&ws, stop))
			gok := o.checkShipment(parcels, complete, collectUpTo(&gs, stop))
			require.Equal(t, ws, gs, "seed %d: stop after %d", seed, stop+1)
			require.Equal(t, wok, gok, "seed %d", seed)
		}
		for pi := range parcels {
			var wr, gr []ShipmentError
			o.refCheckParcel(parcels[pi:pi+1], 0, true, collect(&wr))
			w := newShipmentWalk(o, parcels[pi:pi+1], true)
			w.parcel(0, collect(&gr))
			require.Equal(t, wr, gr, "seed %d: re-shipment of parcel %d", seed, pi)
		}
	}
}

func collect(out *[]ShipmentError) func(*ShipmentError) bool {
	return func(e *ShipmentError) bool { *out = append(*out, *e); return true }
}

// collectUpTo collects problems and asks to stop after the (stop+1)th.
func collectUpTo(out *[]ShipmentError, stop int) func(*ShipmentError) bool {
	return func(e *ShipmentError) bool { *out = append(*out, *e); return len(*out) <= stop }
}

// randomShippableOrder is an order of 1 to 150 lines, paid most of the time, with some lines
// shipped, some units refunded or held by after-sale, and sometimes virtual.
func randomShippableOrder(t *testing.T, rng *rand.Rand) *Order {
	t.Helper()
	n := 1 + rng.IntN(12)
	if rng.IntN(4) == 0 {
		n = 1 + rng.IntN(150)
	}
	lines := make([]LineParams, n)
	for i := range lines {
		s := catalog.Snapshot{ProductID: fmt.Sprintf("p%d", i%3), SKUID: fmt.Sprintf("s%d", i), Title: "T", Price: decimal.New(100, -2)}
		q := 1 + rng.IntN(3)
		lines[i] = LineParams{Snapshot: s, Quantity: q, UnitPrice: s.Price, Paid: decimal.New(int64(100*q), -2)}
	}
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	o, err := New(NewParams{ID: "o", Seller: catalog.SellerWeChatShop, Buyer: "b", Lines: lines,
		Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: t0, Virtual: rng.IntN(5) == 0})
	require.NoError(t, err)
	if rng.IntN(8) == 0 {
		return o // unpaid
	}
	at := t0.Add(time.Hour)
	_, err = o.Pay(at)
	require.NoError(t, err)
	for i := range o.lines {
		l := &o.lines[i]
		it := Item{ProductID: l.Snapshot.ProductID, SKUID: l.Snapshot.SKUID}
		switch rng.IntN(6) {
		case 0: // ship it now
			it.Quantity = l.left()
			_, err = o.Ship(Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("T%d", rng.IntN(20)), Items: []Item{it}}, at)
		case 1: // refund a unit
			it.Quantity = 1
			if _, err = o.HoldForAfterSale([]Item{it}, at); err == nil {
				_, err = o.RefundAfterSale([]Refund{{Item: it}}, at)
			}
		case 2: // hold a unit
			it.Quantity = 1
			_, err = o.HoldForAfterSale([]Item{it}, at)
		}
		_ = err // refusals (a tracking number used twice, a status that moved on) are fine
	}
	return o
}

// randomRequest builds parcels for o: mostly its lines in order, with every kind of mistake.
func randomRequest(rng *rand.Rand, o *Order) []Parcel {
	np := rng.IntN(6)
	if rng.IntN(6) == 0 {
		np = 9 + rng.IntN(8) // many parcels: the tracking map
	}
	parcels := make([]Parcel, np)
	for p := range parcels {
		switch rng.IntN(10) {
		case 0:
			parcels[p] = Parcel{} // no waybill (fine only on a virtual order)
		case 1:
			parcels[p] = Parcel{TrackingNumber: "X"}
		default:
			parcels[p] = Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("T%d", rng.IntN(40))}
		}
	}
	if np == 0 {
		return parcels
	}
	for i := range o.lines {
		l := &o.lines[i]
		if rng.IntN(5) == 0 {
			continue // not in the request
		}
		it := Item{ProductID: l.Snapshot.ProductID, SKUID: l.Snapshot.SKUID, Quantity: l.left()}
		switch rng.IntN(14) {
		case 0:
			it.Quantity = rng.IntN(3) - 1 // bad or short
		case 1:
			it.Quantity++
		case 2:
			it.ProductID = "other"
		case 3:
			it.SKUID = fmt.Sprintf("unknown%d", rng.IntN(3))
		}
		p := i * np / len(o.lines)
		if rng.IntN(8) == 0 {
			p = rng.IntN(np)
		}
		parcels[p].Items = append(parcels[p].Items, it)
		if rng.IntN(12) == 0 { // the same SKU again
			q := rng.IntN(np)
			parcels[q].Items = append(parcels[q].Items, it)
		}
	}
	if rng.IntN(4) == 0 { // out of order
		p := rng.IntN(np)
		rng.Shuffle(len(parcels[p].Items), func(a, b int) {
			parcels[p].Items[a], parcels[p].Items[b] = parcels[p].Items[b], parcels[p].Items[a]
		})
	}
	return parcels
}
