package catalog_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// busyShop is newShop after a day of trading: reservations, a deleted SKU, a price change,
// a pending draft, a hidden category, a delisted product, a second shelf.
func busyShop(t *testing.T) *catalog.Catalog {
	c := newShop(t)
	require.NoError(t, c.Reserve("tea", "tea-250", 3))
	require.NoError(t, c.Commit("tea", "tea-250", 1))
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "tea-500", Delete: true}, {ID: "tea-250", Price: price("99.50"), Status: catalog.SKUDelisted},
	}}))
	p := cupParams()
	p.Title = "新茶杯"
	p.SKUs = append(p.SKUs, catalog.SKUParams{ID: "cup-2", Attrs: attrs("颜色", "白"), Price: yuan("45"), Stock: 2})
	require.NoError(t, c.UpdateProduct(p))
	require.NoError(t, c.SubmitForReview("cup"))
	require.NoError(t, c.HideCategory("seasonal"))
	require.NoError(t, c.Delist("mooncake"))
	require.NoError(t, c.AddShelf(catalog.ShelfParams{ID: "side", Name: "侧栏", ProductIDs: []string{"cup"}}))
	return c
}

// restoreAll rebuilds a catalog from what another one exports.
func restoreAll(t *testing.T, from *catalog.Catalog) *catalog.Catalog {
	to := catalog.New()
	for _, k := range from.Categories() {
		require.NoError(t, to.AddCategory(catalog.CategoryParams{ID: k.ID(), Name: k.Name(), Hidden: k.Hidden()}))
	}
	for _, id := range from.ProductIDs() {
		s, ok := from.ProductState(id)
		require.True(t, ok)
		require.NoError(t, to.RestoreProduct(s))
	}
	for _, s := range from.Shelves() {
		require.NoError(t, to.AddShelf(s))
	}
	return to
}

func TestRestoreRoundTrip(t *testing.T) {
	t.Parallel()
	c := busyShop(t)
	r := restoreAll(t, c)
	for _, id := range c.ProductIDs() {
		want, _ := c.ProductState(id)
		got, _ := r.ProductState(id)
		assert.Equal(t, dumpState(want), dumpState(got), id)
	}
	assert.Equal(t, dumpState(catalog.Records(c)), dumpState(catalog.Records(r)), "the whole restored catalog is the same")
	assert.Equal(t, dumpState(r), dumpState(restoreAll(t, c)), "the same restore, the same catalog")

	// And it behaves the same: every snapshot drifts (or not) in the restored catalog exactly as
	// in the original, an old snapshot still drifts, the draft can still be approved.
	for _, id := range c.ProductIDs() {
		p, _ := c.Product(id)
		for _, s := range p.SKUs() {
			if s.Deleted() {
				continue
			}
			snap := takeSnapshot(t, c, id, s.ID())
			assert.Equal(t, catalog.DriftNone, r.DriftOf(&snap), "%s: the restored SKU is the same", s.ID())
			other := snap.Params()
			other.Price = other.Price.Add(yuan("0.01"))
			changed := newSnapshot(t, other)
			assert.Equal(t, c.DriftOf(&changed), r.DriftOf(&changed), s.ID())
			assert.Equal(t, catalog.DriftPrice, r.DriftOf(&changed), s.ID())
		}
	}
	snap := newSnapshot(t, catalog.SnapshotParams{ProductID: "tea", SKUID: "tea-250", Price: yuan("128"), Attrs: attrs("规格", "250g"), Revision: 1})
	live, found := r.LookupSKU("tea", "tea-250")
	require.True(t, found)
	assert.Equal(t, catalog.DriftPrice, live.Drifted(snap))
	assert.Equal(t, catalog.DriftPrice, r.DriftOf(&snap))
	deleted := newSnapshot(t, catalog.SnapshotParams{ProductID: "tea", SKUID: "tea-500", Price: yuan("238"), Attrs: attrs("规格", "500g"), Revision: 1})
	assert.Equal(t, catalog.DriftDeleted, r.DriftOf(&deleted), "a deleted SKU is restored deleted")
	require.NoError(t, r.ApproveReview("cup"))
	require.NoError(t, r.Release("tea", "tea-250", 2))
}

func TestStateIsACopy(t *testing.T) {
	t.Parallel()
	c := busyShop(t)
	before := dumpState(c)
	s, _ := c.ProductState("cup")
	s.Images[0] = "x"
	s.SKUs[0].Attrs[0].Value = "x"
	s.Draft.SKUs[0].Attrs[0].Value = "x"
	s.Draft.Images[0] = "x"
	assert.Equal(t, before, dumpState(c))
	_, ok := c.ProductState("nope")
	assert.False(t, ok)
}

func TestListings(t *testing.T) {
	t.Parallel()
	c := busyShop(t)
	assert.Equal(t, []string{"cup", "mooncake", "tea"}, c.ProductIDs())
	ks := c.Categories()
	require.Len(t, ks, 2)
	assert.Equal(t, "drinks", ks[0].ID())
	assert.True(t, ks[1].Hidden())
	assert.Equal(t, []catalog.ShelfParams{
		{ID: "home", Name: "首页", ProductIDs: []string{"tea", "cup", "mooncake"}},
		{ID: "side", Name: "侧栏", ProductIDs: []string{"cup"}},
	}, c.Shelves())
}

func TestRestoreRejects(t *testing.T) {
	t.Parallel()
	base := func(t *testing.T) catalog.ProductState {
		s, ok := busyShop(t).ProductState("cup")
		require.True(t, ok)
		return s
	}
	tests := []struct {
		name string
		edit func(s *catalog.ProductState)
		is   error
	}{
		{"product ID taken", func(s *catalog.ProductState) { s.ID = "tea"; s.Draft.ID = "tea" }, catalog.ErrDuplicate},
		{"SKU ID taken", func(s *catalog.ProductState) { s.ID = "cup9"; s.Draft.ID = "cup9"; s.SKUs[0].ID = "tea-250" }, catalog.ErrDuplicate},
		{"unknown category", func(s *catalog.ProductState) { s.CategoryID = "nope" }, catalog.ErrNotFound},
		{"no images", func(s *catalog.ProductState) { s.Images = nil }, catalog.ErrInvalid},
		{"price zero", func(s *catalog.ProductState) { s.SKUs[0].Price = yuan("0") }, catalog.ErrInvalidAmount},
		{"unknown status", func(s *catalog.ProductState) { s.Status = 7 }, catalog.ErrUnknownCode},
		{"unknown edit status", func(s *catalog.ProductState) { s.EditStatus = 6 }, catalog.ErrUnknownCode},
		{"unknown SKU status", func(s *catalog.ProductState) { s.SKUs[0].Status = 0 }, catalog.ErrUnknownCode},
		{"revision 0", func(s *catalog.ProductState) { s.SKUs[0].Revision = 0 }, catalog.ErrInvalid},
		{"reserved above total", func(s *catalog.ProductState) { s.SKUs[0].Reserved = s.SKUs[0].Total + 1 }, catalog.ErrInvalid},
		{"negative reserved", func(s *catalog.ProductState) { s.SKUs[0].Reserved = -1 }, catalog.ErrInvalid},
		{"listed without a live SKU", func(s *catalog.ProductState) { s.SKUs[0].Deleted = true }, catalog.ErrInvalid},
		{"under review without a draft", func(s *catalog.ProductState) { s.Draft = nil }, catalog.ErrInvalid},
		{"a draft with no reason to be", func(s *catalog.ProductState) { s.EditStatus = catalog.EditReviewPassed }, catalog.ErrInvalid},
		{"a draft of another product", func(s *catalog.ProductState) { s.Draft.ID = "tea" }, catalog.ErrInvalid},
		{"an invalid draft", func(s *catalog.ProductState) { s.Draft.Title = "" }, catalog.ErrInvalid},
		{"a draft in an unknown category", func(s *catalog.ProductState) { s.Draft.CategoryID = "nope" }, catalog.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := busyShop(t)
			s := base(t)
			if tt.name != "product ID taken" && tt.name != "SKU ID taken" {
				s.ID = "cup9"
				s.Draft.ID = "cup9"
				for i := range s.SKUs {
					s.SKUs[i].ID += "-9"
				}
				for i := range s.Draft.SKUs {
					s.Draft.SKUs[i].ID += "-9"
				}
			}
			tt.edit(&s)
			require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.RestoreProduct(s) }), tt.is)
		})
	}
}

func TestNewSKU(t *testing.T) {
	t.Parallel()
	s, err := catalog.NewSKU("tea", catalog.SKUParams{ID: "tea-250", Code: "LJ", Attrs: attrs("规格", "250g"), Price: yuan("128"), Stock: 4})
	require.NoError(t, err)
	assert.Equal(t, "tea-250", s.ID())
	assert.Equal(t, "tea", s.ProductID())
	assert.Equal(t, uint32(1), s.Revision())
	assert.Equal(t, 4, s.Available())
	assert.Equal(t, catalog.SKUListed, s.Status())
	snap := s.Snapshot("西湖龙井")
	assert.Equal(t, catalog.DriftNone, s.Drifted(snap))
	assert.Equal(t, "西湖龙井", snap.Title())

	for name, p := range map[string]catalog.SKUParams{
		"no ID":           {Price: yuan("1")},
		"price zero":      {ID: "x"},
		"code too long":   {ID: "x", Code: strings.Repeat("1", catalog.MaxCodeLength+1), Price: yuan("1")},
		"market too low":  {ID: "x", Price: yuan("2"), MarketPrice: yuan("1")},
		"duplicate attrs": {ID: "x", Price: yuan("1"), Attrs: attrs("k", "a", "k", "b")},
	} {
		_, err := catalog.NewSKU("tea", p)
		assert.Error(t, err, name)
	}
	_, err = catalog.NewSKU("", catalog.SKUParams{ID: "x", Price: yuan("1")})
	require.ErrorIs(t, err, catalog.ErrInvalid)
}

func TestZeroSKU(t *testing.T) {
	t.Parallel()
	var s catalog.SKU
	assert.True(t, s.IsZero())
	assert.Empty(t, s.Code())
	assert.Empty(t, s.Attrs())
	assert.True(t, s.Price().IsZero())
	assert.Zero(t, s.Revision())
	assert.False(t, s.Deleted())
	assert.Equal(t, catalog.DriftDeleted, s.Drifted(newSnapshot(t, catalog.SnapshotParams{ProductID: "p", SKUID: "s", Price: yuan("1")})))
	assert.Equal(t, catalog.DriftDeleted, s.Drifted(catalog.Snapshot{}), "a zero SKU is no SKU, even for the zero Snapshot")
	assert.True(t, s.Snapshot("t").IsZero(), "and has no snapshot")
}

func TestRestoredAsyncStates(t *testing.T) {
	t.Parallel()
	c := catalog.New()
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	s, _ := busyShop(t).ProductState("tea")
	s.Status, s.EditStatus = catalog.StatusDelisted, catalog.EditUploading
	require.NoError(t, c.RestoreProduct(s))
	p, _ := c.Product("tea")
	assert.Equal(t, "tea", p.ID())
	assert.Equal(t, catalog.EditUploading, p.EditStatus())

	err := requireUnchanged(t, c, func() error { return c.List("tea") })
	require.ErrorIs(t, err, catalog.ErrUnderReview, "listing while uploading is refused (10020067)")
	err = requireUnchanged(t, c, func() error { return c.UpdateProduct(teaParams()) })
	require.ErrorIs(t, err, catalog.ErrInvalidTransition, "the table has no edit from uploading")
	assert.EqualError(t, err, `catalog: cannot update product "tea" in state uploading: invalid status transition`)
}
