package compensation_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

// TestPayoutJSONRoundTrip: a payout reads back as the same payout, with its policy; the old
// Payout marshalled to {}.
func TestPayoutJSONRoundTrip(t *testing.T) {
	t.Parallel()
	capped, err := compensation.NewPolicy([]compensation.Tier{{From: d("0"), Rate: d("0.5")}},
		compensation.WithFloor(d("10")), compensation.WithCap(d("30")), compensation.WithName("capped", "2"))
	require.NoError(t, err)
	for _, tt := range []struct {
		p      *compensation.Policy
		amount string
	}{{compensation.Default(), "99.99"}, {compensation.Default(), "5000.00"}, {capped, "8.00"}, {capped, "999.00"}} {
		o := payout(t, tt.p, tt.amount)
		b, err := json.Marshal(o)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"amount":"`+o.Amount().StringFixed(2)+`"`)
		assert.Contains(t, string(b), `"policy":{`)
		var back compensation.Payout
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, o.Amount().StringFixed(2), back.Amount().StringFixed(2))
		assert.Equal(t, o.Explain(), back.Explain())
		assert.Equal(t, o.Floored(), back.Floored())
		assert.Equal(t, o.Capped(), back.Capped())
		assert.Equal(t, o.PolicyName(), back.PolicyName())
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(again))
	}
	zero, err := json.Marshal(compensation.Payout{})
	require.NoError(t, err)
	var back compensation.Payout
	require.NoError(t, json.Unmarshal(zero, &back))
	assert.Equal(t, compensation.Payout{}, back)
}

// TestPayoutJSONRefusesForgery: a stored payout whose amount its own policy does not pay is
// refused, and the target is left as it was.
func TestPayoutJSONRefusesForgery(t *testing.T) {
	t.Parallel()
	o := payout(t, compensation.Default(), "99.99")
	b, err := json.Marshal(o)
	require.NoError(t, err)
	forged := strings.Replace(string(b), `"amount":"50.00"`, `"amount":"60.00"`, 1)
	require.NotEqual(t, string(b), forged)
	keep := payout(t, compensation.Default(), "10.00")
	err = json.Unmarshal([]byte(forged), &keep)
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
	assert.Equal(t, "5.00", keep.Amount().StringFixed(2))
	require.Error(t, json.Unmarshal([]byte(`{"paid":"1.00","amount":"0.50","unrounded":"0.5","explanation":"","explanation_en":"","extra":1}`), &keep))
}

// TestPolicyJSONLongDecimal: a rate of a million digits is refused before it is parsed.
func TestPolicyJSONLongDecimal(t *testing.T) {
	t.Parallel()
	long := "0." + strings.Repeat("1", 1_000_000)
	var p compensation.Policy
	err := json.Unmarshal([]byte(`{"tiers":[{"from":"0","rate":"`+long+`"}]}`), &p)
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
	assert.Contains(t, err.Error(), "longer than 40 characters")
}
