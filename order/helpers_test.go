package order_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// t0 is the creation time of every test order.
var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// nd is an amount the platform gives (a decimal.NullDecimal that is set).
func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

// mustSnapshot builds a catalog snapshot or panics: test data is valid by construction.
func mustSnapshot(productID, sku, title string, price decimal.Decimal, attrs ...catalog.Attr) catalog.Snapshot {
	s, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: productID, SKUID: sku, Title: title,
		Attrs: attrs, Price: price, Revision: 1})
	if err != nil {
		panic(err)
	}
	return s
}

func snap(sku string, price string) catalog.Snapshot {
	return mustSnapshot("p1", sku, "T-shirt "+sku, d(price), catalog.Attr{Key: "颜色", Value: sku})
}

// threeLines is the order used across the tests: a (2 × 10.10, paid 20.20), b (1 × 5.00,
// paid 4.00), c (3 × 1.99, paid 5.97), freight 6.00, discount 1.00.
func threeLines() order.NewParams {
	return order.NewParams{
		ID:     "3725020335455738368",
		Seller: shop.WeChatShop,
		Buyer:  "openid-1",
		Lines: []order.LineParams{
			{Snapshot: snap("a", "10.10"), Quantity: 2, UnitPrice: d("10.10"), Paid: d("20.20")},
			{Snapshot: snap("b", "5.00"), Quantity: 1, UnitPrice: d("5.00"), Paid: d("4.00")},
			{Snapshot: snap("c", "1.99"), Quantity: 3, UnitPrice: d("1.99"), Paid: d("5.97")},
		},
		Freight:   d("6.00"),
		Discount:  d("1.00"),
		CreatedAt: t0,
	}
}

func item(sku string, n int) order.Item { return order.Item{ProductID: "p1", SKUID: sku, Quantity: n} }

func parcel(tn string, items ...order.Item) order.Parcel {
	return order.Parcel{Carrier: "SF", TrackingNumber: tn, Items: items}
}

func newOrder(t testing.TB) *order.Order {
	t.Helper()
	o, err := order.New(threeLines())
	require.NoError(t, err)
	return o
}

// paidOrder is threeLines paid one hour after creation.
func paidOrder(t testing.TB) *order.Order {
	t.Helper()
	o := newOrder(t)
	_, err := o.Pay(t0.Add(time.Hour))
	require.NoError(t, err)
	return o
}

// shippedOrder is paidOrder fully shipped in two parcels.
func shippedOrder(t testing.TB) *order.Order {
	t.Helper()
	o := paidOrder(t)
	_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	_, err = o.Ship(parcel("SF2", item("b", 1), item("c", 3)), t0.Add(3*time.Hour))
	require.NoError(t, err)
	return o
}

// refundAll ends the hold of items with a refund of everything they may return (RefundCap).
func refundAll(t testing.TB, o *order.Order, items []order.Item, at time.Time) order.AfterSaleReleased {
	t.Helper()
	limit, err := o.RefundCap(items)
	require.NoError(t, err)
	ev, err := o.RefundAfterSale(items, limit, at)
	require.NoError(t, err)
	return ev
}

// state is the order's full state as JSON: what "unchanged" is compared with.
func state(t testing.TB, o *order.Order) string {
	t.Helper()
	b, err := json.Marshal(o)
	require.NoError(t, err)
	return string(b)
}

// rejected asserts that f fails and leaves the order byte-for-byte as it was.
func rejected(t *testing.T, o *order.Order, target error, f func() error) {
	t.Helper()
	before := state(t, o)
	err := f()
	require.Error(t, err)
	if target != nil {
		require.ErrorIs(t, err, target)
	}
	require.Equal(t, before, state(t, o), "a rejected command changed the order")
}
