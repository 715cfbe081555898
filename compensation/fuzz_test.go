package compensation_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
)

// FuzzPayout builds a two-tier policy from fuzzed settings and pays a fuzzed amount: either
// NewPolicy or Payout rejects the input with the right sentinel, or the payout keeps every
// promise and equals the slow reference.
func FuzzPayout(f *testing.F) {
	f.Add("99.99", int64(10_000), int64(500_000), int64(300_000), true, uint8(1), int64(-1), int64(-1))
	f.Add("0.05", int64(1), int64(0), int64(1_000_000), false, uint8(2), int64(3), int64(10))
	f.Add("1000000000.00", int64(money.MaxFen), int64(1_000_000), int64(0), true, uint8(4), int64(0), int64(0))
	f.Add("-1", int64(0), int64(1), int64(2), false, uint8(0), int64(5), int64(4))
	f.Add("1e-3", int64(-5), int64(1_000_001), int64(-1), false, uint8(3), int64(-7), int64(1))
	f.Add("12.3456e2", int64(100), int64(333_333), int64(666_667), true, uint8(2), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, amount string, from1, rate0, rate1 int64, marginal bool, rounding uint8, floor, limit int64) {
		ref := refPolicy{from: []int64{0, from1}, rate: []int64{rate0, rate1}, marginal: marginal,
			rounding: compensation.Rounding(rounding), floor: floor, cap_: limit}
		ts := []compensation.Tier{
			{From: decimal.Zero, Rate: decimal.New(rate0, -6)},
			{From: decimal.New(from1, -2), Rate: decimal.New(rate1, -6)},
		}
		opts := []compensation.Option{compensation.WithRounding(ref.rounding)}
		if marginal {
			opts = append(opts, compensation.WithMode(compensation.Marginal))
		}
		if floor >= 0 || floor == -7 { // -7: a negative floor that must be rejected
			opts = append(opts, compensation.WithFloor(decimal.New(floor, -2)))
		}
		if limit >= 0 {
			opts = append(opts, compensation.WithCap(decimal.New(limit, -2)))
		}
		p, err := compensation.NewPolicy(ts, opts...)
		valid := from1 > 0 && from1 <= money.MaxFen && rate0 >= 0 && rate0 <= 1_000_000 && rate1 >= 0 &&
			rate1 <= 1_000_000 && ref.rounding.IsValid() && (floor >= 0 || floor != -7) && (floor < 0 || limit < 0 || floor <= limit) &&
			floor <= money.MaxFen && limit <= money.MaxFen
		if !valid {
			require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
			require.Nil(t, p)
			return
		}
		require.NoError(t, err)
		if floor < 0 {
			ref.floor = -1
		}

		a, err := decimal.NewFromString(amount)
		if err != nil {
			return
		}
		got, err := p.Payout(a)
		fen, fenErr := money.ToFen("amount", a)
		if fenErr != nil {
			require.ErrorIs(t, err, compensation.ErrInvalidAmount)
			require.Equal(t, compensation.Payout{}, got)
			return
		}
		require.NoError(t, err)
		require.True(t, got.Paid().Equal(a), "paid %s for %s", got.Paid(), a)
		want, floored, capped := ref.payout(fen)
		require.Equal(t, want, got.AmountFen())
		require.Equal(t, floored, got.Floored())
		require.Equal(t, capped, got.Capped())
		require.True(t, got.Amount().Sign() >= 0)
		require.True(t, got.Amount().LessThanOrEqual(a))
		require.True(t, got.Amount().Equal(got.Amount().Truncate(2)))
		require.NotEmpty(t, got.Explain())
		require.NotEmpty(t, got.ExplainEN())
	})
}

// FuzzPolicyJSON loads any bytes as a policy: either an error matching ErrInvalidPolicy (for
// well-formed JSON) that leaves the target unchanged, or a policy that marshals back to
// itself and pays within the promises.
func FuzzPolicyJSON(f *testing.F) {
	f.Add([]byte(defaultJSON))
	f.Add([]byte(`{"mode":"marginal","rounding":"half_even","form":"points","floor":"1","cap":"9.99","liable":[],"tiers":[{"from":0,"rate":0.5},{"from":"10.5","rate":"1"}]}`))
	f.Add([]byte(`{"tiers":[{"from":"0","rate":"1e-6"},{"from":"1e9","rate":"0.000001"}]}`))
	f.Add([]byte(`{"tiers":[{"from":"0","rate":"1.5"}]}`))
	f.Add([]byte(`{"floor":"3","cap":"2","tiers":[]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"name":"\u00ff","tiers":[{"from":"0","rate":"0.3"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := compensation.Default()
		err := json.Unmarshal(data, p)
		if err != nil {
			if json.Valid(data) {
				require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
			}
			b, merr := json.Marshal(p)
			require.NoError(t, merr)
			require.Equal(t, defaultJSON, string(b), "a rejected policy leaves the target unchanged")
			return
		}
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var again compensation.Policy
		require.NoError(t, json.Unmarshal(b, &again))
		b2, err := json.Marshal(&again)
		require.NoError(t, err)
		require.Equal(t, string(b), string(b2))

		tierList := p.Tiers()
		for _, amount := range []decimal.Decimal{decimal.Zero, decimal.New(1, -2), tierList[len(tierList)-1].From, money.MaxYuan} {
			got, err := p.Payout(amount)
			require.NoError(t, err)
			require.True(t, got.Amount().Sign() >= 0)
			require.True(t, got.Amount().LessThanOrEqual(amount))
		}
		for _, c := range p.Cliffs() {
			require.True(t, c.PayoutAt.LessThan(c.PayoutBelow))
		}
	})
}
