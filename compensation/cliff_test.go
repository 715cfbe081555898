package compensation_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

// cliffText renders a cliff compactly for comparison.
func cliffText(c compensation.Cliff) string {
	return fmt.Sprintf("%s:%s→%s %s→%s ..%s", c.At.StringFixed(2), c.Below.StringFixed(2), c.PayoutBelow.StringFixed(2),
		c.At.StringFixed(2), c.PayoutAt.StringFixed(2), c.PaidLessUpTo.StringFixed(2))
}

func TestCliffs(t *testing.T) {
	t.Parallel()
	marginal, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithMode(compensation.Marginal))
	require.NoError(t, err)
	rising, err := compensation.NewPolicy(tiers("0", "0.1", "100", "0.2"))
	require.NoError(t, err)
	neverRecovers, err := compensation.NewPolicy(tiers("0", "1", "100", "0"))
	require.NoError(t, err)
	recoversInALaterTier, err := compensation.NewPolicy(tiers("0", "0.5", "100", "0.1", "200", "0.4"))
	require.NoError(t, err)
	floored, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithFloor(d("50")))
	require.NoError(t, err)
	capped, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithCap(d("30")))
	require.NoError(t, err)
	halfCapped, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithCap(d("1200")))
	require.NoError(t, err)
	down, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithRounding(compensation.Down))
	require.NoError(t, err)

	tests := []struct {
		name   string
		policy *compensation.Policy
		want   []string
	}{
		{"published table", compensation.Default(), []string{
			"100.00:99.99→50.00 100.00→30.00 ..166.64",
			"5000.00:4999.99→1500.00 5000.00→1000.00 ..7499.97",
		}},
		{"down rounding", down, []string{
			"100.00:99.99→49.99 100.00→30.00 ..166.63",
			"5000.00:4999.99→1499.99 5000.00→1000.00 ..7499.94",
		}},
		{"marginal", marginal, nil},
		{"rates rising", rising, nil},
		{"a floor flattens the first cliff", floored, []string{
			"5000.00:4999.99→1500.00 5000.00→1000.00 ..7499.97",
		}},
		{"a cap flattens both", capped, nil},
		{"a cap shortens the second", halfCapped, []string{
			"100.00:99.99→50.00 100.00→30.00 ..166.64",
			"5000.00:4999.99→1200.00 5000.00→1000.00 ..5999.97",
		}},
		{"never recovers", neverRecovers, []string{
			"100.00:99.99→99.99 100.00→0.00 ..1000000000.00",
		}},
		{"recovers in a later tier", recoversInALaterTier, []string{
			"100.00:99.99→50.00 100.00→10.00 ..199.99",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, c := range tt.policy.Cliffs() {
				got = append(got, cliffText(c))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestCliffsAgreeWithPayout checks each cliff against Payout itself: both sides of the
// threshold, and the last amount still paid less.
func TestCliffsAgreeWithPayout(t *testing.T) {
	t.Parallel()
	policies := []*compensation.Policy{compensation.Default()}
	for _, r := range roundings {
		p, err := compensation.NewPolicy(tiers("0", "0.777777", "0.05", "0.5", "33.33", "0.123457", "1000", "0.1"), compensation.WithRounding(r))
		require.NoError(t, err)
		policies = append(policies, p)
	}
	for _, p := range policies {
		cliffs := p.Cliffs()
		require.NotEmpty(t, cliffs)
		for _, c := range cliffs {
			below := payout(t, p, c.Below.String())
			at := payout(t, p, c.At.String())
			assert.True(t, below.Amount().Equal(c.PayoutBelow))
			assert.True(t, at.Amount().Equal(c.PayoutAt))
			assert.True(t, c.PayoutAt.LessThan(c.PayoutBelow))
			last := payout(t, p, c.PaidLessUpTo.String())
			assert.True(t, last.Amount().LessThan(c.PayoutBelow), "%s is still paid less", c.PaidLessUpTo)
			next := payout(t, p, c.PaidLessUpTo.Add(d("0.01")).String())
			assert.True(t, next.Amount().GreaterThanOrEqual(c.PayoutBelow), "%s is not", c.PaidLessUpTo.Add(d("0.01")))
		}
	}
}
