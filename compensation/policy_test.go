package compensation_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

func tiers(pairs ...string) []compensation.Tier {
	out := make([]compensation.Tier, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, compensation.Tier{From: d(pairs[i]), Rate: d(pairs[i+1])})
	}
	return out
}

func TestNewPolicyRejects(t *testing.T) {
	t.Parallel()
	ok := tiers("0", "0.5", "100", "0.3")
	tests := []struct {
		name   string
		tiers  []compensation.Tier
		opts   []compensation.Option
		field  string
		msg    string
		amount bool // the error also matches ErrInvalidAmount
	}{
		{name: "no tiers", tiers: nil, field: "tiers", msg: "tiers: no tiers"},
		{name: "empty tiers", tiers: []compensation.Tier{}, field: "tiers", msg: "tiers: no tiers"},
		{name: "first tier not from 0", tiers: tiers("10", "0.5"), field: "tiers[0].from", msg: "tiers[0].from 10.00: the first tier must start at 0"},
		{name: "equal thresholds", tiers: tiers("0", "0.5", "100", "0.3", "100.00", "0.2"), field: "tiers[2].from", msg: "tiers[2].from 100.00: thresholds must strictly increase: not above 100.00"},
		{name: "decreasing thresholds", tiers: tiers("0", "0.5", "5000", "0.2", "100", "0.3"), field: "tiers[2].from", msg: "not above 5000.00"},
		{name: "negative threshold", tiers: tiers("0", "0.5", "-1", "0.3"), field: "tiers[1].from", msg: "tiers[1].from -1: negative", amount: true},
		{name: "threshold with three decimals", tiers: tiers("0", "0.5", "100.005", "0.3"), field: "tiers[1].from", msg: "tiers[1].from 100.005: more than two decimal places", amount: true},
		{name: "threshold above the ceiling", tiers: tiers("0", "0.5", "1000000000.01", "0.3"), field: "tiers[1].from", msg: "above the ceiling", amount: true},
		{name: "rate above 1", tiers: tiers("0", "1.01"), field: "tiers[0].rate", msg: "tiers[0].rate 1.01: rate outside [0, 1]"},
		{name: "rate just above 1", tiers: tiers("0", "1.0000001"), field: "tiers[0].rate", msg: "rate outside [0, 1]"},
		{name: "rate 10", tiers: tiers("0", "1e1"), field: "tiers[0].rate", msg: "rate outside [0, 1]"},
		{name: "rate hugely above 1", tiers: tiers("0", "3e9999"), field: "tiers[0].rate", msg: "tiers[0].rate 3e9999: rate outside [0, 1]"},
		{name: "negative rate", tiers: tiers("0", "-0.1"), field: "tiers[0].rate", msg: "tiers[0].rate -0.1: rate outside [0, 1]"},
		{name: "rate with seven decimals", tiers: tiers("0", "0.1234567"), field: "tiers[0].rate", msg: "tiers[0].rate 0.1234567: more than 6 decimal places"},
		{name: "rate below a millionth", tiers: tiers("0", "1e-9999"), field: "tiers[0].rate", msg: "tiers[0].rate 1e-9999: more than 6 decimal places"},
		{name: "negative floor", tiers: ok, opts: []compensation.Option{compensation.WithFloor(d("-1"))}, field: "floor", msg: "floor -1: negative", amount: true},
		{name: "negative cap", tiers: ok, opts: []compensation.Option{compensation.WithCap(d("-0.01"))}, field: "cap", msg: "cap -0.01: negative", amount: true},
		{name: "floor with three decimals", tiers: ok, opts: []compensation.Option{compensation.WithFloor(d("1.001"))}, field: "floor", msg: "more than two decimal places", amount: true},
		{name: "cap with three decimals", tiers: ok, opts: []compensation.Option{compensation.WithCap(d("1.001"))}, field: "cap", msg: "more than two decimal places", amount: true},
		{name: "floor above cap", tiers: ok, opts: []compensation.Option{compensation.WithFloor(d("10")), compensation.WithCap(d("9.99"))}, field: "floor", msg: "floor 10.00: above the cap 9.99"},
		{name: "unknown mode", tiers: ok, opts: []compensation.Option{compensation.WithMode(0)}, field: "mode", msg: "mode 0: unknown mode"},
		{name: "unknown rounding", tiers: ok, opts: []compensation.Option{compensation.WithRounding(9)}, field: "rounding", msg: "rounding 9: unknown rounding"},
		{name: "unknown form", tiers: ok, opts: []compensation.Option{compensation.WithForm(5)}, field: "form", msg: "form 5: unknown form"},
		{name: "unknown cause", tiers: ok, opts: []compensation.Option{compensation.WithLiable(compensation.Malicious, 0)}, field: "liable[1]", msg: "liable[1] 0: unknown cause"},
		{name: "name not UTF-8", tiers: ok, opts: []compensation.Option{compensation.WithName("\xff", "1")}, field: "name", msg: "not valid UTF-8"},
		{name: "version not UTF-8", tiers: ok, opts: []compensation.Option{compensation.WithName("x", "\xfe")}, field: "version", msg: "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := compensation.NewPolicy(tt.tiers, tt.opts...)
			require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
			assert.Nil(t, p)
			assert.ErrorContains(t, err, "compensation: invalid policy: ")
			assert.ErrorContains(t, err, tt.msg)
			pe, ok := errors.AsType[*compensation.PolicyError](err)
			require.True(t, ok)
			assert.Equal(t, tt.field, pe.Field)
			assert.Equal(t, tt.amount, errors.Is(err, compensation.ErrInvalidAmount))
		})
	}
}

func TestNewPolicyAcceptsTheEdges(t *testing.T) {
	t.Parallel()
	p, err := compensation.NewPolicy(tiers("0", "0", "0.01", "0.000001", "999999999.99", "1.000000", "1000000000", "1"),
		compensation.WithFloor(d("0")), compensation.WithCap(d("1000000000.00")), compensation.WithLiable())
	require.NoError(t, err)
	assert.Equal(t, []string{"0.00/0", "0.01/0.000001", "999999999.99/1", "1000000000.00/1"}, tierStrings(p.Tiers()))
	for _, c := range compensation.Causes() {
		assert.False(t, p.Liable(c), c.String())
	}
}

func tierStrings(ts []compensation.Tier) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.From.StringFixed(2) + "/" + t.Rate.String()
	}
	return out
}

func TestDefault(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	assert.Equal(t, []string{"0.00/0.5", "100.00/0.3", "5000.00/0.2"}, tierStrings(p.Tiers()))
	assert.Equal(t, compensation.Flat, p.Mode())
	assert.Equal(t, compensation.HalfUp, p.Rounding())
	assert.Equal(t, compensation.Cash, p.Form())
	assert.Equal(t, "default", p.Name())
	assert.Equal(t, "1", p.Version())
	_, hasFloor := p.Floor()
	_, hasCap := p.Cap()
	assert.False(t, hasFloor)
	assert.False(t, hasCap)

	// Each call is a new policy: loading JSON into one does not change the next.
	require.NoError(t, p.UnmarshalJSON([]byte(`{"tiers":[{"from":"0","rate":"1"}]}`)))
	assert.Equal(t, "0.5", compensation.Default().Tiers()[0].Rate.String())
}

func TestPolicyGettersAndOptions(t *testing.T) {
	t.Parallel()
	p, err := compensation.NewPolicy(tiers("0", "0.30", "100.5", "0.250000"),
		compensation.WithMode(compensation.Marginal), compensation.WithRounding(compensation.Up),
		compensation.WithForm(compensation.Points), compensation.WithFloor(d("1.5")), compensation.WithCap(d("88")),
		compensation.WithName("名称", "v2"), nil)
	require.NoError(t, err)
	assert.Equal(t, compensation.Marginal, p.Mode())
	assert.Equal(t, compensation.Up, p.Rounding())
	assert.Equal(t, compensation.Points, p.Form())
	assert.Equal(t, "名称", p.Name())
	assert.Equal(t, "v2", p.Version())
	floor, ok := p.Floor()
	assert.True(t, ok)
	assert.Equal(t, "1.50", floor.StringFixed(2))
	limit, ok := p.Cap()
	assert.True(t, ok)
	assert.Equal(t, "88.00", limit.StringFixed(2))
	assert.Equal(t, []string{"0.00/0.3", "100.50/0.25"}, tierStrings(p.Tiers()))
}

func TestPolicyDoesNotShareItsInputs(t *testing.T) {
	t.Parallel()
	in := tiers("0", "0.5", "100", "0.3")
	causes := []compensation.Cause{compensation.Malicious}
	p, err := compensation.NewPolicy(in, compensation.WithLiable(causes...))
	require.NoError(t, err)
	in[1].Rate = decimal.New(1, 0)
	causes[0] = compensation.LogisticsFailure
	got := p.Tiers()
	got[0].Rate = decimal.New(1, 0)
	assert.Equal(t, []string{"0.00/0.5", "100.00/0.3"}, tierStrings(p.Tiers()))
	assert.True(t, p.Liable(compensation.Malicious))
	assert.False(t, p.Liable(compensation.LogisticsFailure))
}
