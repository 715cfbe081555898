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
	assert.Equal(t, catalog.DriftDeleted, c.DriftOfSnapshot(&catalog.Snapshot{ProductID: "p", SKUID: "s"}))
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
	assert.Empty(t, c.ProductIDs())
	assert.Empty(t, c.Categories())
	assert.Empty(t, c.Shelves())
}
