package order_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestMarshalJSONIsStateMarshalJSON: an *Order writes its stored form through its own text
// mirror, and a State through the typed one; both write the same bytes, for every kind of
// order, for random ones, and for times in any zone and to the nanosecond.
func TestMarshalJSONIsStateMarshalJSON(t *testing.T) {
	t.Parallel()
	same := func(t *testing.T, o *order.Order) {
		t.Helper()
		direct, err := o.MarshalJSON()
		require.NoError(t, err)
		viaState, err := json.Marshal(o.State())
		require.NoError(t, err)
		require.JSONEq(t, string(viaState), string(direct))
		require.Equal(t, string(viaState), string(direct), "the same bytes, not only the same JSON")
	}
	for name, o := range everyKindOfOrder(t) {
		t.Run(name, func(t *testing.T) { same(t, o) })
	}
	for seed := range uint64(300) {
		same(t, randomOrder(t, rand.New(rand.NewPCG(seed, 5))))
	}

	custom := paidOrder(t).State()
	custom.Policy.InStock, custom.Policy.NegotiationLead = 72*time.Hour, 90*time.Minute
	o, err := order.Restore(custom)
	require.NoError(t, err)
	same(t, o)
	data, err := o.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"policy":{"in_stock":"72h0m0s","presale_min":"96h0m0s","presale_max":"360h0m0s","max_negotiations":3,"negotiation_lead":"1h30m0s"}`)

	shanghai := time.FixedZone("CST", 8*3600)
	s := paidOrder(t).State()
	s.CreatedAt = s.CreatedAt.In(shanghai).Add(123456789 * time.Nanosecond)
	s.PaidAt = s.PaidAt.In(time.FixedZone("odd", -(3*3600 + 30*60))).Add(time.Millisecond)
	s.UpdatedAt = s.PaidAt
	o, err = order.Restore(s)
	require.NoError(t, err)
	same(t, o)
	data, err = o.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"created_at":"2025-03-01T17:00:00.123456789+08:00"`)
	back, err := order.RestoreJSON(data)
	require.NoError(t, err)
	assert.True(t, back.State().CreatedAt.Equal(s.CreatedAt))
}

// TestMarshalJSONRefusesATimeRFC3339Cannot: a zone a day or more away has no RFC 3339 form;
// both writers refuse it as time.Time.MarshalJSON does, rather than write what cannot be read
// back.
func TestMarshalJSONRefusesATimeRFC3339Cannot(t *testing.T) {
	t.Parallel()
	s := paidOrder(t).State()
	s.PaidAt = s.PaidAt.In(time.FixedZone("far", 25*3600))
	s.UpdatedAt = s.PaidAt
	o, err := order.Restore(s)
	require.NoError(t, err, "a zone is the host's to choose")
	_, err = o.MarshalJSON()
	require.ErrorContains(t, err, "timezone hour outside of range")
	_, err = json.Marshal(o.State())
	require.ErrorContains(t, err, "timezone hour outside of range")
}
