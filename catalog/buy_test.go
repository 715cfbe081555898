package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestCanBuy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		change        func(t *testing.T, c *catalog.Catalog)
		product, sku  string
		qty           int
		want          error
		viewAvailable catalog.Availability // what BuyerView says of the product
	}{
		{name: "buyable", product: "tea", sku: "tea-250", qty: 10, viewAvailable: catalog.Buyable},
		{name: "more than available", product: "tea", sku: "tea-250", qty: 11, want: catalog.ErrOutOfStock, viewAvailable: catalog.Buyable},
		{name: "SKU with no stock", product: "tea", sku: "tea-500", qty: 1, want: catalog.ErrOutOfStock, viewAvailable: catalog.Buyable},
		{name: "stop 1: stock set to 0", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 0}))
		}, product: "cup", sku: "cup-1", qty: 1, want: catalog.ErrOutOfStock, viewAvailable: catalog.OutOfStock},
		{name: "reserved units are not available", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.Reserve("cup", "cup-1", 5))
		}, product: "cup", sku: "cup-1", qty: 1, want: catalog.ErrOutOfStock, viewAvailable: catalog.OutOfStock},
		{name: "stop 2: delisted", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.Delist("cup"))
		}, product: "cup", sku: "cup-1", qty: 1, want: catalog.ErrDelisted, viewAvailable: catalog.Delisted},
		{name: "delisted beats out of stock", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.Delist("tea"))
		}, product: "tea", sku: "tea-500", qty: 1, want: catalog.ErrDelisted, viewAvailable: catalog.Delisted},
		{name: "delisted by the platform for a violation", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.SetStatus("cup", catalog.StatusViolation))
		}, product: "cup", sku: "cup-1", qty: 1, want: catalog.ErrDelisted, viewAvailable: catalog.Delisted},
		{name: "never listed", change: func(t *testing.T, c *catalog.Catalog) {
			p := cupParams()
			p.ID, p.SKUs[0].ID = "cup2", "cup2-1"
			require.NoError(t, c.AddProduct(p))
		}, product: "cup2", sku: "cup2-1", qty: 1, want: catalog.ErrDelisted, viewAvailable: catalog.Delisted},
		{name: "stop 3: category hidden", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.HideCategory("seasonal"))
		}, product: "mooncake", sku: "mooncake-6", qty: 1, want: catalog.ErrHiddenCategory, viewAvailable: catalog.InHiddenCategory},
		{name: "category shown again", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.HideCategory("seasonal"))
			require.NoError(t, c.HideCategory("seasonal"))
			require.NoError(t, c.ShowCategory("seasonal"))
		}, product: "mooncake", sku: "mooncake-6", qty: 1, viewAvailable: catalog.Buyable},
		{name: "SKU delisted", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Status: catalog.SKUDelisted}}}))
		}, product: "tea", sku: "tea-250", qty: 1, want: catalog.ErrDelisted, viewAvailable: catalog.OutOfStock},
		{name: "SKU deleted", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Delete: true}}}))
		}, product: "tea", sku: "tea-250", qty: 1, want: catalog.ErrSKUDeleted, viewAvailable: catalog.OutOfStock},
		{name: "unknown SKU", product: "tea", sku: "tea-1kg", qty: 1, want: catalog.ErrNotFound, viewAvailable: catalog.Buyable},
		{name: "SKU of another product", product: "cup", sku: "tea-250", qty: 1, want: catalog.ErrNotFound, viewAvailable: catalog.Buyable},
		{name: "zero quantity", product: "tea", sku: "tea-250", qty: 0, want: catalog.ErrInvalidQuantity, viewAvailable: catalog.Buyable},
		{name: "negative quantity", product: "tea", sku: "tea-250", qty: -1, want: catalog.ErrInvalidQuantity, viewAvailable: catalog.Buyable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			if tt.change != nil {
				tt.change(t, c)
			}
			before := dumpState(c)
			err := c.CanBuy(tt.product, tt.sku, tt.qty)
			assert.Equal(t, tt.want, err, "CanBuy returns the bare sentinel")
			if v, err := c.BuyerView(tt.product); err == nil {
				assert.Equal(t, tt.viewAvailable, v.Availability, "view: %s", v.Availability.Label())
			}
			assert.Equal(t, before, dumpState(c), "queries change nothing")
		})
	}
}

func TestBuyerView(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	v, err := c.BuyerView("tea")
	require.NoError(t, err)
	assert.Equal(t, "tea", v.ID)
	assert.Equal(t, "西湖龙井", v.Title)
	assert.Equal(t, "tea-1.jpg", v.Cover)
	assert.Equal(t, catalog.Buyable, v.Availability)
	require.Len(t, v.SKUs, 2)
	assert.Equal(t, "tea-250", v.SKUs[0].ID)
	assert.Equal(t, attrs("规格", "250g"), v.SKUs[0].Attrs)
	assert.Equal(t, "128.00", v.SKUs[0].Price.StringFixed(2))
	assert.Equal(t, "168.00", v.SKUs[0].MarketPrice.StringFixed(2))
	assert.Equal(t, 10, v.SKUs[0].Available)
	assert.Equal(t, "可购买", v.SKUs[0].Availability.Label())
	assert.True(t, v.SKUs[1].MarketPrice.IsZero())
	assert.Equal(t, "无货", v.SKUs[1].Availability.Label())

	v.SKUs[0].Attrs[0].Value = "changed"
	assert.Equal(t, attrs("规格", "250g"), mustSKU(t, c, "tea", "tea-250").Attrs(), "the view does not alias the catalog")

	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "tea-250", Delete: true},
		{ID: "tea-500", Price: decimal.NewNullDecimal(yuan("230"))},
	}}))
	v, err = c.BuyerView("tea")
	require.NoError(t, err)
	require.Len(t, v.SKUs, 1, "deleted SKUs are not shown")
	assert.Equal(t, "tea-500", v.SKUs[0].ID)
	assert.Equal(t, catalog.OutOfStock, v.Availability, "无货: the only SKU left has no stock")
	assert.Equal(t, "无货", v.Availability.Label())

	_, err = c.BuyerView("nope")
	require.ErrorIs(t, err, catalog.ErrNotFound)
}

func TestCanBuyAllocatesNothing(t *testing.T) {
	c := newShop(t)
	require.NoError(t, c.HideCategory("seasonal"))
	cases := [][3]string{{"tea", "tea-250"}, {"tea", "tea-500"}, {"mooncake", "mooncake-6"}, {"tea", "nope"}}
	for _, tc := range cases {
		allocs := testing.AllocsPerRun(100, func() { _ = c.CanBuy(tc[0], tc[1], 1) })
		assert.Zero(t, allocs, "%v", tc)
	}
	decoded := newSnapshot(t, catalog.SnapshotParams{ProductID: "tea", SKUID: "tea-250", Attrs: attrs("规格", "250g"), Price: yuan("128"), Revision: 1})
	allocs := testing.AllocsPerRun(100, func() {
		s, ok := c.LookupSKU("tea", "tea-250")
		if !ok || s.Drifted(decoded) != catalog.DriftNone {
			panic("drift")
		}
	})
	assert.Zero(t, allocs, "LookupSKU + Drifted")
	snap, err := c.Snapshot("tea", "tea-250")
	require.NoError(t, err)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.DriftOf(&snap) }), "DriftOf")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = c.Snapshot("tea", "tea-250") }), "Snapshot")
	allocs = testing.AllocsPerRun(100, func() {
		if err := c.Reserve("tea", "tea-250", 1); err != nil {
			panic(err)
		}
		if err := c.Release("tea", "tea-250", 1); err != nil {
			panic(err)
		}
	})
	assert.Zero(t, allocs, "Reserve + Release")
}
