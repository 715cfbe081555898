package shipping_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

var benchSizes = []int{10, 100, 10_000}

// benchSKUsPerProduct keeps products within the catalog's 100 attribute values per key.
const benchSKUsPerProduct = 50

func benchProduct(i int) string { return fmt.Sprintf("p%d", i/benchSKUsPerProduct) }
func benchSKU(i int) string     { return fmt.Sprintf("s%d", i) }

// benchRequest is the benchmark's shipment: an order of n lines of 2 units each, shipped whole
// in 4 parcels (lines in order), with 2 closed after-sales and every live SKU unchanged.
func benchRequest(tb testing.TB, n int) shipping.Request {
	tb.Helper()
	c := catalog.New()
	require.NoError(tb, c.AddCategory(catalog.CategoryParams{ID: "c", Name: "服装"}))
	for start := 0; start < n; start += benchSKUsPerProduct {
		var skus []catalog.SKUParams
		for i := start; i < min(n, start+benchSKUsPerProduct); i++ {
			skus = append(skus, catalog.SKUParams{ID: benchSKU(i), Price: dec("10.00"), Stock: 10,
				Attrs: []catalog.Attr{{Key: "颜色", Value: fmt.Sprintf("c%d", i)}}})
		}
		require.NoError(tb, c.AddProduct(catalog.ProductParams{ID: benchProduct(start), Title: "T恤",
			CategoryID: "c", Images: []string{"x.jpg"}, SKUs: skus}))
	}
	lines := make([]order.LineParams, n)
	for i := range lines {
		snap, err := c.Snapshot(benchProduct(i), benchSKU(i))
		require.NoError(tb, err)
		lines[i] = order.LineParams{Snapshot: snap, Quantity: 2, UnitPrice: snap.Price, Paid: dec("20.00")}
	}
	o, err := order.New(order.NewParams{ID: "bench", Seller: catalog.SellerWeChatShop, Buyer: "b",
		Lines: lines, Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: tOrder})
	require.NoError(tb, err)
	_, err = o.Pay(tPay)
	require.NoError(tb, err)

	var cases []*aftersale.Case
	for k := range 2 {
		it := order.Item{ProductID: benchProduct(k), SKUID: benchSKU(k), Quantity: 1}
		ac, _, err := aftersale.Open(o, aftersale.Request{ID: fmt.Sprintf("AS-%d", k), Kind: aftersale.KindRefund,
			Items: []order.Item{it}, Reason: aftersale.ReasonNoLongerWant}, tPay.Add(time.Minute))
		require.NoError(tb, err)
		_, err = ac.Cancel(o, tPay.Add(2*time.Minute))
		require.NoError(tb, err)
		cases = append(cases, ac)
	}

	parcels := make([]order.Parcel, 4)
	for p := range parcels {
		parcels[p] = order.Parcel{Carrier: "SF", TrackingNumber: tracking(p + 1)}
	}
	for i := range n {
		p := i * len(parcels) / n
		parcels[p].Items = append(parcels[p].Items, order.Item{ProductID: benchProduct(i), SKUID: benchSKU(i), Quantity: 2})
	}
	return shipping.Request{Order: o, Cases: cases, SKUs: c, Parcels: parcels, Complete: true,
		Carriers: testCarriers, At: tShip}
}

// benchLines runs one sub-benchmark per size: prepare builds the operation for the size's
// request (outside the timer), and the metric ns/line is the targets' unit.
func benchLines(b *testing.B, prepare func(b *testing.B, req shipping.Request) func()) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			op := prepare(b, benchRequest(b, n))
			b.ReportAllocs()
			for b.Loop() {
				op()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		require.True(b, shipping.Check(req).OK())
		return func() { _ = shipping.Check(req) }
	})
}

// BenchmarkCheckCatalogChanged is BenchmarkCheck when the catalog did change after the order,
// in the two other ways Check meets it: other SKUs were repriced (the catalog names them, and
// every line is compared by name with those few), or the catalog cannot tell what changed (the
// snapshots carry no catalog version, as when decoded from the platform), so that every line
// is looked up.
func BenchmarkCheckCatalogChanged(b *testing.B) {
	b.Run("others-repriced", func(b *testing.B) {
		benchLines(b, func(b *testing.B, req shipping.Request) func() {
			repriceOthers(b, req.SKUs.(*catalog.Catalog), 4)
			require.True(b, shipping.Check(req).OK())
			return func() { _ = shipping.Check(req) }
		})
	})
	b.Run("version-unknown", func(b *testing.B) {
		benchLines(b, func(b *testing.B, req shipping.Request) func() {
			req.Order = withoutCatalogVersion(b, req.Order)
			require.True(b, shipping.Check(req).OK())
			return func() { _ = shipping.Check(req) }
		})
	})
}

// repriceOthers adds a product of n SKUs that no order holds and reprices each of them.
func repriceOthers(tb testing.TB, c *catalog.Catalog, n int) {
	tb.Helper()
	var skus []catalog.SKUParams
	var update catalog.NoReviewUpdate
	for i := range n {
		id := fmt.Sprintf("other-%d", i)
		skus = append(skus, catalog.SKUParams{ID: id, Price: dec("10.00"), Stock: 10,
			Attrs: []catalog.Attr{{Key: "颜色", Value: id}}})
		update.SKUs = append(update.SKUs, catalog.NoReviewSKU{ID: id, Price: decimal.NewNullDecimal(dec("9.00"))})
	}
	require.NoError(tb, c.AddProduct(catalog.ProductParams{ID: "other", Title: "别的", CategoryID: "c",
		Images: []string{"x.jpg"}, SKUs: skus}))
	require.NoError(tb, c.List("other"))
	require.NoError(tb, c.UpdateWithoutReview("other", update))
	_, ok := c.ChangedSince(nil, c.Version())
	require.True(tb, ok)
}

// withoutCatalogVersion restores o with snapshots that carry no catalog version.
func withoutCatalogVersion(tb testing.TB, o *order.Order) *order.Order {
	tb.Helper()
	st := o.Snapshot()
	for i := range st.Lines {
		st.Lines[i].Snapshot.CatalogVersion = catalog.Version{}
	}
	out, err := order.Restore(st)
	require.NoError(tb, err)
	require.True(tb, out.CatalogVersion().IsZero())
	return out
}

// BenchmarkNaiveCheck is the straightforward map-based check (naiveCheck) on the same input:
// the reference Check must beat by 2×.
func BenchmarkNaiveCheck(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		require.Empty(b, naiveCheck(req))
		return func() { _ = naiveCheck(req) }
	})
}

// BenchmarkShipmentProblems is the order's share of Check: its shipment rules alone.
func BenchmarkShipmentProblems(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		return func() {
			for range req.Order.ShipmentProblems(req.Parcels, req.Complete) {
				b.Fatal("unexpected problem")
			}
		}
	})
}

// BenchmarkOrderLines is what copying the order's lines (Order.Lines) costs.
func BenchmarkOrderLines(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		return func() { _ = req.Order.Lines() }
	})
}

// BenchmarkDriftOfSnapshot is the catalog's share of Check: one in-place drift query per line.
func BenchmarkDriftOfSnapshot(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		lines := req.Order.Lines()
		c := req.SKUs.(*catalog.Catalog)
		return func() {
			for i := range lines {
				if c.DriftOfSnapshot(&lines[i].Snapshot).Any() {
					b.Fatal("drift")
				}
			}
		}
	})
}

// naiveCheck is the straightforward way to write the check: index everything in maps, then
// walk the parcels. It returns the codes it finds (no messages), which is enough to compare
// speed on inputs where both find nothing.
func naiveCheck(req shipping.Request) []shipping.Code {
	var out []shipping.Code
	o := req.Order
	all := o.Lines()
	lines := make(map[string]*order.Line, len(all))
	for i := range all {
		lines[all[i].Snapshot.SKUID] = &all[i]
	}
	used := map[string]bool{}
	for _, p := range o.Parcels() {
		used[p.TrackingNumber] = true
	}
	st := o.Status()
	if st != order.StatusPendingShipment && st != order.StatusPartiallyShipped {
		out = append(out, shipping.CodeOrderCancelled)
	}
	for _, ac := range req.Cases {
		if ac.OpenAt(req.At) {
			out = append(out, shipping.CodeAfterSaleOpen)
		}
	}
	inParcel := map[string]int{}
	shipped := map[string]int{}
	for pi, p := range req.Parcels {
		if _, ok := req.Carriers.Lookup(p.Carrier); !ok {
			out = append(out, shipping.CodeCarrierUnknown)
		}
		if req.Carriers.ValidateTracking(p.Carrier, p.TrackingNumber) != nil {
			out = append(out, shipping.CodeTrackingInvalid)
		}
		if used[p.TrackingNumber] {
			out = append(out, shipping.CodeTrackingDuplicate)
		}
		used[p.TrackingNumber] = true
		if len(p.Items) == 0 {
			out = append(out, shipping.CodeParcelEmpty)
		}
		for _, it := range p.Items {
			l, ok := lines[it.SKUID]
			switch {
			case it.Quantity <= 0:
				out = append(out, shipping.CodeQuantityInvalid)
				continue
			case !ok || l.Snapshot.ProductID != it.ProductID:
				out = append(out, shipping.CodeSKUUnknown)
				continue
			}
			if first, seen := inParcel[it.SKUID]; seen && first != pi {
				out = append(out, shipping.CodeSKUSplit)
			}
			inParcel[it.SKUID] = pi
			shipped[it.SKUID] += it.Quantity
			if l.OnAfterSale > 0 {
				out = append(out, shipping.CodeAfterSaleOpen)
			}
			if it.Quantity > l.Quantity-l.Shipped {
				out = append(out, shipping.CodeOverShipment)
			} else if it.Quantity > l.Remaining() {
				out = append(out, shipping.CodeUnitsRefunded)
			}
			live, found := req.SKUs.LookupSKU(it.ProductID, it.SKUID)
			if catalog.DriftOf(l.Snapshot, live, found).Any() {
				out = append(out, shipping.CodeSKUDrift)
			}
		}
	}
	if req.Complete {
		for sku, l := range lines {
			if shipped[sku] < l.Remaining() {
				out = append(out, shipping.CodeShipmentIncomplete)
			}
		}
	}
	return out
}

// TestNaiveCheckAgrees keeps the reference honest: on the benchmark's input and on a few broken
// variants it finds the same codes as Check (as sets).
func TestNaiveCheckAgrees(t *testing.T) {
	t.Parallel()
	req := benchRequest(t, 40)
	assert.Empty(t, naiveCheck(req))
	assert.True(t, shipping.Check(req).OK())

	broken := req
	broken.Parcels = append([]order.Parcel(nil), req.Parcels...)
	broken.Parcels[1].Items = append([]order.Item{{ProductID: "p0", SKUID: benchSKU(0), Quantity: 2}}, req.Parcels[1].Items[1:]...)
	broken.Parcels[2].TrackingNumber = "SF 1"
	assert.ElementsMatch(t, uniq(naiveCheck(broken)), shipping.Check(broken).Codes())
}

func uniq(cs []shipping.Code) []shipping.Code {
	var out []shipping.Code
	seen := map[shipping.Code]bool{}
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
