package catalog_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestSnapshotJSON(t *testing.T) {
	t.Parallel()
	snap := catalog.Snapshot{ProductID: "tea", SKUID: "tea-250", Title: "西湖龙井", Attrs: attrs("规格", "250g"), Price: yuan("10.1"), Revision: 3}
	data, err := json.Marshal(snap)
	require.NoError(t, err)
	assert.JSONEq(t, `{"product_id":"tea","sku_id":"tea-250","title":"西湖龙井","attrs":[{"key":"规格","value":"250g"}],"price":"10.10","revision":3}`, string(data))

	var back catalog.Snapshot
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(snap), "round trip: %+v", back)
	assert.Equal(t, "10.10", back.Price.StringFixed(2))
}

func TestSnapshotUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		price    string // want, when ok
		is       error  // want, when not
	}{
		{"price as string", `{"product_id":"p","sku_id":"s","price":"10.10"}`, "10.10", nil},
		{"price as number", `{"product_id":"p","sku_id":"s","price":10.1}`, "10.10", nil},
		{"whole yuan", `{"product_id":"p","sku_id":"s","price":"99"}`, "99.00", nil},
		{"three decimals", `{"product_id":"p","sku_id":"s","price":"10.101"}`, "", catalog.ErrInvalidAmount},
		{"zero price", `{"product_id":"p","sku_id":"s","price":"0"}`, "", catalog.ErrInvalidAmount},
		{"negative price", `{"product_id":"p","sku_id":"s","price":"-1"}`, "", catalog.ErrInvalidAmount},
		{"price not a number", `{"product_id":"p","sku_id":"s","price":"ten"}`, "", catalog.ErrInvalidAmount},
		{"price missing", `{"product_id":"p","sku_id":"s"}`, "", catalog.ErrInvalidAmount},
		{"price null", `{"product_id":"p","sku_id":"s","price":null}`, "", catalog.ErrInvalidAmount},
		{"price above the ceiling", `{"product_id":"p","sku_id":"s","price":"1000000000.01"}`, "", catalog.ErrInvalidAmount},
		{"huge exponent", `{"product_id":"p","sku_id":"s","price":"1e999999"}`, "", catalog.ErrInvalidAmount},
		{"no product", `{"sku_id":"s","price":"1"}`, "", catalog.ErrInvalid},
		{"no SKU", `{"product_id":"p","price":"1"}`, "", catalog.ErrInvalid},
		{"attribute without key", `{"product_id":"p","sku_id":"s","price":"1","attrs":[{"value":"x"}]}`, "", catalog.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			old := catalog.Snapshot{ProductID: "old", SKUID: "old", Price: yuan("1"), Revision: 9}
			got := old
			err := json.Unmarshal([]byte(tt.in), &got)
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
				assert.True(t, got.Equal(old), "a rejected snapshot leaves the target unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.price, got.Price.StringFixed(2))
		})
	}
	var s catalog.Snapshot
	require.Error(t, json.Unmarshal([]byte(`{"product_id":1}`), &s), "wrong JSON type")
	require.Error(t, json.Unmarshal([]byte(`{"product_id":"p","sku_id":"s","price":"1}`), &s), "broken JSON")
}

func TestSnapshotValidate(t *testing.T) {
	t.Parallel()
	ok := catalog.Snapshot{ProductID: "p", SKUID: "s", Price: yuan("0.01")}
	require.NoError(t, ok.Validate())
	bad := ok
	bad.Price = yuan("0")
	require.ErrorIs(t, bad.Validate(), catalog.ErrInvalidAmount)
	bad = ok
	bad.ProductID = ""
	var ve *catalog.ValidationError
	require.ErrorAs(t, bad.Validate(), &ve)
	assert.True(t, ve.Has("ProductID", "required"))
	assert.EqualError(t, bad.Validate(), "catalog: invalid Snapshot: ProductID: required")
}

func TestSnapshotEqual(t *testing.T) {
	t.Parallel()
	a := catalog.Snapshot{ProductID: "p", SKUID: "s", Price: yuan("1.0"), Attrs: attrs("k", "v"), Revision: 1}
	b := a
	b.Price = yuan("1")
	assert.True(t, a.Equal(b), "prices compare by value")
	b.Attrs = attrs("k", "w")
	assert.False(t, a.Equal(b))
}

func FuzzSnapshotJSON(f *testing.F) {
	f.Add([]byte(`{"product_id":"p","sku_id":"s","price":"10.10","attrs":[{"key":"k","value":"v"}],"revision":2}`))
	f.Add([]byte(`{"product_id":"p","sku_id":"s","price":10.1}`))
	f.Add([]byte(`{"price":"-0.001"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s catalog.Snapshot
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		// Whatever was accepted is valid, and survives a round trip unchanged.
		require.NoError(t, s.Validate())
		out, err := json.Marshal(s)
		require.NoError(t, err)
		var back catalog.Snapshot
		require.NoError(t, json.Unmarshal(out, &back))
		require.True(t, back.Equal(s), "%s -> %s", data, out)
	})
}
