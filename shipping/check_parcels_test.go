package shipping_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

// Blockers about what the parcels carry: drift, the order's parcel rules, carriers and tracking
// numbers, and all of them at once.

func TestCheckSKUDrift(t *testing.T) {
	t.Parallel()
	runBlockerCases(t, []blockerCase{
		{name: "price changed through the no-review path", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			priceChange(t, c, skuID(2), "12.50")
			return request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []shipping.Code{shipping.CodeSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, 606031, b.PlatformCode)
			assert.Equal(t, 2, b.Parcel)
			assert.Equal(t, "tee", b.ProductID)
			assert.Equal(t, skuID(2), b.SKU)
			assert.Equal(t, "T恤 (SKU tee-2) changed after the order: price changed from 10.00 to 12.50 yuan", b.MessageEN)
			assert.Contains(t, b.Message, "价格由 10.00 元改为 12.50 元")
		}},
		{name: "attributes changed through review", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			p, ok := c.Product("tee")
			require.True(t, ok)
			params := catalog.ProductParams{ID: "tee", Title: p.Title(), CategoryID: "clothes", Images: []string{"tee.jpg"}}
			for _, s := range p.SKUs() {
				sp := catalog.SKUParams{ID: s.ID(), Attrs: s.Attrs(), Price: s.Price()}
				if s.ID() == skuID(1) {
					sp.Attrs = []catalog.Attr{{Key: "颜色", Value: "blue"}}
				}
				params.SKUs = append(params.SKUs, sp)
			}
			require.NoError(t, c.UpdateProduct(params))
			require.NoError(t, c.SubmitForReview("tee"))
			require.NoError(t, c.ApproveReview("tee"))
			return request(o, c, parcel(1, item(1, 2), item(2, 1)))
		}, want: []shipping.Code{shipping.CodeSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].MessageEN, "attributes changed from 颜色=c1 to 颜色=blue")
		}},
		{name: "deleted", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: skuID(1), Delete: true}}}))
			return request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []shipping.Code{shipping.CodeSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].MessageEN, "deleted")
			assert.Equal(t, 1, r.Blockers[0].Parcel)
		}},
		{name: "not in the catalog", req: func(t *testing.T) shipping.Request {
			o, _ := baseline(t)
			return request(o, nilLookup{}, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []shipping.Code{shipping.CodeSKUDrift, shipping.CodeSKUDrift}},
		{name: "found after an item the walk cannot place", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			priceChange(t, c, skuID(1), "9.90")
			return request(o, c, parcel(1, item(2, 1), item(3, 1)), parcel(2, item(1, 2)))
		}, want: []shipping.Code{shipping.CodeSKUUnknown, shipping.CodeSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 2, r.Blockers[1].Parcel)
			assert.Equal(t, skuID(1), r.Blockers[1].SKU)
		}},
		{name: "reported once when the SKU is also split", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			priceChange(t, c, skuID(1), "9.90")
			return request(o, c, parcel(1, item(1, 1)), parcel(2, item(1, 1)))
		}, want: []shipping.Code{shipping.CodeSKUSplit, shipping.CodeSKUDrift, shipping.CodeSKUSplit}},
	})
}

func TestCheckParcelRules(t *testing.T) {
	t.Parallel()
	runBlockerCases(t, []blockerCase{
		{name: "unknown SKU", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 2), item(3, 1)))
		}, want: []shipping.Code{shipping.CodeSKUUnknown}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, skuID(3), r.Blockers[0].SKU)
			assert.Equal(t, 606031, r.Blockers[0].PlatformCode)
		}},
		{name: "SKU under another product", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, order.Item{ProductID: "mug", SKUID: skuID(1), Quantity: 2}))
		}, want: []shipping.Code{shipping.CodeSKUUnknown}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, "mug", r.Blockers[0].ProductID)
		}},
		{name: "empty parcel", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 2)), parcel(2))
		}, want: []shipping.Code{shipping.CodeParcelEmpty}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 2, r.Blockers[0].Parcel)
			assert.Equal(t, 109002, r.Blockers[0].PlatformCode)
		}},
		{name: "no parcels", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c)
		}, want: []shipping.Code{shipping.CodeParcelEmpty}},
		{name: "zero quantity", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 0)))
		}, want: []shipping.Code{shipping.CodeQuantityInvalid}},
		{name: "negative quantity", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, -3)))
		}, want: []shipping.Code{shipping.CodeQuantityInvalid}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, -3, r.Blockers[0].Got)
		}},
		{name: "over-shipment", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 3)))
		}, want: []shipping.Code{shipping.CodeOverShipment}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, 2, b.Want)
			assert.Equal(t, 3, b.Got)
		}},
		{name: "SKU split over two parcels", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 1)), parcel(2, item(1, 1)))
		}, want: []shipping.Code{shipping.CodeSKUSplit, shipping.CodeSKUSplit}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 606030, r.Blockers[0].PlatformCode)
			assert.Equal(t, []int{1, 2}, []int{r.Blockers[0].Parcel, r.Blockers[1].Parcel})
			assert.Contains(t, r.Blockers[1].MessageEN, "already in an earlier parcel")
		}},
		{name: "units refunded", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			ac := openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(1, 1))
			_, err := ac.Refund(o, dec("10.00"), tPay.Add(2*time.Minute))
			require.NoError(t, err)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Cases = []*aftersale.Case{ac}
			return req
		}, want: []shipping.Code{shipping.CodeUnitsRefunded}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 1, r.Blockers[0].Want)
			assert.Equal(t, 2, r.Blockers[0].Got)
		}},
		{name: "complete but a SKU is missing", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Complete = true
			return req
		}, want: []shipping.Code{shipping.CodeShipmentIncomplete}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, skuID(2), b.SKU)
			assert.Equal(t, 1, b.Want)
			assert.Zero(t, b.Got)
			assert.Zero(t, b.PlatformCode, "the platform has no code: it would ship partially")
		}},
	})
}

func TestCheckCarrierAndTracking(t *testing.T) {
	t.Parallel()
	with := func(carrier, tn string) func(t *testing.T) shipping.Request {
		return func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, order.Parcel{Carrier: carrier, TrackingNumber: tn, Items: []order.Item{item(1, 2), item(2, 1)}})
		}
	}
	runBlockerCases(t, []blockerCase{
		{name: "unknown carrier", req: with("XYZ", "123456"), want: []shipping.Code{shipping.CodeCarrierUnknown},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, `parcel 1: carrier "XYZ" is not in the carrier list`, r.Blockers[0].MessageEN)
				assert.Equal(t, 606004, r.Blockers[0].PlatformCode)
			}},
		{name: "no carrier", req: with("", "123456"), want: []shipping.Code{shipping.CodeCarrierUnknown}},
		{name: "no tracking number", req: with("SF", ""), want: []shipping.Code{shipping.CodeTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, "parcel 1 has no tracking number", r.Blockers[0].MessageEN)
			}},
		{name: "no logistics on physical goods", req: with("", ""), want: []shipping.Code{shipping.CodeDeliverTypeMismatch},
			check: func(t *testing.T, r shipping.Report) { assert.Equal(t, 606008, r.Blockers[0].PlatformCode) }},
		{name: "bad character", req: with("OTHER", "12 34"), want: []shipping.Code{shipping.CodeTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) {
				assert.Contains(t, r.Blockers[0].MessageEN, "bad_character")
				assert.Equal(t, 606005, r.Blockers[0].PlatformCode)
			}},
		{name: "wrong length for the carrier", req: with("ZTO", "12345"), want: []shipping.Code{shipping.CodeTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) { assert.Contains(t, r.Blockers[0].MessageEN, "exactly 12") }},
		{name: "wrong pattern for the carrier", req: with("SF", "1234567890123"), want: []shipping.Code{shipping.CodeTrackingInvalid}},
		{name: "unknown carrier and a bad number", req: with("XYZ", "顺丰"),
			want: []shipping.Code{shipping.CodeCarrierUnknown, shipping.CodeTrackingInvalid}},
		{name: "same number twice in the request", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 2)), parcel(1, item(2, 1)))
		}, want: []shipping.Code{shipping.CodeTrackingDuplicate}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 2, r.Blockers[0].Parcel)
		}},
		{name: "number used by an earlier parcel", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			_, err := o.Ship(parcel(1, item(1, 2)), tShip)
			require.NoError(t, err)
			return request(o, c, parcel(1, item(2, 1)))
		}, want: []shipping.Code{shipping.CodeTrackingDuplicate}},
	})
}

// TestCheckEveryBlockerAtOnce builds one request that breaks every rule Check knows and expects
// every blocker code in one report, with the late warning. An order has one status, so the
// status blocker is checked on a second order at the end, next to the parcel rules it allows.
func TestCheckEveryBlockerAtOnce(t *testing.T) {
	t.Parallel()
	c := newShop(t, 8)
	// Lines: 1 shipped already; 2 held by an open case; 3 drifts; 4 split; 5 over-shipped;
	// 6 half refunded; 7 in a parcel without logistics; 8 shipped with quantity 0 (so it is
	// incomplete).
	o := newOrder(t, c, "o-all", 1, 1, 1, 2, 1, 2, 1, 1)
	_, err := o.Ship(parcel(1, item(1, 1)), tPay.Add(time.Minute))
	require.NoError(t, err)
	open := openCase(t, o, "AS-OPEN", aftersale.KindRefund, tPay.Add(2*time.Minute), item(2, 1))
	refund := openCase(t, o, "AS-REFUND", aftersale.KindRefund, tPay.Add(3*time.Minute), item(6, 1))
	_, err = refund.Refund(o, dec("10.00"), tPay.Add(4*time.Minute))
	require.NoError(t, err)
	priceChange(t, c, skuID(3), "11.00")
	deadline, _ := o.ShipBy()

	req := shipping.Request{
		Order:    o,
		Cases:    []*aftersale.Case{open, nil},
		SKUs:     c,
		Carriers: testCarriers,
		Complete: true,
		At:       deadline.Add(time.Hour),
		Parcels: []order.Parcel{
			{Carrier: "XYZ", TrackingNumber: "AB 1", Items: []order.Item{item(2, 1), item(3, 1), item(4, 1)}},
			{Carrier: "SF", TrackingNumber: tracking(1), Items: []order.Item{item(4, 1), item(5, 2), item(9, 1)}},
			{Carrier: "SF", TrackingNumber: tracking(2), Items: []order.Item{item(6, 2), item(8, 0)}},
			{Carrier: "SF", TrackingNumber: tracking(3)},
			{Items: []order.Item{item(7, 1)}},
		},
	}
	r := shipping.Check(req)
	present := map[shipping.Code]bool{}
	for _, b := range r.Blockers {
		present[b.Code] = true
	}
	for _, want := range []shipping.Code{
		shipping.CodeInvalidRequest, shipping.CodeAfterSaleOpen, shipping.CodeSKUDrift, shipping.CodeSKUUnknown,
		shipping.CodeParcelEmpty, shipping.CodeQuantityInvalid, shipping.CodeOverShipment, shipping.CodeSKUSplit,
		shipping.CodeUnitsRefunded, shipping.CodeShipmentIncomplete, shipping.CodeCarrierUnknown,
		shipping.CodeTrackingInvalid, shipping.CodeTrackingDuplicate, shipping.CodeDeliverTypeMismatch,
	} {
		assert.True(t, present[want], "missing %s in %v", want, codes(r))
		assert.ErrorIs(t, r.Err(), want.Err())
	}
	require.Len(t, r.Warnings, 1)
	assert.Equal(t, time.Hour, r.Warnings[0].Late)

	// Blockers are grouped: order-level first, then parcel 1, 2, 3, 4.
	last := 0
	for _, b := range r.Blockers {
		assert.GreaterOrEqual(t, b.Parcel, last, "grouped by parcel: %v", codes(r))
		last = b.Parcel
	}

	// The status blockers, each with the parcel rules still reported next to them.
	shipped := newOrder(t, c, "o-done", 1)
	_, err = shipped.Ship(everything(shipped), tShip)
	require.NoError(t, err)
	r = shipping.Check(request(shipped, c, parcel(5, item(1, 1)), parcel(6)))
	assert.Equal(t, []shipping.Code{shipping.CodeOrderShipped, shipping.CodeOverShipment, shipping.CodeParcelEmpty}, codes(r))

	data, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"code":"order_shipped"`)
}

// lookupOnly hides the catalog's DriftOfSnapshot: a host lookup with LookupSKU alone.
type lookupOnly struct{ c *catalog.Catalog }

func (l lookupOnly) LookupSKU(productID, skuID string) (catalog.SKU, bool) {
	return l.c.LookupSKU(productID, skuID)
}

// TestCheckDriftPathsAgree: the in-place query (*catalog.Catalog.DriftOfSnapshot) and a plain
// LookupSKU give the same report.
func TestCheckDriftPathsAgree(t *testing.T) {
	t.Parallel()
	c := newShop(t, 4)
	o := newOrder(t, c, "o-paths", 1, 2, 1, 1)
	priceChange(t, c, skuID(1), "11.00")
	priceChange(t, c, skuID(2), "10.00") // revision bumped, same price: no drift
	require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: skuID(3), Delete: true}}}))
	req := request(o, c, parcel(1, item(1, 1), item(2, 2)), parcel(2, item(3, 1), item(4, 1)), parcel(1, item(1, 1)))
	fast := shipping.Check(req)
	req.SKUs = lookupOnly{c}
	slow := shipping.Check(req)
	assert.Equal(t, fast, slow)
	assert.Equal(t, []shipping.Code{shipping.CodeSKUDrift, shipping.CodeSKUDrift, shipping.CodeTrackingDuplicate, shipping.CodeSKUSplit},
		codes(fast), "SKU 1 once (parcel 1), SKU 3 deleted; parcel 3 repeats SKU 1 and a tracking number")
}
