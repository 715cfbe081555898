package shipping_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
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
			_, err := o.Ship(parcel(100+i, item(i+1, l.Quantity)), at)
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
		if l.Remaining() > 0 && l.OnAfterSale == 0 {
			pi := rnd.IntN(len(parcels))
			parcels[pi].Items = append(parcels[pi].Items, order.Item{ProductID: "tee", SKUID: l.SKUID(), Quantity: l.Remaining()})
		}
	}
	req := request(o, c, parcels...)
	req.Complete = rnd.IntN(2) == 0
	return req
}
