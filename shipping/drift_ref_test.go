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
	"github.com/wxshop-go/wxshop/shop"
)

// refDrift is the drift check written the plain way (a closure cursor, every line copied,
// a SKU index built every time, and the catalog asked only through LookupSKU and SKU.Drifted,
// the rule as the catalog states it), kept as the reference the faster walk must agree with:
// the same blockers, in the same order. When the lookup is the catalog itself, the fast walk
// asks (*catalog.Catalog).DriftOf instead, so the reference also holds DriftOf to LookupSKU
// followed by Drifted.
func refDrift(req Request) []Blocker {
	if isNil(req.SKUs) {
		return nil
	}
	var out []Blocker
	var reported []int
	line := func(li int, l *order.Line, pi int, it *order.Item) {
		snap := l.Snapshot()
		if snap.ProductID() != it.ProductID {
			return
		}
		live, found := req.SKUs.LookupSKU(it.ProductID, it.SKUID)
		d := catalog.DriftDeleted
		if found {
			d = live.Drifted(snap)
		}
		if d.None() || slices.Contains(reported, li) {
			return
		}
		reported = append(reported, li)
		out = append(out, driftBlocker(pi, snap, live, d))
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
		if it.SKUID != l.SKUID() {
			continue
		}
		line(li, &l, pi, it)
		ii++
		more = next()
	}
	index := map[string]int{}
	for i, l := range o.Lines() {
		index[l.SKUID()] = i
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

// lookupOnly hides the catalog's own query (DriftOf): a host lookup with LookupSKU alone.
type lookupOnly struct{ c *catalog.Catalog }

func (l lookupOnly) LookupSKU(p, s string) (catalog.SKU, bool) { return l.c.LookupSKU(p, s) }

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

// forged is snap with the same IDs and revision but another content, as a snapshot rebuilt
// from outside the catalog (a host's database, the platform's payload) can be: another price,
// other attributes, both, or the same content.
func forged(t *testing.T, rnd *rand.Rand, snap catalog.Snapshot) catalog.Snapshot {
	p := snap.Params()
	switch rnd.IntN(4) {
	case 0:
		p.Price = p.Price.Add(decimal.New(1, -2))
	case 1:
		p.Attrs = []catalog.Attr{{Key: "颜色", Value: "forged"}}
	case 2:
		p.Price, p.Attrs = decimal.NewFromInt(12), nil
	}
	out, err := catalog.NewSnapshot(p)
	require.NoError(t, err)
	require.Equal(t, snap.Revision(), out.Revision())
	return out
}

// randomDriftRequest is a paid order of 1–28 lines in random order (some of them with forged
// snapshots), and 0–4 parcels whose
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
		if rnd.IntN(6) == 0 {
			snap = forged(t, rnd, snap)
		}
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: 2, UnitPrice: snap.Price(), Paid: snap.Price().Mul(decimal.NewFromInt(2))})
	}
	at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	o, err := order.New(order.NewParams{ID: "o", Seller: shop.WeChatShop, Buyer: "b", Lines: lines, CreatedAt: at})
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
		lookups = append(lookups, c, lookupOnly{c})
	}
	drifted := 0
	for i := range 3000 {
		req := randomDriftRequest(t, rnd, orig, lookups)
		c := checker{req: req}
		c.orderRules()
		want := refDrift(req)
		require.Equal(t, want, c.drifts, "request %d", i)
		drifted += len(want)
	}
	require.Greater(t, drifted, 1000, "the random requests must drift often enough to test something")
}
