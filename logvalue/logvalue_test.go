package logvalue_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/logvalue"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
	"github.com/wxshop-go/wxshop/wxapi"
)

const (
	buyer  = "o9AgN5Ab3kP_buyer_openid"
	giver  = "oGiv5Xq_giver_openid"
	phone  = "13812348000"
	street = "科技园路 1 号"
)

var placed = time.Date(2025, 3, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

// newPaidOrder is an order of two tins of tea (2 × 128.00 元), paid ten minutes after it was
// placed.
func newPaidOrder() (*order.Order, error) {
	snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "longjing", SKUID: "lj-250", Title: "西湖龙井",
		Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}}, Price: decimal.RequireFromString("128")})
	if err != nil {
		return nil, err
	}
	o, err := order.New(order.NewParams{ID: "3725020335455738368", Seller: shop.WeChatShop, Buyer: buyer,
		Lines:     []order.LineParams{{Snapshot: snap, Quantity: 2, UnitPrice: snap.Price(), Paid: decimal.RequireFromString("256")}},
		CreatedAt: placed})
	if err != nil {
		return nil, err
	}
	_, err = o.Pay(placed.Add(10 * time.Minute))
	return o, err
}

func paidOrder(t testing.TB) *order.Order {
	t.Helper()
	o, err := newPaidOrder()
	require.NoError(t, err)
	return o
}

func details() wxapi.OrderDetails {
	home := wxapi.Address{Name: "王小明", Phone: phone, Province: "广东省", City: "深圳市", County: "南山区", Detail: street, HouseNumber: "3 栋 501"}
	work := home
	work.Detail = "深南大道 10000 号"
	return wxapi.OrderDetails{BuyerUnionID: "unionid-of-the-buyer", Address: home, AddressChange: work,
		BuyerNote: "请放门口，电话 " + phone, IsGift: true, Gift: wxapi.Gift{GiverOpenID: giver}}
}

// logJSON logs one record of attrs through slog's JSON handler and returns it decoded.
func logJSON(t *testing.T, args ...any) (string, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", args...)
	var rec map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &rec))
	return buf.String(), rec
}

// TestNothingPersonalReachesTheLog: through the JSON handler (which would otherwise log the
// order's whole stored form), no openid, unionid, phone number, street or note comes out whole.
func TestNothingPersonalReachesTheLog(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	ac, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-1", Kind: aftersale.KindRefund,
		Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}, Reason: aftersale.ReasonNoLongerWant,
		Detail: "买错了，我的电话 " + phone}, placed.Add(time.Hour))
	require.NoError(t, err)

	raw, _ := logJSON(t, "plain", o)
	require.Contains(t, raw, buyer, "the test must show the leak it guards against")

	raw, rec := logJSON(t, "order", logvalue.Order(o), "case", logvalue.Case(ac), "details", logvalue.OrderDetails(details()))
	for _, secret := range []string{buyer, giver, phone, street, "3 栋 501", "unionid-of-the-buyer", "请放门口", "买错了", "小明"} {
		assert.NotContains(t, raw, secret)
	}
	assert.Equal(t, map[string]any{"id": "3725020335455738368", "status": "pending_shipment", "seller": "wechat_shop",
		"buyer": "o9Ag****", "lines": 1.0, "total": "256.00", "ship_by": "2025-03-03T09:10:00+08:00"}, rec["order"])
	assert.Equal(t, map[string]any{"id": "AS-1", "order_id": "3725020335455738368", "kind": "REFUND",
		"status": ac.Status().String(), "reason": aftersale.ReasonNoLongerWant.String()}, rec["case"])
	masked := map[string]any{"name": "王**", "phone": "138****8000", "region": "广东省深圳市南山区"}
	assert.Equal(t, map[string]any{"address": masked, "address_change": masked, "gift_from": "oGiv****",
		"lines": 0.0, "parcels": 0.0}, rec["details"])
}

// TestRefundIsLogged: a case that refunded logs the amount.
func TestRefundIsLogged(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := placed.Add(time.Hour)
	ac, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-1", Kind: aftersale.KindRefund,
		Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}, Reason: aftersale.ReasonNoLongerWant}, at)
	require.NoError(t, err)
	_, err = ac.Refund(o, decimal.RequireFromString("128"), at.Add(2*time.Minute))
	require.NoError(t, err)
	_, rec := logJSON(t, "case", logvalue.Case(ac))
	assert.Equal(t, "128.00", rec["case"].(map[string]any)["refunded"])
}

// TestNilAndZeroValues: what nothing built logs as such.
func TestNilAndZeroValues(t *testing.T) {
	t.Parallel()
	_, rec := logJSON(t, "nil_order", logvalue.Order(nil), "zero_order", logvalue.Order(&order.Order{}),
		"nil_case", logvalue.Case(nil), "zero_case", logvalue.Case(&aftersale.Case{}),
		"address", logvalue.Address(wxapi.Address{}), "details", logvalue.OrderDetails(wxapi.OrderDetails{}))
	assert.Equal(t, "no order", rec["nil_order"])
	assert.Equal(t, "no order", rec["zero_order"])
	assert.Equal(t, "no case", rec["nil_case"])
	assert.Equal(t, "no case", rec["zero_case"])
	assert.Equal(t, "no address", rec["address"])
	assert.Equal(t, map[string]any{"address": "no address", "lines": 0.0, "parcels": 0.0}, rec["details"])
}

// A host logs an order and where it ships; the buyer and the address come out masked.
func ExampleOrder() {
	o, err := newPaidOrder()
	if err != nil {
		panic(err)
	}
	drop := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{} // the record's own time, so that the output is stable
		}
		return a
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: drop}))
	log.Info("order paid", "order", logvalue.Order(o), "ships_to", logvalue.Address(details().Address))
	// Output:
	// level=INFO msg="order paid" order.id=3725020335455738368 order.status=pending_shipment order.seller=wechat_shop order.buyer=o9Ag**** order.lines=1 order.total=256.00 order.ship_by=2025-03-03T09:10:00.000+08:00 ships_to.name=王** ships_to.phone=138****8000 ships_to.region=广东省深圳市南山区
}
