package compensation_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
)

// benchAmounts are 1024 fixed order amounts: the thresholds and their neighbours, amounts
// whose payout is exactly half a fen (odd fen below 100 元 at 50%, amounts ending in 5 fen
// from 100 元 at 30%), everyday orders and amounts up to the ceiling.
var benchAmounts = func() []decimal.Decimal {
	fens := []int64{0, 1, 2, 3, 9_998, 9_999, 10_000, 10_001, 10_005, 499_999, 500_000, 500_001, money.MaxFen - 1, money.MaxFen}
	for i := int64(0); len(fens) < 1024; i++ {
		switch i % 4 {
		case 0:
			fens = append(fens, 2*(i%4_999)+1)
		case 1:
			fens = append(fens, 10_005+10*(i%49_000))
		case 2:
			fens = append(fens, i*7_919*104_729%money.MaxFen)
		case 3:
			fens = append(fens, i*7_919%1_000_000)
		}
	}
	out := make([]decimal.Decimal, len(fens))
	for i, fen := range fens {
		out[i] = money.Yuan(fen)
	}
	return out
}()

// naivePayout is the obvious decimal computation: find the rate, multiply, round half up to
// the fen.
func naivePayout(tiers []compensation.Tier, amount decimal.Decimal) decimal.Decimal {
	rate := tiers[0].Rate
	for _, t := range tiers {
		if amount.Cmp(t.From) >= 0 {
			rate = t.Rate
		}
	}
	return amount.Mul(rate).Round(2)
}

var benchSink decimal.Decimal

// BenchmarkPayout computes one payout per op, as a decimal like the naive version produces.
func BenchmarkPayout(b *testing.B) {
	p := compensation.Default()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		got, err := p.Payout(benchAmounts[i&1023])
		if err != nil {
			b.Fatal(err)
		}
		benchSink = got.Amount()
		i++
	}
}

var fenSink int64

// BenchmarkPayoutFen computes one payout per op and reads it in fen: the computation alone,
// without building a decimal for the result.
func BenchmarkPayoutFen(b *testing.B) {
	p := compensation.Default()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		got, err := p.Payout(benchAmounts[i&1023])
		if err != nil {
			b.Fatal(err)
		}
		fenSink += got.AmountFen()
		i++
	}
}

// BenchmarkResultDecimal builds the decimal result alone (what Amount does), from the payouts
// of the same inputs: the part of BenchmarkPayout no integer arithmetic can remove, since every
// non-zero decimal.Decimal costs two allocations (its big.Int and the big.Int's word).
func BenchmarkResultDecimal(b *testing.B) {
	p := compensation.Default()
	fens := make([]int64, len(benchAmounts))
	for i, amount := range benchAmounts {
		got, err := p.Payout(amount)
		require.NoError(b, err)
		fens[i] = got.AmountFen()
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		benchSink = money.Yuan(fens[i&1023])
		i++
	}
}

// BenchmarkPayoutNaiveDecimal is the same work done with decimal arithmetic.
func BenchmarkPayoutNaiveDecimal(b *testing.B) {
	tiers := compensation.Default().Tiers()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		benchSink = naivePayout(tiers, benchAmounts[i&1023])
		i++
	}
}

func TestPayoutMatchesNaiveDecimal(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	tiers := p.Tiers()
	halves := 0
	for _, amount := range benchAmounts {
		got, err := p.Payout(amount)
		require.NoError(t, err)
		want := naivePayout(tiers, amount)
		require.True(t, got.Amount().Equal(want), "%s: %s vs naive %s", amount, got.Amount(), want)
		require.Equal(t, want.StringFixed(2), got.Amount().StringFixed(2))
		if got.Unrounded().Exponent() == -3 && got.Unrounded().CoefficientInt64()%10 == 5 {
			halves++
		}
	}
	assert.Greater(t, halves, 400, "the inputs exercise half-fen rounding")
}

func TestPayoutAllocations(t *testing.T) {
	p := compensation.Default()
	amount := decimal.RequireFromString("99.99")
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		if _, err := p.Payout(amount); err != nil {
			t.Fatal(err)
		}
	}), "computing a payout allocates nothing")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() {
		got, _ := p.Payout(amount)
		benchSink = got.Amount()
	}), 2.0, "the payout as a decimal costs the decimal")
}
