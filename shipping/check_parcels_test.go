package shipping_test

import (
	"encoding/json"
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

// Blockers about what the parcels carry: drift, the order's parcel rules, carriers and tracking
// numbers, and all of them at once.

func TestCheckSKUDrift(t *testing.T) {
	t.Parallel()
	runBlockerCases(t, []blockerCase{
		{name: "price changed through the no-review path", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			priceChange(t, c, skuID(2), "12.50")
			return request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []order.Rule{order.RuleSKUDrift}, check: func(t *testing.T, r shipping.Report) {
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
		}, want: []order.Rule{order.RuleSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].MessageEN, "attributes changed from 颜色=c1 to 颜色=blue")
		}},
		{name: "deleted", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: skuID(1), Delete: true}}}))
			return request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []order.Rule{order.RuleSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].MessageEN, "deleted")
			assert.Equal(t, 1, r.Blockers[0].Parcel)
		}},
		{name: "not in the catalog", req: func(t *testing.T) shipping.Request {
			o, _ := baseline(t)
			return request(o, nilLookup{}, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []order.Rule{order.RuleSKUDrift, order.RuleSKUDrift}},
		{name: "found after an item the walk cannot place", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			priceChange(t, c, skuID(1), "9.90")
			return request(o, c, parcel(1, item(2, 1), item(3, 1)), parcel(2, item(1, 2)))
		}, want: []order.Rule{order.RuleSKUUnknown, order.RuleSKUDrift}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 2, r.Blockers[1].Parcel)
			assert.Equal(t, skuID(1), r.Blockers[1].SKU)
		}},
		{name: "reported once when the SKU is also split", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			priceChange(t, c, skuID(1), "9.90")
			return request(o, c, parcel(1, item(1, 1)), parcel(2, item(1, 1)))
		}, want: []order.Rule{order.RuleSKUSplit, order.RuleSKUDrift, order.RuleSKUSplit}},
	})
}

func TestCheckParcelRules(t *testing.T) {
	t.Parallel()
	runBlockerCases(t, []blockerCase{
		{name: "unknown SKU", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 2), item(3, 1)))
		}, want: []order.Rule{order.RuleSKUUnknown}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, skuID(3), r.Blockers[0].SKU)
			assert.Equal(t, 606031, r.Blockers[0].PlatformCode)
		}},
		{name: "SKU under another product", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, order.Item{ProductID: "mug", SKUID: skuID(1), Quantity: 2}))
		}, want: []order.Rule{order.RuleSKUUnknown}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, "mug", r.Blockers[0].ProductID)
		}},
		{name: "empty parcel", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 2)), parcel(2))
		}, want: []order.Rule{order.RuleParcelEmpty}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 2, r.Blockers[0].Parcel)
			assert.Equal(t, 109002, r.Blockers[0].PlatformCode)
		}},
		{name: "no parcels", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c)
		}, want: []order.Rule{order.RuleParcelEmpty}},
		{name: "zero quantity", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 0)))
		}, want: []order.Rule{order.RuleQuantityInvalid}},
		{name: "negative quantity", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, -3)))
		}, want: []order.Rule{order.RuleQuantityInvalid}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, -3, r.Blockers[0].Got)
		}},
		{name: "over-shipment", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 3)))
		}, want: []order.Rule{order.RuleOverShipment}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, 2, b.Want)
			assert.Equal(t, 3, b.Got)
		}},
		{name: "SKU split over two parcels", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 1)), parcel(2, item(1, 1)))
		}, want: []order.Rule{order.RuleSKUSplit, order.RuleSKUSplit}, check: func(t *testing.T, r shipping.Report) {
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
		}, want: []order.Rule{order.RuleUnitsRefunded}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 1, r.Blockers[0].Want)
			assert.Equal(t, 2, r.Blockers[0].Got)
		}},
		{name: "complete but a SKU is missing", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Complete = true
			return req
		}, want: []order.Rule{order.RuleShipmentIncomplete}, check: func(t *testing.T, r shipping.Report) {
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
		{name: "unknown carrier", req: with("XYZ", "123456"), want: []order.Rule{order.RuleCarrierUnknown},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, `parcel 1: carrier "XYZ" is not in the carrier list`, r.Blockers[0].MessageEN)
				assert.Equal(t, 606004, r.Blockers[0].PlatformCode)
			}},
		{name: "no carrier", req: with("", "123456"), want: []order.Rule{order.RuleCarrierMissing},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, "parcel 1 has no carrier", r.Blockers[0].MessageEN)
				assert.Equal(t, 40097, r.Blockers[0].PlatformCode, "the platform's invalid-args errcode")
			}},
		{name: "no tracking number", req: with("SF", ""), want: []order.Rule{order.RuleTrackingMissing},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, "parcel 1 has no tracking number", r.Blockers[0].MessageEN)
				assert.Equal(t, 40097, r.Blockers[0].PlatformCode)
			}},
		{name: "malformed carrier code", req: with("S F", "123456"), want: []order.Rule{order.RuleCarrierUnknown},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, 606004, r.Blockers[0].PlatformCode)
			}},
		{name: "no logistics on physical goods", req: with("", ""), want: []order.Rule{order.RuleDeliverTypeMismatch},
			check: func(t *testing.T, r shipping.Report) { assert.Equal(t, 606008, r.Blockers[0].PlatformCode) }},
		{name: "bad character", req: with("OTHER", "12 34"), want: []order.Rule{order.RuleTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) {
				assert.Contains(t, r.Blockers[0].MessageEN, "bad_character")
				assert.Equal(t, 606005, r.Blockers[0].PlatformCode)
			}},
		{name: "wrong length for the carrier", req: with("ZTO", "12345"), want: []order.Rule{order.RuleTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) { assert.Contains(t, r.Blockers[0].MessageEN, "exactly 12") }},
		{name: "wrong pattern for the carrier", req: with("SF", "1234567890123"), want: []order.Rule{order.RuleTrackingInvalid}},
		// The order's rules of the parcel come first (a well-formed code, a malformed number),
		// then the carrier list's.
		{name: "unknown carrier and a bad number", req: with("XYZ", "顺丰"),
			want: []order.Rule{order.RuleTrackingInvalid, order.RuleCarrierUnknown},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, `parcel 1: tracking number "顺丰": bad_character`, r.Blockers[0].MessageEN)
			}},
		// The order stops at a missing or malformed carrier; the number is still checked, so
		// that the merchant learns both at once.
		{name: "no carrier and a bad number", req: with("", "12 34"),
			want: []order.Rule{order.RuleCarrierMissing, order.RuleTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) {
				assert.Equal(t, `parcel 1: tracking number "12 34": bad_character (character ' ' at byte 2)`, r.Blockers[1].MessageEN)
			}},
		{name: "malformed carrier and a bad number", req: with("顺丰", "12345678901234567890123456789012345678901234567890123456789012345"),
			want: []order.Rule{order.RuleCarrierUnknown, order.RuleTrackingInvalid},
			check: func(t *testing.T, r shipping.Report) {
				assert.Contains(t, r.Blockers[1].MessageEN, "too_long (65 characters, at most 64)")
			}},
		{name: "same number twice in the request", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			return request(o, c, parcel(1, item(1, 2)), parcel(1, item(2, 1)))
		}, want: []order.Rule{order.RuleTrackingDuplicate}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 2, r.Blockers[0].Parcel)
		}},
		{name: "number used by an earlier parcel", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			_, err := o.Ship(parcel(1, item(1, 2)), tShip)
			require.NoError(t, err)
			return request(o, c, parcel(1, item(2, 1)))
		}, want: []order.Rule{order.RuleTrackingDuplicate}},
	})
}

// TestCheckEveryBlockerAtOnce builds one request that breaks every rule Check knows and expects
// every blocker code in one report, with the late warning. An order has one status, so the
// status blocker is checked on a second order at the end, next to the parcel rules it allows.
func TestCheckEveryBlockerAtOnce(t *testing.T) {
	t.Parallel()
	c := newShop(t, 8)
	// Lines: 1 shipped already; 2 held by an open case; 3 drifts; 4 split; 5 over-shipped and
	// held by a SKU change request;
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
	// The buyer asked to change line 5's SKU, and the merchant has not answered.
	st := o.State()
	st.SKUChanges = []order.SKUChange{{From: skuID(5), To: "tee-5-blue", State: order.SKUChangePending}}
	o, err = order.Restore(st)
	require.NoError(t, err)
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
			{TrackingNumber: tracking(4)}, // no carrier (and no items)
			{Carrier: "SF"},               // no tracking number (and no items)
		},
	}
	r := shipping.Check(req)
	present := map[order.Rule]bool{}
	for _, b := range r.Blockers {
		present[b.Code] = true
	}
	for _, want := range order.Rules() {
		switch want {
		case order.RuleOrderUnpaid, order.RuleOrderWaiting, order.RuleOrderCancelled, order.RuleOrderShipped: // one status: below
			continue
		case order.RuleLateShipment: // a warning
			assert.False(t, present[want])
			continue
		}
		assert.True(t, present[want], "missing %s in %v", want, codes(r))
		assert.ErrorIs(t, r.Err(), want)
	}
	require.Len(t, r.Warnings, 1)
	assert.Equal(t, time.Hour, r.Warnings[0].Late)
	// Chinese text reads times in Beijing time and durations as people say them.
	assert.Equal(t, "已超过发货截止时间 "+deadline.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04")+" 北京时间，晚了 1 小时",
		r.Warnings[0].Message)

	// Blockers are grouped: order-level first, then parcel 1, 2, 3, ….
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
	assert.Equal(t, names(order.RuleOrderShipped, order.RuleOverShipment, order.RuleParcelEmpty), codes(r))

	data, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"code":"order_shipped"`)
}

// lookupOnly hides the catalog's own query (DriftOf): a host lookup with LookupSKU alone.
type lookupOnly struct{ c *catalog.Catalog }

func (l lookupOnly) LookupSKU(productID, skuID string) (catalog.SKU, bool) {
	return l.c.LookupSKU(productID, skuID)
}

// TestCheckDriftPathsAgree: the in-place query ((*catalog.Catalog).DriftOf) and a plain
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
	assert.Equal(t, names(order.RuleSKUDrift, order.RuleSKUDrift, order.RuleTrackingDuplicate, order.RuleSKUSplit),
		codes(fast), "SKU 1 once (parcel 1), SKU 3 deleted; parcel 3 repeats SKU 1 and a tracking number")
}

// TestCheckLogisticsAgreesWithShip: a parcel without a carrier, without a tracking number, with
// neither, or with either malformed, is refused by Check and by order.Ship under the same rule,
// with the same platform errcode and the same words: the missing carrier is 40097 (invalid
// args: delivery_id) on both sides, not the unknown carrier's 606004.
func TestCheckLogisticsAgreesWithShip(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name             string
		carrier, number  string
		want             order.Rule
		platform         int
		messageEN, label string
	}{
		{"no carrier", "", tracking(1), order.RuleCarrierMissing, 40097, "parcel 1 has no carrier", "没有填写快递公司"},
		{"no tracking number", "SF", "", order.RuleTrackingMissing, 40097, "parcel 1 has no tracking number", "没有填写快递单号"},
		{"neither, on physical goods", "", "", order.RuleDeliverTypeMismatch, 606008, "", "发货方式与订单不符"},
		{"malformed carrier code", "S F", tracking(1), order.RuleCarrierUnknown, 606004, "", "快递公司编码无效"},
		{"malformed tracking number", "SF", "SF 1", order.RuleTrackingInvalid, 606005, `parcel 1: tracking number "SF 1": bad_character`, "快递单号格式不正确"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o, c := baseline(t)
			p := order.Parcel{Carrier: tc.carrier, TrackingNumber: tc.number, Items: []order.Item{item(1, 2), item(2, 1)}}
			r := shipping.Check(request(o, c, p))
			require.Equal(t, names(tc.want), codes(r))
			b := r.Blockers[0]
			assert.Equal(t, tc.platform, b.PlatformCode)
			assert.Equal(t, 1, b.Parcel)
			assert.Equal(t, tc.label, b.Code.Label())
			if tc.messageEN != "" {
				assert.Equal(t, tc.messageEN, b.MessageEN)
			}
			require.ErrorIs(t, r.Err(), tc.want)

			_, err := o.Ship(p, tShip)
			require.ErrorIs(t, err, tc.want, "Ship refuses the same parcel under the same rule")
			var se *order.ShipmentError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.want, se.Rule)
			assert.Equal(t, tc.platform, se.Code())
			assert.Equal(t, se.MessageEN(), b.MessageEN, "the order words it, the report shows it")
			assert.Equal(t, se.Message(), b.Message)
			assert.Equal(t, order.StatusPendingShipment, o.Status(), "a refused parcel changes nothing")
		})
	}
}

// forgedOrder is the baseline order, except that SKU 1's line holds a snapshot rebuilt with
// catalog.NewSnapshot from the catalog's own (the same IDs, title and revision) with the
// given change: what a host's database or a payload can hand back.
func forgedOrder(t *testing.T, c *catalog.Catalog, change func(*catalog.SnapshotParams)) *order.Order {
	t.Helper()
	var lines []order.LineParams
	for i, q := range []int{2, 1} {
		snap, err := c.Snapshot("tee", skuID(i+1))
		require.NoError(t, err)
		if i == 0 {
			p := snap.Params()
			change(&p)
			forged, err := catalog.NewSnapshot(p)
			require.NoError(t, err)
			require.Equal(t, snap.ProductID(), forged.ProductID())
			require.Equal(t, snap.SKUID(), forged.SKUID())
			require.Equal(t, snap.Revision(), forged.Revision(), "the revision says nothing changed")
			snap = forged
		}
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: snap.Price(),
			Paid: snap.Price().Mul(decimal.NewFromInt(int64(q)))})
	}
	o, err := order.New(order.NewParams{ID: "o-forged", Seller: shop.WeChatShop, Buyer: "b", Lines: lines, CreatedAt: tOrder})
	require.NoError(t, err)
	_, err = o.Pay(tPay)
	require.NoError(t, err)
	return o
}

// TestCheckDriftByContent: drift is decided by what the snapshot says, never by a stamp it
// carries. A snapshot equal to the catalog's in IDs and revision but with another price or
// other attributes drifted, through the catalog's own query and through a plain lookup, on
// an order as built and as decoded from the platform; one equal in content did not.
func TestCheckDriftByContent(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		change func(*catalog.SnapshotParams)
		want   []order.Rule
		en     string
	}{
		{"another price", func(p *catalog.SnapshotParams) { p.Price = dec("9.90") },
			[]order.Rule{order.RuleSKUDrift}, "T恤 (SKU tee-1) changed after the order: price changed from 9.90 to 10.00 yuan"},
		{"other attributes", func(p *catalog.SnapshotParams) { p.Attrs = []catalog.Attr{{Key: "颜色", Value: "c2"}} },
			[]order.Rule{order.RuleSKUDrift}, "T恤 (SKU tee-1) changed after the order: attributes changed from 颜色=c2 to 颜色=c1"},
		{"the same content, rebuilt", func(*catalog.SnapshotParams) {}, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newShop(t, 3)
			o := forgedOrder(t, c, tc.change)
			for _, ord := range []*order.Order{o, decoded(t, o)} {
				for _, lookup := range []shipping.SKULookup{c, lookupOnly{c}} {
					r := shipping.Check(request(ord, lookup, parcel(1, item(1, 2)), parcel(2, item(2, 1))))
					require.Equal(t, names(tc.want...), codes(r), "lookup %T", lookup)
					if tc.en != "" {
						b := r.Blockers[0]
						assert.Equal(t, tc.en, b.MessageEN)
						assert.Equal(t, 606031, b.PlatformCode)
						assert.Equal(t, 1, b.Parcel)
						assert.Equal(t, skuID(1), b.SKU)
					}
				}
			}
		})
	}
}
