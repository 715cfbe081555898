package shipping_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/shop"
)

// bytesource hands out the fuzzer's bytes; past the end it returns zeros.
type bytesource []byte

func (b *bytesource) next() int {
	if len(*b) == 0 {
		return 0
	}
	v := (*b)[0]
	*b = (*b)[1:]
	return int(v)
}

func (b *bytesource) pick(n int) int { return b.next() % n }

// mixLookup answers from the changed catalog for the SKUs whose bit is set in mask, from the
// original one otherwise: random drift without rebuilding catalogs per input.
type mixLookup struct {
	orig, changed *catalog.Catalog
	mask          int
}

func (m mixLookup) LookupSKU(productID, skuID string) (catalog.SKU, bool) {
	return m.catalog(skuID).LookupSKU(productID, skuID)
}

// DriftOf makes the mix an order.DriftSource, the catalogs' own query on the same mix.
func (m mixLookup) DriftOf(snap *catalog.Snapshot) catalog.Drift {
	return m.catalog(snap.SKUID()).DriftOf(snap)
}

// catalog is the catalog the mix looks skuID up in.
func (m mixLookup) catalog(skuID string) *catalog.Catalog {
	for i := 1; i <= 4; i++ {
		if skuID == skuIDs[i] && m.mask&(1<<i) != 0 {
			return m.changed
		}
	}
	return m.orig
}

var skuIDs = [...]string{"", skuID(1), skuID(2), skuID(3), skuID(4), skuID(5)}

// FuzzCheck builds random orders (any status, shipped, held or refunded units; none, or a zero
// Order), random cases (open, closed, nil, foreign), random drift and random parcels, and
// checks that Check never panics, is deterministic, never changes the order, returns a coherent
// report, and that an OK report means Ship accepts every parcel.
func FuzzCheck(f *testing.F) {
	orig := newShop(f, 5)
	changed := newShop(f, 5)
	priceChange(f, changed, skuID(1), "12.00")
	require.NoError(f, changed.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: skuID(2), Delete: true}}}))
	require.NoError(f, changed.PurgeSKU("tee", skuID(2)))
	priceChange(f, changed, skuID(3), "10.00") // revision bumped, nothing changed

	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte{3, 1, 2, 1, 1, 0, 2, 9, 9, 3, 0, 1, 2, 3, 1, 2, 0, 4, 4, 4, 255, 7})
	f.Add([]byte{0, 200, 17, 3, 3, 3, 3, 1, 0, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2})

	f.Fuzz(func(t *testing.T, data []byte) {
		src := bytesource(data)
		req := fuzzRequest(t, &src, orig, changed)
		var before order.State
		if req.Order != nil {
			before = req.Order.State()
		}

		r := shipping.Check(req)

		require.Equal(t, r, shipping.Check(req), "same request, same report")
		if req.Order != nil {
			require.Equal(t, before, req.Order.State(), "Check changed the order")
		}
		require.Equal(t, len(r.Blockers) == 0, r.OK())
		require.Equal(t, r.OK(), r.Err() == nil)
		last := 0
		for _, b := range r.Blockers {
			require.True(t, b.Code.IsValid(), b.Code)
			require.False(t, b.Code.IsWarning())
			require.Equal(t, b.Code.PlatformCode(), b.PlatformCode)
			require.NotEmpty(t, b.Message)
			require.NotEmpty(t, b.MessageEN)
			require.ErrorIs(t, r.Err(), b.Code)
			require.GreaterOrEqual(t, b.Parcel, last, "grouped by parcel")
			require.LessOrEqual(t, b.Parcel, len(req.Parcels))
			last = b.Parcel
		}
		if req.Order != nil && !req.At.IsZero() {
			require.Equal(t, req.Order.Overdue(req.At), len(r.Warnings) == 1, "the warning is the order's Overdue")
		}
		for _, w := range r.Warnings {
			require.True(t, w.Code.IsWarning())
			require.Positive(t, w.Late)
		}
		_, err := json.Marshal(r)
		require.NoError(t, err)
		require.NotEmpty(t, r.SupportTicket())

		built := req.Order != nil && req.Order.ID() != ""
		if !built {
			require.True(t, r.Has(order.RuleInvalidRequest), "a request without a built order is invalid")
			require.False(t, r.Has(order.RuleOrderCancelled) || r.Has(order.RuleOrderUnpaid) || r.Has(order.RuleOrderShipped),
				"no status is read from an order that is not there: %v", codes(r))
			require.Empty(t, r.OrderID)
			return
		}
		// An OK report means Ship succeeds, parcel by parcel.
		if r.OK() {
			for pi, p := range req.Parcels {
				_, err := req.Order.Ship(p, req.At)
				require.NoError(t, err, "parcel %d", pi+1)
			}
		}
	})
}

func fuzzRequest(t *testing.T, src *bytesource, orig, changed *catalog.Catalog) shipping.Request {
	req := shipping.Request{Carriers: testCarriers, At: tShip}
	switch src.pick(8) {
	case 0:
		req.SKUs = nil
	case 1:
		req.SKUs = nilLookup{}
	default:
		req.SKUs = mixLookup{orig: orig, changed: changed, mask: src.next()}
	}
	switch src.pick(8) {
	case 0:
		req.At = time.Time{}
	case 1:
		req.At = tPay.Add(time.Duration(src.next()) * time.Hour) // often late
	}
	if src.pick(10) == 0 {
		req.Carriers = shipping.Carriers{}
	}
	req.Complete = src.pick(2) == 1

	switch src.pick(10) {
	case 0: // no order
	case 1:
		req.Order = new(order.Order) // never built
	default:
		req.Order = fuzzOrder(t, src, orig)
		req.Cases = fuzzHistory(src, req.Order, orig)
	}

	pool := []string{tracking(1), tracking(2), tracking(50), "", "12 34", "SF1", "YT12345678", "顺丰"}
	carriers := []string{"SF", "SF", "YTO", "ZTO", "XYZ", "", "S F"}
	for range src.pick(5) {
		p := order.Parcel{Carrier: carriers[src.pick(len(carriers))], TrackingNumber: pool[src.pick(len(pool))]}
		for range src.pick(4) {
			it := item(1+src.pick(5), src.pick(6)-1)
			if src.pick(8) == 0 {
				it.ProductID = "mug"
			}
			p.Items = append(p.Items, it)
		}
		req.Parcels = append(req.Parcels, p)
	}
	return req
}

// fuzzOrder places an order of 1–4 lines, paid or not, sometimes cancelled.
func fuzzOrder(t *testing.T, src *bytesource, c *catalog.Catalog) *order.Order {
	qty := make([]int, 1+src.pick(4))
	for i := range qty {
		qty[i] = 1 + src.pick(3)
	}
	lines := make([]order.LineParams, len(qty))
	for i, q := range qty {
		snap, err := c.Snapshot("tee", skuID(i+1))
		require.NoError(t, err)
		lines[i] = order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: snap.Price(), Paid: snap.Price().Mul(decimal.NewFromInt(int64(q)))}
	}
	o, err := order.New(order.NewParams{ID: "o-fuzz", Seller: shop.WeChatShop, Buyer: "b", Lines: lines,
		CreatedAt: tOrder, Virtual: src.pick(5) == 0})
	require.NoError(t, err)
	switch src.pick(6) {
	case 0: // unpaid
	case 1:
		_, _ = o.Cancel(order.CancelByBuyer, tPay)
	default:
		_, err = o.Pay(tPay)
		require.NoError(t, err)
	}
	return o
}

// fuzzHistory ships, holds and refunds some units, and returns the cases to pass (with nils and
// a foreign case now and then). Commands that the order refuses are simply skipped.
func fuzzHistory(src *bytesource, o *order.Order, c *catalog.Catalog) []*aftersale.Case {
	var cases []*aftersale.Case
	at := tPay.Add(time.Minute)
	for i, l := range o.Lines() {
		it := item(i+1, 1+src.pick(l.Quantity()))
		switch src.pick(6) {
		case 0:
			_, _ = o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: tracking(10 + i), Items: []order.Item{item(i+1, l.Quantity())}}, at)
		case 1, 2:
			kinds := []aftersale.Kind{aftersale.KindRefund, aftersale.KindReturn, aftersale.KindExchange}
			ac, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-" + skuID(i+1), Kind: kinds[src.pick(len(kinds))],
				Items: []order.Item{it}, Reason: aftersale.ReasonOthers}, at)
			if err != nil {
				continue
			}
			switch src.pick(4) {
			case 0:
				_, _ = ac.Cancel(o, at)
			case 1:
				_, _ = ac.Refund(o, dec("0.01"), at)
			case 2:
				_, _ = ac.Reject("no", at)
			}
			cases = append(cases, ac)
		case 3:
			cases = append(cases, nil)
		}
	}
	if src.pick(10) == 0 {
		other, err := order.New(order.NewParams{ID: "o-other", Seller: shop.WeChatShop, Buyer: "b",
			Lines: []order.LineParams{{Snapshot: mustSnap(c), Quantity: 1, UnitPrice: dec("10.00"), Paid: dec("10.00")}}, CreatedAt: tOrder})
		if err == nil {
			if _, err := other.Pay(tPay); err == nil {
				if ac, _, err := aftersale.Open(other, aftersale.Request{ID: "AS-X", Kind: aftersale.KindRefund,
					Items: []order.Item{item(1, 1)}, Reason: aftersale.ReasonOthers}, at); err == nil {
					cases = append(cases, ac)
				}
			}
		}
	}
	return cases
}

// mustSnap is the snapshot of SKU 1 (the shop's SKUs cannot vanish from the original catalog).
func mustSnap(c *catalog.Catalog) catalog.Snapshot {
	s, err := c.Snapshot("tee", skuID(1))
	if err != nil {
		panic(err)
	}
	return s
}
