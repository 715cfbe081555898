package catalog_test

import (
	"encoding/json"
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
	fmt.Println("before:", c.DriftOf(&snap))

	_ = c.UpdateWithoutReview("longjing", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "longjing-250", Price: decimal.NewNullDecimal(decimal.RequireFromString("118"))},
	}})
	live, _ := c.LookupSKU("longjing", "longjing-250")
	d := c.DriftOf(&snap)
	fmt.Println("after:", d, d.Label(), "revision", snap.Revision(), "->", live.Revision())
	// Output:
	// before: none
	// after: price 价格已变更 revision 1 -> 2
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

// A snapshot comes from the catalog, or from outside it (an order decoded from the platform,
// a host's database) through NewSnapshot. Either way it is compared by content: the price it
// remembers decides, not the revision it names.
func ExampleCatalog_DriftOf() {
	c := exampleCatalog()
	taken, _ := c.Snapshot("longjing", "longjing-250")
	fmt.Println("taken:", taken)

	decoded, err := catalog.NewSnapshot(catalog.SnapshotParams{
		ProductID: "longjing", SKUID: "longjing-250", Title: "西湖龙井",
		Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}}, Price: decimal.RequireFromString("99"), Revision: 1,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("decoded:", c.DriftOf(&taken), c.DriftOf(&decoded))

	_ = c.UpdateWithoutReview("pu-erh", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "pu-erh-357", Price: decimal.NewNullDecimal(decimal.RequireFromString("258"))},
	}})
	fmt.Println("after another SKU's price change:", c.DriftOf(&taken))
	fmt.Println("in an empty catalog:", catalog.New().DriftOf(&taken))
	// Output:
	// taken: 西湖龙井 (product longjing, SKU longjing-250, 规格=250g, 128.00 元)
	// decoded: none price
	// after another SKU's price change: none
	// in an empty catalog: deleted
}

// A snapshot is valid by construction, and stored as JSON with the price as text of two
// decimals. Snapshots stored by earlier releases, with a catalog_version, still read.
func ExampleNewSnapshot() {
	_, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "longjing", SKUID: "longjing-250",
		Price: decimal.RequireFromString("10000000.01")})
	fmt.Println(errors.Is(err, catalog.ErrInvalidAmount), "above", catalog.MaxPrice().StringFixed(2))

	snap, _ := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "longjing", SKUID: "longjing-250", Title: "西湖龙井",
		Price: decimal.RequireFromString("128.5"), Revision: 2})
	data, _ := json.Marshal(snap)
	fmt.Println(string(data))

	var old catalog.Snapshot
	err = json.Unmarshal([]byte(`{"product_id":"longjing","sku_id":"longjing-250","title":"西湖龙井","price":"128.50",`+
		`"revision":2,"catalog_version":{"seq":4,"hash":"42"}}`), &old)
	fmt.Println(err, old.Equal(snap))

	_, err = catalog.NewSnapshot(catalog.SnapshotParams{SKUID: "longjing-250", Price: decimal.RequireFromString("1")})
	fmt.Println(err)
	// Output:
	// true above 10000000.00
	// {"product_id":"longjing","sku_id":"longjing-250","title":"西湖龙井","price":"128.50","revision":2}
	// <nil> true
	// catalog: invalid Snapshot: ProductID: required
}
