package catalog_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// BenchmarkCatalogSizeDistinct is BenchmarkCatalogSize for a catalog that shares nothing: every
// SKU has attributes no other SKU has (型号=<its own>), a code and a market price, and every
// product a description, so that neither the shared attribute lists nor the parts kept out of
// line save anything. It is the layout's worst case, beside the best case of
// BenchmarkCatalogSize.
func BenchmarkCatalogSizeDistinct(b *testing.B) {
	price, market := decimal.RequireFromString("19.90"), decimal.RequireFromString("29.90")
	build := func(products int) *catalog.Catalog {
		c := catalog.New()
		if err := c.AddCategory(catalog.CategoryParams{ID: "shown", Name: "在售"}); err != nil {
			b.Fatal(err)
		}
		for i := range products {
			id := fmt.Sprintf("p%06d", i)
			p := catalog.ProductParams{ID: id, Title: "商品 " + id, CategoryID: "shown", Description: "说明 " + id, Images: []string{id + ".jpg"}}
			for _, v := range []string{"-a", "-b"} {
				p.SKUs = append(p.SKUs, catalog.SKUParams{ID: id + v, Code: "C" + id + v, Attrs: []catalog.Attr{{Key: "型号", Value: "M" + id + v}},
					Price: price, MarketPrice: market, Stock: 10})
			}
			if err := c.AddProduct(p); err != nil {
				b.Fatal(err)
			}
			if err := c.List(id); err != nil {
				b.Fatal(err)
			}
		}
		return c
	}
	build(1) // what the first catalog of a process builds once (the validator's cache) is not the catalog's
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("skus=%d", n), func(b *testing.B) {
			before := heapAfterGC()
			c := build(n / 2)
			after := heapAfterGC()
			b.ReportAllocs()
			for b.Loop() {
				if err := c.CanBuy("p000000", "p000000-a", 1); err != nil {
					b.Fatal(err)
				}
			}
			reportBytesPerSKU(b, before, after, n)
			runtime.KeepAlive(c)
		})
	}
}
