package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/shop"
)

// blockerCase is one row of a per-blocker table: a request built from a fresh world, the codes
// the report must hold (exactly, in order), and what the blocker must say.
type blockerCase struct {
	name  string
	req   func(t *testing.T) shipping.Request
	want  []order.Rule
	check func(t *testing.T, r shipping.Report)
}

func runBlockerCases(t *testing.T, cases []blockerCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req(t)
			r := shipping.Check(req)
			require.Equal(t, names(tc.want...), codes(r), "blockers: %+v", r.Blockers)
			assert.False(t, r.OK())
			for _, c := range tc.want {
				assert.ErrorIs(t, r.Err(), c)
			}
			for _, b := range r.Blockers {
				assert.Equal(t, b.Code.PlatformCode(), b.PlatformCode, b.Code)
				assert.NotEmpty(t, b.Message)
				assert.NotEmpty(t, b.MessageEN)
				assert.Equal(t, b.Code.Action(), b.Action)
				assert.Equal(t, b.Code.ActionEN(), b.ActionEN)
			}
			if tc.check != nil {
				tc.check(t, r)
			}
		})
	}
}

// baseline: a paid order of two SKUs (2 and 1 units), shipped whole in one parcel.
func baseline(t *testing.T) (*order.Order, *catalog.Catalog) {
	t.Helper()
	c := newShop(t, 3)
	return newOrder(t, c, "o-1", 2, 1), c
}

func TestCheckOK(t *testing.T) {
	t.Parallel()
	o, c := baseline(t)
	r := shipping.Check(request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1))))
	assert.True(t, r.OK(), "%+v", r.Blockers)
	require.NoError(t, r.Err())
	assert.Empty(t, r.Warnings)
	assert.Equal(t, "o-1", r.OrderID)
	assert.Equal(t, tShip, r.At)

	complete := request(o, c, everything(o))
	complete.Complete = true
	assert.True(t, shipping.Check(complete).OK())
}

func TestCheckInvalidRequest(t *testing.T) {
	t.Parallel()
	runBlockerCases(t, []blockerCase{
		{name: "zero request", req: func(*testing.T) shipping.Request { return shipping.Request{} },
			want: []order.Rule{order.RuleInvalidRequest, order.RuleInvalidRequest, order.RuleInvalidRequest,
				order.RuleInvalidRequest, order.RuleParcelEmpty}},
		{name: "nil order", req: func(t *testing.T) shipping.Request {
			_, c := baseline(t)
			return request(nil, c, parcel(1, item(1, 2)))
		}, want: []order.Rule{order.RuleInvalidRequest}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, "the request has no order", r.Blockers[0].MessageEN)
			assert.Empty(t, r.OrderID)
		}},
		{name: "nil lookup", req: func(t *testing.T) shipping.Request {
			o, _ := baseline(t)
			return request(o, nil, parcel(1, item(1, 2)))
		}, want: []order.Rule{order.RuleInvalidRequest}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].MessageEN, "SKU lookup")
		}},
		{name: "typed nil catalog", req: func(t *testing.T) shipping.Request {
			o, _ := baseline(t)
			var none *catalog.Catalog
			return request(o, none, parcel(1, item(1, 2)))
		}, want: []order.Rule{order.RuleInvalidRequest}},
		{name: "nil case", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Cases = []*aftersale.Case{nil}
			return req
		}, want: []order.Rule{order.RuleInvalidRequest}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, "after-sale case #1 is nil", r.Blockers[0].MessageEN)
		}},
		{name: "case of another order", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			other := newOrder(t, c, "o-2", 1)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Cases = []*aftersale.Case{openCase(t, other, "AS-9", aftersale.KindRefund, tPay, item(1, 1))}
			return req
		}, want: []order.Rule{order.RuleInvalidRequest}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, "AS-9", r.Blockers[0].CaseID)
			assert.Equal(t, "after-sale case AS-9 belongs to order o-2, not o-1", r.Blockers[0].MessageEN)
		}},
		{name: "no carriers", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Carriers = shipping.Carriers{}
			return req
		}, want: []order.Rule{order.RuleInvalidRequest}},
		{name: "attempt before the order's last change", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			_, err := o.Ship(parcel(1, item(1, 2)), tShip)
			require.NoError(t, err)
			req := request(o, c, parcel(2, item(2, 1)))
			req.At = tShip.Add(-time.Hour)
			_, err = o.Ship(req.Parcels[0], req.At)
			require.ErrorIs(t, err, order.ErrTimeOrder, "Ship refuses the time")
			return req
		}, want: []order.Rule{order.RuleInvalidRequest}, check: func(t *testing.T, r shipping.Report) {
			// The order's own words: the rule is the order's.
			assert.Equal(t, "order: time out of order: order o-1: 2025-03-01T14:00:00Z is before its last change at 2025-03-01T15:00:00Z", r.Blockers[0].MessageEN)
		}},
		{name: "no attempt time", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(o, c, parcel(1, item(1, 2)))
			req.At = time.Time{}
			return req
		}, want: []order.Rule{order.RuleInvalidRequest}},
	})
}

// nilLookup finds nothing, like a purged catalog.
type nilLookup struct{}

func (nilLookup) LookupSKU(string, string) (catalog.SKU, bool) { return catalog.SKU{}, false }

func TestCheckOrderStatus(t *testing.T) {
	t.Parallel()
	unpaid := func(t *testing.T) (*order.Order, *catalog.Catalog) {
		c := newShop(t, 1)
		snap, err := c.Snapshot("tee", skuID(1))
		require.NoError(t, err)
		o, err := order.New(order.NewParams{ID: "o-u", Seller: shop.WeChatShop, Buyer: "b",
			Lines:     []order.LineParams{{Snapshot: snap, Quantity: 1, UnitPrice: snap.Price(), Paid: snap.Price()}},
			CreatedAt: tOrder})
		require.NoError(t, err)
		return o, c
	}
	runBlockerCases(t, []blockerCase{
		{name: "unpaid", req: func(t *testing.T) shipping.Request {
			o, c := unpaid(t)
			return request(o, c, parcel(1, item(1, 1)))
		}, want: []order.Rule{order.RuleOrderUnpaid}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, "the order is pending_payment (10) and cannot ship", r.Blockers[0].MessageEN)
			assert.Zero(t, r.Blockers[0].Parcel)
		}},
		{name: "cancelled", req: func(t *testing.T) shipping.Request {
			o, c := unpaid(t)
			_, err := o.Cancel(order.CancelByBuyer, tPay)
			require.NoError(t, err)
			return request(o, c, parcel(1, item(1, 1)))
		}, want: []order.Rule{order.RuleOrderCancelled}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].Message, "已取消")
		}},
		{name: "already fully shipped", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			_, err := o.Ship(everything(o), tShip)
			require.NoError(t, err)
			return request(o, c, parcel(1, item(1, 2)))
		}, want: []order.Rule{order.RuleOrderShipped, order.RuleOverShipment}, check: func(t *testing.T, r shipping.Report) {
			assert.Equal(t, 109001, r.Blockers[0].PlatformCode)
		}},
	})
}

func TestCheckAfterSaleOpen(t *testing.T) {
	t.Parallel()
	runBlockerCases(t, []blockerCase{
		{name: "open refund case named with its status", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
			req.Cases = []*aftersale.Case{openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(2, 1))}
			return req
		}, want: []order.Rule{order.RuleAfterSaleOpen}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, "AS-1", b.CaseID)
			assert.Equal(t, 108009, b.PlatformCode)
			assert.Equal(t, "after-sale case AS-1 (REFUND, MERCHANT_PROCESSING) is unfinished", b.MessageEN)
			assert.Contains(t, b.Message, "商家受理中")
		}},
		{name: "units held but the case not passed in", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(2, 1))
			return request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, want: []order.Rule{order.RuleAfterSaleOpen}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, skuID(2), b.SKU)
			assert.Equal(t, 2, b.Parcel)
			assert.Equal(t, 1, b.Got)
		}},
		{name: "rejected case inside the escalation window", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			ac := openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(2, 1))
			_, err := ac.Reject("已发货前不退", tPay.Add(2*time.Minute))
			require.NoError(t, err)
			req := request(o, c, parcel(1, item(1, 2)))
			req.Cases = []*aftersale.Case{ac}
			return req
		}, want: []order.Rule{order.RuleAfterSaleOpen}, check: func(t *testing.T, r shipping.Report) {
			assert.Contains(t, r.Blockers[0].MessageEN, "MERCHANT_REJECT_REFUND")
		}},
		{name: "rejected case past the window whose units the order still holds", req: func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			ac := openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(2, 1))
			_, err := ac.Reject("不退", tPay.Add(2*time.Minute))
			require.NoError(t, err)
			req := request(o, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
			req.Cases = []*aftersale.Case{ac}
			req.At = tPay.Add(aftersale.EscalationWindow + time.Hour)
			return req
		}, want: []order.Rule{order.RuleAfterSaleOpen}, check: func(t *testing.T, r shipping.Report) {
			b := r.Blockers[0]
			assert.Equal(t, "AS-1", b.CaseID)
			assert.Equal(t, 2, b.Parcel)
			assert.Equal(t, "parcel 2: after-sale case AS-1 (MERCHANT_REJECT_REFUND) no longer blocks shipping, but the order still holds 1 unit of SKU tee-2 for it: record the case's end first", b.MessageEN)
		}},
	})
}

func TestCheckLateWarning(t *testing.T) {
	t.Parallel()
	o, c := baseline(t)
	deadline, ok := o.ShipBy()
	require.True(t, ok)
	req := request(o, c, everything(o))

	req.At = deadline
	assert.Empty(t, shipping.Check(req).Warnings, "on the deadline is not late")

	req.At = deadline.Add(26*time.Hour + 30*time.Minute)
	r := shipping.Check(req)
	assert.True(t, r.OK(), "late is a warning, not a blocker")
	require.Len(t, r.Warnings, 1)
	w := r.Warnings[0]
	assert.Equal(t, order.RuleLateShipment, w.Code)
	assert.Equal(t, 26*time.Hour+30*time.Minute, w.Late)
	assert.True(t, w.Deadline.Equal(deadline))
	assert.Contains(t, w.MessageEN, "passed 1 day 2 hours ago")
	assert.Contains(t, w.Message, "晚了 1 天 2 小时")
	assert.NotErrorIs(t, r.Err(), order.RuleLateShipment)
}

// A virtual-goods order (deliver_method 1) ships without logistics: no carrier, no tracking
// number, nothing to check about them.
func TestCheckVirtualOrder(t *testing.T) {
	t.Parallel()
	c := newShop(t, 1)
	snap, err := c.Snapshot("tee", skuID(1))
	require.NoError(t, err)
	o, err := order.New(order.NewParams{ID: "o-virtual", Seller: shop.WeChatShop, Buyer: "b", Virtual: true,
		Lines: []order.LineParams{{Snapshot: snap, Quantity: 1, UnitPrice: snap.Price(), Paid: snap.Price()}}, CreatedAt: tOrder})
	require.NoError(t, err)
	_, err = o.Pay(tPay)
	require.NoError(t, err)
	req := request(o, c, order.Parcel{Items: []order.Item{item(1, 1)}})
	req.Complete = true
	r := shipping.Check(req)
	assert.True(t, r.OK(), "%v", codes(r))
	_, err = o.Ship(req.Parcels[0], tShip)
	require.NoError(t, err)
}

// TestCheckZeroOrder: an Order that was never built (new(order.Order), a zero field in a host's
// struct) is a request the check cannot use: RuleInvalidRequest says so, and nothing reads its
// zero status as a cancelled, unpaid or shipped order.
func TestCheckZeroOrder(t *testing.T) {
	t.Parallel()
	statusRules := []order.Rule{order.RuleOrderCancelled, order.RuleOrderUnpaid, order.RuleOrderShipped}
	cases := []struct {
		name string
		req  func(t *testing.T) shipping.Request
		want []order.Rule
	}{
		{"a good parcel", func(t *testing.T) shipping.Request {
			_, c := baseline(t)
			return request(new(order.Order), c, parcel(1, item(1, 2)))
		}, []order.Rule{order.RuleInvalidRequest}},
		{"a zero value, not a pointer to one", func(t *testing.T) shipping.Request {
			_, c := baseline(t)
			var zero order.Order
			return request(&zero, c, parcel(1, item(1, 2)), parcel(2, item(2, 1)))
		}, []order.Rule{order.RuleInvalidRequest}},
		{"no parcels", func(t *testing.T) shipping.Request {
			_, c := baseline(t)
			return request(new(order.Order), c)
		}, []order.Rule{order.RuleInvalidRequest, order.RuleParcelEmpty}},
		{"an open case of some order", func(t *testing.T) shipping.Request {
			o, c := baseline(t)
			req := request(new(order.Order), c, parcel(1, item(1, 2)))
			req.Cases = []*aftersale.Case{openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(2, 1))}
			return req
		}, []order.Rule{order.RuleInvalidRequest, order.RuleAfterSaleOpen}},
		{"an unknown carrier and a bad number", func(t *testing.T) shipping.Request {
			_, c := baseline(t)
			return request(new(order.Order), c, order.Parcel{Carrier: "XYZ", TrackingNumber: "12 34", Items: []order.Item{item(1, 2)}})
		}, []order.Rule{order.RuleInvalidRequest, order.RuleCarrierUnknown, order.RuleTrackingInvalid}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req(t)
			var r shipping.Report
			require.NotPanics(t, func() { r = shipping.Check(req) })
			assert.Equal(t, names(tc.want...), codes(r))
			for _, rule := range statusRules {
				assert.False(t, r.Has(rule), "a zero Order has no status to refuse: %s", rule)
				assert.NotErrorIs(t, r.Err(), rule)
			}
			require.ErrorIs(t, r.Err(), order.RuleInvalidRequest)
			b := r.Blockers[0]
			assert.Equal(t, order.RuleInvalidRequest, b.Code)
			assert.Contains(t, b.MessageEN, "zero Order")
			assert.Contains(t, b.Message, "零值订单")
			assert.Empty(t, r.OrderID)
			assert.Empty(t, r.Warnings)
		})
	}
}
