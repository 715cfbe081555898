package aftersale_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// t0 is the creation time of every test order; it is paid at t0+1h.
var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func hours(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }

// snap is the catalog snapshot of SKU sku of product p1 at price; it panics on a bad price,
// which only a broken test passes.
func snap(sku, price string) catalog.Snapshot {
	s, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p1", SKUID: sku, Title: "T-shirt " + sku, Price: d(price), Revision: 1})
	if err != nil {
		panic(err)
	}
	return s
}

// threeLines: a (2 × 10.10, paid 20.20), b (1 × 5.00, paid 4.00), u (3 × 5.00, paid 10.00:
// units worth 3.33, 3.33, 3.34 in refund order), freight 6.00.
func threeLines(id string) order.NewParams {
	return order.NewParams{
		ID: id, Seller: shop.WeChatShop, Buyer: "openid-1",
		Lines: []order.LineParams{
			{Snapshot: snap("a", "10.10"), Quantity: 2, UnitPrice: d("10.10"), Paid: d("20.20")},
			{Snapshot: snap("b", "5.00"), Quantity: 1, UnitPrice: d("5.00"), Paid: d("4.00")},
			{Snapshot: snap("u", "5.00"), Quantity: 3, UnitPrice: d("5.00"), Paid: d("10.00")},
		},
		Freight: d("6.00"), Discount: d("6.00"), CreatedAt: t0,
	}
}

func item(sku string, n int) order.Item { return order.Item{ProductID: "p1", SKUID: sku, Quantity: n} }

func items(its ...order.Item) []order.Item { return its }

// paidOrder is threeLines paid at t0+1h.
func paidOrder(t testing.TB) *order.Order {
	t.Helper()
	o, err := order.New(threeLines("order-1"))
	require.NoError(t, err)
	_, err = o.Pay(hours(1))
	require.NoError(t, err)
	return o
}

// shippedOrder is paidOrder fully shipped at t0+2h.
func shippedOrder(t testing.TB) *order.Order {
	t.Helper()
	o := paidOrder(t)
	_, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1", Items: items(item("a", 2), item("b", 1), item("u", 3))}, hours(2))
	require.NoError(t, err)
	return o
}

// singleLineOrder is an order of one line (qty units paid `paid` in all, no freight), paid at
// t0+1h and not shipped.
func singleLineOrder(t testing.TB, paid string, qty int) *order.Order {
	t.Helper()
	p := order.NewParams{
		ID: "order-single", Seller: shop.WeChatShop, Buyer: "openid-2",
		Lines:     []order.LineParams{{Snapshot: snap("s", paid), Quantity: qty, UnitPrice: d(paid), Paid: d(paid)}},
		Freight:   decimal.Zero,
		Discount:  d(paid).Mul(decimal.NewFromInt(int64(qty - 1))),
		CreatedAt: t0,
	}
	o, err := order.New(p)
	require.NoError(t, err)
	_, err = o.Pay(hours(1))
	require.NoError(t, err)
	return o
}

func request(id string, k aftersale.Kind, its ...order.Item) aftersale.Request {
	return aftersale.Request{ID: id, Kind: k, Items: its, Reason: aftersale.ReasonNoLongerWant}
}

func open(t testing.TB, o *order.Order, r aftersale.Request, at time.Time) *aftersale.Case {
	t.Helper()
	c, _, err := aftersale.Open(o, r, at)
	require.NoError(t, err)
	return c
}

var waybill = aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF900"}
