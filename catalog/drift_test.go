package catalog_test

import (
	"encoding/json"
	"fmt"
	"strings"
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
		snap   func(p *catalog.SnapshotParams) // rebuilds the snapshot from edited params
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
		{name: "snapshot built outside the catalog, revision 0, same content", snap: func(p *catalog.SnapshotParams) {
			p.Revision = 0
			p.Price = yuan("128")
		}, want: catalog.DriftNone},
		{name: "snapshot built outside the catalog, revision 0, other price", snap: func(p *catalog.SnapshotParams) {
			p.Revision = 0
			p.Price = yuan("1")
		}, want: catalog.DriftPrice},
		{name: "same revision, other price", snap: func(p *catalog.SnapshotParams) {
			p.Price = yuan("1")
		}, want: catalog.DriftPrice},
		{name: "same revision, other attributes", snap: func(p *catalog.SnapshotParams) {
			p.Attrs = attrs("规格", "250克")
		}, want: catalog.DriftAttrs},
		{name: "same revision, an attribute more", snap: func(p *catalog.SnapshotParams) {
			p.Attrs = append(p.Attrs, catalog.Attr{Key: "产地", Value: "杭州"})
		}, want: catalog.DriftAttrs},
		{name: "same revision, other title: not drift", snap: func(p *catalog.SnapshotParams) {
			p.Title = "别的标题"
		}, want: catalog.DriftNone},
		{name: "a later revision, same content: not drift", snap: func(p *catalog.SnapshotParams) {
			p.Revision = 7
		}, want: catalog.DriftNone},
		{name: "snapshot of another SKU", snap: func(p *catalog.SnapshotParams) {
			p.SKUID = "tea-500"
		}, want: catalog.DriftDeleted},
		{name: "snapshot of another product", snap: func(p *catalog.SnapshotParams) {
			p.ProductID = "cup"
		}, want: catalog.DriftDeleted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			snap := takeSnapshot(t, c, "tea", "tea-250")
			if tt.snap != nil {
				p := snap.Params()
				tt.snap(&p)
				snap = newSnapshot(t, p)
			}
			if tt.change != nil {
				tt.change(t, c)
			}
			live, found := c.LookupSKU("tea", "tea-250")
			require.True(t, found, "deleted SKUs are still found")
			assert.Equal(t, tt.want, live.Drifted(snap), "got %v", live.Drifted(snap))
			if snap.SKUID() == "tea-250" { // DriftOf looks up the snapshot's own SKU
				assert.Equal(t, tt.want, c.DriftOf(&snap), "the in-place query agrees")
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
	c := newShop(t)
	snap := newSnapshot(t, catalog.SnapshotParams{ProductID: "p", SKUID: "s", Price: yuan("1"), Revision: 1})
	assert.Equal(t, catalog.DriftDeleted, c.DriftOf(&snap), "never in the catalog")
	live, found := c.LookupSKU(snap.ProductID(), snap.SKUID())
	require.False(t, found)
	assert.Equal(t, catalog.DriftDeleted, live.Drifted(snap), "what a failed lookup returns is no SKU")
	var zero catalog.Snapshot
	assert.Equal(t, catalog.DriftDeleted, c.DriftOf(&zero), "the zero Snapshot names no SKU")
	assert.Equal(t, catalog.DriftDeleted, mustSKU(t, c, "tea", "tea-250").Drifted(zero))
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
		require.Equal(t, uint32(1), snap.Revision())

		state, ok := old.ProductState("cup")
		require.True(t, ok)
		state.SKUs[0].Price = yuan("35.00") // repriced on the platform while the host was down
		rebuilt := catalog.New()
		require.NoError(t, rebuilt.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
		require.NoError(t, rebuilt.RestoreProduct(state))
		live := mustSKU(t, rebuilt, "cup", "cup-1")
		require.Equal(t, snap.Revision(), live.Revision(), "the same revision number")

		assert.Equal(t, catalog.DriftPrice, rebuilt.DriftOf(&snap))
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
		require.Equal(t, snap.Revision(), live.Revision(), "a new SKU under the old ID, at revision 1 again")

		assert.Equal(t, catalog.DriftPrice, c.DriftOf(&snap))
		assert.Equal(t, catalog.DriftPrice, live.Drifted(snap))
	})
}

// TestDriftIsContentNotStamp: a snapshot that names the SKU and its current revision but
// remembers another price or other attributes drifts. Nothing a snapshot carries (its
// revision, or the catalog_version of a stored order) makes the catalog skip the comparison;
// before the restructure DriftOfSnapshot trusted a catalog version copied onto an edited
// snapshot and reported no drift.
func TestDriftIsContentNotStamp(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	orig := takeSnapshot(t, c, "tea", "tea-250")
	live := mustSKU(t, c, "tea", "tea-250")
	require.Equal(t, catalog.DriftNone, c.DriftOf(&orig))

	p := orig.Params()
	p.Price = yuan("1.00")
	forged := newSnapshot(t, p)
	require.Equal(t, orig.ProductID(), forged.ProductID())
	require.Equal(t, orig.SKUID(), forged.SKUID())
	require.Equal(t, live.Revision(), forged.Revision(), "the same IDs and revision as the live SKU")
	assert.Equal(t, catalog.DriftPrice, c.DriftOf(&forged))
	assert.Equal(t, catalog.DriftPrice, live.Drifted(forged))

	// The same through a stored order: the snapshot's JSON, edited, with the catalog version an
	// earlier release stamped on it.
	stored, err := json.Marshal(orig)
	require.NoError(t, err)
	edited := strings.Replace(string(stored), `"price":"128.00"`, `"price":"1.00","catalog_version":{"seq":4,"hash":"1234567890123456789"}`, 1)
	require.NotEqual(t, string(stored), edited)
	var decoded catalog.Snapshot
	require.NoError(t, json.Unmarshal([]byte(edited), &decoded))
	assert.Equal(t, catalog.DriftPrice, c.DriftOf(&decoded))
	assert.Equal(t, catalog.DriftPrice, live.Drifted(decoded))

	p = orig.Params()
	p.Attrs = attrs("规格", "1kg")
	other := newSnapshot(t, p)
	assert.Equal(t, catalog.DriftAttrs, c.DriftOf(&other))
	assert.Equal(t, catalog.DriftAttrs, live.Drifted(other))
}

// TestDriftAfterChanges carries the old ChangedSince table over to content: after each kind of
// change, exactly the SKUs a buyer would see changed drift, each by the right bits, and their
// revision moved by the number of buyer-relevant changes.
func TestDriftAfterChanges(t *testing.T) {
	t.Parallel()
	type want struct {
		drift catalog.Drift
		revs  uint32 // revision bumps
	}
	tests := []struct {
		name   string
		change func(t *testing.T, c *catalog.Catalog)
		want   map[string]want // by SKU ID; SKUs left out did not change
	}{
		{"no-review price", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("99.00")}}}))
		}, map[string]want{"tea-250": {catalog.DriftPrice, 1}}},
		{"no-review price unchanged", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("128.00")}}}))
		}, nil},
		{"no-review delete", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
		}, map[string]want{"tea-500": {catalog.DriftDeleted, 1}}},
		{"delete then purge", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
			require.NoError(t, c.PurgeSKU("tea", "tea-500"))
		}, map[string]want{"tea-500": {catalog.DriftDeleted, 0}}}, // purged: no revision to read
		{"two prices, twice", func(t *testing.T, c *catalog.Catalog) {
			for _, p := range []string{"99.00", "98.00"} {
				require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
					{ID: "tea-500", Price: price(p)}, {ID: "tea-250", Price: price(p)},
				}}))
			}
		}, map[string]want{"tea-500": {catalog.DriftPrice, 2}, "tea-250": {catalog.DriftPrice, 2}}},
		{"stock, status, reservations", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.AdjustStock("tea", "tea-250", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 5}))
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Status: catalog.SKUDelisted}}}))
			require.NoError(t, c.Reserve("cup", "cup-1", 1))
			require.NoError(t, c.Commit("cup", "cup-1", 1))
			require.NoError(t, c.Delist("mooncake"))
			require.NoError(t, c.HideCategory("drinks"))
		}, nil},
		{"reviewed price and attributes, a removed SKU", func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.SKUs = p.SKUs[:1]
			p.SKUs[0].Attrs = attrs("规格", "250克")
			approve(t, c, p)
			q := cupParams()
			q.SKUs[0].Price = yuan("35.00")
			approve(t, c, q)
		}, map[string]want{"tea-250": {catalog.DriftAttrs, 1}, "tea-500": {catalog.DriftDeleted, 1}, "cup-1": {catalog.DriftPrice, 1}}},
		{"reviewed code, market price and title only", func(t *testing.T, c *catalog.Catalog) {
			p := teaParams()
			p.Title = "明前龙井"
			p.SKUs[0].Code, p.SKUs[0].MarketPrice = "LJ-250-B", yuan("188.00")
			approve(t, c, p)
		}, nil},
	}
	skus := [][2]string{{"tea", "tea-250"}, {"tea", "tea-500"}, {"cup", "cup-1"}, {"mooncake", "mooncake-6"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			before := make(map[string]catalog.Snapshot, len(skus))
			for _, s := range skus {
				before[s[1]] = takeSnapshot(t, c, s[0], s[1])
			}
			tt.change(t, c)
			for _, s := range skus {
				snap := before[s[1]]
				w := tt.want[s[1]]
				assert.Equal(t, w.drift, c.DriftOf(&snap), "%s: got %v", s[1], c.DriftOf(&snap))
				live, found := c.LookupSKU(s[0], s[1])
				assert.Equal(t, w.drift, live.Drifted(snap), s[1])
				if found {
					assert.Equal(t, snap.Revision()+w.revs, live.Revision(), "%s: one revision per buyer-relevant change", s[1])
				}
				fresh, err := c.Snapshot(s[0], s[1])
				if err == nil {
					assert.Equal(t, catalog.DriftNone, c.DriftOf(&fresh), "%s: nothing changed since now", s[1])
				}
			}
		})
	}
}

// TestDriftHasNoMemoryLimit: the old catalog remembered its latest 1,024 changes and fell back
// to comparing content for older snapshots. Content is all there is now, however many changes
// ago the snapshot was taken: a price changed 3,000 times and back drifts not at all, though
// its revision moved on.
func TestDriftHasNoMemoryLimit(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	start := takeSnapshot(t, c, "tea", "tea-250")
	var recent catalog.Snapshot
	const changes = 3000
	for i := range changes {
		if i == changes-10 {
			recent = takeSnapshot(t, c, "tea", "tea-250")
		}
		p := fmt.Sprintf("%d.00", 100+i%2)
		require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price(p)}}}))
	}
	live := mustSKU(t, c, "tea", "tea-250")
	assert.Equal(t, start.Revision()+changes, live.Revision())
	assert.Equal(t, catalog.DriftPrice, c.DriftOf(&start), "128.00 then, 101.00 now")
	require.Equal(t, "101.00", recent.Price().StringFixed(2))
	assert.NotEqual(t, recent.Revision(), live.Revision())
	assert.Equal(t, catalog.DriftNone, c.DriftOf(&recent), "10 changes ago, at the price it has again")
}

// TestSnapshotsDoNotKnowTheirCatalog: the same commands give the same catalog, and a snapshot
// says the same whichever catalog or SKU value it came from; a catalog with other content says
// otherwise.
func TestSnapshotsDoNotKnowTheirCatalog(t *testing.T) {
	t.Parallel()
	a, b := newShop(t), newShop(t)
	assert.Equal(t, dumpState(a), dumpState(b), "the same commands, the same catalog")
	fromA := takeSnapshot(t, a, "tea", "tea-250")
	assert.True(t, fromA.Equal(takeSnapshot(t, b, "tea", "tea-250")))
	assert.True(t, fromA.Equal(mustSKU(t, a, "tea", "tea-250").Snapshot("西湖龙井")), "a SKU value's snapshot is the catalog's")
	assert.Equal(t, catalog.DriftNone, b.DriftOf(&fromA), "another catalog with the same content")

	elsewhere := catalog.New()
	require.NoError(t, elsewhere.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	p := teaParams()
	p.SKUs[0].Price = yuan("129.00")
	require.NoError(t, elsewhere.AddProduct(p))
	assert.Equal(t, catalog.DriftPrice, elsewhere.DriftOf(&fromA), "another catalog with other content")
	assert.Equal(t, catalog.DriftDeleted, elsewhere.DriftOf(ptr(takeSnapshot(t, a, "cup", "cup-1"))), "another catalog without the SKU")
}

func ptr[T any](v T) *T { return &v }

// TestDriftAllocatesNothing: DriftOf and Drifted allocate nothing, whatever they find.
func TestDriftAllocatesNothing(t *testing.T) {
	c := newShop(t)
	own := takeSnapshot(t, c, "tea", "tea-250")
	p := own.Params()
	decoded := newSnapshot(t, p) // the same content, in strings of its own
	p.Price, p.Attrs = yuan("1"), attrs("规格", "1kg")
	changed := newSnapshot(t, p)
	missing := newSnapshot(t, catalog.SnapshotParams{ProductID: "tea", SKUID: "nope", Price: yuan("1")})
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
	deleted := newSnapshot(t, catalog.SnapshotParams{ProductID: "tea", SKUID: "tea-500", Price: yuan("238")})
	var nilCatalog *catalog.Catalog
	live := mustSKU(t, c, "tea", "tea-250")
	tests := []struct {
		name string
		snap *catalog.Snapshot
		want catalog.Drift
	}{
		{"the catalog's own snapshot", &own, catalog.DriftNone},
		{"a decoded snapshot", &decoded, catalog.DriftNone},
		{"price and attributes changed", &changed, catalog.DriftPrice | catalog.DriftAttrs},
		{"not in the catalog", &missing, catalog.DriftDeleted},
		{"deleted", &deleted, catalog.DriftDeleted},
	}
	for _, tt := range tests {
		var got catalog.Drift
		assert.Zero(t, testing.AllocsPerRun(100, func() { got = c.DriftOf(tt.snap) }), "DriftOf: %s", tt.name)
		assert.Equal(t, tt.want, got, tt.name)
		snap := *tt.snap
		assert.Zero(t, testing.AllocsPerRun(100, func() { _ = live.Drifted(snap) }), "Drifted: %s", tt.name)
		assert.Zero(t, testing.AllocsPerRun(100, func() { got = nilCatalog.DriftOf(tt.snap) }), "nil catalog: %s", tt.name)
		assert.Equal(t, catalog.DriftDeleted, got)
	}
}
