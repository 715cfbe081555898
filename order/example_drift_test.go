package order_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// The merchant cut a SKU's price through the no-review path after the buyer ordered it: the
// platform would refuse to ship it (606031). ShipmentProblemsIn finds it on the same walk as
// the order's other rules, asking the catalog once per line shipped.
func ExampleOrder_ShipmentProblemsIn() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	c := catalog.New()
	must(c.AddCategory(catalog.CategoryParams{ID: "tea", Name: "茶叶"}))
	must(c.AddProduct(catalog.ProductParams{ID: "longjing", Title: "西湖龙井", CategoryID: "tea", Images: []string{"lj.jpg"},
		SKUs: []catalog.SKUParams{{ID: "lj-250", Price: decimal.RequireFromString("128"), Stock: 10,
			Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}}}}}))
	must(c.List("longjing"))
	snap, err := c.Snapshot("longjing", "lj-250")
	must(err)
	placed := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	o, err := order.New(order.NewParams{ID: "3725020335455738368", Seller: shop.WeChatShop, Buyer: "openid",
		Lines:     []order.LineParams{{Snapshot: snap, Quantity: 1, UnitPrice: snap.Price(), Paid: snap.Price()}},
		CreatedAt: placed})
	must(err)
	_, err = o.Pay(placed.Add(time.Minute))
	must(err)

	must(c.UpdateWithoutReview("longjing", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "lj-250", Price: decimal.NewNullDecimal(decimal.RequireFromString("118"))}}}))

	parcel := order.Parcel{Carrier: "SF", TrackingNumber: "SF1234567890123",
		Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}}
	for e := range o.ShipmentProblemsIn(c, []order.Parcel{parcel}, true) {
		fmt.Println(e.Code(), e.Drift, "-", e.Message())
	}
	// Output:
	// 606031 price - 包裹1：SKU lj-250 下单后已变更（价格已变更）
}
