package shipping_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/shop"
)

// randomWorld builds, from rnd, a paid order of 1–5 lines with a random history (some units
// shipped, held by open after-sales, refunded) and a random request of 1–4 parcels whose
// carriers and tracking numbers are well-formed or empty, and whose items are right, wrong or
// absurd. No cases are passed and the catalog is untouched, so the only rules that can fire are
// the ones the order owns.
func randomWorld(t testing.TB, rnd *rand.Rand, c *catalog.Catalog) shipping.Request {
	t.Helper()
	nLines := 1 + rnd.IntN(5)
	qty := make([]int, nLines)
	for i := range qty {
		qty[i] = 1 + rnd.IntN(3)
	}
	o := newOrder(t, c, "o-prop", qty...)
	at := tPay.Add(time.Minute)
	for i := range nLines {
		l, _ := o.Line(skuID(i + 1))
		switch rnd.IntN(5) {
		case 0: // ship the line whole, earlier
			_, err := o.Ship(parcel(100+i, item(i+1, l.Quantity())), at)
			require.NoError(t, err)
		case 1: // a unit held by an open refund-only case
			openCase(t, o, "AS-open", aftersale.KindRefund, at, item(i+1, 1))
		case 2: // a unit refunded before shipping
			ac := openCase(t, o, "AS-refund", aftersale.KindRefund, at, item(i+1, 1))
			_, err := ac.Refund(o, dec("10.00"), at)
			require.NoError(t, err)
		}
	}
	if rnd.IntN(3) == 0 {
		return properRequest(rnd, c, o)
	}
	pool := []string{tracking(1), tracking(2), tracking(3), tracking(100), ""}
	parcels := make([]order.Parcel, 1+rnd.IntN(4))
	for pi := range parcels {
		p := order.Parcel{Carrier: "SF", TrackingNumber: pool[rnd.IntN(len(pool))]}
		if rnd.IntN(10) == 0 {
			p.Carrier = ""
		}
		for range rnd.IntN(4) {
			sku := 1 + rnd.IntN(nLines+1) // sometimes a SKU the order lacks
			it := item(sku, rnd.IntN(5)-1)
			if l, ok := o.Line(skuID(sku)); ok && rnd.IntN(2) == 0 {
				it.Quantity = l.Remaining() // often exactly right
			}
			p.Items = append(p.Items, it)
		}
		parcels[pi] = p
	}
	req := request(o, c, parcels...)
	req.Complete = rnd.IntN(2) == 0
	return req
}

// TestPropertyCheckAgreesWithShip states the promise: for the rules the order owns, Check is OK
// exactly when the parcels, applied one by one with order.Ship, all succeed (and, for a
// complete shipment, leave nothing to ship). It also checks that Check changes nothing.
func TestPropertyCheckAgreesWithShip(t *testing.T) {
	t.Parallel()
	c := newShop(t, 6)
	rnd := rand.New(rand.NewPCG(6, 2025))
	var oks, refusals int
	for i := range 1500 {
		req := randomWorld(t, rnd, c)
		o := req.Order
		before, err := json.Marshal(o)
		require.NoError(t, err)

		r := shipping.Check(req)

		after, err := json.Marshal(o)
		require.NoError(t, err)
		require.JSONEq(t, string(before), string(after), "Check must not change the order")

		shipped := true
		for _, p := range req.Parcels {
			if _, err := o.Ship(p, tShip); err != nil {
				shipped = false
				break
			}
		}
		if shipped && req.Complete {
			shipped = o.Status() == order.StatusShipped
		}
		require.Equal(t, shipped, r.OK(), "case %d: parcels %+v complete=%v: blockers %v", i, req.Parcels, req.Complete, codes(r))
		if r.OK() {
			oks++
		} else {
			refusals++
		}
	}
	t.Logf("%d OK, %d refused", oks, refusals)
	// The generator must exercise both sides, or the property says nothing.
	assert.Greater(t, oks, 100)
	assert.Greater(t, refusals, 100)
}

// properRequest ships every line that can ship, each whole, spread over 1–3 parcels with their
// own tracking numbers: a request that is usually right, so that both sides of the property
// are exercised.
func properRequest(rnd *rand.Rand, c *catalog.Catalog, o *order.Order) shipping.Request {
	parcels := make([]order.Parcel, 1+rnd.IntN(3))
	for pi := range parcels {
		parcels[pi] = parcel(200 + pi)
	}
	for _, l := range o.Lines() {
		if l.Remaining() > 0 && l.OnAfterSale() == 0 {
			pi := rnd.IntN(len(parcels))
			parcels[pi].Items = append(parcels[pi].Items, order.Item{ProductID: "tee", SKUID: l.SKUID(), Quantity: l.Remaining()})
		}
	}
	req := request(o, c, parcels...)
	req.Complete = rnd.IntN(2) == 0
	return req
}

// disagreeWorld builds, from rnd, an order from order.New with a random life (unpaid, cancelled,
// paid; some lines shipped earlier, or everything; units held by open, rejected or cancelled
// after-sale cases, or refunded; sometimes virtual goods; sometimes rebuilt through
// order.FromPlatform, as a host decodes it), and a random request: 0–4 parcels whose
// carriers, tracking numbers and items are right, missing, malformed, repeated, unknown to the
// order or absurd, with or without the cases, against the shop or a catalog where some SKUs
// changed.
func disagreeWorld(t *testing.T, rnd *rand.Rand, c, changed *catalog.Catalog) shipping.Request {
	t.Helper()
	nLines := 1 + rnd.IntN(5)
	lines := make([]order.LineParams, nLines)
	for i := range lines {
		snap, err := c.Snapshot("tee", skuID(i+1))
		require.NoError(t, err)
		q := 1 + rnd.IntN(3)
		lines[i] = order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: snap.Price(), Paid: snap.Price().Mul(decimal.NewFromInt(int64(q)))}
	}
	path := rnd.IntN(12)
	o, err := order.New(order.NewParams{ID: "o-disagree", Seller: shop.WeChatShop, Buyer: "b", Lines: lines,
		CreatedAt: tOrder, Virtual: rnd.IntN(6) == 0, Gift: path == 2, GroupBuy: path == 3})
	require.NoError(t, err)
	var cases []*aftersale.Case
	switch path {
	case 0: // unpaid
	case 1:
		_, err = o.Cancel(order.CancelByBuyer, tPay)
		require.NoError(t, err)
	case 2: // a gift waiting for its recipient
		_, err = o.Pay(tPay)
		require.NoError(t, err)
	case 3: // a group buy waiting for its group
		_, err = o.Pay(tPay)
		require.NoError(t, err)
	default:
		_, err = o.Pay(tPay)
		require.NoError(t, err)
		at := tPay.Add(time.Minute)
		everythingEarlier := rnd.IntN(8) == 0
		for i := range nLines {
			l, _ := o.Line(skuID(i + 1))
			if everythingEarlier {
				_, err := o.Ship(parcel(100+i, item(i+1, l.Quantity())), at)
				require.NoError(t, err)
				continue
			}
			switch rnd.IntN(7) {
			case 0: // the line shipped whole, earlier
				_, err := o.Ship(parcel(100+i, item(i+1, l.Quantity())), at)
				require.NoError(t, err)
			case 1, 2: // a unit held by a case that is open, rejected (still blocking) or cancelled
				ac := openCase(t, o, fmt.Sprintf("AS-%d", i), aftersale.KindRefund, at, item(i+1, 1))
				switch rnd.IntN(3) {
				case 1:
					_, err := ac.Reject("不退", at)
					require.NoError(t, err)
				case 2:
					_, err := ac.Cancel(o, at)
					require.NoError(t, err)
				}
				if rnd.IntN(3) != 0 {
					cases = append(cases, ac)
				}
			case 3: // a unit refunded before shipping
				ac := openCase(t, o, fmt.Sprintf("AS-%d", i), aftersale.KindRefund, at, item(i+1, 1))
				_, err := ac.Refund(o, dec("10.00"), at)
				require.NoError(t, err)
				cases = append(cases, ac)
			}
		}
	}
	if rnd.IntN(6) == 0 {
		o = withSKUChange(t, o, rnd)
	}
	if rnd.IntN(4) == 0 {
		o = decoded(t, o)
	}

	var lookup shipping.SKULookup = c
	if rnd.IntN(4) == 0 {
		lookup = mixLookup{orig: c, changed: changed, mask: rnd.IntN(32)}
	}
	carriers := []string{"SF", "SF", "SF", "YTO", "XYZ", "", "S F"}
	pool := []string{tracking(1), tracking(2), tracking(3), tracking(100), "", "12 34", "YT12345678"}
	parcels := make([]order.Parcel, rnd.IntN(5))
	if rnd.IntN(2) == 0 { // a request that is usually right: every line that can ship, whole
		parcels = make([]order.Parcel, 1+rnd.IntN(3))
		for pi := range parcels {
			parcels[pi] = parcel(200 + pi)
		}
		for _, l := range o.All() {
			if l.Remaining() > 0 && l.OnAfterSale() == 0 {
				pi := rnd.IntN(len(parcels))
				parcels[pi].Items = append(parcels[pi].Items, order.Item{ProductID: "tee", SKUID: l.SKUID(), Quantity: l.Remaining()})
			}
		}
	} else {
		for pi := range parcels {
			p := order.Parcel{Carrier: carriers[rnd.IntN(len(carriers))], TrackingNumber: pool[rnd.IntN(len(pool))]}
			if o.Virtual() && rnd.IntN(2) == 0 {
				p.Carrier, p.TrackingNumber = "", ""
			}
			for range rnd.IntN(4) {
				sku := 1 + rnd.IntN(nLines+1) // sometimes a SKU the order lacks
				it := item(sku, rnd.IntN(5)-1)
				if l, ok := o.Line(skuID(sku)); ok && rnd.IntN(2) == 0 {
					it.Quantity = l.Remaining() // often exactly right
				}
				if rnd.IntN(12) == 0 {
					it.ProductID = "mug"
				}
				p.Items = append(p.Items, it)
			}
			parcels[pi] = p
		}
	}
	req := request(o, lookup, parcels...)
	req.Cases = cases
	req.Complete = rnd.IntN(2) == 0
	return req
}

// TestPropertyCheckAndShipCannotDisagree states what an OK report promises and what a refusal
// owes, on orders and requests that break any rule, with after-sale cases, drift and carriers
// in play: (1) every problem the order's own rules find (order.ShipmentProblemsIn, the code
// Ship runs, with the catalog's drift) is in the report, as a blocker of that rule, at that parcel (or, for units an open
// case holds, the case by name), with the same platform code; (2) whenever the report is OK,
// Ship of each parcel in turn succeeds, and a complete request leaves nothing to ship.
func TestPropertyCheckAndShipCannotDisagree(t *testing.T) {
	t.Parallel()
	c := newShop(t, 6)
	changed := newShop(t, 6)
	priceChange(t, changed, skuID(1), "12.00")
	require.NoError(t, changed.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: skuID(2), Delete: true}}}))
	rnd := rand.New(rand.NewPCG(40097, 606004))
	seen := map[order.Rule]int{}
	oks := 0
	for i := range 3000 {
		req := disagreeWorld(t, rnd, c, changed)
		o := req.Order
		r := shipping.Check(req)

		skus, ok := req.SKUs.(order.DriftSource) // the catalog, or a mix of two
		require.True(t, ok)
		for e := range o.ShipmentProblemsIn(skus, req.Parcels, req.Complete) {
			seen[e.Rule]++
			found := slices.ContainsFunc(r.Blockers, func(b shipping.Blocker) bool {
				return b.Code == e.Rule && b.PlatformCode == e.Code() &&
					(b.Parcel == e.Parcel+1 || e.Rule == order.RuleAfterSaleOpen && b.CaseID != "")
			})
			require.True(t, found, "case %d: the order finds %v, the report %v (parcels %+v)", i, e, codes(r), req.Parcels)
		}

		if !r.OK() {
			continue
		}
		oks++
		for pi, p := range req.Parcels {
			_, err := o.Ship(p, tShip)
			require.NoError(t, err, "case %d: an OK report, but Ship refuses parcel %d of %+v", i, pi+1, req.Parcels)
		}
		if req.Complete {
			assert.Equal(t, order.StatusShipped, o.Status(), "case %d: an OK complete request leaves nothing to ship", i)
		}
	}
	t.Logf("%d OK; problems found by the order: %v", oks, seen)
	assert.Greater(t, oks, 150, "the generator must make OK requests, or (2) says nothing")
	for _, rule := range order.Rules() {
		switch rule {
		case order.RuleInvalidRequest, order.RuleLateShipment:
			continue // the shipping package's own rules: the order never yields them
		}
		assert.Greater(t, seen[rule], 10, "the generator must break %s, or (1) says nothing about it", rule)
	}
}

// withSKUChange is o restored with a SKU change request on its first line that has not
// shipped: pending (it holds the line) or rejected (it does not).
func withSKUChange(t *testing.T, o *order.Order, rnd *rand.Rand) *order.Order {
	t.Helper()
	s := o.State()
	for i, l := range s.Lines {
		if l.Shipped > 0 {
			continue
		}
		c := order.SKUChange{From: l.Snapshot.SKUID(), To: fmt.Sprintf("tee-new-%d", i), State: order.SKUChangePending}
		if rnd.IntN(3) == 0 {
			c.State = order.SKUChangeRejected
		}
		s.SKUChanges = append(s.SKUChanges, c)
		back, err := order.Restore(s)
		require.NoError(t, err)
		return back
	}
	return o
}
