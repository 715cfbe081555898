package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestDrifted(t *testing.T) {
	t.Parallel()
	price := func(p string) catalog.NoReviewSKU {
		return catalog.NoReviewSKU{ID: "tea-250", Price: decimal.NewNullDecimal(yuan(p))}
	}
	tests := []struct {
		name   string
		change func(t *testing.T, c *catalog.Catalog)
		snap   func(s catalog.Snapshot) catalog.Snapshot
		want   catalog.Drift
	}{
		{name: "unchanged", want: catalog.DriftNone},
		{name: "stock moves are not drift", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.Reserve("tea", "tea-250", 3))
			require.NoError(t, c.AdjustStock("tea", "tea-250", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 5}))
		}, want: catalog.DriftNone},
		{name: "price changed without review", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{price("118")}}))
		}, want: catalog.DriftPrice},
		{name: "price changed and changed back", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{price("118")}}))
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{price("128.0")}}))
		}, want: catalog.DriftNone},
		{name: "attributes changed through review", change: func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.SKUs[0].Attrs = attrs("规格", "250克")
			approve(t, c, p)
		}, want: catalog.DriftAttrs},
		{name: "price and attributes changed through review", change: func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.SKUs[0].Attrs = attrs("规格", "250克")
			p.SKUs[0].Price = yuan("99")
			approve(t, c, p)
		}, want: catalog.DriftPrice | catalog.DriftAttrs},
		{name: "deleted without review", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Delete: true}}}))
		}, want: catalog.DriftDeleted},
		{name: "left out of an approved draft", change: func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.SKUs = p.SKUs[1:]
			approve(t, c, p)
		}, want: catalog.DriftDeleted},
		{name: "snapshot built outside the catalog, revision 0, same content", snap: func(s catalog.Snapshot) catalog.Snapshot {
			s.Revision, s.CatalogVersion = 0, catalog.Version{}
			s.Price = yuan("128")
			return s
		}, want: catalog.DriftNone},
		{name: "snapshot built outside the catalog, revision 0, other price", snap: func(s catalog.Snapshot) catalog.Snapshot {
			s.Revision, s.CatalogVersion = 0, catalog.Version{}
			s.Price = yuan("1")
			return s
		}, want: catalog.DriftPrice},
		{name: "same revision, other price, no catalog version", snap: func(s catalog.Snapshot) catalog.Snapshot {
			s.CatalogVersion = catalog.Version{}
			s.Price = yuan("1")
			return s
		}, want: catalog.DriftPrice},
		{name: "snapshot of another SKU", snap: func(s catalog.Snapshot) catalog.Snapshot {
			s.SKUID = "tea-500"
			return s
		}, want: catalog.DriftDeleted},
		{name: "snapshot of another product", snap: func(s catalog.Snapshot) catalog.Snapshot {
			s.ProductID = "cup"
			return s
		}, want: catalog.DriftDeleted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			snap, err := c.Snapshot("tea", "tea-250")
			require.NoError(t, err)
			if tt.snap != nil {
				snap = tt.snap(snap)
			}
			if tt.change != nil {
				tt.change(t, c)
			}
			live, found := c.LookupSKU("tea", "tea-250")
			require.True(t, found, "deleted SKUs are still found")
			assert.Equal(t, tt.want, live.Drifted(snap), "got %v", live.Drifted(snap))
			assert.Equal(t, tt.want, catalog.DriftOf(snap, live, found))
			if snap.SKUID == "tea-250" { // DriftOfSnapshot looks up the snapshot's own SKU
				assert.Equal(t, tt.want, c.DriftOfSnapshot(&snap), "the in-place query agrees")
			}
		})
	}
}

// approve runs a draft through review.
func approve(t *testing.T, c *catalog.Catalog, p catalog.ProductParams) {
	t.Helper()
	require.NoError(t, c.UpdateProduct(p))
	require.NoError(t, c.SubmitForReview(p.ID))
	require.NoError(t, c.ApproveReview(p.ID))
}

func TestRevisionBumps(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	rev := func() uint32 { return mustSKU(t, c, "tea", "tea-250").Revision() }
	require.Equal(t, uint32(1), rev())
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: decimal.NewNullDecimal(yuan("128.00"))}}}))
	assert.Equal(t, uint32(1), rev(), "the same price (by value) is no change")
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Stock: catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 3}, Status: catalog.SKUDelisted}}}))
	assert.Equal(t, uint32(1), rev(), "stock and SKU status are not buyer-relevant changes to an order")
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: decimal.NewNullDecimal(yuan("127"))}}}))
	assert.Equal(t, uint32(2), rev())
	p := teaParams()
	p.SKUs[0].Price = yuan("127")
	p.SKUs[0].Code = "NEW"
	p.Title = "新标题"
	approve(t, c, p)
	assert.Equal(t, uint32(2), rev(), "code and title are not SKU drift")
	p.SKUs[0].Attrs = attrs("规格", "250克")
	approve(t, c, p)
	assert.Equal(t, uint32(3), rev())
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Delete: true}}}))
	assert.Equal(t, uint32(4), rev())
}

func TestDriftOfNotFound(t *testing.T) {
	t.Parallel()
	snap := catalog.Snapshot{ProductID: "p", SKUID: "s", Price: yuan("1"), Revision: 1}
	assert.Equal(t, catalog.DriftDeleted, catalog.DriftOf(snap, catalog.SKU{}, false))
}

func TestDriftText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d           catalog.Drift
		name, label string
		none, any   bool
	}{
		{catalog.DriftNone, "none", "未变更", true, false},
		{catalog.DriftPrice, "price", "价格已变更", false, true},
		{catalog.DriftAttrs, "attrs", "规格已变更", false, true},
		{catalog.DriftDeleted, "deleted", "规格已删除", false, true},
		{catalog.DriftPrice | catalog.DriftAttrs, "price|attrs", "价格已变更、规格已变更", false, true},
		{catalog.Drift(1 << 6), "unknown", "unknown", false, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.name, tt.d.String())
		assert.Equal(t, tt.label, tt.d.Label())
		assert.Equal(t, tt.none, tt.d.None())
		assert.Equal(t, tt.any, tt.d.Any())
	}
	d := catalog.DriftPrice | catalog.DriftDeleted
	assert.True(t, d.Has(catalog.DriftPrice))
	assert.True(t, d.Has(catalog.DriftPrice|catalog.DriftDeleted))
	assert.False(t, d.Has(catalog.DriftAttrs))
}

// TestDriftAcrossHistories: a revision means something only within one catalog's history. A
// catalog rebuilt from the platform (every SKU at revision 1 again) or a SKU purged and added
// back (revision 1 again) must not pass for the SKU an older snapshot saw.
func TestDriftAcrossHistories(t *testing.T) {
	t.Parallel()
	t.Run("rebuilt with another price", func(t *testing.T) {
		t.Parallel()
		old := newShop(t)
		snap, err := old.Snapshot("cup", "cup-1")
		require.NoError(t, err)
		require.Equal(t, uint32(1), snap.Revision)

		state, ok := old.ProductState("cup")
		require.True(t, ok)
		state.SKUs[0].Price = yuan("35.00") // repriced on the platform while the host was down
		rebuilt := catalog.New()
		require.NoError(t, rebuilt.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
		require.NoError(t, rebuilt.RestoreProduct(state))
		live := mustSKU(t, rebuilt, "cup", "cup-1")
		require.Equal(t, snap.Revision, live.Revision(), "the same revision number")

		assert.Equal(t, catalog.DriftPrice, rebuilt.DriftOfSnapshot(&snap))
		assert.Equal(t, catalog.DriftPrice, live.Drifted(snap))
	})
	t.Run("purged and added back", func(t *testing.T) {
		t.Parallel()
		c := newShop(t)
		snap, err := c.Snapshot("tea", "tea-500")
		require.NoError(t, err)
		require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
		require.NoError(t, c.PurgeSKU("tea", "tea-500"))
		p := teaParams()
		p.SKUs[1].Price = yuan("199.00")
		approve(t, c, p)
		live := mustSKU(t, c, "tea", "tea-500")
		require.Equal(t, snap.Revision, live.Revision(), "a new SKU under the old ID, at revision 1 again")

		assert.Equal(t, catalog.DriftPrice, c.DriftOfSnapshot(&snap))
		assert.Equal(t, catalog.DriftPrice, live.Drifted(snap))
	})
}
