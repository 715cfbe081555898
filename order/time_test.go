package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestTimeRule: no command is dated before the order's last accepted command (UpdatedAt),
// after-sale hooks included, and none outside the years 1 to 9999. A command dated exactly at
// the last change is accepted.
func TestTimeRule(t *testing.T) {
	t.Parallel()
	t.Run("a second parcel dated before the first", func(t *testing.T) {
		t.Parallel()
		o := paidOrder(t)
		first := t0.Add(5 * time.Hour)
		_, err := o.Ship(parcel("SF1", item("a", 2)), first)
		require.NoError(t, err)
		assert.Equal(t, first, o.UpdatedAt())
		rejected(t, o, order.ErrTimeOrder, func() error {
			_, err := o.Ship(parcel("SF2", item("b", 1), item("c", 3)), first.Add(-time.Second))
			return err
		})
		_, err = o.Ship(parcel("SF2", item("b", 1), item("c", 3)), first)
		require.NoError(t, err, "the same instant is not before")
	})
	t.Run("receipt confirmed before the last parcel", func(t *testing.T) {
		t.Parallel()
		o := shippedOrder(t) // the last parcel left at t0+3h
		rejected(t, o, order.ErrTimeOrder, func() error {
			_, err := o.ConfirmReceipt(order.ConfirmByBuyer, t0.Add(3*time.Hour-time.Minute))
			return err
		})
	})
	t.Run("a re-shipment before shipping finished", func(t *testing.T) {
		t.Parallel()
		o := shippedOrder(t)
		done, ok := o.ShipDoneAt()
		require.True(t, ok)
		assert.Equal(t, t0.Add(3*time.Hour), done)
		rejected(t, o, order.ErrTimeOrder, func() error {
			_, err := o.Reship(order.ReshipMissingItem, parcel("R1", item("a", 1)), done.Add(-time.Minute))
			return err
		})
	})
	t.Run("after-sale hooks move the last change", func(t *testing.T) {
		t.Parallel()
		o := paidOrder(t)
		held := t0.Add(6 * time.Hour)
		_, err := o.HoldForAfterSale([]order.Item{item("c", 1)}, held)
		require.NoError(t, err)
		assert.Equal(t, held, o.UpdatedAt())
		rejected(t, o, order.ErrTimeOrder, func() error {
			_, err := o.Ship(parcel("SF1", item("a", 2)), held.Add(-time.Hour))
			return err
		})
		rejected(t, o, order.ErrTimeOrder, func() error {
			_, err := o.ReleaseAfterSale([]order.Item{item("c", 1)}, held.Add(-time.Hour))
			return err
		})
		released := held.Add(time.Hour)
		_, err = o.ReleaseAfterSale([]order.Item{item("c", 1)}, released)
		require.NoError(t, err)
		assert.Equal(t, released, o.UpdatedAt())
		rejected(t, o, order.ErrTimeOrder, func() error {
			_, err := o.ExtendShipBy(t0.Add(80*time.Hour), order.NegotiateBuyerRequest, held)
			return err
		})
		rejected(t, o, order.ErrTimeOrder, func() error { _, err := o.Cancel(order.CancelOversold, held); return err })
	})
	t.Run("every command refuses the past", func(t *testing.T) {
		t.Parallel()
		past := t0.Add(2 * time.Hour) // the orders below last changed later
		cmds := map[string]func(o *order.Order) error{
			"pay":     func(o *order.Order) error { _, err := o.Pay(past); return err },
			"cancel":  func(o *order.Order) error { _, err := o.Cancel(order.CancelOversold, past); return err },
			"ship":    func(o *order.Order) error { _, err := o.Ship(parcel("SF9", item("b", 1)), past); return err },
			"confirm": func(o *order.Order) error { _, err := o.ConfirmReceipt(order.ConfirmAuto, past); return err },
			"close":   func(o *order.Order) error { _, err := o.CloseByAfterSale(past); return err },
			"reship": func(o *order.Order) error {
				_, err := o.Reship(order.ReshipGift, parcel("R9", item("b", 1)), past)
				return err
			},
			"extend": func(o *order.Order) error {
				_, err := o.ExtendShipBy(t0.Add(90*time.Hour), order.NegotiateBuyerRequest, past)
				return err
			},
			"hold":    func(o *order.Order) error { _, err := o.HoldForAfterSale([]order.Item{item("b", 1)}, past); return err },
			"release": func(o *order.Order) error { _, err := o.ReleaseAfterSale([]order.Item{item("b", 1)}, past); return err },
			"refund": func(o *order.Order) error {
				_, err := o.RefundAfterSale([]order.Item{item("b", 1)}, d("1.00"), past)
				return err
			},
			"complete": func(o *order.Order) error {
				_, err := o.CompleteAfterSale([]order.Item{item("b", 1)}, past)
				return err
			},
		}
		for name, cmd := range cmds {
			o := shippedOrder(t)
			_, err := o.HoldForAfterSale([]order.Item{item("b", 1)}, t0.Add(4*time.Hour))
			require.NoError(t, err)
			before := state(t, o)
			require.ErrorIs(t, cmd(o), order.ErrTimeOrder, name)
			assert.Equal(t, before, state(t, o), name)
		}
	})
}

// TestTimesOutsideTheYears: a time in the year 10000 (which RFC 3339 cannot write, nor the
// stored form) is refused by New, Pay and the commands after; so is a payment whose ship-by
// deadline would fall after the year 9999.
func TestTimesOutsideTheYears(t *testing.T) {
	t.Parallel()
	y10k := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	p := threeLines()
	p.CreatedAt = y10k
	o, err := order.New(p)
	require.ErrorIs(t, err, order.ErrInvalidOrder)
	assert.Nil(t, o)
	p.CreatedAt = time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)
	_, err = order.New(p)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "the year 0")

	u := newOrder(t)
	rejected(t, u, order.ErrTimeOrder, func() error { _, err := u.Pay(y10k); return err })
	rejected(t, u, order.ErrTimeOrder, func() error { _, err := u.Cancel(order.CancelByBuyer, y10k); return err })
	late := time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC) // + 48 h is the year 10000
	rejected(t, u, order.ErrTimeOrder, func() error { _, err := u.Pay(late); return err })

	paid := paidOrder(t)
	rejected(t, paid, order.ErrTimeOrder, func() error { _, err := paid.Ship(parcel("SF1", item("a", 2)), y10k); return err })
	rejected(t, paid, order.ErrTimeOrder, func() error {
		_, err := paid.HoldForAfterSale([]order.Item{item("a", 1)}, y10k)
		return err
	})
	rejected(t, paid, order.ErrInvalidDeadline, func() error {
		_, err := paid.ExtendShipBy(y10k, order.NegotiateBuyerRequest, t0.Add(2*time.Hour))
		return err
	})

	// The last instant of the year 9999 is still a time.
	last := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	s := shippedOrder(t)
	_, err = s.ConfirmReceipt(order.ConfirmAuto, last)
	require.NoError(t, err)
	r, err := order.Restore(s.State())
	require.NoError(t, err)
	assert.Equal(t, state(t, s), state(t, r))
}
