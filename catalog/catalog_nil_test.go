package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestNilCatalogQueries(t *testing.T) {
	t.Parallel()
	var c *catalog.Catalog
	_, ok := c.LookupSKU("p", "s")
	assert.False(t, ok)
	assert.Equal(t, catalog.ErrNotFound, c.CanBuy("p", "s", 1))
	assert.Equal(t, catalog.ErrInvalidQuantity, c.CanBuy("p", "s", 0), "the quantity is checked first, as on any catalog")
	snap := newSnapshot(t, catalog.SnapshotParams{ProductID: "p", SKUID: "s", Price: yuan("1")})
	assert.Equal(t, catalog.DriftDeleted, c.DriftOf(&snap))
	_, err := c.Snapshot("p", "s")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	_, err = c.BuyerView("p")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	_, err = c.Shelf("home")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	_, err = c.ShelfProductIDs("home")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	_, ok = c.Product("p")
	assert.False(t, ok)
	_, ok = c.ProductState("p")
	assert.False(t, ok)
	_, ok = c.Category("k")
	assert.False(t, ok)
	assert.Equal(t, []string{}, c.ProductIDs(), "empty, not nil: it marshals as []")
	assert.Equal(t, []catalog.Category{}, c.Categories())
	assert.Equal(t, []catalog.ShelfParams{}, c.Shelves())
}

// TestNilCatalogCommands: every command on a nil *Catalog returns ErrNilCatalog (bare, so a
// comparison works too) and none panics, whatever its arguments.
func TestNilCatalogCommands(t *testing.T) {
	t.Parallel()
	var c *catalog.Catalog
	state := catalog.ProductState{ID: "cup", Title: "t", CategoryID: "drinks", Images: []string{"i"},
		SKUs: []catalog.SKUState{{ID: "cup-1", Price: yuan("1"), Revision: 1, Status: catalog.SKUListed}}}
	commands := map[string]func() error{
		"AddCategory":         func() error { return c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}) },
		"HideCategory":        func() error { return c.HideCategory("drinks") },
		"ShowCategory":        func() error { return c.ShowCategory("drinks") },
		"AddProduct":          func() error { return c.AddProduct(cupParams()) },
		"AddProduct invalid":  func() error { return c.AddProduct(catalog.ProductParams{}) },
		"UpdateProduct":       func() error { return c.UpdateProduct(cupParams()) },
		"SubmitForReview":     func() error { return c.SubmitForReview("cup") },
		"CancelReview":        func() error { return c.CancelReview("cup") },
		"RejectReview":        func() error { return c.RejectReview("cup") },
		"ApproveReview":       func() error { return c.ApproveReview("cup") },
		"PurgeSKU":            func() error { return c.PurgeSKU("cup", "cup-1") },
		"List":                func() error { return c.List("cup") },
		"Delist":              func() error { return c.Delist("cup") },
		"SetStatus":           func() error { return c.SetStatus("cup", catalog.StatusRecycleBin) },
		"SetStatus unknown":   func() error { return c.SetStatus("cup", 7) },
		"UpdateWithoutReview": func() error { return c.UpdateWithoutReview("cup", catalog.NoReviewUpdate{}) },
		"Reserve":             func() error { return c.Reserve("cup", "cup-1", 1) },
		"Reserve zero":        func() error { return c.Reserve("cup", "cup-1", 0) },
		"Release":             func() error { return c.Release("cup", "cup-1", 1) },
		"Commit":              func() error { return c.Commit("cup", "cup-1", 1) },
		"Restock":             func() error { return c.Restock("cup", "cup-1", 1) },
		"AdjustStock": func() error {
			return c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 1})
		},
		"AddShelf":        func() error { return c.AddShelf(catalog.ShelfParams{ID: "home", Name: "首页"}) },
		"AddToShelf":      func() error { return c.AddToShelf("home", "cup") },
		"RemoveFromShelf": func() error { return c.RemoveFromShelf("home", "cup") },
		"RestoreProduct":  func() error { return c.RestoreProduct(state) },
	}
	for name, cmd := range commands {
		var err error
		require.NotPanics(t, func() { err = cmd() }, name)
		assert.Equal(t, catalog.ErrNilCatalog, err, name)
	}
}

// TestZeroCatalog: a zero Catalog (a field of a host's struct, a local variable) is an empty
// catalog ready to use, and ends up exactly like one from New after the same commands.
func TestZeroCatalog(t *testing.T) {
	t.Parallel()
	var c catalog.Catalog
	assert.Equal(t, catalog.ErrNotFound, c.CanBuy("cup", "cup-1", 1))
	_, ok := c.LookupSKU("cup", "cup-1")
	assert.False(t, ok)
	assert.Empty(t, c.ProductIDs())
	_, err := c.Shelf("home")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	snap := newSnapshot(t, catalog.SnapshotParams{ProductID: "cup", SKUID: "cup-1", Attrs: attrs("颜色", "青"), Price: yuan("39.90")})
	assert.Equal(t, catalog.DriftDeleted, c.DriftOf(&snap))
	require.ErrorIs(t, c.Reserve("cup", "cup-1", 1), catalog.ErrNotFound, "a failed command on a zero catalog is an ordinary failure")

	build := func(c *catalog.Catalog) {
		require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
		require.NoError(t, c.AddProduct(cupParams()))
		require.Equal(t, catalog.ErrDelisted, c.CanBuy("cup", "cup-1", 1), "never listed")
		require.NoError(t, c.List("cup"))
		require.NoError(t, c.AddShelf(catalog.ShelfParams{ID: "home", Name: "首页", ProductIDs: []string{"cup"}}))
		require.NoError(t, c.Reserve("cup", "cup-1", 2))
	}
	build(&c)
	require.NoError(t, c.CanBuy("cup", "cup-1", 3))
	assert.Equal(t, catalog.ErrOutOfStock, c.CanBuy("cup", "cup-1", 4))
	assert.Equal(t, catalog.DriftNone, c.DriftOf(&snap))
	v, err := c.Shelf("home")
	require.NoError(t, err)
	require.Len(t, v.Products, 1)
	assert.Equal(t, "cup", v.Products[0].ID)

	fromNew := catalog.New()
	build(fromNew)
	assert.Equal(t, dumpState(fromNew), dumpState(&c), "a zero Catalog and New are the same catalog")
}
