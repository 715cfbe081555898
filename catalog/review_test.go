package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestReviewWorkflow(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	p := teaParams()
	p.Title = "明前龙井"
	p.CategoryID = "seasonal"
	p.Images = []string{"new.jpg"}
	p.SKUs = []catalog.SKUParams{
		{ID: "tea-500", Code: "LJ-500", Attrs: attrs("规格", "500g"), Price: yuan("238.00"), Stock: 99}, // unchanged but for stock
		{ID: "tea-100", Attrs: attrs("规格", "100g"), Price: yuan("58"), Stock: 7},                      // new
	} // tea-250 is left out: deleted on approval
	require.NoError(t, c.Reserve("tea", "tea-250", 2))
	require.NoError(t, c.UpdateProduct(p))

	online, _ := c.Product("tea")
	assert.Equal(t, "西湖龙井", online.Title(), "buyers see the online copy until approval")
	assert.Equal(t, catalog.EditEditing, online.EditStatus())
	assert.True(t, online.HasDraft())
	_, found := c.LookupSKU("tea", "tea-100")
	assert.False(t, found, "a SKU in a draft is not in the catalog yet")

	require.NoError(t, c.SubmitForReview("tea"))
	for name, cmd := range map[string]func() error{
		"update":  func() error { return c.UpdateProduct(p) },
		"list":    func() error { return c.List("tea") },
		"recycle": func() error { return c.SetStatus("tea", catalog.StatusRecycleBin) },
		"no-review path": func() error {
			return c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("1")}}})
		},
	} {
		if name == "list" || name == "recycle" {
			require.NoError(t, c.Delist("tea")) // delisting is not blocked
		}
		require.ErrorIs(t, requireUnchanged(t, c, cmd), catalog.ErrUnderReview, name)
		if name == "list" || name == "recycle" {
			require.NoError(t, c.CancelReview("tea"))
			require.NoError(t, c.List("tea"))
			require.NoError(t, c.SubmitForReview("tea"))
		}
	}
	require.NoError(t, c.ApproveReview("tea"))

	got, _ := c.Product("tea")
	assert.Equal(t, "明前龙井", got.Title())
	assert.Equal(t, "seasonal", got.CategoryID())
	assert.Equal(t, []string{"new.jpg"}, got.Images())
	assert.Equal(t, catalog.EditReviewPassed, got.EditStatus())
	assert.False(t, got.HasDraft())
	assert.Equal(t, catalog.StatusListed, got.Status(), "approval does not change the online status")
	ids := []string{}
	for _, s := range got.SKUs() {
		ids = append(ids, s.ID())
	}
	assert.Equal(t, []string{"tea-500", "tea-100", "tea-250"}, ids, "draft order, then the deleted ones")

	old := mustSKU(t, c, "tea", "tea-250")
	assert.True(t, old.Deleted())
	assert.Equal(t, uint32(2), old.Revision())
	assert.Equal(t, 2, old.Reserved(), "reservations outlive deletion")
	kept := mustSKU(t, c, "tea", "tea-500")
	assert.Equal(t, uint32(1), kept.Revision())
	assert.Equal(t, 0, kept.Total(), "stock of an existing SKU moves only through stock operations")
	added := mustSKU(t, c, "tea", "tea-100")
	assert.Equal(t, uint32(1), added.Revision())
	assert.Equal(t, 7, added.Total())
	assert.NoError(t, c.CanBuy("tea", "tea-100", 7))
}

func TestReviewRejectAndResubmit(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	p := cupParams()
	p.Title = "违规标题"
	require.NoError(t, c.UpdateProduct(p))
	require.NoError(t, c.SubmitForReview("cup"))
	require.NoError(t, c.RejectReview("cup"))
	got, _ := c.Product("cup")
	assert.Equal(t, catalog.EditReviewFailed, got.EditStatus())
	assert.True(t, got.HasDraft())
	assert.Equal(t, "青瓷茶杯", got.Title())
	require.NoError(t, c.SubmitForReview("cup"), "a failed draft can be submitted again")
	require.NoError(t, c.ApproveReview("cup"))
	got, _ = c.Product("cup")
	assert.Equal(t, "违规标题", got.Title())
}

func TestReviewRejects(t *testing.T) {
	t.Parallel()
	other := func(mut func(p *catalog.ProductParams)) catalog.ProductParams {
		p := teaParams()
		mut(&p)
		return p
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, c *catalog.Catalog)
		cmd   func(c *catalog.Catalog) error
		is    error
	}{
		{"update an unknown product", nil, func(c *catalog.Catalog) error {
			return c.UpdateProduct(other(func(p *catalog.ProductParams) { p.ID = "nope" }))
		}, catalog.ErrNotFound},
		{"update with an invalid draft", nil, func(c *catalog.Catalog) error {
			return c.UpdateProduct(other(func(p *catalog.ProductParams) { p.Images = nil }))
		}, catalog.ErrInvalid},
		{"update into an unknown category", nil, func(c *catalog.Catalog) error {
			return c.UpdateProduct(other(func(p *catalog.ProductParams) { p.CategoryID = "nope" }))
		}, catalog.ErrNotFound},
		{"update with another product's SKU", nil, func(c *catalog.Catalog) error {
			return c.UpdateProduct(other(func(p *catalog.ProductParams) { p.SKUs[1].ID = "cup-1" }))
		}, catalog.ErrDuplicate},
		{"update bringing back a deleted SKU", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
		}, func(c *catalog.Catalog) error { return c.UpdateProduct(teaParams()) }, catalog.ErrSKUDeleted},
		{"submit without a draft", nil, func(c *catalog.Catalog) error { return c.SubmitForReview("tea") }, catalog.ErrInvalidTransition},
		{"approve what was not submitted", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateProduct(teaParams()))
		}, func(c *catalog.Catalog) error { return c.ApproveReview("tea") }, catalog.ErrInvalidTransition},
		{"cancel a review not under way", nil, func(c *catalog.Catalog) error { return c.CancelReview("tea") }, catalog.ErrInvalidTransition},
		{"submit twice", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateProduct(teaParams()))
			require.NoError(t, c.SubmitForReview("tea"))
		}, func(c *catalog.Catalog) error { return c.SubmitForReview("tea") }, catalog.ErrUnderReview},
		{"approve a draft whose new SKU ID was taken meanwhile", func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateProduct(other(func(p *catalog.ProductParams) { p.SKUs[1].ID = "tea-new" })))
			require.NoError(t, c.SubmitForReview("tea"))
			q := cupParams()
			q.ID, q.SKUs[0].ID = "cup2", "tea-new"
			require.NoError(t, c.AddProduct(q))
		}, func(c *catalog.Catalog) error { return c.ApproveReview("tea") }, catalog.ErrDuplicate},
		{"review an unknown product", nil, func(c *catalog.Catalog) error { return c.RejectReview("nope") }, catalog.ErrNotFound},
		{"approve an unknown product", nil, func(c *catalog.Catalog) error { return c.ApproveReview("nope") }, catalog.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			if tt.setup != nil {
				tt.setup(t, c)
			}
			require.ErrorIs(t, requireUnchanged(t, c, func() error { return tt.cmd(c) }), tt.is)
		})
	}
}

func TestPurgeSKU(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	snap, err := c.Snapshot("tea", "tea-500")
	require.NoError(t, err)
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.PurgeSKU("tea", "tea-500") }), catalog.ErrInvalidTransition, "only deleted SKUs")
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.PurgeSKU("tea", "nope") }), catalog.ErrNotFound)
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
	require.NoError(t, c.PurgeSKU("tea", "tea-500"))
	live, found := c.LookupSKU("tea", "tea-500")
	assert.False(t, found)
	assert.Equal(t, catalog.DriftDeleted, live.Drifted(snap))
	assert.Equal(t, catalog.DriftDeleted, c.DriftOf(&snap))
	p, _ := c.Product("tea")
	assert.Len(t, p.SKUs(), 1)
}
