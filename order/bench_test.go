package order_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/looplab/fsm"
	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// pairs is every (status, trigger) pair, valid and rejected: the workload of the table
// benchmarks.
var pairs = func() (out []struct {
	s order.Status
	t order.Trigger
}) {
	for _, s := range order.Statuses() {
		for _, t := range order.Triggers() {
			out = append(out, struct {
				s order.Status
				t order.Trigger
			}{s, t})
		}
	}
	return out
}()

// bare is the floor BenchmarkTransition is measured against: a plain [status][trigger] array
// built from the table, with no validation and no errors.
var bare = func() (a [256][16]order.Status) {
	for _, e := range order.Transitions() {
		a[e.From][e.Trigger] = e.To
	}
	return a
}()

var sink order.Status

func BenchmarkBareLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			sink += bare[p.s][p.t]
		}
	}
}

func BenchmarkTransition(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			to, _ := order.Next(p.s, p.t)
			sink += to
		}
	}
}

// BenchmarkLifecycle is a whole order per op: New with 3 lines, Pay, Ship in 2 parcels,
// ConfirmReceipt.
func BenchmarkLifecycle(b *testing.B) {
	b.ReportAllocs()
	p := threeLines()
	p1 := parcel("SF1", item("a", 2))
	p2 := parcel("SF2", item("b", 1), item("c", 3))
	for b.Loop() {
		o, err := order.New(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := o.Pay(t0.Add(time.Hour)); err != nil {
			b.Fatal(err)
		}
		if _, err := o.Ship(p1, t0.Add(2*time.Hour)); err != nil {
			b.Fatal(err)
		}
		if _, err := o.Ship(p2, t0.Add(3*time.Hour)); err != nil {
			b.Fatal(err)
		}
		if _, err := o.ConfirmReceipt(order.ConfirmByBuyer, t0.Add(72*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLooplabFSM is the comparison for BenchmarkLifecycle: a generic looplab/fsm machine
// tracking the status alone through the same life (build, pay, ship part, ship all, confirm).
func BenchmarkLooplabFSM(b *testing.B) {
	b.ReportAllocs()
	events := fsm.Events{
		{Name: "pay", Src: []string{"pending_payment"}, Dst: "pending_shipment"},
		{Name: "cancel", Src: []string{"pending_payment"}, Dst: "cancelled"},
		{Name: "ship_part", Src: []string{"pending_shipment", "partially_shipped"}, Dst: "partially_shipped"},
		{Name: "ship_all", Src: []string{"pending_shipment", "partially_shipped"}, Dst: "shipped"},
		{Name: "confirm_receipt", Src: []string{"shipped"}, Dst: "completed"},
	}
	ctx := context.Background()
	for b.Loop() {
		m := fsm.NewFSM("pending_payment", events, fsm.Callbacks{})
		for _, e := range []string{"pay", "ship_part", "ship_all", "confirm_receipt"} {
			if err := m.Event(ctx, e); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// The linear benchmarks: each runs at 100 and 10,000 lines and reports ns/line, which must stay
// about flat between the two sizes (every operation of the order is linear in its lines).
var benchSizes = []int{100, 10_000}

// perLine reports the time of one op divided by the order's lines.
func perLine(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
}

// benchParams is an order of n lines of 2 units each, 10.00 a unit, product p<i/50>, SKU s<i>.
func benchParams(n int) order.NewParams {
	lines := make([]order.LineParams, n)
	for i := range lines {
		s := mustSnapshot(fmt.Sprintf("p%d", i/50), fmt.Sprintf("s%d", i), "T", d("10.00"))
		lines[i] = order.LineParams{Snapshot: s, Quantity: 2, UnitPrice: s.Price(), Paid: d("20.00")}
	}
	return order.NewParams{ID: "big", Seller: shop.WeChatShop, Buyer: "b", Lines: lines,
		Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: t0}
}

// onePerLine is one parcel per line of an order of benchParams(n), in line order.
func onePerLine(n int) []order.Parcel {
	parcels := make([]order.Parcel, n)
	for i := range parcels {
		parcels[i] = order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("SF%d", i),
			Items: []order.Item{{ProductID: fmt.Sprintf("p%d", i/50), SKUID: fmt.Sprintf("s%d", i), Quantity: 2}}}
	}
	return parcels
}

// shippedBig is an order of benchParams(n), paid and shipped one parcel per line.
func shippedBig(b *testing.B, n int) *order.Order {
	b.Helper()
	o, err := order.New(benchParams(n))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := o.Pay(t0.Add(time.Hour)); err != nil {
		b.Fatal(err)
	}
	for _, p := range onePerLine(n) {
		if _, err := o.Ship(p, t0.Add(2*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
	return o
}

func BenchmarkNew(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			p := benchParams(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := order.New(p); err != nil {
					b.Fatal(err)
				}
			}
			perLine(b, n)
		})
	}
}

// BenchmarkRestore rebuilds a shipped order (n lines, n parcels) from its State: every check
// of Restore, Ship's walk over every parcel included.
func BenchmarkRestore(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			s := shippedBig(b, n).State()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := order.Restore(s); err != nil {
					b.Fatal(err)
				}
			}
			perLine(b, n)
		})
	}
}

// BenchmarkUnmarshalJSON reads the stored JSON of a shipped order (n lines, n parcels) into an
// *Order, with Restore's checks.
func BenchmarkUnmarshalJSON(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			data, err := json.Marshal(shippedBig(b, n))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var o order.Order
				if err := json.Unmarshal(data, &o); err != nil {
					b.Fatal(err)
				}
			}
			perLine(b, n)
		})
	}
}

// BenchmarkHoldForAfterSale is one hold of one unit of every line of a paid order. Each op
// takes a fresh order (from a pool refilled with the timer stopped), so the attempt limit
// never interferes.
func BenchmarkHoldForAfterSale(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			o, err := order.New(benchParams(n))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := o.Pay(t0.Add(time.Hour)); err != nil {
				b.Fatal(err)
			}
			s := o.State()
			items := make([]order.Item, n)
			for i := range items {
				items[i] = order.Item{ProductID: fmt.Sprintf("p%d", i/50), SKUID: fmt.Sprintf("s%d", i), Quantity: 1}
			}
			var pool []*order.Order
			at := t0.Add(2 * time.Hour)
			b.ReportAllocs()
			for b.Loop() {
				if len(pool) == 0 {
					b.StopTimer()
					for range max(1, 100_000/n) {
						r, err := order.Restore(s)
						if err != nil {
							b.Fatal(err)
						}
						pool = append(pool, r)
					}
					b.StartTimer()
				}
				o := pool[len(pool)-1]
				pool = pool[:len(pool)-1]
				if _, err := o.HoldForAfterSale(items, at); err != nil {
					b.Fatal(err)
				}
			}
			perLine(b, n)
		})
	}
}

// BenchmarkShipOneParcelPerLine is the whole life of an order of n lines shipped in n parcels:
// New, Pay, n × Ship, ConfirmReceipt.
func BenchmarkShipOneParcelPerLine(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			p := benchParams(n)
			parcels := onePerLine(n)
			b.ReportAllocs()
			for b.Loop() {
				o, err := order.New(p)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := o.Pay(t0.Add(time.Hour)); err != nil {
					b.Fatal(err)
				}
				for _, pc := range parcels {
					if _, err := o.Ship(pc, t0.Add(2*time.Hour)); err != nil {
						b.Fatal(err)
					}
				}
				if _, err := o.ConfirmReceipt(order.ConfirmByBuyer, t0.Add(72*time.Hour)); err != nil {
					b.Fatal(err)
				}
			}
			perLine(b, n)
		})
	}
}
