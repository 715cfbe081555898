package catalog_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestVersionOfANewCatalog(t *testing.T) {
	t.Parallel()
	empty := catalog.New().Version()
	assert.False(t, empty.IsZero(), "an empty catalog's version is known")
	assert.Zero(t, empty.Seq)
	assert.True(t, (*catalog.Catalog)(nil).Version().IsZero())

	c := newShop(t)
	assert.Equal(t, uint64(4), c.Version().Seq, "four SKUs added; listing, shelves and categories are no SKU events")
	assert.Equal(t, c.Version(), newShop(t).Version(), "the same commands, the same version")
	other := newShop(t)
	require.NoError(t, other.AddProduct(catalog.ProductParams{ID: "pot", Title: "茶壶", CategoryID: "drinks",
		Images: []string{"pot.jpg"}, SKUs: []catalog.SKUParams{{ID: "pot-1", Price: yuan("99.00"), Stock: 1}}}))
	assert.NotEqual(t, c.Version(), other.Version())
	got, ok := other.ChangedSince(nil, c.Version())
	require.True(t, ok, "other's history starts with c's")
	assert.Equal(t, []string{"pot-1"}, got)

	snap, err := c.Snapshot("tea", "tea-250")
	require.NoError(t, err)
	assert.Equal(t, c.Version(), snap.CatalogVersion)
	assert.True(t, mustSKU(t, c, "tea", "tea-250").Snapshot("西湖龙井").CatalogVersion.IsZero(),
		"a SKU value does not know its catalog")
}

// TestChangedSince: every change that matters to a buyer is in the log, in order, once per
// change; nothing else is.
func TestChangedSince(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(t *testing.T, c *catalog.Catalog)
		want   []string
	}{
		{"no-review price", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("99.00")}}}))
		}, []string{"tea-250"}},
		{"no-review price unchanged", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("128.00")}}}))
		}, nil},
		{"no-review delete", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
		}, []string{"tea-500"}},
		{"delete then purge", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
			require.NoError(t, c.PurgeSKU("tea", "tea-500"))
		}, []string{"tea-500", "tea-500"}},
		{"two prices, twice", func(t *testing.T, c *catalog.Catalog) {
			for _, p := range []string{"99.00", "98.00"} {
				require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
					{ID: "tea-500", Price: price(p)}, {ID: "tea-250", Price: price(p)},
				}}))
			}
		}, []string{"tea-500", "tea-250", "tea-500", "tea-250"}},
		{"stock, status, reservations", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.AdjustStock("tea", "tea-250", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 5}))
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Status: catalog.SKUDelisted}}}))
			require.NoError(t, c.Reserve("cup", "cup-1", 1))
			require.NoError(t, c.Commit("cup", "cup-1", 1))
			require.NoError(t, c.Delist("mooncake"))
		}, nil},
		{"reviewed price and attributes, a removed SKU", func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.SKUs = p.SKUs[:1]
			p.SKUs[0].Attrs = attrs("规格", "250克")
			approve(t, c, p)
			q := cupParams()
			q.SKUs[0].Price = yuan("35.00")
			approve(t, c, q)
		}, []string{"tea-250", "tea-500", "cup-1"}},
		{"reviewed code and market price only", func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.SKUs[0].Code, p.SKUs[0].MarketPrice = "LJ-250-B", yuan("188.00")
			approve(t, c, p)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			before := c.Version()
			tt.change(t, c)
			got, ok := c.ChangedSince(nil, before)
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, before.Seq+uint64(len(tt.want)), c.Version().Seq, "one Seq per change")
			now, ok := c.ChangedSince(nil, c.Version())
			require.True(t, ok)
			assert.Empty(t, now, "nothing changed since now")
		})
	}
}

// TestChangedSinceCannotTell: versions the catalog has no answer for.
func TestChangedSinceCannotTell(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	now := c.Version()
	p := cupParams()
	p.ID, p.SKUs[0].ID = "bowl", "bowl-1"
	elsewhere := catalog.New()
	require.NoError(t, elsewhere.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	require.NoError(t, elsewhere.AddProduct(p))
	tests := []struct {
		name string
		c    *catalog.Catalog
		v    catalog.Version
	}{
		{"the zero version", c, catalog.Version{}},
		{"another catalog's history", c, elsewhere.Version()},
		{"this Seq with another hash", c, catalog.Version{Seq: now.Seq, Hash: now.Hash + 1}},
		{"a version not reached", c, catalog.Version{Seq: now.Seq + 1, Hash: now.Hash}},
		{"a nil catalog", nil, now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dst := []string{"kept"}
			got, ok := tt.c.ChangedSince(dst, tt.v)
			assert.False(t, ok)
			assert.Equal(t, []string{"kept"}, got, "dst comes back unchanged")
		})
	}
}

// TestChangedSinceForgetsOldChanges: the log keeps the latest changes only; a version older
// than them gets "cannot tell", a recent one the exact answer.
func TestChangedSinceForgetsOldChanges(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	start := c.Version()
	var recent catalog.Version
	const changes = 3000
	for i := range changes {
		if i == changes-10 {
			recent = c.Version()
		}
		p := fmt.Sprintf("%d.00", 100+i%2)
		require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price(p)}}}))
	}
	assert.Equal(t, start.Seq+changes, c.Version().Seq)
	_, ok := c.ChangedSince(nil, start)
	assert.False(t, ok, "3,000 changes ago is beyond what the log keeps")
	got, ok := c.ChangedSince(nil, recent)
	require.True(t, ok)
	assert.Len(t, got, 10)
	for _, id := range got {
		assert.Equal(t, "tea-250", id)
	}
}

func TestChangedSinceAppendsWithoutAllocating(t *testing.T) {
	c := newShop(t)
	before := c.Version()
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("99.00")}}}))
	room := make([]string, 0, 4)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		if got, ok := c.ChangedSince(room[:0], before); !ok || len(got) != 1 {
			t.Fatal("tea-250 changed")
		}
	}))
}

func TestSnapshotCatalogVersionJSON(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	snap, err := c.Snapshot("tea", "tea-250")
	require.NoError(t, err)
	data, err := json.Marshal(snap)
	require.NoError(t, err)
	assert.Contains(t, string(data), fmt.Sprintf(`"catalog_version":{"seq":4,"hash":"%d"}`, snap.CatalogVersion.Hash),
		"the hash is a string: it exceeds what a JSON number holds exactly")
	var back catalog.Snapshot
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, snap.Equal(back))
	assert.Equal(t, snap.CatalogVersion, back.CatalogVersion)

	snap.CatalogVersion = catalog.Version{}
	data, err = json.Marshal(snap)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "catalog_version", "an unknown version is left out")
	assert.False(t, snap.Equal(back), "snapshots of different catalog versions differ")
}

func TestVersionString(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "unknown", catalog.Version{}.String())
	assert.Equal(t, "7/00000000000000ff", catalog.Version{Seq: 7, Hash: 255}.String())
}
