package order_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestStoredFormV1 reads testdata/state-v1.json, an order stored by the previous version:
// snapshots carry a catalog_version (read and ignored), and there is no updated_at (the
// latest time the order carries, its re-shipment, stands in). It re-marshals to the current
// shape, which reads back to the same order. (This replaces the old TestCatalogVersion:
// catalog versions were removed on purpose, and drift is decided by content.)
func TestStoredFormV1(t *testing.T) {
	t.Parallel()
	v1, err := os.ReadFile(filepath.Join("testdata", "state-v1.json"))
	require.NoError(t, err)
	require.Contains(t, string(v1), `"catalog_version"`)
	require.NotContains(t, string(v1), `"updated_at"`)

	var o order.Order
	require.NoError(t, json.Unmarshal(v1, &o))
	assert.Equal(t, "3725020335455738368", o.ID())
	assert.Equal(t, order.StatusShipped, o.Status())
	assert.Equal(t, time.Date(2026, 11, 25, 12, 8, 0, 0, time.UTC), o.UpdatedAt(), "the re-shipment is the latest time")
	assert.Equal(t, "246.81", o.Total().StringFixed(2))
	assert.Equal(t, "10.01", o.Discount().StringFixed(2))
	require.Equal(t, 3, o.NumLines())
	cent, _ := o.Line("2002")
	assert.Equal(t, "0.01", cent.Paid().StringFixed(2))
	assert.Equal(t, []string{"颜色"}, []string{cent.Snapshot().Attrs()[0].Key})
	gone, _ := o.Line("2003")
	assert.Equal(t, 1, gone.Refunded())
	assert.Equal(t, "129.00", gone.RefundedAmount().StringFixed(2))
	assert.Len(t, o.Parcels(), 2)
	assert.Len(t, o.Reshipments(), 1)
	assert.Len(t, o.Negotiations(), 1)

	b, err := json.Marshal(&o)
	require.NoError(t, err)
	doc := string(b)
	assert.Contains(t, doc, `"updated_at":"2026-11-25T12:08:00Z"`)
	assert.NotContains(t, doc, "catalog_version")

	var back order.Order
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, doc, string(b2))

	// The stored form reads as a State too, and restores to the same order.
	var s order.State
	require.NoError(t, json.Unmarshal(v1, &s))
	assert.True(t, s.UpdatedAt.IsZero())
	r, err := order.Restore(s)
	require.NoError(t, err)
	assert.Equal(t, doc, state(t, r))

	// The order carries on under the time rule.
	rejected(t, r, order.ErrTimeOrder, func() error {
		_, err := r.ConfirmReceipt(order.ConfirmByBuyer, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
		return err
	})
	_, err = r.ConfirmReceipt(order.ConfirmByBuyer, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
}

// TestStoredFormRefusesUnknownFields: a misspelt field anywhere in a stored order (the order,
// a line, a snapshot, a parcel, the policy) is an error, never silently dropped; for the
// order and for its State alike.
func TestStoredFormRefusesUnknownFields(t *testing.T) {
	t.Parallel()
	good := state(t, shippedOrder(t))
	for _, c := range []struct{ from, to string }{
		{`"freight":`, `"frieght":`},
		{`"quantity":`, `"quantty":`},
		{`"sku_id":`, `"skuid":`},
		{`"tracking_number":`, `"tracking_no":`},
		{`"in_stock":`, `"instock":`},
		{`"updated_at":`, `"updatedAt":`},
		{`"id":`, `"extra":1,"id":`},
	} {
		bad := strings.Replace(good, c.from, c.to, 1)
		require.NotEqual(t, good, bad)
		var o order.Order
		err := json.Unmarshal([]byte(bad), &o)
		require.Error(t, err, c.to)
		assert.Contains(t, err.Error(), "unknown field", c.to)
		var s order.State
		require.Error(t, json.Unmarshal([]byte(bad), &s), c.to)
	}
	var o order.Order
	require.NoError(t, json.Unmarshal([]byte(good), &o))
	require.Error(t, json.Unmarshal([]byte(good+`{}`), &o), "data after the stored order")
}

// TestRestoreJSONIsUnmarshalJSON: the direct door and json.Unmarshal agree, on good and bad
// input alike.
func TestRestoreJSONIsUnmarshalJSON(t *testing.T) {
	t.Parallel()
	good, err := json.Marshal(shippedOrder(t))
	require.NoError(t, err)
	for _, data := range [][]byte{good, []byte(`{"id":"x"}`), []byte(`{"id":"x","bogus":1}`), []byte(`[]`), []byte(`{`)} {
		direct, derr := order.RestoreJSON(data)
		var viaJSON order.Order
		jerr := json.Unmarshal(data, &viaJSON)
		require.Equal(t, derr == nil, jerr == nil, "%s: %v / %v", data, derr, jerr)
		if derr == nil {
			assert.Equal(t, state(t, direct), state(t, &viaJSON))
		}
	}
}
