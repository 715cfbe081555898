package order_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// bigOrder is a paid order of n lines of 2 units each, and a request of 4 parcels that ships
// every unit, items in line order: the shape package shipping checks.
func bigOrder(tb testing.TB, n int) (*order.Order, []order.Parcel) {
	tb.Helper()
	lines := make([]order.LineParams, n)
	for i := range lines {
		s := mustSnapshot(fmt.Sprintf("p%d", i/50), fmt.Sprintf("s%d", i), "T", d("10.00"))
		lines[i] = order.LineParams{Snapshot: s, Quantity: 2, UnitPrice: s.Price(), Paid: d("20.00")}
	}
	o, err := order.New(order.NewParams{ID: "big", Seller: shop.WeChatShop, Buyer: "b", Lines: lines,
		Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: t0})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := o.Pay(t0.Add(time.Hour)); err != nil {
		tb.Fatal(err)
	}
	parcels := make([]order.Parcel, 4)
	for p := range parcels {
		parcels[p] = order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("SF%d", p+1)}
	}
	for i := range n {
		p := i * len(parcels) / n
		parcels[p].Items = append(parcels[p].Items, order.Item{ProductID: fmt.Sprintf("p%d", i/50), SKUID: fmt.Sprintf("s%d", i), Quantity: 2})
	}
	return o, parcels
}

// BenchmarkShipmentProblems checks a clean request that ships every line of the order in 4
// parcels, complete=true. ns/line must stay flat from 10 to 10,000 lines.
func BenchmarkShipmentProblems(b *testing.B) {
	for _, n := range []int{10, 100, 10_000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			o, parcels := bigOrder(b, n)
			b.ReportAllocs()
			for b.Loop() {
				for e := range o.ShipmentProblems(parcels, true) {
					b.Fatal(e)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}

// TestShipmentProblemsAllocatesNothing: a request in line order, complete or not, costs no
// allocation at any size; nor does one out of order on a small order.
func TestShipmentProblemsAllocatesNothing(t *testing.T) {
	for _, n := range []int{4, 10, 100, 10_000} {
		o, parcels := bigOrder(t, n)
		for _, complete := range []bool{true, false} {
			found := 0
			allocs := testing.AllocsPerRun(10, func() {
				for range o.ShipmentProblems(parcels, complete) {
					found++
				}
			})
			assert.Zero(t, found, "n=%d", n)
			assert.Zero(t, allocs, "n=%d complete=%t", n, complete)
		}
	}
	o, parcels := bigOrder(t, 12)
	slices.Reverse(parcels)
	for i := range parcels {
		slices.Reverse(parcels[i].Items)
	}
	found := 0
	allocs := testing.AllocsPerRun(10, func() {
		for range o.ShipmentProblems(parcels, true) {
			found++
		}
	})
	assert.Zero(t, found)
	assert.Zero(t, allocs, "a small order out of order")
}
