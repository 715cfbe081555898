package compensation_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

func TestTierJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from, rate, want string
	}{
		{"100", "0.3", `{"from":"100.00","rate":"0.3"}`},
		{"0", "0.50", `{"from":"0.00","rate":"0.5"}`},
		{"99.9", "0.123456", `{"from":"99.90","rate":"0.123456"}`},
		{"5000.01", "1", `{"from":"5000.01","rate":"1"}`},
		{"1000000000", "0", `{"from":"1000000000.00","rate":"0"}`},
		{"1", "0.000001", `{"from":"1.00","rate":"0.000001"}`},
	}
	for _, tt := range tests {
		tier := compensation.Tier{From: d(tt.from), Rate: d(tt.rate)}
		b, err := json.Marshal(tier)
		require.NoError(t, err, tt.want)
		assert.Equal(t, tt.want, string(b))
		var back compensation.Tier
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, back.From.Equal(tier.From), tt.want)
		assert.True(t, back.Rate.Equal(tier.Rate), "the rate keeps every decimal: %s", tt.want)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(again))
	}
	b, err := json.Marshal(compensation.Tier{})
	require.NoError(t, err)
	assert.Equal(t, `{"from":"0.00","rate":"0"}`, string(b), "the zero Tier")
}

// TestTierJSONIsThePolicys: a tier alone, inside a payout and inside its policy has one form.
func TestTierJSONIsThePolicys(t *testing.T) {
	t.Parallel()
	p, err := compensation.NewPolicy(tiers("0", "0.5", "99.9", "0.123456", "5000", "0.2"))
	require.NoError(t, err)
	pb, err := json.Marshal(p)
	require.NoError(t, err)
	for _, tier := range p.Tiers() {
		b, err := json.Marshal(tier)
		require.NoError(t, err)
		assert.Contains(t, string(pb), string(b))
	}
	o := payout(t, p, "120.00")
	ob, err := json.Marshal(o)
	require.NoError(t, err)
	tb, err := json.Marshal(o.Tier())
	require.NoError(t, err)
	assert.Contains(t, string(ob), `"tier":`+string(tb))
	assert.Equal(t, `{"from":"99.90","rate":"0.123456"}`, string(tb))
}

func TestTierJSONReadsByHand(t *testing.T) {
	t.Parallel()
	var tier compensation.Tier
	require.NoError(t, json.Unmarshal([]byte(`{"from":100,"rate":0.30}`), &tier))
	assert.Equal(t, "100.00", tier.From.StringFixed(2))
	assert.Equal(t, "0.3", tier.Rate.String())
	require.NoError(t, json.Unmarshal([]byte(`null`), &tier))
	assert.Equal(t, "0.3", tier.Rate.String(), "null leaves the tier as it was")
}

func TestTierJSONRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, field, msg string }{
		{"a rate above 1", `{"from":"0","rate":"1.5"}`, "tier.rate", "rate outside [0, 1]"},
		{"a negative rate", `{"from":"0","rate":"-0.1"}`, "tier.rate", "rate outside [0, 1]"},
		{"seven decimals", `{"from":"0","rate":"0.1234567"}`, "tier.rate", "more than 6 decimal places"},
		{"a threshold of three decimals", `{"from":"1.001","rate":"0.3"}`, "tier.from", "more than two decimal places"},
		{"a negative threshold", `{"from":"-1","rate":"0.3"}`, "tier.from", "negative"},
		{"a threshold above the ceiling", `{"from":"1000000000.01","rate":"0.3"}`, "tier.from", "above"},
		{"no rate", `{"from":"0"}`, "tier.rate", "missing"},
		{"no threshold", `{"rate":"0.3"}`, "tier.from", "missing"},
		{"a rate not a number", `{"from":"0","rate":"third"}`, "tier.rate", "not a decimal number"},
		{"an unknown field", `{"from":"0","rate":"0.3","mode":"flat"}`, "tier", `unknown field "mode"`},
		{"a list", `[{"from":"0","rate":"0.3"}]`, "tier", "cannot unmarshal"},
		{"a long rate", `{"from":"0","rate":"0.` + strings.Repeat("1", 100) + `"}`, "tier.rate", "longer than 40 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tier := compensation.Tier{From: d("100"), Rate: d("0.3")}
			err := json.Unmarshal([]byte(tt.in), &tier)
			require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
			pe, ok := err.(*compensation.PolicyError)
			require.True(t, ok, "%T", err)
			assert.Equal(t, tt.field, pe.Field)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, "100.00/0.3", tier.From.StringFixed(2)+"/"+tier.Rate.String(), "a refused tier leaves the target as it was")
		})
	}
	for name, tier := range map[string]compensation.Tier{
		"a rate above 1":     {From: d("0"), Rate: d("2")},
		"seven decimals":     {From: d("0"), Rate: d("0.0000001")},
		"a negative from":    {From: d("-1"), Rate: d("0.5")},
		"three decimal from": {From: d("0.001"), Rate: d("0.5")},
	} {
		_, err := json.Marshal(tier)
		require.ErrorIs(t, err, compensation.ErrInvalidPolicy, name)
	}
}

// FuzzTierJSON: any bytes read as a tier never panic; what reads is a tier NewPolicy accepts
// (alone, as the first tier when it starts at 0), and writes back to bytes that read equal.
func FuzzTierJSON(f *testing.F) {
	f.Add([]byte(`{"from":"100.00","rate":"0.3"}`))
	f.Add([]byte(`{"from":0,"rate":1}`))
	f.Add([]byte(`{"from":"5e3","rate":"2e-1"}`))
	f.Add([]byte(`{"from":"0","rate":"0.0000001"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var tier compensation.Tier
		if err := json.Unmarshal(data, &tier); err != nil {
			if json.Valid(data) {
				require.ErrorIs(t, err, compensation.ErrInvalidPolicy, "every refusal of the tier's own is a policy error")
			}
			return
		}
		out, err := json.Marshal(tier)
		require.NoError(t, err)
		var back compensation.Tier
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.True(t, back.From.Equal(tier.From) && back.Rate.Equal(tier.Rate), "%s -> %s", data, out)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
		if tier.From.IsZero() {
			_, err := compensation.NewPolicy([]compensation.Tier{tier})
			require.NoError(t, err)
		}
	})
}

// A tier alone writes what a policy's JSON writes for it, and reads back exactly: the rate keeps
// all six decimals a rate may have.
func ExampleTier_MarshalJSON() {
	b, _ := json.Marshal(compensation.Tier{From: decimal.RequireFromString("100"), Rate: decimal.RequireFromString("0.123456")})
	fmt.Println(string(b))

	var t compensation.Tier
	err := json.Unmarshal([]byte(`{"from":"100.00","rate":"0.1234567"}`), &t)
	fmt.Println(err)
	// Output:
	// {"from":"100.00","rate":"0.123456"}
	// compensation: invalid policy: tier.rate 0.1234567: more than 6 decimal places
}
