package compensation_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
)

func TestPayoutRoundingModes(t *testing.T) {
	t.Parallel()
	// want lists the payout under HalfUp, HalfEven, Down, Up, worked out by hand from exact.
	tests := []struct {
		amount, rate, exact string
		want                [4]string
	}{
		{"0", "0.5", "0", [4]string{"0.00", "0.00", "0.00", "0.00"}},
		{"99.99", "0.5", "49.995", [4]string{"50.00", "50.00", "49.99", "50.00"}},
		{"100.05", "0.3", "30.015", [4]string{"30.02", "30.02", "30.01", "30.02"}},
		{"0.05", "0.5", "0.025", [4]string{"0.03", "0.02", "0.02", "0.03"}},
		{"0.01", "0.5", "0.005", [4]string{"0.01", "0.00", "0.00", "0.01"}},
		{"0.03", "0.5", "0.015", [4]string{"0.02", "0.02", "0.01", "0.02"}},
		{"33.33", "0.3", "9.999", [4]string{"10.00", "10.00", "9.99", "10.00"}},
		{"10.01", "0.3", "3.003", [4]string{"3.00", "3.00", "3.00", "3.01"}},
		{"1.00", "0.014999", "0.014999", [4]string{"0.01", "0.01", "0.01", "0.02"}},
		{"1.00", "0.015001", "0.015001", [4]string{"0.02", "0.02", "0.01", "0.02"}},
		{"1.00", "0.025", "0.025", [4]string{"0.03", "0.02", "0.02", "0.03"}},
		{"1.00", "0.123456", "0.123456", [4]string{"0.12", "0.12", "0.12", "0.13"}},
		{"0.01", "0.000001", "0.00000001", [4]string{"0.00", "0.00", "0.00", "0.01"}},
		{"100.00", "0.3", "30", [4]string{"30.00", "30.00", "30.00", "30.00"}},
		{"7.77", "0", "0", [4]string{"0.00", "0.00", "0.00", "0.00"}},
		{"7.77", "1", "7.77", [4]string{"7.77", "7.77", "7.77", "7.77"}},
		{"1000000000.00", "1", "1000000000", [4]string{"1000000000.00", "1000000000.00", "1000000000.00", "1000000000.00"}},
		{"1000000000.00", "0.999999", "999999000", [4]string{"999999000.00", "999999000.00", "999999000.00", "999999000.00"}},
		{"999999999.99", "0.333333", "333332999.99666667", [4]string{"333333000.00", "333333000.00", "333332999.99", "333333000.00"}},
	}
	for _, tt := range tests {
		for i, r := range roundings {
			t.Run(tt.amount+"×"+tt.rate+"/"+r.String(), func(t *testing.T) {
				t.Parallel()
				got := payout(t, single(t, tt.rate, compensation.WithRounding(r)), tt.amount)
				assert.Equal(t, tt.want[i], got.Amount().StringFixed(2))
				assert.True(t, got.Unrounded().Equal(d(tt.exact)), "unrounded %s, want %s", got.Unrounded(), tt.exact)
				assert.True(t, got.Paid().Equal(d(tt.amount)))
				assert.True(t, got.Rate().Equal(d(tt.rate)))
				assert.False(t, got.Floored())
				assert.False(t, got.Capped())
			})
		}
	}
}

func TestDefaultBoundaries(t *testing.T) {
	t.Parallel()
	tests := []struct{ amount, from, rate, want string }{
		{"0", "0", "0.5", "0.00"},
		{"0.01", "0", "0.5", "0.01"},
		{"0.02", "0", "0.5", "0.01"},
		{"99.98", "0", "0.5", "49.99"},
		{"99.99", "0", "0.5", "50.00"},
		{"100", "100", "0.3", "30.00"},
		{"100.00", "100", "0.3", "30.00"},
		{"100.01", "100", "0.3", "30.00"},
		{"100.05", "100", "0.3", "30.02"},
		{"4999.99", "100", "0.3", "1500.00"},
		{"5000.00", "5000", "0.2", "1000.00"},
		{"5000.01", "5000", "0.2", "1000.00"},
		{"999999999.99", "5000", "0.2", "200000000.00"},
		{"1000000000.00", "5000", "0.2", "200000000.00"},
	}
	p := compensation.Default()
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			t.Parallel()
			got := payout(t, p, tt.amount)
			assert.Equal(t, tt.want, got.Amount().StringFixed(2))
			assert.Equal(t, tt.from, got.Tier().From.String())
			assert.Equal(t, tt.rate, got.Tier().Rate.String())
			assert.True(t, got.Rate().Equal(d(tt.rate)))
			assert.Equal(t, "default", got.PolicyName())
			assert.Equal(t, "1", got.PolicyVersion())
			assert.Equal(t, compensation.Cash, got.Form())
		})
	}
}

func TestMarginalBoundaries(t *testing.T) {
	t.Parallel()
	p, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithMode(compensation.Marginal))
	require.NoError(t, err)
	tests := []struct{ amount, unrounded, want, rate string }{
		{"0", "0", "0.00", "0.5"},
		{"0.01", "0.005", "0.01", "0.5"},
		{"99.99", "49.995", "50.00", "0.5"},
		{"100.00", "50", "50.00", "0.3"},
		{"100.01", "50.003", "50.00", "0.3"},
		{"4999.99", "1519.997", "1520.00", "0.3"},
		{"5000.00", "1520", "1520.00", "0.2"},
		{"5000.01", "1520.002", "1520.00", "0.2"},
		{"1000000000.00", "200000520", "200000520.00", "0.2"},
	}
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			t.Parallel()
			got := payout(t, p, tt.amount)
			assert.Equal(t, tt.want, got.Amount().StringFixed(2))
			assert.True(t, got.Unrounded().Equal(d(tt.unrounded)), "unrounded %s", got.Unrounded())
			assert.True(t, got.Rate().Equal(d(tt.rate)), "the marginal rate")
		})
	}
}

func TestPayoutRejectsInvalidAmounts(t *testing.T) {
	t.Parallel()
	tests := []struct{ amount, reason, named string }{
		{"-0.01", "negative", "-0.01"},
		{"-100", "negative", "-100"},
		{"0.001", "more than two decimal places", "0.001"},
		{"99.995", "more than two decimal places", "99.995"},
		{"1000000000.01", "above the ceiling of 1000000000.00", "1000000000.01"},
		{"1e10", "above the ceiling", "10000000000"},
		{"1e9999", "exponent out of range", "1e9999"},
		{"1e-9999", "exponent out of range", "1e-9999"},
	}
	p := compensation.Default()
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			t.Parallel()
			got, err := p.Payout(d(tt.amount))
			require.ErrorIs(t, err, compensation.ErrInvalidAmount)
			require.ErrorIs(t, err, money.ErrInvalidAmount)
			assert.NotErrorIs(t, err, compensation.ErrInvalidPolicy)
			assert.ErrorContains(t, err, "compensation: invalid amount: amount ")
			assert.ErrorContains(t, err, tt.reason)
			assert.ErrorContains(t, err, "amount "+tt.named+":", "names the value")
			assert.Equal(t, compensation.Payout{}, got)
		})
	}
}

func TestPayoutRejectsExtremeExponentsQuickly(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	for _, amount := range []decimal.Decimal{decimal.New(1, 1<<30), decimal.New(7, -(1 << 30)), decimal.New(-3, 1<<30)} {
		_, err := p.Payout(amount)
		require.ErrorIs(t, err, compensation.ErrInvalidAmount)
	}
	// A zero passes every value test, and whatever formatted it later (an explanation, JSON)
	// would expand 10^(2^30) digits: the exponent is refused too.
	_, err := p.Payout(decimal.New(0, 1<<30))
	require.ErrorIs(t, err, compensation.ErrInvalidAmount)
	assert.ErrorContains(t, err, "exponent out of range")
	got := payout(t, p, "0")
	zero, err := p.Payout(decimal.New(0, 18))
	require.NoError(t, err, "an exponent a program would write is fine")
	assert.Equal(t, got, zero)
}

// TestTierFromRejectsExtremeExponents: a tier's From is an amount like any other.
func TestTierFromRejectsExtremeExponents(t *testing.T) {
	t.Parallel()
	_, err := compensation.NewPolicy([]compensation.Tier{{From: decimal.New(0, 1<<30), Rate: d("0.5")}})
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
	require.ErrorIs(t, err, compensation.ErrInvalidAmount)
}

func TestPayoutAcceptsEveryFormOfAWholeFen(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	for _, amount := range []string{"99.990", "99.9900000", "9999e-2", "1e2", "100.000", "0.00", "-0", "0e5"} {
		got := payout(t, p, amount)
		want := payout(t, p, d(amount).StringFixed(2))
		assert.Equal(t, want.Amount().StringFixed(2), got.Amount().StringFixed(2), amount)
		assert.Equal(t, want.Explain(), got.Explain(), amount)
	}
}

func TestZeroPolicy(t *testing.T) {
	t.Parallel()
	for name, p := range map[string]*compensation.Policy{"nil": nil, "zero": {}} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := p.Payout(d("10"))
			require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
			assert.ErrorContains(t, err, "no tiers")
			assert.Nil(t, p.Cliffs())
			assert.False(t, p.Liable(compensation.StockShortage))
			assert.Empty(t, p.Tiers())
			assert.Empty(t, p.Name())
			assert.False(t, p.Mode().IsValid())
		})
	}
	_, err := compensation.Policy{}.MarshalJSON()
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
}

func TestZeroPayout(t *testing.T) {
	t.Parallel()
	var z compensation.Payout
	assert.True(t, z.Amount().IsZero())
	assert.True(t, z.Paid().IsZero())
	assert.True(t, z.Unrounded().IsZero())
	assert.True(t, z.Rate().IsZero())
	assert.Equal(t, compensation.Tier{}, z.Tier())
	assert.Equal(t, "订单金额 0.00 元，赔付 0.00 元", z.Explain())
	assert.Equal(t, "Order 0.00 yuan, payout 0.00 yuan", z.ExplainEN())
}

func TestPayoutSurvivesLaterChangesToItsPolicy(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	before := payout(t, p, "99.99")
	explained := before.Explain()
	require.NoError(t, p.UnmarshalJSON([]byte(`{"name":"other","tiers":[{"from":"0","rate":"0.1"}]}`)))
	assert.Equal(t, explained, before.Explain())
	assert.Equal(t, "default", before.PolicyName())
	assert.Equal(t, "50.00", before.Amount().StringFixed(2))
	assert.Equal(t, "10.00", payout(t, p, "99.99").Amount().StringFixed(2))
}

func TestPolicyIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	done := make(chan string, 8)
	for range 8 {
		go func() {
			got, err := p.Payout(d("99.99"))
			if err != nil {
				done <- err.Error()
				return
			}
			_ = p.Cliffs()
			done <- got.Explain()
		}()
	}
	for range 8 {
		assert.Equal(t, "订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元", <-done)
	}
}

// TestPayoutAmountsInFen covers amounts built from fen, the form most amounts arrive in, at
// the edges of the ceiling.
func TestPayoutAmountsInFen(t *testing.T) {
	t.Parallel()
	p := single(t, "1")
	for _, fen := range []int64{0, 1, 99_999_999_999, money.MaxFen} {
		got, err := p.Payout(decimal.New(fen, -2))
		require.NoError(t, err, fen)
		assert.Equal(t, fen, got.AmountFen())
		assert.True(t, got.Paid().Equal(decimal.New(fen, -2)))
	}
	for _, fen := range []int64{money.MaxFen + 1, 999_999_999_999_999_999, -1, -money.MaxFen} {
		_, err := p.Payout(decimal.New(fen, -2))
		require.ErrorIs(t, err, compensation.ErrInvalidAmount, fen)
	}
}
