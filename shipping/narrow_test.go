package shipping_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/shipping"
)

// TestPropertyNarrowingChangesNothing states the promise of the change log: asking the catalog
// which SKUs changed since the order (none, a few, or more than the pass compares by name) gives
// the same report as comparing every line through LookupSKU (lookupOnly). The changes are random: repricing SKUs of the order
// and others, pricing them back, deleting and purging.
func TestPropertyNarrowingChangesNothing(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(11, 2026))
	paths := map[string]int{}
	accepted, drifted := 0, 0
	for i := range 400 {
		c := newShop(t, 8)
		qty := make([]int, 1+rnd.IntN(5))
		for j := range qty {
			qty[j] = 1 + rnd.IntN(3)
		}
		o := newOrder(t, c, fmt.Sprintf("o-%d", i), qty...)
		for range rnd.IntN(20) {
			if randomChange(rnd, c) == nil {
				accepted++
			}
		}
		changed, ok := c.ChangedSince(nil, o.CatalogVersion())
		require.True(t, ok, "the order's version is this catalog's")
		switch {
		case len(changed) == 0:
			paths["unchanged"]++
		case len(changed) <= 8:
			paths["narrowed"]++
		default:
			paths["every line"]++
		}

		req := request(o, c, everything(o))
		req.Complete = true
		want := shipping.Check(request(o, lookupOnly{c}, req.Parcels...))
		got := shipping.Check(req)
		require.Equal(t, codes(want), codes(got), "order %d after %d changes", i, len(changed))
		require.Equal(t, want.Blockers, got.Blockers)
		if got.Has(shipping.CodeSKUDrift) {
			drifted++
		}
	}
	assert.Greater(t, accepted, 1000, "the catalog changed")
	assert.Greater(t, drifted, 100, "and the changes reached the order's SKUs")
	for _, path := range []string{"unchanged", "narrowed", "every line"} {
		assert.Greater(t, paths[path], 20, "path %q taken too rarely: %v", path, paths)
	}
}

// randomChange makes one change to the shop's catalog, or tries to: repricing to a new or the
// same price, deleting, purging. It returns the catalog's refusal (a deleted SKU, the last live
// one, a purge of a live one), after which the catalog is as it was: also a case worth checking.
func randomChange(rnd *rand.Rand, c *catalog.Catalog) error {
	sku := skuID(1 + rnd.IntN(8))
	var err error
	switch rnd.IntN(6) {
	case 0, 1, 2:
		price := decimal.New(int64(900+100*rnd.IntN(3)), -2) // 9.00, 10.00 (the original) or 11.00
		err = c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: sku, Price: decimal.NewNullDecimal(price)}}})
	case 3, 4:
		err = c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: sku, Delete: true}}})
	case 5:
		err = c.PurgeSKU("tee", sku)
	}
	return err
}
