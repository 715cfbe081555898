package aftersale_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
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
