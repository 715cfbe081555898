package wxapi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeProduct_OlderCats: a product that carries only the older cats (no cats_v2) takes
// its category from cats; when both are present, cats_v2 wins.
func TestDecodeProduct_OlderCats(t *testing.T) {
	t.Parallel()
	const v2 = `"cats_v2": [{"cat_id": "1001"}, {"cat_id": "1003"}, {"cat_id": "7421"}]`
	tests := []struct {
		name, replacement, want string
	}{
		{"cats only", `"cats": [{"cat_id": "2001"}, {"cat_id": "2014"}, {"cat_id": "6153"}]`, "6153"},
		{"cats as numbers", `"cats": [{"cat_id": 2001}, {"cat_id": 6153}]`, "6153"},
		{"empty cats_v2, cats", `"cats_v2": [], "cats": [{"cat_id": "6153"}]`, "6153"},
		{"both: cats_v2 wins", v2 + `, "cats": [{"cat_id": "2001"}, {"cat_id": "6153"}]`, "7421"},
		{"cats before cats_v2: cats_v2 still wins", `"cats": [{"cat_id": "6153"}], ` + v2, "7421"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeProduct(mutate(t, "product/three_skus.json", v2, tt.replacement))
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.Online.Params.CategoryID)
			state, err := res.State()
			require.NoError(t, err)
			assert.Equal(t, tt.want, state.CategoryID)
		})
	}
}

// TestDecodeProduct_OlderCatsErrors: a bad category in cats is named at its path in cats,
// and a product with neither list still misses cats_v2.
func TestDecodeProduct_OlderCatsErrors(t *testing.T) {
	t.Parallel()
	const v2 = `"cats_v2": [{"cat_id": "1001"}, {"cat_id": "1003"}, {"cat_id": "7421"}]`
	tests := []struct {
		name, replacement, field string
		is                       error
	}{
		{"bad leaf in cats", `"cats": [{"cat_id": "2001"}, {"cat_id": "x6153"}]`, "product.cats[1].cat_id", wxapi.ErrMalformed},
		{"leaf of cats without an ID", `"cats": [{"cat_id": "2001"}, {}]`, "product.cats[1].cat_id", wxapi.ErrMissingField},
		{"neither", `"cats": []`, "product.cats_v2", wxapi.ErrMissingField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := wxapi.DecodeProduct(mutate(t, "product/three_skus.json", v2, tt.replacement))
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, tt.is)
		})
	}
}
