package order_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestRestoreWithUnknownReasons: a host that does not know who confirmed a completed order or
// why an unpaid one was cancelled restores it with the explicit unknown values; commands never
// take them, and no other status carries them.
func TestRestoreWithUnknownReasons(t *testing.T) {
	t.Parallel()
	done := shippedOrder(t)
	_, err := done.ConfirmReceipt(order.ConfirmByBuyer, t0.Add(80*time.Hour))
	require.NoError(t, err)
	s := done.State()
	s.Confirm = order.ConfirmUnknown
	r, err := order.Restore(s)
	require.NoError(t, err)
	assert.Equal(t, order.ConfirmUnknown, r.State().Confirm)

	cancelled := newOrder(t)
	_, err = cancelled.Cancel(order.CancelTimeout, t0.Add(time.Hour))
	require.NoError(t, err)
	s = cancelled.State()
	s.CancelReason = order.CancelUnknown
	r, err = order.Restore(s)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"cancel_reason":"unknown"`)
	var back order.Order
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, order.CancelUnknown, back.State().CancelReason)

	for _, v := range []interface {
		String() string
		Label() string
		IsValid() bool
	}{order.ConfirmUnknown, order.CancelUnknown} {
		assert.True(t, v.IsValid())
		assert.Equal(t, "unknown", v.String())
		assert.NotEmpty(t, v.Label())
	}
}

func TestUnknownReasonsOnlyWhereTheyBelong(t *testing.T) {
	t.Parallel()
	oversold := paidOrder(t)
	_, err := oversold.Cancel(order.CancelOversold, t0.Add(2*time.Hour))
	require.NoError(t, err)
	s := oversold.State()
	s.CancelReason = order.CancelUnknown
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "190 has one reason, known")

	s = shippedOrder(t).State()
	s.Confirm = order.ConfirmUnknown
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "30 is not confirmed")

	o := shippedOrder(t)
	rejected(t, o, order.ErrInvalidReason, func() error {
		_, err := o.ConfirmReceipt(order.ConfirmUnknown, t0.Add(80*time.Hour))
		return err
	})
	u := newOrder(t)
	rejected(t, u, order.ErrInvalidReason, func() error { _, err := u.Cancel(order.CancelUnknown, t0); return err })
}
