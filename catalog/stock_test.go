package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

type counts struct{ total, reserved, available int }

func countsOf(t *testing.T, c *catalog.Catalog, productID, skuID string) counts {
	s := mustSKU(t, c, productID, skuID)
	return counts{s.Total(), s.Reserved(), s.Available()}
}

func TestStockLifecycle(t *testing.T) {
	t.Parallel()
	c := newShop(t) // cup-1: 5 on hand
	steps := []struct {
		name string
		op   func() error
		want counts
	}{
		{"reserve on order", func() error { return c.Reserve("cup", "cup-1", 3) }, counts{5, 3, 2}},
		{"release on cancel", func() error { return c.Release("cup", "cup-1", 1) }, counts{5, 2, 3}},
		{"commit on ship", func() error { return c.Commit("cup", "cup-1", 2) }, counts{3, 0, 3}},
		{"restock on return", func() error { return c.Restock("cup", "cup-1", 1) }, counts{4, 0, 4}},
		{"reserve all", func() error { return c.Reserve("cup", "cup-1", 4) }, counts{4, 4, 0}},
		{"merchant adds", func() error {
			return c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 10})
		}, counts{14, 4, 10}},
		{"merchant subtracts", func() error {
			return c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: 7})
		}, counts{7, 4, 3}},
		{"merchant sets available to 0: reservations survive", func() error {
			return c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 0})
		}, counts{4, 4, 0}},
		{"reserved units still ship", func() error { return c.Commit("cup", "cup-1", 4) }, counts{0, 0, 0}},
	}
	for _, st := range steps {
		require.NoError(t, st.op(), st.name)
		assert.Equal(t, st.want, countsOf(t, c, "cup", "cup-1"), st.name)
	}
}

func TestStockRejects(t *testing.T) {
	t.Parallel()
	adjust := func(d catalog.DiffType, n int) func(c *catalog.Catalog) error {
		return func(c *catalog.Catalog) error {
			return c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: d, Num: n})
		}
	}
	tests := []struct {
		name string
		cmd  func(c *catalog.Catalog) error
		is   error
		msg  string
	}{
		{"reserve beyond available", func(c *catalog.Catalog) error { return c.Reserve("cup", "cup-1", 4) }, catalog.ErrOutOfStock,
			`catalog: reserve 4 of SKU "cup-1" (product "cup"): out of stock, have 3`},
		{"reserve zero", func(c *catalog.Catalog) error { return c.Reserve("cup", "cup-1", 0) }, catalog.ErrInvalidQuantity, ""},
		{"reserve a delisted product", func(c *catalog.Catalog) error {
			return c.Reserve("tea", "tea-250", 1)
		}, catalog.ErrDelisted, ""},
		{"reserve in a hidden category", func(c *catalog.Catalog) error { return c.Reserve("mooncake", "mooncake-6", 1) }, catalog.ErrHiddenCategory, ""},
		{"reserve an unknown SKU", func(c *catalog.Catalog) error { return c.Reserve("cup", "nope", 1) }, catalog.ErrNotFound, ""},
		{"release more than reserved", func(c *catalog.Catalog) error { return c.Release("cup", "cup-1", 3) }, catalog.ErrInvalidQuantity,
			`catalog: release 3 of SKU "cup-1" (product "cup"): invalid quantity, have 2`},
		{"release zero", func(c *catalog.Catalog) error { return c.Release("cup", "cup-1", 0) }, catalog.ErrInvalidQuantity, ""},
		{"commit more than reserved", func(c *catalog.Catalog) error { return c.Commit("cup", "cup-1", 3) }, catalog.ErrInvalidQuantity, ""},
		{"commit negative", func(c *catalog.Catalog) error { return c.Commit("cup", "cup-1", -1) }, catalog.ErrInvalidQuantity, ""},
		{"restock zero", func(c *catalog.Catalog) error { return c.Restock("cup", "cup-1", 0) }, catalog.ErrInvalidQuantity, ""},
		{"restock above MaxStock", func(c *catalog.Catalog) error { return c.Restock("cup", "cup-1", catalog.MaxStock) }, catalog.ErrInvalidQuantity, ""},
		{"restock an unknown SKU", func(c *catalog.Catalog) error { return c.Restock("tea", "cup-1", 1) }, catalog.ErrNotFound, ""},
		{"subtract beyond available", adjust(catalog.DiffSubtract, 4), catalog.ErrOutOfStock, ""},
		{"subtract zero", adjust(catalog.DiffSubtract, 0), catalog.ErrInvalidQuantity, ""},
		{"add zero", adjust(catalog.DiffAdd, 0), catalog.ErrInvalidQuantity, ""},
		{"add negative", adjust(catalog.DiffAdd, -3), catalog.ErrInvalidQuantity, ""},
		{"add above MaxStock", adjust(catalog.DiffAdd, catalog.MaxStock), catalog.ErrInvalidQuantity, ""},
		{"set negative", adjust(catalog.DiffSet, -1), catalog.ErrInvalidQuantity, ""},
		{"set above MaxStock", adjust(catalog.DiffSet, catalog.MaxStock), catalog.ErrInvalidQuantity, ""},
		{"unknown diff type", adjust(catalog.DiffType(4), 1), catalog.ErrUnknownCode, "unknown catalog.DiffType 4"},
		{"zero diff type", adjust(0, 1), catalog.ErrUnknownCode, ""},
		{"adjust a deleted SKU", func(c *catalog.Catalog) error {
			return c.AdjustStock("tea", "tea-500", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 1})
		}, catalog.ErrSKUDeleted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			require.NoError(t, c.Reserve("cup", "cup-1", 2)) // cup-1: 5 on hand, 2 reserved, 3 available
			require.NoError(t, c.Reserve("tea", "tea-250", 1))
			require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
			require.NoError(t, c.Delist("tea"))
			require.NoError(t, c.HideCategory("seasonal"))
			err := requireUnchanged(t, c, func() error { return tt.cmd(c) })
			require.ErrorIs(t, err, tt.is)
			if tt.msg != "" {
				assert.EqualError(t, err, tt.msg)
			}
		})
	}
}

func TestStockOnDeletedAndDelistedSKUs(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	require.NoError(t, c.Reserve("tea", "tea-250", 2))
	require.NoError(t, c.Delist("tea"))
	require.NoError(t, c.Release("tea", "tea-250", 1), "a delisted product's orders can still be cancelled")
	require.NoError(t, c.Commit("tea", "tea-250", 1), "and shipped")
	require.NoError(t, c.List("tea"))
	require.NoError(t, c.Reserve("tea", "tea-250", 1))
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Delete: true}}}))
	require.NoError(t, c.Commit("tea", "tea-250", 1), "a deleted SKU's orders still ship")
	require.NoError(t, c.Restock("tea", "tea-250", 1), "and come back")
	assert.Equal(t, counts{9, 0, 9}, countsOf(t, c, "tea", "tea-250"))
}

// FuzzStockOperations runs random sequences of stock operations on one SKU against a
// reference model of two counters, and checks after every step that stock is never negative,
// reserved + available = total, and a rejected operation changes nothing.
func FuzzStockOperations(f *testing.F) {
	f.Add([]byte{0, 20, 1, 17, 2, 17, 3, 18, 4, 30, 5, 40, 6, 16})
	f.Add([]byte{0, 255, 6, 0, 2, 20, 5, 16})
	f.Add([]byte{6, 200, 0, 100, 6, 16, 2, 100, 1, 50})
	f.Fuzz(func(t *testing.T, program []byte) {
		if len(program) > 200 {
			program = program[:200]
		}
		c := newShop(t)
		total, reserved := 5, 0 // cup-1 starts with 5 units on hand
		for i := 0; i+1 < len(program); i += 2 {
			op, n := program[i]%7, int(program[i+1])-16
			var err error
			var wantOK bool
			var wantIs error
			switch op {
			case 0:
				err = c.Reserve("cup", "cup-1", n)
				wantOK, wantIs = n > 0 && n <= total-reserved, catalog.ErrOutOfStock
				if n <= 0 {
					wantIs = catalog.ErrInvalidQuantity
				}
				if wantOK {
					reserved += n
				}
			case 1:
				err = c.Release("cup", "cup-1", n)
				wantOK, wantIs = n > 0 && n <= reserved, catalog.ErrInvalidQuantity
				if wantOK {
					reserved -= n
				}
			case 2:
				err = c.Commit("cup", "cup-1", n)
				wantOK, wantIs = n > 0 && n <= reserved, catalog.ErrInvalidQuantity
				if wantOK {
					reserved -= n
					total -= n
				}
			case 3:
				err = c.Restock("cup", "cup-1", n)
				wantOK, wantIs = n > 0, catalog.ErrInvalidQuantity
				if wantOK {
					total += n
				}
			case 4:
				err = c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: n})
				wantOK, wantIs = n > 0, catalog.ErrInvalidQuantity
				if wantOK {
					total += n
				}
			case 5:
				err = c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: n})
				wantOK, wantIs = n > 0 && n <= total-reserved, catalog.ErrOutOfStock
				if n <= 0 {
					wantIs = catalog.ErrInvalidQuantity
				}
				if wantOK {
					total -= n
				}
			case 6:
				err = c.AdjustStock("cup", "cup-1", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: n})
				wantOK, wantIs = n >= 0, catalog.ErrInvalidQuantity
				if wantOK {
					total = reserved + n
				}
			}
			if wantOK {
				require.NoError(t, err, "step %d: op %d n %d", i/2, op, n)
			} else {
				require.ErrorIs(t, err, wantIs, "step %d: op %d n %d", i/2, op, n)
			}
			s := mustSKU(t, c, "cup", "cup-1")
			require.Equal(t, counts{total, reserved, total - reserved}, counts{s.Total(), s.Reserved(), s.Available()}, "step %d", i/2)
			require.GreaterOrEqual(t, s.Reserved(), 0)
			require.GreaterOrEqual(t, s.Available(), 0)
			require.Equal(t, s.Total(), s.Reserved()+s.Available())
			require.Equal(t, s.Available() > 0, c.CanBuy("cup", "cup-1", 1) == nil)
		}
	})
}

func TestStockUnknownSKU(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	for name, cmd := range map[string]func() error{
		"release": func() error { return c.Release("cup", "nope", 1) },
		"commit":  func() error { return c.Commit("nope", "cup-1", 1) },
		"adjust": func() error {
			return c.AdjustStock("cup", "nope", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 1})
		},
	} {
		require.ErrorIs(t, requireUnchanged(t, c, cmd), catalog.ErrNotFound, name)
	}
	err := c.AdjustStock("tea", "tea-250", catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: 11})
	var se *catalog.StockError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "adjust subtract", se.Op)
	assert.Equal(t, 11, se.Want)
	assert.Equal(t, 10, se.Have)
	assert.EqualError(t, err, `catalog: adjust subtract 11 of SKU "tea-250" (product "tea"): out of stock, have 10`)
}
