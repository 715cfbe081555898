package shipping_test

import (
	"fmt"
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

// The test world's clock: orders are placed at tOrder, paid an hour later, and shipping is
// attempted at tShip, well inside the default 48 h deadline.
var (
	tOrder = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	tPay   = tOrder.Add(time.Hour)
	tShip  = tPay.Add(5 * time.Hour)
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func skuID(i int) string { return fmt.Sprintf("tee-%d", i) }

// newShop is a catalog with one listed product "tee" of n SKUs tee-1..tee-n, each 10.00 yuan,
// in colour c1..cn, with stock to spare.
func newShop(t testing.TB, n int) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "clothes", Name: "服装"}))
	skus := make([]catalog.SKUParams, n)
	for i := range skus {
		skus[i] = catalog.SKUParams{ID: skuID(i + 1), Attrs: []catalog.Attr{{Key: "颜色", Value: fmt.Sprintf("c%d", i+1)}},
			Price: dec("10.00"), Stock: 100_000}
	}
	require.NoError(t, c.AddProduct(catalog.ProductParams{ID: "tee", Title: "T恤", CategoryID: "clothes",
		Images: []string{"tee.jpg"}, SKUs: skus}))
	require.NoError(t, c.List("tee"))
	return c
}

// newOrder places and pays an order for the first len(qty) SKUs of the shop, qty[i] units of
// SKU i+1, each line snapshotted from the catalog.
func newOrder(t testing.TB, c *catalog.Catalog, id string, qty ...int) *order.Order {
	t.Helper()
	lines := make([]order.LineParams, len(qty))
	for i, q := range qty {
		snap, err := c.Snapshot("tee", skuID(i+1))
		require.NoError(t, err)
		lines[i] = order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: snap.Price(),
			Paid: snap.Price().Mul(decimal.NewFromInt(int64(q)))}
	}
	o, err := order.New(order.NewParams{ID: id, Seller: shop.WeChatShop, Buyer: "openid-1",
		Lines: lines, Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: tOrder})
	require.NoError(t, err)
	_, err = o.Pay(tPay)
	require.NoError(t, err)
	return o
}

func item(i, n int) order.Item { return order.Item{ProductID: "tee", SKUID: skuID(i), Quantity: n} }

// tracking returns a valid SF tracking number (the SF pattern of testCarriers).
func tracking(n int) string { return fmt.Sprintf("SF%013d", n) }

func parcel(n int, items ...order.Item) order.Parcel {
	return order.Parcel{Carrier: "SF", TrackingNumber: tracking(n), Items: items}
}

// everything is one parcel with every unit still to ship.
func everything(o *order.Order) order.Parcel {
	p := order.Parcel{Carrier: "SF", TrackingNumber: tracking(999)}
	for _, l := range o.Lines() {
		if r := l.Remaining(); r > 0 {
			p.Items = append(p.Items, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: r})
		}
	}
	return p
}

// request is a well-formed request at tShip: no cases, the shop as lookup, the test carriers.
func request(o *order.Order, c shipping.SKULookup, parcels ...order.Parcel) shipping.Request {
	return shipping.Request{Order: o, SKUs: c, Parcels: parcels, Carriers: testCarriers, At: tShip}
}

// openCase opens an after-sale case on o.
func openCase(t testing.TB, o *order.Order, id string, kind aftersale.Kind, at time.Time, items ...order.Item) *aftersale.Case {
	t.Helper()
	c, _, err := aftersale.Open(o, aftersale.Request{ID: id, Kind: kind, Items: items, Reason: aftersale.ReasonNoLongerWant}, at)
	require.NoError(t, err)
	return c
}

// codes lists the blockers' rules in report order, by name (so that a failed comparison reads
// as names, not bytes: a Rule is a uint8).
func codes(r shipping.Report) []string {
	out := make([]string, len(r.Blockers))
	for i, b := range r.Blockers {
		out[i] = b.Code.String()
	}
	return out
}

// names lists rules by name, for comparison with codes.
func names(rs ...order.Rule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

// priceChange changes a SKU's price through the no-review path (免审更新).
func priceChange(t testing.TB, c *catalog.Catalog, sku, price string) {
	t.Helper()
	require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: sku, Price: decimal.NewNullDecimal(dec(price))},
	}}))
}
