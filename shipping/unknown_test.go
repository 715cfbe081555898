package shipping_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

// unknownSizes are the numbers of unknown items BenchmarkCheckUnknownItems and
// TestCheckUnknownItemsLinear compare.
var unknownSizes = []int{100, 4_000}

// unknownItemsRequest ships the baseline order whole in one parcel that also lists n items the
// order does not know (ghost-1..ghost-n, each under its own product): n blockers of
// RuleSKUUnknown, each of which names the product the parcel gave.
func unknownItemsRequest(tb testing.TB, n int) shipping.Request {
	tb.Helper()
	c := newShop(tb, 3)
	o := newOrder(tb, c, "o-ghosts", 2, 1)
	p := parcel(1, item(1, 2), item(2, 1))
	for i := range n {
		p.Items = append(p.Items, order.Item{ProductID: fmt.Sprintf("ghost-product-%d", i+1), SKUID: fmt.Sprintf("ghost-%d", i+1), Quantity: 1})
	}
	return request(o, c, p)
}

func TestCheckUnknownItems(t *testing.T) {
	t.Parallel()
	req := unknownItemsRequest(t, 50)
	r := shipping.Check(req)
	require.Len(t, r.Blockers, 50)
	for i, b := range r.Blockers {
		assert.Equal(t, order.RuleSKUUnknown, b.Code)
		assert.Equal(t, 1, b.Parcel)
		assert.Equal(t, fmt.Sprintf("ghost-%d", i+1), b.SKU, "in the parcel's order")
		assert.Equal(t, fmt.Sprintf("ghost-product-%d", i+1), b.ProductID, "the product the parcel gave")
		assert.Equal(t, fmt.Sprintf("parcel 1: product ghost-product-%d / SKU ghost-%d is not in the order", i+1, i+1), b.MessageEN)
	}
}

// BenchmarkCheckUnknownItems is Check on a parcel full of items the order does not know: one
// blocker per item, each found and worded in constant time (ns/item stays flat from 100 to
// 4,000 items), where the check before the restructure scanned the parcel again for every
// blocker's product.
func BenchmarkCheckUnknownItems(b *testing.B) {
	for _, n := range unknownSizes {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			req := unknownItemsRequest(b, n)
			require.Len(b, shipping.Check(req).Blockers, n)
			b.ReportAllocs()
			for b.Loop() {
				_ = shipping.Check(req)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// TestCheckUnknownItemsLinear states BenchmarkCheckUnknownItems as a promise: the cost per
// unknown item at 4,000 items is within a small factor of the cost at 100 items. A check that
// scans the parcel once per blocker costs 40 times more per item at 4,000 than at 100 (its
// quadratic part dominates); a linear one about the same. Each size is timed as the best of
// several rounds, which a busy machine slows down but cannot speed up.
func TestCheckUnknownItemsLinear(t *testing.T) {
	t.Parallel()
	perItem := make([]time.Duration, len(unknownSizes))
	for k, n := range unknownSizes {
		req := unknownItemsRequest(t, n)
		calls := max(1, 40_000/n) // about 40,000 items a round, whatever the size
		best := time.Duration(1<<63 - 1)
		for range 7 {
			start := time.Now()
			for range calls {
				_ = shipping.Check(req)
			}
			best = min(best, time.Since(start)/time.Duration(calls))
		}
		perItem[k] = best / time.Duration(n)
	}
	t.Logf("per unknown item: %v at %d items, %v at %d items", perItem[0], unknownSizes[0], perItem[1], unknownSizes[1])
	assert.Less(t, perItem[1], 4*perItem[0], "Check's cost per unknown item grows with the number of items")
}
