package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func price(s string) decimal.NullDecimal { return decimal.NewNullDecimal(yuan(s)) }

func TestUpdateWithoutReview(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	require.NoError(t, c.Reserve("tea", "tea-250", 4))
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "tea-250", Price: price("118.00"), Stock: catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: 6}},
		{ID: "tea-500", Stock: catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 3}, Status: catalog.SKUDelisted},
	}}))
	a := mustSKU(t, c, "tea", "tea-250")
	assert.Equal(t, "118.00", a.Price().StringFixed(2))
	assert.Equal(t, uint32(2), a.Revision())
	assert.Equal(t, counts{4, 4, 0}, countsOf(t, c, "tea", "tea-250"))
	b := mustSKU(t, c, "tea", "tea-500")
	assert.Equal(t, 3, b.Available())
	assert.Equal(t, catalog.SKUDelisted, b.Status())
	assert.Equal(t, uint32(1), b.Revision())

	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Status: catalog.SKUListed}}}))
	assert.NoError(t, c.CanBuy("tea", "tea-500", 3))
}

func TestUpdateWithoutReviewRejects(t *testing.T) {
	t.Parallel()
	upd := func(skus ...catalog.NoReviewSKU) catalog.NoReviewUpdate { return catalog.NoReviewUpdate{SKUs: skus} }
	// Each case's last SKU change is the bad one; the good ones before it must not apply.
	good := catalog.NoReviewSKU{ID: "tea-500", Price: price("200"), Stock: catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 1}}
	tests := []struct {
		name    string
		setup   func(t *testing.T, c *catalog.Catalog)
		product string
		u       catalog.NoReviewUpdate
		is      error
		field   string
		rule    string
	}{
		{name: "no SKUs", product: "tea", u: upd(), is: catalog.ErrInvalid, field: "SKUs", rule: "min"},
		{name: "unknown product", product: "nope", u: upd(good), is: catalog.ErrNotFound},
		{name: "unknown SKU", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "nope", Price: price("1")}), is: catalog.ErrNotFound},
		{name: "SKU of another product", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "cup-1", Price: price("1")}), is: catalog.ErrNotFound},
		{name: "price zero", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Price: price("0")}), is: catalog.ErrInvalidAmount},
		{name: "price with three decimals", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Price: price("9.999")}), is: catalog.ErrInvalidAmount},
		{name: "price not below market price", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Price: price("168")}), is: catalog.ErrInvalid, field: "SKUs[1].Price", rule: "ltfield"},
		{name: "subtract beyond available", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Stock: catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: 11}}), is: catalog.ErrOutOfStock},
		{name: "zero delta", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Stock: catalog.StockAdjustment{Diff: catalog.DiffAdd}}), is: catalog.ErrInvalidQuantity},
		{name: "number without diff type", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Stock: catalog.StockAdjustment{Num: 3}}), is: catalog.ErrUnknownCode},
		{name: "unknown SKU status", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Status: 7}), is: catalog.ErrUnknownCode},
		{name: "delete with a price", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Delete: true, Price: price("1")}), is: catalog.ErrInvalid, field: "SKUs[1].Delete", rule: "excluded_with"},
		{name: "same SKU twice", product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-500", Status: catalog.SKUListed}), is: catalog.ErrInvalid, field: "SKUs[1].ID", rule: "unique"},
		{name: "deleting every SKU", product: "tea", u: upd(catalog.NoReviewSKU{ID: "tea-500", Delete: true}, catalog.NoReviewSKU{ID: "tea-250", Delete: true}), is: catalog.ErrInvalid, field: "SKUs", rule: "min_live"},
		{name: "a deleted SKU", setup: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateWithoutReview("tea", upd(catalog.NoReviewSKU{ID: "tea-250", Delete: true})))
		}, product: "tea", u: upd(good, catalog.NoReviewSKU{ID: "tea-250", Price: price("1")}), is: catalog.ErrSKUDeleted},
		{name: "not listed", setup: func(t *testing.T, c *catalog.Catalog) { require.NoError(t, c.Delist("tea")) },
			product: "tea", u: upd(good), is: catalog.ErrNotListed},
		{name: "under review", setup: func(t *testing.T, c *catalog.Catalog) {
			require.NoError(t, c.UpdateProduct(teaParams()))
			require.NoError(t, c.SubmitForReview("tea"))
		}, product: "tea", u: upd(good), is: catalog.ErrUnderReview},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			require.NoError(t, c.Reserve("tea", "tea-250", 1))
			if tt.setup != nil {
				tt.setup(t, c)
			}
			err := requireUnchanged(t, c, func() error { return c.UpdateWithoutReview(tt.product, tt.u) })
			require.ErrorIs(t, err, tt.is)
			if tt.field != "" {
				var ve *catalog.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.True(t, ve.Has(tt.field, tt.rule), err.Error())
			}
		})
	}
}

func TestUnderReviewMessage(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	require.NoError(t, c.UpdateProduct(teaParams()))
	require.NoError(t, c.SubmitForReview("tea"))
	err := c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("1")}}})
	var se *catalog.StateError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "under_review", se.State)
	assert.EqualError(t, err, `catalog: cannot update without review product "tea" in state under_review: product under review`)
}

func TestDeletedSKUMessage(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
	err := c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Price: price("1")}}})
	assert.EqualError(t, err, `catalog: cannot update without review SKU "tea-500" of product "tea" in state deleted: SKU deleted`)
}
