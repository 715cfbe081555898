package catalog_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// FuzzStateJSON: a stored catalog read from any bytes never panics; a refused read leaves its
// target as it was; whatever Restore accepts is a catalog whose stored form reads back into an
// equal State, restores again, and writes the very same bytes; and (*Catalog).UnmarshalJSON
// accepts exactly what State's decoder and Restore accept together.
func FuzzStateJSON(f *testing.F) {
	golden, err := os.ReadFile(filepath.Join("testdata", "state.json"))
	require.NoError(f, err)
	f.Add(golden)
	shop, err := json.Marshal(newShop(f))
	require.NoError(f, err)
	f.Add(shop)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"categories":[{"id":"k","name":"分类","hidden":true}],"products":[{"id":"p","title":"t","category_id":"k",` +
		`"images":["i"],"status":"listed","edit_status":"editing","draft":{"id":"p","title":"t2","category_id":"k","images":["j"],` +
		`"skus":[{"id":"s","price":1.5,"stock":2},{"id":"x","price":"2","stock":0}]},"skus":[{"id":"s","attrs":[{"key":"a","value":"b"}],` +
		`"price":"1.00","market_price":"3","total":4,"reserved":4,"revision":9,"status":"delisted"}]}],` +
		`"shelves":[{"id":"h","name":"首页","product_ids":["p"]}]}`))
	f.Add([]byte(`{"products":[{"id":"p","skus":[{"price":"0.001"}]}]}`))
	f.Add([]byte(`{"shelves":[{"id":"h","name":"n","product_ids":null}],"categories":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		keep := catalog.State{Categories: []catalog.CategoryParams{{ID: "k", Name: "k"}}}
		s := keep
		if err := json.Unmarshal(data, &s); err != nil {
			require.Equal(t, keep, s, "a refused read leaves the State as it was")
			var c catalog.Catalog
			require.Error(t, json.Unmarshal(data, &c))
			return
		}
		c, err := catalog.Restore(s)
		var direct catalog.Catalog
		if err != nil {
			require.Nil(t, c)
			require.Error(t, json.Unmarshal(data, &direct), "the catalog's decoder refuses it too")
			return
		}
		out, err := json.Marshal(c)
		require.NoError(t, err, "whatever Restore accepts can be stored")
		var back catalog.State
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.Equal(t, c.State(), back)
		again, err := catalog.Restore(back)
		require.NoError(t, err, "%s", out)
		out2, err := json.Marshal(again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
		require.NoError(t, json.Unmarshal(data, &direct))
		out3, err := json.Marshal(&direct)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out3))
	})
}
