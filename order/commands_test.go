package order_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestPaySetsDeadlines(t *testing.T) {
	t.Parallel()
	p := threeLines()
	p.Lines[2].Stock, p.Lines[2].PresaleShipWithin = order.StockPresale, 7*24*time.Hour
	o, err := order.New(p)
	require.NoError(t, err)
	at := t0.Add(30 * time.Minute)
	ev, err := o.Pay(at)
	require.NoError(t, err)
	assert.Equal(t, order.Paid{To: order.StatusPendingShipment, OrderID: p.ID, ShipBy: at.Add(48 * time.Hour), At: at}, ev)
	assert.Equal(t, "36.17", o.Total().StringFixed(2))
	assert.Equal(t, "order_paid", ev.EventName())
	assert.Equal(t, order.StatusPendingShipment, o.Status())
	paidAt, ok := o.PaidAt()
	assert.True(t, ok)
	assert.Equal(t, at, paidAt)
	c, _ := o.Line("c")
	assert.Equal(t, at.Add(7*24*time.Hour), c.ShipBy(), "presale line has its own deadline")
	shipBy, ok := o.ShipBy()
	assert.True(t, ok)
	assert.Equal(t, at.Add(48*time.Hour), shipBy, "the earliest deadline binds")

	assert.False(t, o.Overdue(at.Add(48*time.Hour)), "on the deadline is not late")
	assert.True(t, o.Overdue(at.Add(48*time.Hour+time.Second)))
}

func TestCustomDeadlinePolicy(t *testing.T) {
	t.Parallel()
	p := threeLines()
	p.Policy = order.DefaultDeadlinePolicy()
	p.Policy.InStock = 24 * time.Hour
	o, err := order.New(p)
	require.NoError(t, err)
	_, err = o.Pay(t0)
	require.NoError(t, err)
	shipBy, _ := o.ShipBy()
	assert.Equal(t, t0.Add(24*time.Hour), shipBy)
}

func TestCommandsRejectTimeBeforeCreationOrPayment(t *testing.T) {
	t.Parallel()
	o := newOrder(t)
	rejected(t, o, order.ErrTimeOrder, func() error { _, err := o.Pay(t0.Add(-time.Second)); return err })
	o = paidOrder(t)
	rejected(t, o, order.ErrTimeOrder, func() error {
		_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(time.Minute))
		return err
	})
}

func TestCancel(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		order  func(testing.TB) *order.Order
		reason order.CancelReason
		to     order.Status
		target error
	}{
		{"buyer cancels unpaid", newOrder, order.CancelByBuyer, order.StatusCancelled, nil},
		{"unpaid timeout", newOrder, order.CancelTimeout, order.StatusCancelled, nil},
		{"oversold after payment", paidOrder, order.CancelOversold, order.StatusCancelledOversold, nil},
		{"oversold before payment", newOrder, order.CancelOversold, 0, order.ErrInvalidTransition},
		{"buyer after payment", paidOrder, order.CancelByBuyer, 0, order.ErrInvalidTransition},
		{"after shipping", shippedOrder, order.CancelOversold, 0, order.ErrInvalidTransition},
		{"after-sale reason", paidOrder, order.CancelAfterSale, 0, order.ErrInvalidReason},
		{"unknown reason", newOrder, 9, 0, order.ErrInvalidReason},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := c.order(t)
			at := t0.Add(5 * time.Hour)
			if c.target != nil {
				rejected(t, o, c.target, func() error { _, err := o.Cancel(c.reason, at); return err })
				return
			}
			from := o.Status()
			ev, err := o.Cancel(c.reason, at)
			require.NoError(t, err)
			assert.Equal(t, order.Cancelled{OrderID: o.ID(), Reason: c.reason, From: from, To: c.to, At: at}, ev)
			assert.Equal(t, c.to, o.Status())
			assert.True(t, o.Status().Terminal())
			_, err = o.Cancel(c.reason, at)
			assert.ErrorIs(t, err, order.ErrInvalidTransition, "a cancelled order accepts nothing")
		})
	}
}

func TestConfirmReceipt(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(10 * 24 * time.Hour)
	rejected(t, o, order.ErrInvalidReason, func() error { _, err := o.ConfirmReceipt(0, at); return err })
	ev, err := o.ConfirmReceipt(order.ConfirmAuto, at)
	require.NoError(t, err)
	assert.Equal(t, order.Completed{OrderID: o.ID(), Kind: order.ConfirmAuto, At: at}, ev)
	assert.Equal(t, order.StatusCompleted, o.Status())
	rejected(t, o, order.ErrInvalidTransition, func() error { _, err := o.ConfirmReceipt(order.ConfirmByBuyer, at); return err })

	p := paidOrder(t)
	rejected(t, p, order.ErrInvalidTransition, func() error { _, err := p.ConfirmReceipt(order.ConfirmByBuyer, at); return err })
}

func TestCloseByAfterSale(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(5 * time.Hour)
	all := []order.Item{item("a", 2), item("b", 1), item("c", 3)}
	rejected(t, o, order.ErrNotFullyRefunded, func() error { _, err := o.CloseByAfterSale(at); return err })
	_, err := o.HoldForAfterSale(all, at)
	require.NoError(t, err)
	rejected(t, o, order.ErrNotFullyRefunded, func() error { _, err := o.CloseByAfterSale(at); return err })
	refundAll(t, o, all[:2], at)
	rejected(t, o, order.ErrNotFullyRefunded, func() error { _, err := o.CloseByAfterSale(at); return err })
	refundAll(t, o, all[2:], at)
	assert.True(t, o.FullyRefunded())
	assert.Equal(t, order.StatusPendingShipment, o.Status(), "closing is the host's explicit command")
	ev, err := o.CloseByAfterSale(at)
	require.NoError(t, err)
	assert.Equal(t, order.Cancelled{OrderID: o.ID(), Reason: order.CancelAfterSale, From: order.StatusPendingShipment, To: order.StatusClosedByAfterSale, At: at}, ev)

	u := newOrder(t)
	rejected(t, u, order.ErrInvalidTransition, func() error { _, err := u.CloseByAfterSale(at); return err })
}

func TestEventsImplementEvent(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for _, e := range []order.Event{order.Paid{}, order.Cancelled{}, order.Shipped{}, order.Reshipped{},
		order.ShipByExtended{}, order.Completed{}, order.AfterSaleHeld{}, order.AfterSaleReleased{}} {
		assert.Regexp(t, `^order_[a-z_]+$`, e.EventName())
		names[e.EventName()] = true
	}
	assert.Len(t, names, 8, "event names are distinct")
}

func TestLimitErrorMessage(t *testing.T) {
	t.Parallel()
	err := error(&order.LimitError{What: "reships", Max: 10})
	assert.ErrorIs(t, err, order.ErrLimitReached)
	assert.Equal(t, "order: at most 10 reships per order", err.Error())
	err = &order.LimitError{What: "after_sale_attempts", SKUID: "a", Max: 5}
	assert.Equal(t, "order: sku a: at most 5 after_sale_attempts", err.Error())
	var le *order.LimitError
	assert.True(t, errors.As(err, &le))
}

func TestCancelOversoldWaitsForAfterSale(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	_, err := o.HoldForAfterSale([]order.Item{item("b", 1)}, at)
	require.NoError(t, err)
	rejected(t, o, order.ErrHeldByAfterSale, func() error { _, err := o.Cancel(order.CancelOversold, at); return err })
	_, err = o.ReleaseAfterSale([]order.Item{item("b", 1)}, at)
	require.NoError(t, err)
	_, err = o.Cancel(order.CancelOversold, at)
	require.NoError(t, err)
}

func TestSettle(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(10 * 24 * time.Hour)
	rejected(t, o, order.ErrInvalidTransition, func() error { _, err := o.Settle(at); return err })
	_, err := o.ConfirmReceipt(order.ConfirmByBuyer, at)
	require.NoError(t, err)
	rejected(t, o, order.ErrTimeOrder, func() error { _, err := o.Settle(at.Add(-time.Second)); return err })
	settleAt := at.Add(7 * 24 * time.Hour)
	ev, err := o.Settle(settleAt)
	require.NoError(t, err)
	assert.Equal(t, order.Settled{OrderID: o.ID(), At: settleAt}, ev)
	assert.Equal(t, "order_settled", ev.EventName())
	got, ok := o.SettledAt()
	assert.True(t, ok)
	assert.Equal(t, settleAt, got)
	rejected(t, o, order.ErrInvalidTransition, func() error { _, err := o.Settle(settleAt); return err })

	back, err := order.Restore(o.State())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, back))
	s := o.State()
	s.SettledAt = s.EndedAt.Add(-time.Second)
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "settled before it completed")
	s = shippedOrder(t).State()
	s.SettledAt = s.UpdatedAt
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "only a completed order settles")
}
