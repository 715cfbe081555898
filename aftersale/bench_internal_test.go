package aftersale

import (
	"testing"
	"time"

	"github.com/wxshop-go/wxshop/order"
)

// benchCase is a RETURN case waiting for the merchant; the benchmarks rewind it to
// MERCHANT_PROCESSING before each command, which only an in-package test can do.
func benchCase() *Case {
	at := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	return &Case{id: "as-1", orderID: "o-1", kind: KindReturn, status: StatusMerchantProcessing,
		reason: ReasonQualityIssue, items: []order.Item{{ProductID: "p", SKUID: "s", Quantity: 1}},
		openedAt: at, changed: at}
}

// BenchmarkCaseTransition: an accepted command that does not touch the order (Accept: table
// lookup, guard, time check, status change, event).
func BenchmarkCaseTransition(b *testing.B) {
	c := benchCase()
	at := c.changed
	b.ReportAllocs()
	for b.Loop() {
		c.status = StatusMerchantProcessing
		if _, err := c.Accept(at); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaseTransitionRejected: a command the table refuses returns a precomputed error.
func BenchmarkCaseTransitionRejected(b *testing.B) {
	c := benchCase()
	at := c.changed
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.SendGoods(Waybill{Carrier: "SF", TrackingNumber: "1"}, at); err == nil {
			b.Fatal("accepted")
		}
	}
}

func TestCaseTransitionNoAllocs(t *testing.T) {
	c := benchCase()
	at := c.changed
	accepted := testing.AllocsPerRun(1000, func() {
		c.status = StatusMerchantProcessing
		_, _ = c.Accept(at)
	})
	rejected := testing.AllocsPerRun(1000, func() {
		_, _ = c.ReturnGoods(Waybill{Carrier: "SF", TrackingNumber: "1"}, at)
	})
	guarded := testing.AllocsPerRun(1000, func() {
		c.status, c.receivedAt = StatusMerchantWaitReceipt, time.Time{}
		_, _ = c.SendGoods(Waybill{Carrier: "SF", TrackingNumber: "1"}, at) // refused: not received
	})
	if accepted != 0 || rejected != 0 || guarded != 0 {
		t.Fatalf("allocations per transition: accepted %v, rejected %v, guard refused %v", accepted, rejected, guarded)
	}
}
