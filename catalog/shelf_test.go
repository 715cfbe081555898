package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func shelfIDs(t *testing.T, c *catalog.Catalog, id string) []string {
	t.Helper()
	v, err := c.Shelf(id)
	require.NoError(t, err)
	ids := make([]string, len(v.Products))
	for i, p := range v.Products {
		ids[i] = p.ID
	}
	return ids
}

func TestShelf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(t *testing.T, c *catalog.Catalog)
		want   []string
	}{
		{name: "everything listed", want: []string{"tea", "cup", "mooncake"}},
		{name: "out of stock stays on the shelf", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 0}))
		}, want: []string{"tea", "cup", "mooncake"}},
		{name: "delisted leaves the shelf", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.Delist("cup"))
		}, want: []string{"tea", "mooncake"}},
		{name: "hidden category leaves the shelf", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.HideCategory("seasonal"))
		}, want: []string{"tea", "cup"}},
		{name: "relisted comes back in its place", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.Delist("tea"))
			require.NoError(t, c.List("tea"))
		}, want: []string{"tea", "cup", "mooncake"}},
		{name: "removed from the shelf", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.RemoveFromShelf("home", "cup"))
		}, want: []string{"tea", "mooncake"}},
		{name: "removed and appended", change: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.RemoveFromShelf("home", "tea"))
			require.NoError(t, c.AddToShelf("home", "tea"))
		}, want: []string{"cup", "mooncake", "tea"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			if tt.change != nil {
				tt.change(t, c)
			}
			assert.Equal(t, tt.want, shelfIDs(t, c, "home"))
		})
	}
}

func TestShelfView(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	require.NoError(t, c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: 5}))
	v, err := c.Shelf("home")
	require.NoError(t, err)
	assert.Equal(t, "home", v.ID)
	assert.Equal(t, "首页", v.Name)
	require.Len(t, v.Products, 3)
	assert.Equal(t, "无货", v.Products[1].Availability.Label())
	assert.Equal(t, "cup.jpg", v.Products[1].Cover)

	ids, err := c.ShelfProductIDs("home")
	require.NoError(t, err)
	assert.Equal(t, []string{"tea", "cup", "mooncake"}, ids)
	require.NoError(t, c.Delist("cup"))
	ids, err = c.ShelfProductIDs("home")
	require.NoError(t, err)
	assert.Equal(t, []string{"tea", "cup", "mooncake"}, ids, "membership is not visibility")
}

func TestShelfRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cmd  func(c *catalog.Catalog) error
		is   error
	}{
		{"shelf without name", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "s"})
		}, catalog.ErrInvalid},
		{"shelf ID taken", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "home", Name: "x"})
		}, catalog.ErrDuplicate},
		{"unknown product", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "s", Name: "x", ProductIDs: []string{"tea", "nope"}})
		}, catalog.ErrNotFound},
		{"product twice", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "s", Name: "x", ProductIDs: []string{"tea", "cup", "tea"}})
		}, catalog.ErrInvalid},
		{"empty product ID", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "s", Name: "x", ProductIDs: []string{""}})
		}, catalog.ErrInvalid},
		{"append a product already there", func(c *catalog.Catalog) error { return c.AddToShelf("home", "cup") }, catalog.ErrInvalid},
		{"append to an unknown shelf", func(c *catalog.Catalog) error { return c.AddToShelf("nope", "cup") }, catalog.ErrNotFound},
		{"append an unknown product after a good one", func(c *catalog.Catalog) error {
			return c.AddToShelf("side", "cup", "nope")
		}, catalog.ErrNotFound},
		{"remove from an unknown shelf", func(c *catalog.Catalog) error { return c.RemoveFromShelf("nope", "cup") }, catalog.ErrNotFound},
		{"remove a product not on the shelf", func(c *catalog.Catalog) error { return c.RemoveFromShelf("side", "cup") }, catalog.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			require.NoError(t, c.AddShelf(catalog.ShelfParams{ID: "side", Name: "侧栏", ProductIDs: []string{"tea"}}))
			err := requireUnchanged(t, c, func() error { return tt.cmd(c) })
			require.ErrorIs(t, err, tt.is)
		})
	}
	c := newShop(t)
	_, err := c.Shelf("nope")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	_, err = c.ShelfProductIDs("nope")
	require.ErrorIs(t, err, catalog.ErrNotFound)
}

func TestCategories(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	k, ok := c.Category("seasonal")
	require.True(t, ok)
	assert.Equal(t, "seasonal", k.ID())
	assert.Equal(t, "节令", k.Name())
	assert.False(t, k.Hidden())
	require.NoError(t, c.HideCategory("seasonal"))
	k, _ = c.Category("seasonal")
	assert.True(t, k.Hidden())
	_, ok = c.Category("nope")
	assert.False(t, ok)

	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "paused", Name: "暂不销售", Hidden: true}))
	k, _ = c.Category("paused")
	assert.True(t, k.Hidden(), "a category can start hidden")

	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "x"}) }), catalog.ErrDuplicate)
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.AddCategory(catalog.CategoryParams{ID: "x"}) }), catalog.ErrInvalid)
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.HideCategory("nope") }), catalog.ErrNotFound)
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.ShowCategory("nope") }), catalog.ErrNotFound)
}

func TestShelfViewsDoNotAliasEachOther(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	v, err := c.Shelf("home")
	require.NoError(t, err)
	v.Products[0].SKUs = append(v.Products[0].SKUs, catalog.SKUView{ID: "x"})
	v.Products[0].SKUs[0].Attrs = append(v.Products[0].SKUs[0].Attrs, catalog.Attr{Key: "k", Value: "v"})
	v.Products[0].SKUs[1].Attrs[0].Value = "changed"
	assert.Equal(t, "cup-1", v.Products[1].SKUs[0].ID)
	assert.Equal(t, attrs("规格", "changed"), v.Products[0].SKUs[1].Attrs)
	assert.Equal(t, attrs("颜色", "青"), v.Products[1].SKUs[0].Attrs)
	again, err := c.Shelf("home")
	require.NoError(t, err)
	assert.Equal(t, attrs("规格", "500g"), again.Products[0].SKUs[1].Attrs, "the catalog is untouched")
}
