package shipping_test

import (
	"strconv"
	"testing"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/shipping"
)

var scratchSink int

func BenchmarkScratchAllCopy(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		o := req.Order
		return func() {
			for _, l := range o.All() {
				scratchSink += l.Quantity
			}
		}
	})
}

func BenchmarkScratchShipBy(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		o := req.Order
		return func() {
			_, ok := o.ShipBy()
			if ok {
				scratchSink++
			}
		}
	})
}

func BenchmarkScratchWalkCompare(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		o := req.Order
		return func() {
			pi, ii := 0, 0
			for _, l := range o.All() {
				if ii >= len(req.Parcels[pi].Items) {
					pi, ii = pi+1, 0
				}
				if req.Parcels[pi].Items[ii].SKUID == l.Snapshot.SKUID {
					scratchSink++
				}
				ii++
			}
		}
	})
}

func BenchmarkScratchAllDrift(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		o := req.Order
		c := req.SKUs.(*catalog.Catalog)
		return func() {
			for _, l := range o.All() {
				if c.DriftOfSnapshot(&l.Snapshot).Any() {
					scratchSink++
				}
			}
		}
	})
}

func BenchmarkScratchLineAtCopy(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		o := req.Order
		return func() {
			for i := range o.NumLines() {
				l, _ := o.LineAt(i)
				scratchSink += l.Quantity
			}
		}
	})
}

func BenchmarkScratchLineAtDrift(b *testing.B) {
	benchLines(b, func(b *testing.B, req shipping.Request) func() {
		o := req.Order
		c := req.SKUs.(*catalog.Catalog)
		return func() {
			for i := range o.NumLines() {
				l, _ := o.LineAt(i)
				if c.DriftOfSnapshot(&l.Snapshot).Any() {
					scratchSink++
				}
			}
		}
	})
}

func fmtLines(n int) string { return "lines=" + strconv.Itoa(n) }
