package compensation_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

// d parses a decimal literal in a test.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// single is a one-tier policy at rate.
func single(t testing.TB, rate string, opts ...compensation.Option) *compensation.Policy {
	t.Helper()
	p, err := compensation.NewPolicy([]compensation.Tier{{From: decimal.Zero, Rate: d(rate)}}, opts...)
	require.NoError(t, err)
	return p
}

// payout computes a payout that must succeed.
func payout(t testing.TB, p *compensation.Policy, amount string) compensation.Payout {
	t.Helper()
	got, err := p.Payout(d(amount))
	require.NoError(t, err)
	return got
}

var roundings = []compensation.Rounding{compensation.HalfUp, compensation.HalfEven, compensation.Down, compensation.Up}
