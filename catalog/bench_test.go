package catalog_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// benchCatalog builds a catalog of n listed products with two SKUs each, one visible and one
// hidden category, and shelves "shelf-<k>" holding the first k products for each k in shelves.
func benchCatalog(b *testing.B, n int, shelves ...int) *catalog.Catalog {
	b.Helper()
	c := catalog.New()
	if err := c.AddCategory(catalog.CategoryParams{ID: "shown", Name: "在售"}); err != nil {
		b.Fatal(err)
	}
	if err := c.AddCategory(catalog.CategoryParams{ID: "hidden", Name: "暂不销售", Hidden: true}); err != nil {
		b.Fatal(err)
	}
	price := decimal.RequireFromString("19.90")
	ids := make([]string, n)
	for i := range n {
		id := fmt.Sprintf("p%06d", i)
		ids[i] = id
		cat := "shown"
		if i%10 == 9 {
			cat = "hidden" // one product in ten is in the hidden category
		}
		err := c.AddProduct(catalog.ProductParams{
			ID: id, Title: "商品 " + id, CategoryID: cat, Images: []string{id + ".jpg"},
			SKUs: []catalog.SKUParams{
				{ID: id + "-a", Attrs: []catalog.Attr{{Key: "颜色", Value: "红"}}, Price: price, Stock: 1000},
				{ID: id + "-b", Attrs: []catalog.Attr{{Key: "颜色", Value: "蓝"}}, Price: price, Stock: i % 3},
			},
		})
		if err != nil {
			b.Fatal(err)
		}
		if i%10 != 8 { // and one in ten is never listed
			if err := c.List(id); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, k := range shelves {
		if err := c.AddShelf(catalog.ShelfParams{ID: fmt.Sprintf("shelf-%d", k), Name: "货架", ProductIDs: ids[:k]}); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC() // collect the garbage of building, so it is not collected while timing
	return c
}

func BenchmarkCanBuy(b *testing.B) {
	c := benchCatalog(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := c.CanBuy("p004711", "p004711-a", 2); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReserve(b *testing.B) {
	c := benchCatalog(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		// Reserve and give back, so stock never runs out however long the loop.
		if err := c.Reserve("p004711", "p004711-a", 2); err != nil {
			b.Fatal(err)
		}
		if err := c.Release("p004711", "p004711-a", 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookupSKUDrifted is the per-line check a shipment makes: find the live SKU and
// compare it with the order's snapshot (a SKU value compares price and attributes).
func BenchmarkLookupSKUDrifted(b *testing.B) {
	c := benchCatalog(b, 10_000)
	snap, err := c.Snapshot("p004711", "p004711-a")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		live, found := c.LookupSKU(snap.ProductID(), snap.SKUID())
		if !found || live.Drifted(snap) != catalog.DriftNone {
			b.Fatal("drift")
		}
	}
}

// BenchmarkDriftOf is the same check in one call, comparing in place. The snapshot is built
// outside the catalog (as one decoded from an order is), so the attributes are compared
// string by string rather than found to be the catalog's own.
func BenchmarkDriftOf(b *testing.B) {
	c := benchCatalog(b, 10_000)
	snap, err := c.Snapshot("p004711", "p004711-a")
	if err != nil {
		b.Fatal(err)
	}
	decoded, err := catalog.NewSnapshot(snap.Params())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if c.DriftOf(&decoded) != catalog.DriftNone {
			b.Fatal("drift")
		}
	}
}

// BenchmarkShelf shows that reading a shelf costs time in the shelf's size, not the catalog's:
// growing the shelf tenfold in the same catalog costs about ten times as much, growing the
// catalog tenfold under the same shelf costs about the same.
func BenchmarkShelf(b *testing.B) {
	b.Run("catalog=10000", func(b *testing.B) {
		c := benchCatalog(b, 10_000, 10, 100, 1000, 10_000)
		for _, k := range []int{10, 100, 1000, 10_000} {
			b.Run(fmt.Sprintf("shelf=%d", k), func(b *testing.B) { benchShelf(b, c, fmt.Sprintf("shelf-%d", k)) })
		}
	})
	for _, n := range []int{1000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("shelf=100/catalog=%d", n), func(b *testing.B) {
			benchShelf(b, benchCatalog(b, n, 100), "shelf-100")
		})
	}
}

func benchShelf(b *testing.B, c *catalog.Catalog, id string) {
	b.ReportAllocs()
	for b.Loop() {
		v, err := c.Shelf(id)
		if err != nil || len(v.Products) == 0 {
			b.Fatal(err)
		}
	}
}

// benchSizes are the catalog sizes, in SKUs, of BenchmarkCatalogSize and BenchmarkMapLookup.
var benchSizes = []int{1000, 100_000, 1_000_000}

// heapAfterGC returns the live heap once the garbage is collected.
func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// reportBytesPerSKU reports what building held on to, per SKU: the live heap after building,
// collected, minus the live heap before.
func reportBytesPerSKU(b *testing.B, before, after uint64, skus int) {
	b.ReportMetric(float64(int64(after)-int64(before))/float64(skus), "bytes/SKU")
}

// BenchmarkCatalogSize is CanBuy in catalogs of 1k, 100k and 1M SKUs (two per product), with
// the memory a catalog holds per SKU (bytes/SKU). CanBuy is one index lookup, so its time
// should barely grow with the catalog; BenchmarkMapLookup is the floor to compare both with.
//
// Bytes per SKU at 100k (1M): the SKU's row in the rows slab, 56; half a product record in
// the products slab, 48, and of its packed images, 8, and its list of rows, 4; the slots of
// the SKU and product indexes, 31 (25: an index is 3/8 to 3/4 full); the strings the benchmark
// made that the catalog keeps (the SKU ID, half a product ID and title), 36; the attribute
// lists, which SKUs with the same attributes share, about 0. In all 184 (177).
// BenchmarkCatalogSizeDistinct measures the case where nothing is shared.
func BenchmarkCatalogSize(b *testing.B) {
	benchCatalog(b, 1) // what the first catalog of a process builds once (the validator's cache) is not the catalog's
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("skus=%d", n), func(b *testing.B) {
			before := heapAfterGC()
			c := benchCatalog(b, n/2)
			after := heapAfterGC()
			// A product in the shown category, listed, whose "-a" SKU has stock.
			id := fmt.Sprintf("p%06d", n/4/10*10)
			sku := id + "-a"
			b.ReportAllocs()
			for b.Loop() {
				if err := c.CanBuy(id, sku, 2); err != nil {
					b.Fatal(err)
				}
			}
			reportBytesPerSKU(b, before, after, n)
			runtime.KeepAlive(c)
		})
	}
}

// baselineSKU is what the plainest possible store keeps per SKU to answer CanBuy: its product,
// its counters and whether it is on sale.
type baselineSKU struct {
	productID       string
	total, reserved int
	onSale          bool
}

// BenchmarkMapLookup is the baseline for BenchmarkCatalogSize: the same question asked of a
// plain map[string]struct{...} keyed by SKU ID, at the same sizes, with the same IDs.
func BenchmarkMapLookup(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("skus=%d", n), func(b *testing.B) {
			before := heapAfterGC()
			m := make(map[string]baselineSKU)
			for i := range n / 2 {
				id := fmt.Sprintf("p%06d", i)
				m[id+"-a"] = baselineSKU{productID: id, total: 1000, onSale: i%10 < 8}
				m[id+"-b"] = baselineSKU{productID: id, total: i % 3, onSale: i%10 < 8}
			}
			after := heapAfterGC()
			id := fmt.Sprintf("p%06d", n/4/10*10)
			sku := id + "-a"
			canBuy := func(productID, skuID string, qty int) bool {
				s, ok := m[skuID]
				return ok && s.productID == productID && s.onSale && s.total-s.reserved >= qty
			}
			b.ReportAllocs()
			for b.Loop() {
				if !canBuy(id, sku, 2) {
					b.Fatal("cannot buy")
				}
			}
			reportBytesPerSKU(b, before, after, n)
			runtime.KeepAlive(m)
		})
	}
}
