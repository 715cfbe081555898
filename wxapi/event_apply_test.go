package wxapi_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

// push decodes an order push of kind event created at Unix time at, with body fields in
// order_info besides the order id.
func push(t testing.TB, event string, orderID string, at int64, fields string) wxapi.Event {
	t.Helper()
	if fields != "" {
		fields = "," + fields
	}
	ev, err := wxapi.DecodeEvent(fmt.Appendf(nil, `{"CreateTime":%d,"MsgType":"event","Event":%q,"order_info":{"order_id":%q%s}}`,
		at, event, orderID, fields))
	require.NoError(t, err)
	return ev
}

// decodedOrder is testdata/order/name.json decoded.
func decodedOrder(t testing.TB, name string) *order.Order {
	t.Helper()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/"+name+".json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	return res.Order
}

func TestApplyToOrder(t *testing.T) {
	t.Parallel()
	shipped := func(t testing.TB) *order.Order {
		o := decodedOrder(t, "paid_two_lines")
		var items []order.Item
		for _, l := range o.Lines() {
			items = append(items, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.Quantity()})
		}
		_, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: items}, time.Unix(1717290000, 0))
		require.NoError(t, err)
		return o
	}
	unpaid := func(t testing.TB) *order.Order { return decodedOrder(t, "unpaid") }
	paid := func(t testing.TB) *order.Order { return decodedOrder(t, "paid_two_lines") }
	tests := []struct {
		name   string
		order  func(testing.TB) *order.Order
		event  string
		at     int64
		fields string
		effect wxapi.Effect
		status order.Status
	}{
		{"a payment", unpaid, "channels_ec_order_pay", 1717300000, `"pay_time":1717299990`, wxapi.Applied, order.StatusPendingShipment},
		{"a payment retried after it took effect", paid, "channels_ec_order_pay", 1717200095, `"pay_time":1717200093`, wxapi.AlreadyApplied, order.StatusPendingShipment},
		{"a payment on a paid order, pushed late", paid, "channels_ec_order_pay", 1717300000, ``, wxapi.AlreadyApplied, order.StatusPendingShipment},
		{"a timeout cancel", unpaid, "channels_ec_order_cancel", 1717300000, `"cancel_type":2`, wxapi.Applied, order.StatusCancelled},
		{"an oversold order cancelled", paid, "channels_ec_order_cancel", 1717300000, `"cancel_type":4`, wxapi.Applied, order.StatusCancelledOversold},
		{"a buyer's cancel of a paid order", paid, "channels_ec_order_cancel", 1717300000, `"cancel_type":1`, wxapi.NeedsFetch, order.StatusPendingShipment},
		{"closed by after-sale with nothing refunded", paid, "channels_ec_order_cancel", 1717300000, `"cancel_type":3`, wxapi.NeedsFetch, order.StatusPendingShipment},
		{"a shipment", paid, "channels_ec_order_deliver", 1717300000, `"finish_delivery":1`, wxapi.NeedsFetch, order.StatusPendingShipment},
		{"a shipment already applied", shipped, "channels_ec_order_deliver", 1717300000, `"finish_delivery":1`, wxapi.AlreadyApplied, order.StatusShipped},
		{"a confirmation before the shipment", paid, "channels_ec_order_confirm", 1717300000, `"confirm_type":1`, wxapi.NeedsFetch, order.StatusPendingShipment},
		{"a confirmation on timeout", shipped, "channels_ec_order_confirm", 1717900000, `"confirm_type":2`, wxapi.Applied, order.StatusCompleted},
		{"a settlement before completion", shipped, "channels_ec_order_settle", 1717900000, ``, wxapi.NeedsFetch, order.StatusShipped},
		{"an address change", paid, "channels_ec_order_ext_info_update", 1717300000, `"type":2`, wxapi.NeedsFetch, order.StatusPendingShipment},
		{"a new order the host has", unpaid, "channels_ec_order_new", 1717300000, ``, wxapi.AlreadyApplied, order.StatusPendingPayment},
		{"waiting, before the payment", unpaid, "channels_ec_order_wait_shipping", 1717300000, ``, wxapi.NeedsFetch, order.StatusPendingPayment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := tt.order(t)
			id := o.ID()
			before := o.State()
			out, err := wxapi.ApplyToOrder(o, push(t, tt.event, id, tt.at, tt.fields))
			require.NoError(t, err)
			assert.Equal(t, tt.effect, out.Effect)
			assert.Equal(t, tt.status, o.Status())
			switch out.Effect {
			case wxapi.Applied:
				require.Len(t, out.OrderEvents, 1)
			case wxapi.NeedsFetch:
				assert.Equal(t, "order/get", out.Fetch.API)
				assert.Equal(t, id, out.Fetch.ID)
				assert.NotEmpty(t, out.Fetch.Why)
				fallthrough
			default:
				assert.Empty(t, out.OrderEvents)
				assert.Equal(t, before, o.State(), "nothing applied, nothing changed")
			}
			// The same push again is a no-op, in this process or after a restore.
			restored, err := order.Restore(o.State())
			require.NoError(t, err)
			again, err := wxapi.ApplyToOrder(restored, push(t, tt.event, id, tt.at, tt.fields))
			require.NoError(t, err)
			if tt.effect == wxapi.Applied {
				assert.Equal(t, wxapi.AlreadyApplied, again.Effect)
			}
		})
	}

	t.Run("the payment time", func(t *testing.T) {
		t.Parallel()
		o := unpaid(t)
		_, err := wxapi.ApplyToOrder(o, push(t, "channels_ec_order_pay", o.ID(), 1717300000, `"pay_time":1717299990`))
		require.NoError(t, err)
		at, _ := o.PaidAt()
		assert.Equal(t, time.Unix(1717299990, 0).UTC(), at, "pay_time, not CreateTime")
	})
	t.Run("a gift accepted", func(t *testing.T) {
		t.Parallel()
		s := unpaid(t).State()
		s.Gift = true
		o, err := order.Restore(s)
		require.NoError(t, err)
		out, err := wxapi.ApplyToOrder(o, push(t, "channels_ec_order_pay", o.ID(), 1717300000, ``))
		require.NoError(t, err)
		assert.Equal(t, order.StatusGiftPending, o.Status())
		assert.Equal(t, order.StatusGiftPending, out.OrderEvents[0].(order.Paid).To)
		out, err = wxapi.ApplyToOrder(o, push(t, "channels_ec_order_wait_shipping", o.ID(), 1717400000, ``))
		require.NoError(t, err)
		assert.Equal(t, wxapi.Applied, out.Effect)
		assert.Equal(t, order.StatusPendingShipment, o.Status())
	})
	t.Run("refused", func(t *testing.T) {
		t.Parallel()
		o := unpaid(t)
		_, err := wxapi.ApplyToOrder(o, push(t, "channels_ec_order_pay", "42", 1717300000, ``))
		require.Error(t, err, "another order's push")
		ev, err := wxapi.DecodeEvent(readTestdata(t, "event/aftersale_update.json"))
		require.NoError(t, err)
		_, err = wxapi.ApplyToOrder(o, ev)
		require.Error(t, err, "not an order push")
		_, err = wxapi.ApplyToOrder(nil, ev)
		require.Error(t, err)
		_, err = wxapi.ApplyToOrder(o, nil)
		require.Error(t, err)
	})
}

// afterSalePush decodes an after-sale push for case id of order orderID.
func afterSalePush(t testing.TB, id, orderID, status string, at int64) wxapi.Event {
	t.Helper()
	ev, err := wxapi.DecodeEvent(fmt.Appendf(nil, `{"CreateTime":%d,"MsgType":"event","Event":"channels_ec_aftersale_update",
		"finder_shop_aftersale_status_update":{"status":%q,"after_sale_order_id":%q,"order_id":%q}}`, at, status, id, orderID))
	require.NoError(t, err)
	return ev
}

// TestApplyToCase: a withdrawn case releases its units on the order at once, so the shipment
// check does not blame the merchant for a case that is over; a push the case cannot follow is
// a fetch.
func TestApplyToCase(t *testing.T) {
	t.Parallel()
	o := decodedOrder(t, "paid_two_lines")
	l, _ := o.LineAt(1)
	item := order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: 1}
	opened := time.Unix(1717290000, 0).UTC()
	c, _, err := aftersale.Open(o, aftersale.Request{ID: "2000000499000001", Kind: aftersale.KindRefund,
		Items: []order.Item{item}, Reason: aftersale.ReasonIncorrectSelection}, opened)
	require.NoError(t, err)
	req := shipping.Request{Order: o, Cases: []*aftersale.Case{c}, SKUs: emptyLookup{}, Carriers: shipping.MustCarriers(shipping.Carrier{Code: "SF", Name: "顺丰速运"}),
		At: opened.Add(time.Hour), Parcels: []order.Parcel{{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{item}}}}
	require.True(t, blockedBy(shipping.Check(req), order.RuleAfterSaleOpen))

	out, err := wxapi.ApplyToCase(c, o, afterSalePush(t, c.ID(), o.ID(), "MERCHANT_REFUND_SUCCESS", 1717300000))
	require.NoError(t, err)
	assert.Equal(t, wxapi.NeedsFetch, out.Effect, "a refund's amount is not in the push")
	assert.Equal(t, wxapi.Fetch{API: "aftersale/getaftersaleorder", ID: c.ID(), Why: out.Fetch.Why}, out.Fetch)

	out, err = wxapi.ApplyToCase(c, o, afterSalePush(t, c.ID(), o.ID(), "USER_CANCELD", 1717300000))
	require.NoError(t, err)
	require.Equal(t, wxapi.Applied, out.Effect)
	require.Len(t, out.CaseEvents, 1)
	assert.Equal(t, aftersale.StatusUserCancelled, c.Status())
	require.Len(t, out.OrderEvents, 1)
	assert.IsType(t, order.AfterSaleReleased{}, out.OrderEvents[0])
	line, _ := o.Line(item.SKUID)
	assert.Zero(t, line.OnAfterSale(), "the order's counters follow the case")
	req.At = time.Unix(1717300001, 0)
	assert.False(t, blockedBy(shipping.Check(req), order.RuleAfterSaleOpen), "no blame for a case that is over")

	again, err := wxapi.ApplyToCase(c, o, afterSalePush(t, c.ID(), o.ID(), "USER_CANCELD", 1717300000))
	require.NoError(t, err)
	assert.Equal(t, wxapi.AlreadyApplied, again.Effect)
	stale, err := wxapi.ApplyToCase(c, o, afterSalePush(t, c.ID(), o.ID(), "MERCHANT_PROCESSING", 1717290000))
	require.NoError(t, err)
	assert.Equal(t, wxapi.AlreadyApplied, stale.Effect, "older than the case's last change")

	out, err = wxapi.ApplyToCase(nil, o, afterSalePush(t, "2000000499000002", o.ID(), "MERCHANT_PROCESSING", 1717300000))
	require.NoError(t, err)
	assert.Equal(t, wxapi.NeedsFetch, out.Effect, "a case the host does not have")
	_, err = wxapi.ApplyToCase(c, o, push(t, "channels_ec_order_pay", o.ID(), 1717300000, ``))
	require.Error(t, err, "not an after-sale push")
}

// emptyLookup knows no SKU: drift is not what these tests look at.
type emptyLookup struct{}

func (emptyLookup) LookupSKU(string, string) (catalog.SKU, bool) { return catalog.SKU{}, false }

// blockedBy reports whether the report has a blocker of rule r.
func blockedBy(r shipping.Report, rule order.Rule) bool {
	for _, b := range r.Blockers {
		if b.Code == rule {
			return true
		}
	}
	return false
}

func TestFetchFor(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]wxapi.Fetch{
		"order_pay":        {API: "order/get", ID: "3725020335455738368", Why: "channels_ec_order_pay"},
		"aftersale_update": {API: "aftersale/getaftersaleorder", ID: "2000000488156432", Why: "channels_ec_aftersale_update"},
		"complaint_update": {API: "aftersale/getaftersaleorder", ID: "2000000488156432", Why: "channels_ec_complaint_update"},
		"stock_no_enough":  {API: "product/get", ID: "10000777", Why: "channels_ec_stock_no_enough"},
	} {
		ev, err := wxapi.DecodeEvent(readTestdata(t, "event/"+name+".json"))
		require.NoError(t, err)
		got, ok := wxapi.FetchFor(ev)
		assert.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	ev, err := wxapi.DecodeEvent(readTestdata(t, "event/shop_nickname.json"))
	require.NoError(t, err)
	_, ok := wxapi.FetchFor(ev)
	assert.False(t, ok, "a shop push says all there is")
}
