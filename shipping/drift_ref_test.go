package shipping

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
)

// refDrift is the drift check as it was first written (a closure cursor, every line copied
// twice, the product compared before the query), kept as the reference the faster walk must
// agree with: the same blockers, in the same order.
func refDrift(req Request) []Blocker {
	if isNil(req.SKUs) {
		return nil
	}
	var out []Blocker
	var reported []int
	cat, _ := req.SKUs.(*catalog.Catalog)
	var fast snapshotDrifter
	if cat == nil {
		fast, _ = req.SKUs.(snapshotDrifter)
	}
	line := func(li int, l *order.Line, pi int, it *order.Item) {
		if l.Snapshot.ProductID != it.ProductID {
			return
		}
		var d catalog.Drift
		var live catalog.SKU
		switch {
		case cat != nil:
			d = cat.DriftOfSnapshot(&l.Snapshot)
		case fast != nil:
			snap := l.Snapshot
			d = fast.DriftOfSnapshot(&snap)
		default:
			var found bool
			live, found = req.SKUs.LookupSKU(it.ProductID, it.SKUID)
			d = catalog.DriftOf(l.Snapshot, live, found)
		}
		if d.None() || slices.Contains(reported, li) {
			return
		}
		reported = append(reported, li)
		if cat != nil || fast != nil {
			live, _ = req.SKUs.LookupSKU(it.ProductID, it.SKUID)
		}
		out = append(out, driftBlocker(pi, l.Snapshot, live, d))
	}
	o, parcels := req.Order, req.Parcels
	pi, ii := 0, 0
	next := func() bool {
		for ; pi < len(parcels); pi, ii = pi+1, 0 {
			for items := parcels[pi].Items; ii < len(items); ii++ {
				if items[ii].Quantity > 0 {
					return true
				}
			}
		}
		return false
	}
	more := next()
	for li, l := range o.Lines() {
		if !more {
			break
		}
		it := &parcels[pi].Items[ii]
		if it.SKUID != l.Snapshot.SKUID {
			continue
		}
		line(li, &l, pi, it)
		ii++
		more = next()
	}
	index := map[string]int{}
	for i, l := range o.Lines() {
		index[l.Snapshot.SKUID] = i
	}
	for more {
		it := &parcels[pi].Items[ii]
		if li, ok := index[it.SKUID]; ok {
			l := o.Lines()[li]
			line(li, &l, pi, it)
		}
		ii++
		more = next()
	}
	return out
}

// lookupOnly hides the catalog's in-place query: the LookupSKU + DriftOf path.
type lookupOnly struct{ c *catalog.Catalog }

func (l lookupOnly) LookupSKU(p, s string) (catalog.SKU, bool) { return l.c.LookupSKU(p, s) }

// withDrifter is a lookup that is not the catalog but has its in-place query.
type withDrifter struct{ lookupOnly }

func (l withDrifter) DriftOfSnapshot(s *catalog.Snapshot) catalog.Drift {
	return l.c.DriftOfSnapshot(s)
}

// driftWorld is a catalog of two products (tee: 24 SKUs, mug: 4) and variants of it in which
// random SKUs changed price, were deleted, or were purged.
func driftWorld(t *testing.T, rnd *rand.Rand) (orig *catalog.Catalog, variants []*catalog.Catalog) {
	build := func() *catalog.Catalog {
		c := catalog.New()
		require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "c", Name: "服装"}))
		for _, p := range []struct {
			id string
			n  int
		}{{"tee", 24}, {"mug", 4}} {
			var skus []catalog.SKUParams
			for i := range p.n {
				skus = append(skus, catalog.SKUParams{ID: fmt.Sprintf("%s-%d", p.id, i), Price: decimal.NewFromInt(10), Stock: 9,
					Attrs: []catalog.Attr{{Key: "颜色", Value: fmt.Sprintf("c%d", i)}}})
			}
			require.NoError(t, c.AddProduct(catalog.ProductParams{ID: p.id, Title: p.id, CategoryID: "c",
				Images: []string{"x.jpg"}, SKUs: skus}))
			require.NoError(t, c.List(p.id))
		}
		return c
	}
	orig = build()
	for range 3 {
		c := build()
		for i := range 24 {
			id := fmt.Sprintf("tee-%d", i)
			switch rnd.IntN(8) {
			case 0:
				require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
					{ID: id, Price: decimal.NewNullDecimal(decimal.NewFromInt(12))}}}))
			case 1, 2:
				require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: id, Delete: true}}}))
				if rnd.IntN(2) == 0 {
					require.NoError(t, c.PurgeSKU("tee", id))
				}
			}
		}
		variants = append(variants, c)
	}
	return orig, variants
}

// randomDriftRequest is a paid order of 1–28 lines in random order, and 0–4 parcels whose
// items follow the lines (often) or not, with unknown SKUs, other products, bad quantities and
// repeats now and then.
func randomDriftRequest(t *testing.T, rnd *rand.Rand, orig *catalog.Catalog, lookups []SKULookup) Request {
	ids := []string{}
	for i := range 24 {
		ids = append(ids, fmt.Sprintf("tee-%d", i))
	}
	for i := range 4 {
		ids = append(ids, fmt.Sprintf("mug-%d", i))
	}
	rnd.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	ids = ids[:1+rnd.IntN(len(ids))]
	product := func(id string) string { return id[:3] }
	var lines []order.LineParams
	for _, id := range ids {
		snap, err := orig.Snapshot(product(id), id)
		require.NoError(t, err)
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: 2, UnitPrice: snap.Price, Paid: snap.Price.Mul(decimal.NewFromInt(2))})
	}
	at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	o, err := order.New(order.NewParams{ID: "o", Seller: catalog.SellerWeChatShop, Buyer: "b", Lines: lines, CreatedAt: at})
	require.NoError(t, err)
	_, err = o.Pay(at.Add(time.Hour))
	require.NoError(t, err)

	inOrder := rnd.IntN(2) == 0
	li := 0
	parcels := make([]order.Parcel, rnd.IntN(5))
	for pi := range parcels {
		for range rnd.IntN(8) {
			var id string
			if inOrder {
				li += rnd.IntN(3) // skip a line now and then
				if li >= len(ids) {
					break
				}
				id = ids[li]
				li++
			} else {
				id = ids[rnd.IntN(len(ids))]
			}
			it := order.Item{ProductID: product(id), SKUID: id, Quantity: 2}
			switch rnd.IntN(12) {
			case 0:
				it.SKUID = "tee-99" // not in the order
			case 1:
				it.ProductID = "mug" // another product's SKU id
				if product(id) == "mug" {
					it.ProductID = "tee"
				}
			case 2:
				it.Quantity = rnd.IntN(2) - 1 // 0 or -1
			case 3:
				it.Quantity = 1
			}
			parcels[pi].Items = append(parcels[pi].Items, it)
		}
	}
	return Request{Order: o, SKUs: lookups[rnd.IntN(len(lookups))], Parcels: parcels}
}

// TestDriftMatchesReference: on random orders, parcels and catalog changes, through each kind
// of lookup, the drift check finds exactly the reference's blockers, in the same order.
func TestDriftMatchesReference(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(6, 30))
	orig, variants := driftWorld(t, rnd)
	var lookups []SKULookup
	for _, c := range append(variants, orig) {
		lookups = append(lookups, c, lookupOnly{c}, withDrifter{lookupOnly{c}})
	}
	drifted := 0
	for i := range 3000 {
		req := randomDriftRequest(t, rnd, orig, lookups)
		c := checker{req: req}
		c.drift()
		want := refDrift(req)
		require.Equal(t, want, c.r.Blockers, "request %d", i)
		drifted += len(want)
	}
	require.Greater(t, drifted, 1000, "the random requests must drift often enough to test something")
}
