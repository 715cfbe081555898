package aftersale_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// stateV1 is testdata/state-v1.json: a case decided in a non-shipment dispute, as the code
// before the restructure stored it.
func stateV1(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/state-v1.json")
	require.NoError(t, err)
	return b
}

// TestStateV1Compatibility: the stored sample of the old shape unmarshals into a *Case (through
// Restore's checks), with every value where it was, and marshals back to the same document.
func TestStateV1Compatibility(t *testing.T) {
	t.Parallel()
	doc := stateV1(t)
	var c aftersale.Case
	require.NoError(t, json.Unmarshal(doc, &c))

	assert.Equal(t, "9001", c.ID())
	assert.Equal(t, "3725020335455738368", c.OrderID())
	assert.Equal(t, aftersale.KindRefund, c.Kind())
	assert.Equal(t, aftersale.StatusMerchantRefundSuccess, c.Status())
	assert.Equal(t, aftersale.ReasonNotDeliveredTooLong, c.Reason())
	assert.Equal(t, items(aftersaleItem("1001", "2003", 1)), c.Items())
	refund, at := c.Refunded()
	assert.Equal(t, "129.00", refund.StringFixed(2))
	assert.Equal(t, "2026-11-24T08:08:00Z", at.Format("2006-01-02T15:04:05Z07:00"))
	assert.False(t, c.BlocksShipping(at))
	dsp, ok := c.Dispute()
	require.True(t, ok)
	assert.Equal(t, aftersale.DisputeDecided, dsp.Status)
	assert.Equal(t, compensation.Malicious, dsp.Evidence.Cause)
	assert.True(t, dsp.Evidence.Overdue)
	v := dsp.Verdict
	assert.True(t, v.Liable)
	assert.Equal(t, "129.00", v.Paid.StringFixed(2))
	assert.Equal(t, "38.70", v.Payout.StringFixed(2))
	assert.Equal(t, "167.70", v.Total.StringFixed(2))
	assert.Equal(t, "100.00", v.Tier.From.StringFixed(2))
	assert.True(t, v.Rate.Equal(d("0.3")))
	assert.Equal(t, compensation.Cash, v.Form)
	assert.Equal(t, "default", v.PolicyName)

	// The verdict is what Judge says today for the same inputs.
	again, err := aftersale.Judge(v.Paid, v.Cause, compensation.Default())
	require.NoError(t, err)
	assert.True(t, again.Equal(v), "%+v\n%+v", again, v)

	// Marshalled again, it is the same document, and a second round changes nothing.
	out, err := json.Marshal(&c)
	require.NoError(t, err)
	assert.JSONEq(t, string(doc), string(out))
	var back aftersale.Case
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, c.State(), back.State())
	out2, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2))

	// The State door reads it alike.
	var s aftersale.State
	require.NoError(t, json.Unmarshal(doc, &s))
	assert.Equal(t, canonical(c.State()), canonical(s))
}

// aftersaleItem is an item of another product than the helpers' p1.
func aftersaleItem(product, sku string, n int) order.Item {
	return order.Item{ProductID: product, SKUID: sku, Quantity: n}
}

// TestStateV1UnknownFields: a field the stored form does not have, at any level, is refused,
// and the case that was decoded into is left as it was.
func TestStateV1UnknownFields(t *testing.T) {
	t.Parallel()
	doc := string(stateV1(t))
	tests := []struct{ name, anchor string }{
		{"top level", `"kind": "REFUND",`},
		{"item", `"quantity": 1`},
		{"dispute", `"decided_at": "2026-11-24T08:08:00Z"`},
		{"evidence", `"verified_at": "2026-11-24T07:08:00Z"`},
		{"verdict", `"policy_version": "1"`},
		{"tier", `"rate": "0.3"
      },`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, 1, strings.Count(doc, tt.anchor), tt.anchor)
			injected := strings.Replace(doc, tt.anchor, unknownField(tt.anchor), 1)
			require.True(t, json.Valid([]byte(injected)), injected)

			var c aftersale.Case
			require.NoError(t, json.Unmarshal([]byte(doc), &c))
			want := c.State()
			err := json.Unmarshal([]byte(injected), &c)
			require.Error(t, err)
			assert.Contains(t, err.Error(), `unknown field "catalog_version"`)
			assert.Equal(t, want, c.State(), "a refused decode leaves the case unchanged")
			var s aftersale.State
			require.Error(t, json.Unmarshal([]byte(injected), &s))
		})
	}
}

// unknownField puts "catalog_version" (a field of the order's old shape, never of a case) next
// to anchor, keeping the JSON valid.
func unknownField(anchor string) string {
	if strings.HasSuffix(anchor, ",") {
		return anchor + ` "catalog_version": 3,`
	}
	if strings.HasSuffix(anchor, "},") {
		return strings.TrimSuffix(anchor, "},") + `, "catalog_version": 3},`
	}
	return anchor + `, "catalog_version": 3`
}
