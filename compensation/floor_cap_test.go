package compensation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/compensation"
)

func TestFloorAndCap(t *testing.T) {
	t.Parallel()
	type want struct {
		amount          string
		floored, capped bool
	}
	tests := []struct {
		name  string
		rate  string
		opts  []compensation.Option
		cases map[string]want
	}{
		{
			name: "floor 5 cap 500 at 30%",
			rate: "0.3",
			opts: []compensation.Option{compensation.WithFloor(d("5")), compensation.WithCap(d("500.00"))},
			cases: map[string]want{
				"0":             {"0.00", false, false}, // the floor never lifts a zero order
				"0.01":          {"0.01", true, false},  // limited to the amount paid
				"3.00":          {"3.00", true, false},
				"5.00":          {"5.00", true, false},
				"16.66":         {"5.00", false, false}, // 4.998 rounds to the floor by itself
				"16.67":         {"5.00", false, false},
				"16.70":         {"5.01", false, false},
				"20.00":         {"6.00", false, false},
				"1666.66":       {"500.00", false, false}, // 499.998 rounds to the cap by itself
				"1666.67":       {"500.00", false, false},
				"1666.70":       {"500.00", false, true},
				"1000000000.00": {"500.00", false, true},
			},
		},
		{
			name: "floor equals cap",
			rate: "0.3",
			opts: []compensation.Option{compensation.WithFloor(d("10")), compensation.WithCap(d("10"))},
			cases: map[string]want{
				"3.00":   {"3.00", true, false},
				"33.33":  {"10.00", false, false},
				"33.30":  {"10.00", true, false},
				"100.00": {"10.00", false, true},
			},
		},
		{
			name: "floor above a full refund",
			rate: "1",
			opts: []compensation.Option{compensation.WithFloor(d("5"))},
			cases: map[string]want{
				"3.00": {"3.00", false, false}, // already paid in full: nothing to raise
				"7.00": {"7.00", false, false},
			},
		},
		{
			name: "zero floor, zero cap",
			rate: "0.5",
			opts: []compensation.Option{compensation.WithFloor(d("0")), compensation.WithCap(d("0.00"))},
			cases: map[string]want{
				"0":     {"0.00", false, false},
				"0.01":  {"0.00", false, true},
				"99.99": {"0.00", false, true},
			},
		},
		{
			name: "floor with down rounding",
			rate: "0.3",
			opts: []compensation.Option{compensation.WithFloor(d("0.02")), compensation.WithRounding(compensation.Down)},
			cases: map[string]want{
				"0.05": {"0.02", true, false},  // 0.015 → 0.01 → floor 0.02
				"0.07": {"0.02", false, false}, // 0.021 → 0.02: the floor is not what raised it
				"0.10": {"0.03", false, false},
			},
		},
	}
	for _, tt := range tests {
		p := single(t, tt.rate, tt.opts...)
		for amount, w := range tt.cases {
			t.Run(tt.name+"/"+amount, func(t *testing.T) {
				t.Parallel()
				got := payout(t, p, amount)
				assert.Equal(t, w.amount, got.Amount().StringFixed(2))
				assert.Equal(t, w.floored, got.Floored(), "floored")
				assert.Equal(t, w.capped, got.Capped(), "capped")
				assert.LessOrEqual(t, got.Amount().Cmp(got.Paid()), 0, "never above the amount paid")
			})
		}
	}
}
