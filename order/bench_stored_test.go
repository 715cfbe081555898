package order_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/wxshop-go/wxshop/order"
)

// storedSizes are the orders of BenchmarkStoredOrder: a small basket, a large one, and far
// beyond any real one.
var storedSizes = []int{3, 20, 200}

// storedOrder is the stored JSON of an order of n lines, paid, half of them shipped one parcel
// each: what a host reads and writes back on every push.
func storedOrder(b *testing.B, n int) []byte {
	b.Helper()
	o, err := order.New(benchParams(n))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := o.Pay(t0.Add(time.Hour)); err != nil {
		b.Fatal(err)
	}
	for _, p := range onePerLine(n)[:n/2] {
		if _, err := o.Ship(p, t0.Add(2*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
	data, err := json.Marshal(o)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkStoredOrder restores an order from its stored JSON, with every check of Restore, and
// writes it back: the storage round trip of a host's push path, through RestoreJSON and
// MarshalJSON (via=direct) and through json.Unmarshal and json.Marshal (via=encoding-json).
func BenchmarkStoredOrder(b *testing.B) {
	for _, n := range storedSizes {
		data := storedOrder(b, n)
		b.Run(fmt.Sprintf("lines=%d/via=direct", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				o, err := order.RestoreJSON(data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := o.MarshalJSON(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("lines=%d/via=encoding-json", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var o order.Order
				if err := json.Unmarshal(data, &o); err != nil {
					b.Fatal(err)
				}
				if _, err := json.Marshal(&o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStoredOrderMap is BenchmarkStoredOrder's baseline: the same bytes through
// encoding/json into a map[string]any and back, with no checks at all.
func BenchmarkStoredOrderMap(b *testing.B) {
	for _, n := range storedSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			data := storedOrder(b, n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var m map[string]any
				if err := json.Unmarshal(data, &m); err != nil {
					b.Fatal(err)
				}
				if _, err := json.Marshal(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
