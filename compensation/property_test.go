package compensation_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
)

// referenceDefault is the published table computed in whole fen: 50%, 30% from 100 元, 20%
// from 5000 元, half-up to the fen.
func referenceDefault(fen int64) int64 {
	percent := int64(50)
	switch {
	case fen >= 500_000:
		percent = 20
	case fen >= 10_000:
		percent = 30
	}
	return (fen*percent + 50) / 100
}

// randomFen draws amounts of every size, from 0.00 to the ceiling, with a share of them next
// to the published thresholds.
func randomFen(rng *rand.Rand) int64 {
	if rng.IntN(8) == 0 {
		at := []int64{0, 10_000, 500_000, money.MaxFen}[rng.IntN(4)]
		return min(money.MaxFen, max(0, at+rng.Int64N(7)-3))
	}
	bound := int64(10)
	for range rng.IntN(11) {
		bound *= 10
	}
	return rng.Int64N(bound + 1)
}

// TestPayoutPropertiesDefault checks the promises on 1,000,000 random amounts against the
// integer reference: never negative, never above the amount paid, whole fen, equal to
// referenceDefault.
func TestPayoutPropertiesDefault(t *testing.T) {
	t.Parallel()
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(2, 20250601))
	p := compensation.Default()
	for range n {
		fen := randomFen(rng)
		got, err := p.Payout(decimal.New(fen, -2))
		if err != nil {
			require.NoError(t, err, "fen %d", fen)
		}
		if a := got.AmountFen(); a != referenceDefault(fen) || a < 0 || a > fen {
			require.Equal(t, referenceDefault(fen), a, "payout for %d fen", fen)
			require.GreaterOrEqual(t, a, int64(0))
			require.LessOrEqual(t, a, fen)
		}
		if amount := got.Amount(); amount.Exponent() < -2 || amount.CoefficientInt64() != got.AmountFen() {
			require.Failf(t, "not whole fen", "payout %s for %d fen", amount, fen)
		}
	}
}

// refPolicy is a policy as plain integers, computed the slow way: exact in fen millionths, then
// rounded with shopspring's own rounding for the mode, then capped and floored.
type refPolicy struct {
	from, rate  []int64 // fen; millionths
	marginal    bool
	rounding    compensation.Rounding
	floor, cap_ int64 // -1 for none
}

func (r refPolicy) payout(fen int64) (amount int64, floored, capped bool) {
	idx := 0
	for i, f := range r.from {
		if f <= fen {
			idx = i
		}
	}
	exact := fen * r.rate[idx]
	if r.marginal {
		exact = 0
		for i := 0; i <= idx; i++ {
			top := fen
			if i < idx {
				top = r.from[i+1]
			}
			exact += (top - r.from[i]) * r.rate[i]
		}
	}
	x := decimal.New(exact, -6)
	switch r.rounding {
	case compensation.HalfUp:
		x = x.Round(0)
	case compensation.HalfEven:
		x = x.RoundBank(0)
	case compensation.Down:
		x = x.RoundDown(0)
	case compensation.Up:
		x = x.RoundUp(0)
	}
	rounded := x.IntPart()
	amount = rounded
	if r.cap_ >= 0 && amount > r.cap_ {
		amount, capped = r.cap_, true
	}
	if r.floor >= 0 && amount < r.floor && min(r.floor, fen) > rounded {
		amount, floored = min(r.floor, fen), true
	}
	return amount, floored, capped
}

// randomPolicy draws a valid policy and its reference twin.
func randomPolicy(t testing.TB, rng *rand.Rand) (*compensation.Policy, refPolicy) {
	t.Helper()
	ref := refPolicy{marginal: rng.IntN(2) == 0, rounding: roundings[rng.IntN(4)], floor: -1, cap_: -1}
	opts := []compensation.Option{compensation.WithRounding(ref.rounding)}
	if ref.marginal {
		opts = append(opts, compensation.WithMode(compensation.Marginal))
	}
	var ts []compensation.Tier
	from := int64(0)
	for i := range 1 + rng.IntN(4) {
		if i > 0 {
			from += 1 + rng.Int64N(200_000)
		}
		rate := rng.Int64N(1_000_001)
		if rng.IntN(3) == 0 {
			rate -= rate % 10_000 // whole percent, as tables are usually written
		}
		ref.from, ref.rate = append(ref.from, from), append(ref.rate, rate)
		ts = append(ts, compensation.Tier{From: decimal.New(from, -2), Rate: decimal.New(rate, -6)})
	}
	if rng.IntN(3) == 0 {
		ref.floor = rng.Int64N(5_000)
		opts = append(opts, compensation.WithFloor(decimal.New(ref.floor, -2)))
	}
	if rng.IntN(3) == 0 {
		ref.cap_ = max(ref.floor, 0) + rng.Int64N(100_000)
		opts = append(opts, compensation.WithCap(decimal.New(ref.cap_, -2)))
	}
	p, err := compensation.NewPolicy(ts, opts...)
	require.NoError(t, err)
	return p, ref
}

// TestPayoutPropertiesRandomPolicies checks every mode, rounding, floor and cap against the
// slow reference, and the promises, on random policies and amounts.
func TestPayoutPropertiesRandomPolicies(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 20250601))
	for range 1_000 {
		p, ref := randomPolicy(t, rng)
		for range 200 {
			fen := randomFen(rng)
			if rng.IntN(4) == 0 { // near a threshold of this policy
				fen = min(money.MaxFen, max(0, ref.from[rng.IntN(len(ref.from))]+rng.Int64N(5)-2))
			}
			got, err := p.Payout(decimal.New(fen, -2))
			require.NoError(t, err)
			want, floored, capped := ref.payout(fen)
			require.Equal(t, want, got.AmountFen(), "fen %d under %+v", fen, ref)
			require.Equal(t, floored, got.Floored(), "floored: fen %d under %+v", fen, ref)
			require.Equal(t, capped, got.Capped(), "capped: fen %d under %+v", fen, ref)
			require.True(t, got.AmountFen() >= 0 && got.AmountFen() <= fen)
		}
	}
}

// TestMarginalNeverPaysABiggerOrderLess checks that marginal payouts never decrease with the
// amount, and that Cliffs agrees.
func TestMarginalNeverPaysABiggerOrderLess(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(4, 20250601))
	for range 500 {
		p, ref := randomPolicy(t, rng)
		if !ref.marginal {
			continue
		}
		require.Empty(t, p.Cliffs())
		for range 100 {
			a := randomFen(rng)
			b := min(money.MaxFen, a+rng.Int64N(3))
			pa, err := p.Payout(decimal.New(a, -2))
			require.NoError(t, err)
			pb, err := p.Payout(decimal.New(b, -2))
			require.NoError(t, err)
			require.LessOrEqual(t, pa.AmountFen(), pb.AmountFen(), "%d vs %d fen", a, b)
		}
	}
}

// TestCliffsFindEveryDrop compares Cliffs with a direct look at every threshold of random
// policies, and checks how far each cliff reaches.
func TestCliffsFindEveryDrop(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 20250601))
	for range 500 {
		p, ref := randomPolicy(t, rng)
		var want []int64
		for _, from := range ref.from[1:] {
			below, _, _ := ref.payout(from - 1)
			at, _, _ := ref.payout(from)
			if below > at {
				want = append(want, from)
			}
		}
		var got []int64
		for _, c := range p.Cliffs() {
			at, upTo, below := c.At.Shift(2).IntPart(), c.PaidLessUpTo.Shift(2).IntPart(), c.PayoutBelow.Shift(2).IntPart()
			got = append(got, at)
			// Every amount from At to PaidLessUpTo is paid less than Below; the next one is not.
			for range 20 {
				x := at + rng.Int64N(upTo-at+1)
				paid, _, _ := ref.payout(x)
				require.Less(t, paid, below, "%d fen under %+v", x, ref)
			}
			if upTo < money.MaxFen {
				next, _, _ := ref.payout(upTo + 1)
				require.GreaterOrEqual(t, next, below, "%d fen under %+v", upTo+1, ref)
			}
		}
		require.Equal(t, want, got, "%+v", ref)
	}
}
