package order

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/shop"
)

// refShipmentProblems is the first, quadratic implementation of the shipment rules, kept as the
// readable reference the fast one (checkShipment) is compared with on random requests
// (TestShipmentProblemsMatchesReference). Since it was written, the rules gained the
// virtual-goods exemption, one rule per status, the order of the logistics rules (a carrier
// and a well-formed tracking number, written here with regular expressions of their own), the
// quantity bound and "no parcels at all"; the reference states each of them plainly.
func (o *Order) refShipmentProblems(parcels []Parcel, complete bool, yield func(*ShipmentError) bool) bool {
	var statusRule Rule
	switch o.status {
	case StatusPendingShipment, StatusPartiallyShipped:
	case StatusPendingPayment:
		statusRule = RuleOrderUnpaid
	case StatusShipped, StatusCompleted:
		statusRule = RuleOrderShipped
	default:
		statusRule = RuleOrderCancelled
	}
	if statusRule != 0 && !yield(&ShipmentError{Rule: statusRule, Status: o.status, Parcel: -1}) {
		return false
	}
	if len(parcels) == 0 {
		return yield(&ShipmentError{Rule: RuleParcelEmpty, Status: o.status, Parcel: -1})
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
				if it.SKUID == l.SKUID() && it.ProductID == l.ProductID() && it.Quantity > 0 && it.Quantity <= MaxQuantity {
					got += it.Quantity
				}
			}
		}
		if got < rem {
			if !yield(&ShipmentError{Rule: RuleShipmentIncomplete, Status: o.status, Parcel: -1, ProductID: l.ProductID(), SKUID: l.SKUID(), Want: rem, Got: got}) {
				return false
			}
		}
	}
	return true
}

var (
	refCarrier  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	refTracking = regexp.MustCompile(`^[A-Za-z0-9-]{1,64}$`)
)

// refLogistics is the logistics rule a parcel breaks, or 0.
func (o *Order) refLogistics(parcels []Parcel, pi int, reship bool) Rule {
	p := &parcels[pi]
	switch {
	case p.Carrier == "" && p.TrackingNumber == "":
		if o.virtual && !reship {
			return 0
		}
		return RuleDeliverTypeMismatch
	case p.Carrier == "":
		return RuleCarrierMissing
	case !refCarrier.MatchString(p.Carrier):
		return RuleCarrierUnknown
	case p.TrackingNumber == "":
		return RuleTrackingMissing
	case !refTracking.MatchString(p.TrackingNumber):
		return RuleTrackingInvalid
	case o.refTrackingUsed(p.TrackingNumber) || refTrackingIn(parcels[:pi], p.TrackingNumber):
		return RuleTrackingDuplicate
	}
	return 0
}

func (o *Order) refCheckParcel(parcels []Parcel, pi int, reship bool, yield func(*ShipmentError) bool) bool {
	p := &parcels[pi]
	fail := func(r Rule, productID, sku string, want, got int) bool {
		return yield(&ShipmentError{Rule: r, Status: o.status, Parcel: pi, ProductID: productID, SKUID: sku, Want: want, Got: got, TrackingNumber: p.TrackingNumber})
	}
	if r := o.refLogistics(parcels, pi, reship); r != 0 && !fail(r, "", "", 0, 0) {
		return false
	}
	if len(p.Items) == 0 {
		return fail(RuleParcelEmpty, "", "", 0, 0)
	}
	for ii, it := range p.Items {
		if it.Quantity <= 0 || it.Quantity > MaxQuantity {
			if !fail(RuleQuantityInvalid, it.ProductID, it.SKUID, 1, it.Quantity) {
				return false
			}
			continue
		}
		li := o.lineIndex(it.SKUID)
		if li < 0 || o.lines[li].ProductID() != it.ProductID {
			if !fail(RuleSKUUnknown, it.ProductID, it.SKUID, 0, it.Quantity) {
				return false
			}
			continue
		}
		if refSKUListedBefore(parcels, pi, ii, it.SKUID) {
			if !fail(RuleSKUSplit, it.ProductID, it.SKUID, 0, it.Quantity) {
				return false
			}
			continue
		}
		l := &o.lines[li]
		if reship {
			if it.Quantity > l.Quantity() && !fail(RuleOverShipment, it.ProductID, it.SKUID, l.Quantity(), it.Quantity) {
				return false
			}
			continue
		}
		if l.OnAfterSale() > 0 && !fail(RuleAfterSaleOpen, it.ProductID, it.SKUID, 0, l.OnAfterSale()) {
			return false
		}
		rem := l.Remaining()
		var r Rule
		switch {
		case it.Quantity > l.Quantity()-l.Shipped():
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

// refTrackingUsed: a tracking number of the order's parcels (those without logistics have
// none) or re-shipments.
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
		if ps[i].TrackingNumber != "" && ps[i].TrackingNumber == tn {
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
		o.checkShipment(parcels, complete, nil, collect(&got))
		require.Equal(t, want, got, "seed %d", seed)
		if len(want) > 0 {
			stop := rng.IntN(len(want))
			var ws, gs []ShipmentError
			wok := o.refShipmentProblems(parcels, complete, collectUpTo(&ws, stop))
			gok := o.checkShipment(parcels, complete, nil, collectUpTo(&gs, stop))
			require.Equal(t, ws, gs, "seed %d: stop after %d", seed, stop+1)
			require.Equal(t, wok, gok, "seed %d", seed)
		}
		for pi := range parcels {
			var wr, gr []ShipmentError
			o.refCheckParcel(parcels[pi:pi+1], 0, true, collect(&wr))
			w := newShipmentWalk(o, parcels[pi:pi+1], true)
			w.parcel(0, nil, collect(&gr))
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
// shipped, some units refunded or held by after-sale, sometimes virtual, and sometimes shipped
// in full and re-shipped (status 30, tracking numbers of re-shipments).
func randomShippableOrder(t *testing.T, rng *rand.Rand) *Order {
	t.Helper()
	n := 1 + rng.IntN(12)
	if rng.IntN(4) == 0 {
		n = 1 + rng.IntN(150)
	}
	lines := make([]LineParams, n)
	for i := range lines {
		s, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: fmt.Sprintf("p%d", i%3), SKUID: fmt.Sprintf("s%d", i), Title: "T", Price: decimal.New(100, -2)})
		require.NoError(t, err)
		q := 1 + rng.IntN(3)
		lines[i] = LineParams{Snapshot: s, Quantity: q, UnitPrice: s.Price(), Paid: decimal.New(int64(100*q), -2)}
	}
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	o, err := New(NewParams{ID: "o", Seller: shop.WeChatShop, Buyer: "b", Lines: lines,
		Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: t0, Virtual: rng.IntN(5) == 0})
	require.NoError(t, err)
	if rng.IntN(8) == 0 {
		return o // unpaid
	}
	at := t0.Add(time.Hour)
	_, err = o.Pay(at)
	require.NoError(t, err)
	shipAll := rng.IntN(8) == 0
	for i := range o.lines {
		l := &o.lines[i]
		it := Item{ProductID: l.ProductID(), SKUID: l.SKUID()}
		k := rng.IntN(6)
		if shipAll {
			k = 0
		}
		switch k {
		case 0: // ship it now
			it.Quantity = l.left()
			p := Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("T%d", rng.IntN(20)), Items: []Item{it}}
			if shipAll {
				p.TrackingNumber = fmt.Sprintf("T%d", i)
			}
			if o.virtual && rng.IntN(2) == 0 {
				p.Carrier, p.TrackingNumber = "", ""
			}
			_, err = o.Ship(p, at)
		case 1: // refund a unit
			it.Quantity = 1
			if _, err = o.HoldForAfterSale([]Item{it}, at); err == nil {
				var limit decimal.Decimal
				if limit, err = o.RefundCap([]Item{it}); err == nil {
					_, err = o.RefundAfterSale([]Item{it}, limit, at)
				}
			}
		case 2: // hold a unit
			it.Quantity = 1
			_, err = o.HoldForAfterSale([]Item{it}, at)
		}
		_ = err // refusals (a tracking number used twice, a status that moved on) are fine
	}
	if o.status == StatusShipped {
		for r := range rng.IntN(4) {
			l := &o.lines[rng.IntN(len(o.lines))]
			_, _ = o.Reship(ReshipGift, Parcel{Carrier: "ZTO", TrackingNumber: fmt.Sprintf("R%d", r),
				Items: []Item{{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: 1}}}, at)
		}
	}
	return o
}

// randomLogistics is a carrier and a tracking number, right most of the time and wrong in
// every way the rules tell apart the rest.
func randomLogistics(rng *rand.Rand) (carrier, tracking string) {
	carrier, tracking = "SF", fmt.Sprintf("T%d", rng.IntN(40))
	switch rng.IntN(24) {
	case 0:
		return "", "" // no logistics (fine only on a virtual order)
	case 1:
		carrier = ""
	case 2:
		tracking = ""
	case 3:
		carrier = "S F"
	case 4:
		carrier = strings.Repeat("Z", 65)
	case 5:
		tracking = "SF 123"
	case 6:
		tracking = "T1😀"
	case 7:
		tracking = strings.Repeat("9", MaxTrackingLength+1)
	case 8:
		tracking = fmt.Sprintf("R%d", rng.IntN(4)) // a re-shipment's number
	case 9:
		carrier = "" // no carrier, but a number a later parcel may repeat
	case 10:
		carrier = "顺丰"
	}
	return carrier, tracking
}

// randomRequest builds parcels for o: mostly its lines in order, with every kind of mistake.
func randomRequest(rng *rand.Rand, o *Order) []Parcel {
	np := rng.IntN(6)
	if rng.IntN(6) == 0 {
		np = 9 + rng.IntN(8) // many parcels: the tracking map
	}
	parcels := make([]Parcel, np)
	for p := range parcels {
		parcels[p].Carrier, parcels[p].TrackingNumber = randomLogistics(rng)
	}
	if np == 0 {
		return parcels
	}
	for i := range o.lines {
		l := &o.lines[i]
		if rng.IntN(5) == 0 {
			continue // not in the request
		}
		it := Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.left()}
		switch rng.IntN(15) {
		case 0:
			it.Quantity = rng.IntN(3) - 1 // bad or short
		case 1:
			it.Quantity++
		case 2:
			it.ProductID = "other"
		case 3:
			it.SKUID = fmt.Sprintf("unknown%d", rng.IntN(3))
		case 4:
			it.Quantity = MaxQuantity + 1
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
