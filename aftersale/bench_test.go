package aftersale_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

func BenchmarkNext(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := aftersale.Next(aftersale.KindExchange, aftersale.StatusMerchantWaitReceipt, aftersale.ActionSendGoods); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJudge: the dispute verdict, liable (payout computed, explanation built) and not.
func BenchmarkJudge(b *testing.B) {
	p := compensation.Default()
	paid := decimal.RequireFromString("4999.99")
	for _, bc := range []struct {
		name  string
		cause compensation.Cause
	}{{"liable", compensation.StockShortage}, {"not_liable", compensation.LogisticsFailure}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := aftersale.Judge(paid, bc.cause, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDispute: a whole dispute on a fresh order — open, intervene, verify, decide — the
// cost a host pays per non-shipped order.
func BenchmarkDispute(b *testing.B) {
	p := compensation.Default()
	b.ReportAllocs()
	for b.Loop() {
		o := singleLineOrder(b, "4999.99", 1)
		c, _, err := aftersale.Open(o, request("as", aftersale.KindRefund, item("s", 1)), hours(30))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Intervene(o, hours(72)); err != nil {
			b.Fatal(err)
		}
		if _, err := c.VerifyCause(compensation.Malicious, hours(73)); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.Decide(o, p, hours(74)); err != nil {
			b.Fatal(err)
		}
	}
}

// manyItems is the stored form of a refund-only case of n SKUs, one unit each, that the
// merchant refunded (n ≤ order.MaxLines).
func manyItems(n int) aftersale.State {
	its := make([]order.Item, n)
	for i := range its {
		its[i] = order.Item{ProductID: "p1", SKUID: "sku-" + strconv.Itoa(i), Quantity: 1}
	}
	return aftersale.State{
		ID: "as-many", OrderID: "order-many", Kind: aftersale.KindRefund, Status: aftersale.StatusMerchantRefundSuccess,
		Reason: aftersale.ReasonOthers, Items: its, OpenedAt: t0, ChangedAt: hours(1),
		Refund: d("1.00"), RefundedAt: hours(1), ClosedAt: hours(1),
	}
}

// BenchmarkRestore: Restore's checks take time linear in the items (the duplicate check is a
// set, not a pairwise scan), so ns/item stays flat from 100 to 10,000 items.
func BenchmarkRestore(b *testing.B) {
	for _, n := range []int{100, 10_000} {
		s := manyItems(n)
		b.Run("items="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := aftersale.Restore(s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/item")
		})
	}
}

// TestRestoreIsLinear: per item, restoring a case of 10,000 items costs about what restoring
// one of 100 does. A pairwise duplicate check makes it about 100 times more; the bound of 20
// leaves room for caches and a busy machine. Each size is timed in batches of 200,000
// items, and the fastest batch counts.
func TestRestoreIsLinear(t *testing.T) {
	perItem := func(n int) time.Duration {
		s := manyItems(n)
		reps := 200_000 / n
		best := time.Duration(1 << 62)
		for range 5 {
			start := time.Now()
			for range reps {
				_, err := aftersale.Restore(s)
				require.NoError(t, err)
			}
			best = min(best, time.Since(start))
		}
		return best / time.Duration(reps*n)
	}
	small, large := perItem(100), perItem(10_000)
	require.Less(t, large, 20*max(small, time.Nanosecond), "per item: %s at 100 items, %s at 10,000", small, large)
}
