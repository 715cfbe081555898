package order_test

import (
	"bytes"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestRestoreJSONOrdersShareNothing: RestoreJSON reads into mirrors it reuses, and no order it
// returned may see the next one's data. Orders of every kind and size, restored one after
// another and from several goroutines, with rejected inputs (a truncated order, an unknown
// field at the end, which fill part of a mirror first) in between, each still write back the
// bytes they were read from once all are restored.
func TestRestoreJSONOrdersShareNothing(t *testing.T) {
	t.Parallel()
	var stored [][]byte
	for _, o := range everyKindOfOrder(t) {
		stored = append(stored, mustMarshal(t, o))
	}
	for seed := range uint64(200) {
		stored = append(stored, mustMarshal(t, randomOrder(t, rand.New(rand.NewPCG(seed, 11)))))
	}
	const goroutines = 4
	restored := make([][]*order.Order, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range stored {
				data := stored[(i*7+g*13)%len(stored)]
				_, err := order.RestoreJSON(data[:len(data)-1])
				require.Error(t, err, "a truncated order")
				_, err = order.RestoreJSON(append(bytes.TrimSuffix(bytes.Clone(data), []byte("}")), []byte(`,"extra":1}`)...))
				require.ErrorContains(t, err, `unknown field "extra"`)
				o, err := order.RestoreJSON(data)
				require.NoError(t, err)
				restored[g] = append(restored[g], o)
			}
		})
	}
	wg.Wait()
	for g := range goroutines {
		for i, o := range restored[g] {
			require.Equal(t, string(stored[(i*7+g*13)%len(stored)]), string(mustMarshal(t, o)), "goroutine %d, order %d", g, i)
		}
	}
}

func mustMarshal(t *testing.T, o *order.Order) []byte {
	t.Helper()
	data, err := o.MarshalJSON()
	require.NoError(t, err)
	return data
}
