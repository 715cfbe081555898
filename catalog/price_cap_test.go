package catalog_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// TestMaxPrice: the platform caps a SKU's sale price at 10,000,000.00 元. Every door a price
// comes in by accepts the cap itself and refuses one fen more, with an amount error that names
// the field. (The old code accepted anything up to the module-wide ceiling of 10亿元.)
func TestMaxPrice(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "10000000.00", catalog.MaxPrice().StringFixed(2))
	atCap, aboveCap := yuan("10000000.00"), yuan("10000000.01")
	require.True(t, atCap.Equal(catalog.MaxPrice()))

	// Each door takes a price and returns what it says of it; field is what the error names.
	doors := []struct {
		name  string
		try   func(t *testing.T, price decimal.Decimal) error
		field string
	}{
		{"AddProduct", func(t *testing.T, price decimal.Decimal) error {
			c := newShop(t)
			p := teaParams()
			p.ID, p.SKUs[0].ID, p.SKUs[1].ID = "tea2", "tea2-250", "tea2-500"
			p.SKUs[1].Price = price
			return c.AddProduct(p)
		}, "SKUs[1].Price"},
		{"UpdateProduct (the draft)", func(t *testing.T, price decimal.Decimal) error {
			c := newShop(t)
			p := teaParams()
			p.SKUs[1].Price = price
			return c.UpdateProduct(p)
		}, "SKUs[1].Price"},
		{"ApproveReview of a draft restored at the price", func(t *testing.T, price decimal.Decimal) error {
			c := newShop(t)
			s, ok := c.ProductState("cup")
			require.True(t, ok)
			s.ID = "cup9"
			s.SKUs[0].ID = "cup9-1"
			s.EditStatus = catalog.EditUnderReview
			draft := cupParams()
			draft.ID, draft.SKUs[0].ID, draft.SKUs[0].Price = "cup9", "cup9-1", price
			s.Draft = &draft
			if err := c.RestoreProduct(s); err != nil {
				return err
			}
			return c.ApproveReview("cup9")
		}, "SKUs[0].Price"},
		{"UpdateWithoutReview", func(t *testing.T, price decimal.Decimal) error {
			c := newShop(t)
			return c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
				{ID: "tea-250", Price: decimal.NewNullDecimal(yuan("127"))},
				{ID: "tea-500", Price: decimal.NewNullDecimal(price)}, // tea-500 has no market price
			}})
		}, "SKUs[1].Price"},
		{"NewSKU", func(t *testing.T, price decimal.Decimal) error {
			_, err := catalog.NewSKU("tea", catalog.SKUParams{ID: "tea-1kg", Price: price})
			return err
		}, "Price"},
		{"NewSnapshot", func(t *testing.T, price decimal.Decimal) error {
			_, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "tea", SKUID: "tea-1kg", Price: price})
			return err
		}, "Price"},
		{"RestoreProduct", func(t *testing.T, price decimal.Decimal) error {
			c := newShop(t)
			s, ok := c.ProductState("cup")
			require.True(t, ok)
			s.ID, s.SKUs[0].ID, s.SKUs[0].Price = "cup9", "cup9-1", price
			return c.RestoreProduct(s)
		}, "SKUs[0].Price"},
	}
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			require.NoError(t, d.try(t, atCap), "the cap itself is a price")
			err := d.try(t, aboveCap)
			require.ErrorIs(t, err, catalog.ErrInvalidAmount)
			var ae *catalog.AmountError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, d.field, ae.Field)
			assert.Equal(t, "10000000.01", ae.Value)
			assert.Contains(t, err.Error(), "10000000.00", "the message names the cap")
			assert.Error(t, d.try(t, yuan("10000000.001")), "a fraction of a fen above is no price either")
		})
	}
}

// TestMaxPriceIsChecked: a SKU held by the catalog never has a price above the cap, whatever
// path it took, and a refused price changes nothing.
func TestMaxPriceIsChecked(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	err := requireUnchanged(t, c, func() error {
		return c.UpdateWithoutReview("cup", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "cup-1", Price: decimal.NewNullDecimal(yuan("20000000"))}}})
	})
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
	p := cupParams()
	p.SKUs[0].Price = yuan("10000000.01")
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.UpdateProduct(p) }), catalog.ErrInvalidAmount)

	require.NoError(t, c.UpdateWithoutReview("cup", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "cup-1", Price: decimal.NewNullDecimal(catalog.MaxPrice())}}}))
	s := mustSKU(t, c, "cup", "cup-1")
	assert.Equal(t, "10000000.00", s.Price().StringFixed(2))
	snap := takeSnapshot(t, c, "cup", "cup-1")
	assert.True(t, snap.Price().Equal(catalog.MaxPrice()))
	_, err = catalog.NewSnapshot(snap.Params())
	require.NoError(t, err, "a snapshot at the cap is valid")
}

// TestMarketPriceCap: the crossed-out market price obeys the same cap: above it is refused,
// the cap itself is accepted (above a sale price just below it).
func TestMarketPriceCap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		price, market string
		ok            bool
	}{
		{"market price at the cap", "9999999.99", "10000000.00", true},
		{"market price a fen above the cap", "9999999.99", "10000000.01", false},
		{"market price far above the cap", "1.00", "999999999.00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sku := catalog.SKUParams{ID: "x-1", Price: yuan(tt.price), MarketPrice: yuan(tt.market)}
			_, errSKU := catalog.NewSKU("x", sku)
			c := newShop(t)
			p := cupParams()
			p.ID, p.SKUs = "x", []catalog.SKUParams{sku}
			errAdd := c.AddProduct(p)
			s, ok := c.ProductState("cup")
			require.True(t, ok)
			s.ID = "cup9"
			s.SKUs[0].ID, s.SKUs[0].Price, s.SKUs[0].MarketPrice = "cup9-1", yuan(tt.price), yuan(tt.market)
			errRestore := c.RestoreProduct(s)
			for name, err := range map[string]error{"NewSKU": errSKU, "AddProduct": errAdd, "RestoreProduct": errRestore} {
				if tt.ok {
					assert.NoError(t, err, name)
					continue
				}
				require.ErrorIs(t, err, catalog.ErrInvalidAmount, name)
				var ae *catalog.AmountError
				require.True(t, errors.As(err, &ae), name)
				assert.Contains(t, ae.Field, "MarketPrice", name)
			}
		})
	}
}
