package aftersale_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
)

// verdictPolicies are policies that exercise every part of a verdict: the published table, a
// marginal table with a six-decimal rate, a floor and a cap paid as a coupon, and one that holds
// the merchant liable for nothing.
func verdictPolicies(t *testing.T) []*compensation.Policy {
	t.Helper()
	marginal, err := compensation.NewPolicy([]compensation.Tier{
		{From: decimal.Zero, Rate: decimal.RequireFromString("0.123456")},
		{From: decimal.RequireFromString("99.90"), Rate: decimal.RequireFromString("0.3")},
	}, compensation.WithMode(compensation.Marginal), compensation.WithFloor(decimal.RequireFromString("5")),
		compensation.WithCap(decimal.RequireFromString("200")), compensation.WithForm(compensation.Coupon),
		compensation.WithName("marginal", "7"))
	require.NoError(t, err)
	none, err := compensation.NewPolicy([]compensation.Tier{{From: decimal.Zero, Rate: decimal.RequireFromString("0.5")}},
		compensation.WithLiable())
	require.NoError(t, err)
	return []*compensation.Policy{compensation.Default(), marginal, none}
}

// TestVerdictJSONRoundTrip: every verdict Judge gives reads back equal from its JSON, and
// writes the same bytes again.
func TestVerdictJSONRoundTrip(t *testing.T) {
	t.Parallel()
	n := 0
	for _, p := range verdictPolicies(t) {
		for _, paid := range []string{"0", "0.01", "19.99", "99.99", "100", "4999.99", "5000", "123456.78"} {
			for _, cause := range compensation.Causes() {
				v, err := aftersale.Judge(decimal.RequireFromString(paid), cause, p)
				require.NoError(t, err)
				b, err := json.Marshal(v)
				require.NoError(t, err)
				var back aftersale.Verdict
				require.NoError(t, json.Unmarshal(b, &back), string(b))
				require.True(t, back.Equal(v), "%s", b)
				again, err := json.Marshal(back)
				require.NoError(t, err)
				require.Equal(t, string(b), string(again))
				n++
			}
		}
	}
	assert.Equal(t, 3*8*len(compensation.Causes()), n)

	b, err := json.Marshal(aftersale.Verdict{})
	require.NoError(t, err)
	var back aftersale.Verdict
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(aftersale.Verdict{}), "the zero Verdict: %s", b)
}

func TestVerdictJSONShape(t *testing.T) {
	t.Parallel()
	v, err := aftersale.Judge(decimal.RequireFromString("129"), compensation.Malicious, verdictPolicies(t)[1])
	require.NoError(t, err)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Equal(t, map[string]any{"from": "99.90", "rate": "0.3"}, raw["tier"], "the tier in its own JSON, as a policy writes it")
	assert.Equal(t, "129.00", raw["paid"])
	assert.Equal(t, "129.00", raw["refund"])
	assert.Equal(t, v.Payout.StringFixed(2), raw["payout"])
	assert.Equal(t, v.Total.StringFixed(2), raw["total"])
	assert.Equal(t, "0.3", raw["rate"])
	assert.Equal(t, "coupon", raw["form"])
	assert.Equal(t, "malicious", raw["cause"])
	assert.Equal(t, true, raw["liable"])
	assert.Equal(t, "marginal", raw["policy_name"])
	tb, err := json.Marshal(v.Tier)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"tier":`+string(tb))
}

func TestVerdictJSONRefuses(t *testing.T) {
	t.Parallel()
	v, err := aftersale.Judge(decimal.RequireFromString("129"), compensation.Malicious, compensation.Default())
	require.NoError(t, err)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	doc := string(b)
	tests := []struct {
		name, from, to string
		is             error
	}{
		{"an unknown field", `"liable":true`, `"liable":true,"appeal":1`, nil},
		{"an unknown tier field", `"rate":"0.3"}`, `"rate":"0.3","mode":"flat"}`, compensation.ErrInvalidPolicy},
		{"a tier rate of seven decimals", `"rate":"0.3"}`, `"rate":"0.3000001"}`, compensation.ErrInvalidPolicy},
		{"a tier from of three decimals", `"from":"100.00"`, `"from":"100.001"`, compensation.ErrInvalidPolicy},
		{"a payout of three decimals", `"payout":"38.70"`, `"payout":"38.701"`, aftersale.ErrInvalidAmount},
		{"a rate above 1", `"rate":"0.3","form"`, `"rate":"3","form"`, aftersale.ErrInvalidCase},
		{"an unknown cause", `"cause":"malicious"`, `"cause":"weather"`, aftersale.ErrUnknownCode},
	}
	for _, tt := range tests {
		require.Equal(t, 1, strings.Count(doc, tt.from), tt.from)
		got := v
		err := json.Unmarshal([]byte(strings.Replace(doc, tt.from, tt.to, 1)), &got)
		require.Error(t, err, tt.name)
		if tt.is != nil {
			require.ErrorIs(t, err, tt.is, tt.name)
		}
		assert.True(t, got.Equal(v), "%s: a refused verdict leaves the target as it was", tt.name)
	}
	_, err = json.Marshal(aftersale.Verdict{Tier: compensation.Tier{Rate: decimal.RequireFromString("1.5")}})
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy, "a tier no policy could hold is not written")
}

// FuzzVerdictJSON: any bytes read as a verdict never panic, and whatever reads writes back to
// bytes that read as an equal verdict and write the same bytes again.
func FuzzVerdictJSON(f *testing.F) {
	v, err := aftersale.Judge(decimal.RequireFromString("129"), compensation.Malicious, compensation.Default())
	require.NoError(f, err)
	b, err := json.Marshal(v)
	require.NoError(f, err)
	f.Add(b)
	zero, err := json.Marshal(aftersale.Verdict{})
	require.NoError(f, err)
	f.Add(zero)
	f.Add([]byte(`{"tier":{"from":1,"rate":1},"rate":"1","paid":1.5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got aftersale.Verdict
		if err := json.Unmarshal(data, &got); err != nil {
			return
		}
		out, err := json.Marshal(got)
		require.NoError(t, err, "%s", data)
		var back aftersale.Verdict
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.True(t, back.Equal(got), "%s -> %s", data, out)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	})
}
