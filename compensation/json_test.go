package compensation_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

const defaultJSON = `{"name":"default","version":"1","mode":"flat","rounding":"half_up","form":"cash",` +
	`"liable":["stock_shortage","merchant_error","malicious"],` +
	`"tiers":[{"from":"0.00","rate":"0.5"},{"from":"100.00","rate":"0.3"},{"from":"5000.00","rate":"0.2"}]}`

func TestPolicyMarshalJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(compensation.Default())
	require.NoError(t, err)
	assert.Equal(t, defaultJSON, string(b))

	b, err = json.Marshal(*compensation.Default())
	require.NoError(t, err)
	assert.Equal(t, defaultJSON, string(b), "a Policy value marshals the same")

	p, err := compensation.NewPolicy(tiers("0", "0.123456", "0.5", "1"),
		compensation.WithMode(compensation.Marginal), compensation.WithRounding(compensation.Down),
		compensation.WithForm(compensation.Coupon), compensation.WithFloor(d("0")), compensation.WithCap(d("10.1")),
		compensation.WithLiable())
	require.NoError(t, err)
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"mode":"marginal","rounding":"down","form":"coupon","floor":"0.00","cap":"10.10","liable":[],
		"tiers":[{"from":"0.00","rate":"0.123456"},{"from":"0.50","rate":"1"}]}`, string(b))
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	t.Parallel()
	var p compensation.Policy
	require.NoError(t, json.Unmarshal([]byte(defaultJSON), &p))
	b, err := json.Marshal(&p)
	require.NoError(t, err)
	assert.Equal(t, defaultJSON, string(b))
	for _, amount := range []string{"0", "99.99", "100", "4999.99", "5000", "123456.78"} {
		assert.Equal(t, payout(t, compensation.Default(), amount).Explain(), payout(t, &p, amount).Explain())
	}
}

func TestPolicyUnmarshalJSONDefaultsAndForms(t *testing.T) {
	t.Parallel()
	var p compensation.Policy
	require.NoError(t, json.Unmarshal([]byte(`{"tiers":[{"from":0,"rate":0.5},{"from":"100.0","rate":"0.30"},{"from":5e3,"rate":"2e-1"}]}`), &p))
	assert.Equal(t, []string{"0.00/0.5", "100.00/0.3", "5000.00/0.2"}, tierStrings(p.Tiers()))
	assert.Equal(t, compensation.Flat, p.Mode())
	assert.Equal(t, compensation.HalfUp, p.Rounding())
	assert.Equal(t, compensation.Cash, p.Form())
	assert.True(t, p.Liable(compensation.StockShortage))
	assert.False(t, p.Liable(compensation.LogisticsFailure))
	_, hasFloor := p.Floor()
	_, hasCap := p.Cap()
	assert.False(t, hasFloor)
	assert.False(t, hasCap)

	require.NoError(t, json.Unmarshal([]byte(`{"floor":null,"cap":"7","tiers":[{"from":"0","rate":"1"}]}`), &p))
	_, hasFloor = p.Floor()
	assert.False(t, hasFloor, "null is no floor")
	limit, hasCap := p.Cap()
	assert.True(t, hasCap)
	assert.Equal(t, "7.00", limit.StringFixed(2))
}

func TestPolicyUnmarshalJSONRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, json, field, msg string
	}{
		{"no tiers", `{}`, "tiers", "no tiers"},
		{"empty tiers", `{"tiers":[]}`, "tiers", "no tiers"},
		{"first tier not from 0", `{"tiers":[{"from":"1","rate":"0.5"}]}`, "tiers[0].from", "the first tier must start at 0"},
		{"thresholds not increasing", `{"tiers":[{"from":"0","rate":"0.5"},{"from":"0.00","rate":"0.3"}]}`, "tiers[1].from", "strictly increase"},
		{"threshold with three decimals", `{"tiers":[{"from":"0","rate":"0.5"},{"from":"1.001","rate":"0.3"}]}`, "tiers[1].from", "more than two decimal places"},
		{"rate above 1", `{"tiers":[{"from":"0","rate":"1.5"}]}`, "tiers[0].rate", "rate outside [0, 1]"},
		{"negative rate", `{"tiers":[{"from":"0","rate":-0.5}]}`, "tiers[0].rate", "rate outside [0, 1]"},
		{"rate with seven decimals", `{"tiers":[{"from":"0","rate":"0.0000001"}]}`, "tiers[0].rate", "more than 6 decimal places"},
		{"missing rate", `{"tiers":[{"from":"0"}]}`, "tiers[0].rate", "missing"},
		{"null from", `{"tiers":[{"from":null,"rate":"0.5"}]}`, "tiers[0].from", "missing"},
		{"rate not a number", `{"tiers":[{"from":"0","rate":"half"}]}`, "tiers[0].rate", `"half": not a decimal number`},
		{"rate a boolean", `{"tiers":[{"from":"0","rate":true}]}`, "tiers[0].rate", `want a decimal string like "0.3"`},
		{"rate an object", `{"tiers":[{"from":"0","rate":{}}]}`, "tiers[0].rate", `want a decimal string`},
		{"exponent beyond decoding", `{"tiers":[{"from":"0","rate":"1e-99999"}]}`, "tiers[0].rate", "not a decimal number"},
		{"negative floor", `{"floor":"-1","tiers":[{"from":"0","rate":"0.5"}]}`, "floor", "negative"},
		{"negative cap", `{"cap":"-1","tiers":[{"from":"0","rate":"0.5"}]}`, "cap", "negative"},
		{"floor above cap", `{"floor":"2","cap":"1","tiers":[{"from":"0","rate":"0.5"}]}`, "floor", "above the cap 1.00"},
		{"floor not a number", `{"floor":"x","tiers":[{"from":"0","rate":"0.5"}]}`, "floor", "not a decimal number"},
		{"unknown mode", `{"mode":"progressive","tiers":[{"from":"0","rate":"0.5"}]}`, "mode", `"progressive": unknown mode`},
		{"empty mode", `{"mode":"","tiers":[{"from":"0","rate":"0.5"}]}`, "mode", "unknown mode"},
		{"unknown rounding", `{"rounding":"bankers","tiers":[{"from":"0","rate":"0.5"}]}`, "rounding", "unknown rounding"},
		{"unknown form", `{"form":"voucher","tiers":[{"from":"0","rate":"0.5"}]}`, "form", "unknown form"},
		{"unknown cause", `{"liable":["malicious","weather"],"tiers":[{"from":"0","rate":"0.5"}]}`, "liable[1]", `"weather": unknown cause`},
		{"misspelt field", `{"cpa":"10","tiers":[{"from":"0","rate":"0.5"}]}`, "json", `unknown field "cpa"`},
		{"wrong type", `{"tiers":{"from":"0"}}`, "json", "cannot unmarshal"},
		{"not an object", `[1]`, "json", "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := compensation.Default()
			before, err := json.Marshal(p)
			require.NoError(t, err)
			err = json.Unmarshal([]byte(tt.json), p)
			require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
			assert.ErrorContains(t, err, "compensation: invalid policy: "+tt.field)
			assert.ErrorContains(t, err, tt.msg)
			pe, ok := errors.AsType[*compensation.PolicyError](err)
			require.True(t, ok)
			assert.Equal(t, tt.field, pe.Field)
			after, err := json.Marshal(p)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "a rejected policy leaves the target unchanged")
		})
	}
}

func TestPolicyUnmarshalJSONRejectsTrailingData(t *testing.T) {
	t.Parallel()
	var p compensation.Policy
	err := p.UnmarshalJSON([]byte(`{"tiers":[{"from":"0","rate":"0.5"}]} {}`))
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
	assert.ErrorContains(t, err, "data after the policy")
}

func TestPolicyUnmarshalJSONNull(t *testing.T) {
	t.Parallel()
	var holder struct{ Policy compensation.Policy }
	holder.Policy = *compensation.Default()
	require.NoError(t, json.Unmarshal([]byte(`{"Policy":null}`), &holder))
	assert.Equal(t, "default", holder.Policy.Name(), "null leaves the policy as it was")
}
