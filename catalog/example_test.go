package catalog_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// exampleCatalog is a small tea shop: one category, two products on a shelf.
func exampleCatalog() *catalog.Catalog {
	c := catalog.New()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(c.AddCategory(catalog.CategoryParams{ID: "tea", Name: "茶叶"}))
	must(c.AddProduct(catalog.ProductParams{
		ID: "longjing", Title: "西湖龙井", CategoryID: "tea", Images: []string{"longjing.jpg"},
		SKUs: []catalog.SKUParams{{ID: "longjing-250", Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}},
			Price: decimal.RequireFromString("128"), Stock: 2}},
	}))
	must(c.AddProduct(catalog.ProductParams{
		ID: "pu-erh", Title: "云南普洱", CategoryID: "tea", Images: []string{"puer.jpg"},
		SKUs: []catalog.SKUParams{{ID: "pu-erh-357", Attrs: []catalog.Attr{{Key: "规格", Value: "357g"}},
			Price: decimal.RequireFromString("268"), Stock: 5}},
	}))
	must(c.List("longjing"))
	must(c.List("pu-erh"))
	must(c.AddShelf(catalog.ShelfParams{ID: "home", Name: "首页", ProductIDs: []string{"longjing", "pu-erh"}}))
	return c
}

// Three ways to stop selling, and what each says.
func ExampleCatalog_CanBuy() {
	c := exampleCatalog()
	fmt.Println("on sale:", c.CanBuy("longjing", "longjing-250", 1))

	_ = c.AdjustStock("longjing", "longjing-250", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 0})
	err := c.CanBuy("longjing", "longjing-250", 1)
	fmt.Println("stock 0:", err, errors.Is(err, catalog.ErrOutOfStock))

	_ = c.Delist("pu-erh")
	fmt.Println("delisted:", c.CanBuy("pu-erh", "pu-erh-357", 1))

	_ = c.List("pu-erh")
	_ = c.HideCategory("tea")
	fmt.Println("hidden category:", c.CanBuy("pu-erh", "pu-erh-357", 1))

	v, _ := c.BuyerView("pu-erh")
	fmt.Println("the buyer reads:", v.Availability.Label())
	// Output:
	// on sale: <nil>
	// stock 0: catalog: out of stock true
	// delisted: catalog: delisted
	// hidden category: catalog: category hidden
	// the buyer reads: 暂不销售
}

// What a buyer sees on a shelf: out of stock stays (无货), delisted goes.
func ExampleCatalog_Shelf() {
	c := exampleCatalog()
	_ = c.Reserve("longjing", "longjing-250", 2) // two units ordered: none left
	show := func() {
		v, _ := c.Shelf("home")
		for _, p := range v.Products {
			fmt.Printf("  %s ¥%s %s\n", p.Title, p.SKUs[0].Price.StringFixed(2), p.Availability.Label())
		}
	}
	fmt.Println("首页:")
	show()
	_ = c.Delist("pu-erh")
	fmt.Println("after delisting 云南普洱:")
	show()
	// Output:
	// 首页:
	//   西湖龙井 ¥128.00 无货
	//   云南普洱 ¥268.00 可购买
	// after delisting 云南普洱:
	//   西湖龙井 ¥128.00 无货
}

// A price change through the no-review path makes an order's snapshot drift: the order was
// placed at the old price, so shipping can tell.
func ExampleCatalog_UpdateWithoutReview() {
	c := exampleCatalog()
	snap, _ := c.Snapshot("longjing", "longjing-250") // stored on the order line

	live, found := c.LookupSKU("longjing", "longjing-250")
	fmt.Println("before:", catalog.DriftOf(snap, live, found))

	_ = c.UpdateWithoutReview("longjing", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "longjing-250", Price: decimal.NewNullDecimal(decimal.RequireFromString("118"))},
	}})
	live, found = c.LookupSKU("longjing", "longjing-250")
	d := catalog.DriftOf(snap, live, found)
	fmt.Println("after:", d, d.Label(), "revision", snap.Revision, "->", live.Revision())
	// Output:
	// before: none
	// after: price 价格已变更 revision 1 -> 2
}

// Opening a shop validates the onboarding form, check characters included.
func ExampleNewShop() {
	_, err := catalog.NewShop(catalog.ShopParams{
		Name:    "龙井茶舍",
		Kind:    catalog.SellerWeChatShop,
		Contact: catalog.ContactParams{Name: "王店长", Phone: "1380013800"},
		Person:  &catalog.PersonParams{RealName: "王五", IDNumber: "110105194912310021"},
	})
	fmt.Println(err)
	fmt.Println(errors.Is(err, catalog.ErrInvalid))
	fmt.Println(catalog.SellerShowcaseCreator, catalog.SellerShowcaseCreator.Label())
	// Output:
	// catalog: invalid ShopParams: Contact.Phone: cn_mobile; Person.IDNumber: cn_resident_id
	// true
	// showcase_creator 视频号橱窗达人
}

// Stock is reserved when an order is placed and never oversold.
func ExampleCatalog_Reserve() {
	c := exampleCatalog()
	fmt.Println(c.Reserve("longjing", "longjing-250", 2))
	err := c.Reserve("longjing", "longjing-250", 1)
	fmt.Println(err)
	_ = c.Release("longjing", "longjing-250", 1) // one order cancelled
	_ = c.Commit("longjing", "longjing-250", 1)  // the other shipped
	s, _ := c.LookupSKU("longjing", "longjing-250")
	fmt.Println("total", s.Total(), "reserved", s.Reserved(), "available", s.Available())
	// Output:
	// <nil>
	// catalog: reserve 1 of SKU "longjing-250" (product "longjing"): out of stock, have 0
	// total 1 reserved 0 available 1
}

// The conversion rate is an exact decimal percentage, rounded half up to 0.01%.
func ExampleOverview_ConversionRate() {
	o, _ := catalog.NewOverview(catalog.OverviewParams{Visits: 3, Orders: 2, Sales: decimal.RequireFromString("256")})
	rate, _ := o.ConversionRate()
	aov, _ := o.AverageOrderValue()
	fmt.Printf("转化率 %s%%, 客单价 ¥%s\n", rate.StringFixed(2), aov.StringFixed(2))
	none, _ := catalog.NewOverview(catalog.OverviewParams{})
	_, ok := none.ConversionRate()
	fmt.Println("rate without visits:", ok)
	// Output:
	// 转化率 66.67%, 客单价 ¥128.00
	// rate without visits: false
}

// Which SKUs changed since an order's snapshot was taken: what a shipment check asks before it
// compares any line.
func ExampleCatalog_ChangedSince() {
	c := exampleCatalog()
	snap, err := c.Snapshot("longjing", "longjing-250")
	if err != nil {
		panic(err)
	}
	changed, ok := c.ChangedSince(nil, snap.CatalogVersion)
	fmt.Println("right after the order:", changed, ok)

	err = c.UpdateWithoutReview("pu-erh", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "pu-erh-357", Price: decimal.NewNullDecimal(decimal.RequireFromString("258"))},
	}})
	if err != nil {
		panic(err)
	}
	changed, ok = c.ChangedSince(nil, snap.CatalogVersion)
	fmt.Println("after a price change:", changed, ok)

	_, ok = catalog.New().ChangedSince(nil, snap.CatalogVersion)
	fmt.Println("another catalog can tell:", ok)
	// Output:
	// right after the order: [] true
	// after a price change: [pu-erh-357] true
	// another catalog can tell: false
}
