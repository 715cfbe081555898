package order_test

import (
	"context"
	"testing"
	"time"

	"github.com/looplab/fsm"

	"github.com/wxshop-go/wxshop/order"
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
