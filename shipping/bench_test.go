package shipping_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/shop"
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
		lines[i] = order.LineParams{Snapshot: snap, Quantity: 2, UnitPrice: snap.Price(), Paid: dec("20.00")}
	}
	o, err := order.New(order.NewParams{ID: "bench", Seller: shop.WeChatShop, Buyer: "b",
		Lines: lines, Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: tOrder})
	require.NoError(tb, err)
	_, err = o.Pay(tPay)
	require.NoError(tb, err)

	var cases []*aftersale.Case
	for k := range 2 {
		it := order.Item{ProductID: benchProduct(k), SKUID: benchSKU(k), Quantity: 1}
		ac, _, err := aftersale.Open(o, aftersale.Request{ID: fmt.Sprintf("AS-%d", k), Kind: aftersale.KindRefund,
			Items: []order.Item{it}, Reason: aftersale.ReasonNoLongerWant}, tPay.Add(time.Duration(2*k+1)*time.Minute))
		require.NoError(tb, err)
		_, err = ac.Cancel(o, tPay.Add(time.Duration(2*k+2)*time.Minute))
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

// BenchmarkCheckDecoded is BenchmarkCheck with the order as a host gets it from the platform:
// rebuilt through order.FromPlatform from its State, with snapshots made by catalog.NewSnapshot
// from the payload's text (fresh strings, no revision), as package wxapi decodes them. Drift is
// decided by content on every path, so this path costs what BenchmarkCheck costs.
func BenchmarkCheckDecoded(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		req.Order = decoded(b, req.Order)
		require.True(b, shipping.Check(req).OK())
		return func() { _ = shipping.Check(req) }
	})
}

// decoded rebuilds o through order.FromPlatform, from what the platform would report of it:
// each line's snapshot rebuilt from its text (copied, so that nothing is shared with the
// catalog's own strings) without a revision, the counters the payload carries, the parcels.
func decoded(tb testing.TB, o *order.Order) *order.Order {
	tb.Helper()
	st := o.State()
	p := order.PlatformOrder{ID: st.ID, Seller: st.Seller, Buyer: st.Buyer, Status: st.Status,
		CreatedAt: st.CreatedAt, UpdatedAt: st.UpdatedAt, PaidAt: st.PaidAt, ShipDoneAt: st.ShipDoneAt,
		Virtual: st.Virtual, Gift: st.Gift, GroupBuy: st.GroupBuy, Parcels: st.Parcels, Freight: st.Freight, Policy: st.Policy}
	changes := map[string]order.SKUChange{}
	for _, c := range st.SKUChanges {
		changes[c.From] = c
	}
	for _, l := range st.Lines {
		if l.AfterSaleDone > 0 {
			// finish_aftersale_sku_cnt counts done and refunded units alike; the payload's
			// after-sale details say which, for the whole order.
			p.FinishedWithGoods = true
		}
		sp := l.Snapshot.Params()
		sp.ProductID, sp.SKUID, sp.Title = strings.Clone(sp.ProductID), strings.Clone(sp.SKUID), strings.Clone(sp.Title)
		for i := range sp.Attrs {
			sp.Attrs[i] = catalog.Attr{Key: strings.Clone(sp.Attrs[i].Key), Value: strings.Clone(sp.Attrs[i].Value)}
		}
		sp.Revision = 0
		snap, err := catalog.NewSnapshot(sp)
		require.NoError(tb, err)
		p.Lines = append(p.Lines, order.PlatformLine{Snapshot: snap, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
			Paid: decimal.NewNullDecimal(l.Paid), OnAfterSale: l.OnAfterSale, FinishedAfterSale: l.Refunded + l.AfterSaleDone, Stock: l.Stock, ShipBy: l.ShipBy,
			SKUChange: changes[l.Snapshot.SKUID()]})
	}
	if p.FinishedWithGoods {
		for i, l := range st.Lines {
			require.Zero(tb, l.Refunded, "line %d: the platform cannot tell refunded from done units when both occur", i)
		}
	}
	out, err := order.FromPlatform(p)
	require.NoError(tb, err)
	require.Equal(tb, o.NumLines(), out.NumLines())
	for i, l := range out.All() {
		require.Zero(tb, l.Snapshot().Revision(), "line %d: the platform's snapshots carry no revision", i)
	}
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

// BenchmarkNaiveCheckDecoded is BenchmarkNaiveCheck on BenchmarkCheckDecoded's input: the
// baseline of the decoded path's target, the same order through both checks.
func BenchmarkNaiveCheckDecoded(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		req.Order = decoded(b, req.Order)
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

// BenchmarkDriftOf is the catalog's share of Check: one in-place drift query per line.
func BenchmarkDriftOf(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		snaps := make([]catalog.Snapshot, 0, req.Order.NumLines())
		for _, l := range req.Order.All() {
			snaps = append(snaps, l.Snapshot())
		}
		c := req.SKUs.(*catalog.Catalog)
		return func() {
			for i := range snaps {
				if c.DriftOf(&snaps[i]).Any() {
					b.Fatal("drift")
				}
			}
		}
	})
}

// naiveCheck is the straightforward way to write the check: index everything in maps, then
// walk the parcels. It returns the codes it finds (no messages), which is enough to compare
// speed on inputs where both find nothing.
func naiveCheck(req shipping.Request) []order.Rule {
	var out []order.Rule
	o := req.Order
	all := o.Lines()
	lines := make(map[string]*order.Line, len(all))
	for i := range all {
		lines[all[i].SKUID()] = &all[i]
	}
	used := map[string]bool{}
	for _, p := range o.Parcels() {
		used[p.TrackingNumber] = true
	}
	st := o.Status()
	if st != order.StatusPendingShipment && st != order.StatusPartiallyShipped {
		out = append(out, order.RuleOrderCancelled)
	}
	for _, ac := range req.Cases {
		if ac.BlocksShipping(req.At) {
			out = append(out, order.RuleAfterSaleOpen)
		}
	}
	inParcel := map[string]int{}
	shipped := map[string]int{}
	for pi, p := range req.Parcels {
		if _, ok := req.Carriers.Lookup(p.Carrier); p.Carrier == "" {
			out = append(out, order.RuleCarrierMissing)
		} else if !ok {
			out = append(out, order.RuleCarrierUnknown)
		}
		if p.TrackingNumber == "" {
			out = append(out, order.RuleTrackingMissing)
		} else if req.Carriers.ValidateTracking(p.Carrier, p.TrackingNumber) != nil {
			out = append(out, order.RuleTrackingInvalid)
		}
		if used[p.TrackingNumber] {
			out = append(out, order.RuleTrackingDuplicate)
		}
		used[p.TrackingNumber] = true
		if len(p.Items) == 0 {
			out = append(out, order.RuleParcelEmpty)
		}
		for _, it := range p.Items {
			l, ok := lines[it.SKUID]
			switch {
			case it.Quantity <= 0:
				out = append(out, order.RuleQuantityInvalid)
				continue
			case !ok || l.ProductID() != it.ProductID:
				out = append(out, order.RuleSKUUnknown)
				continue
			}
			if first, seen := inParcel[it.SKUID]; seen && first != pi {
				out = append(out, order.RuleSKUSplit)
			}
			inParcel[it.SKUID] = pi
			shipped[it.SKUID] += it.Quantity
			if l.OnAfterSale() > 0 {
				out = append(out, order.RuleAfterSaleOpen)
			}
			if it.Quantity > l.Quantity()-l.Shipped() {
				out = append(out, order.RuleOverShipment)
			} else if it.Quantity > l.Remaining() {
				out = append(out, order.RuleUnitsRefunded)
			}
			if live, found := req.SKUs.LookupSKU(it.ProductID, it.SKUID); !found || live.Drifted(l.Snapshot()).Any() {
				out = append(out, order.RuleSKUDrift)
			}
		}
	}
	if req.Complete {
		for sku, l := range lines {
			if shipped[sku] < l.Remaining() {
				out = append(out, order.RuleShipmentIncomplete)
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

func uniq(cs []order.Rule) []order.Rule {
	var out []order.Rule
	seen := map[order.Rule]bool{}
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
