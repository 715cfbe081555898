package order_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
)

func TestCatalogVersion(t *testing.T) {
	t.Parallel()
	v := func(seq, hash uint64) catalog.Version { return catalog.Version{Seq: seq, Hash: hash} }
	tests := []struct {
		name     string
		versions [3]catalog.Version
		want     catalog.Version
	}{
		{"the same version", [3]catalog.Version{v(7, 4), v(7, 4), v(7, 4)}, v(7, 4)},
		{"two moments of one history", [3]catalog.Version{v(7, 9), v(7, 9), v(8, 3)}, catalog.Version{}},
		{"a line without one", [3]catalog.Version{v(7, 4), {}, v(7, 4)}, catalog.Version{}},
		{"the same Seq, two histories", [3]catalog.Version{v(7, 9), v(7, 8), v(7, 9)}, catalog.Version{}},
		{"none", [3]catalog.Version{}, catalog.Version{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := threeLines()
			for i := range p.Lines {
				p.Lines[i].Snapshot.CatalogVersion = tt.versions[i]
			}
			o, err := order.New(p)
			require.NoError(t, err)
			assert.Equal(t, tt.want, o.CatalogVersion())

			data, err := json.Marshal(o)
			require.NoError(t, err)
			var back order.Order
			require.NoError(t, json.Unmarshal(data, &back))
			assert.Equal(t, tt.want, back.CatalogVersion(), "a restored order computes the same")
		})
	}
}
