package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestWaitingOrders: a gift (12) and a group buy (13) are paid but wait before they can ship;
// their deadlines start when they await shipment, they cancel to 250, and they can ship only
// from 20.
func TestWaitingOrders(t *testing.T) {
	t.Parallel()
	paidAt, startAt := t0.Add(time.Hour), t0.Add(30*time.Hour)
	cases := []struct {
		name    string
		kind    func(p *order.NewParams)
		start   func(o *order.Order, at time.Time) (order.AwaitingShipment, error)
		waiting order.Status
	}{
		{"gift", func(p *order.NewParams) { p.Gift = true }, (*order.Order).AcceptGift, order.StatusGiftPending},
		{"group buy", func(p *order.NewParams) { p.GroupBuy = true }, (*order.Order).FormGroup, order.StatusGroupForming},
	}
	newWaiting := func(t *testing.T, kind func(p *order.NewParams)) *order.Order {
		p := threeLines()
		kind(&p)
		o, err := order.New(p)
		require.NoError(t, err)
		return o
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := newWaiting(t, c.kind)
			rejected(t, o, order.ErrInvalidTransition, func() error { _, err := c.start(o, paidAt); return err })
			ev, err := o.Pay(paidAt)
			require.NoError(t, err)
			assert.Equal(t, order.Paid{OrderID: o.ID(), To: c.waiting, At: paidAt}, ev, "no ship-by while waiting")
			assert.Equal(t, c.waiting, o.Status())
			_, ok := o.ShipBy()
			assert.False(t, ok, "the deadlines have not started")
			assert.False(t, o.Overdue(t0.Add(1000*time.Hour)), "a waiting order is never late")

			// It cannot ship yet, with a rule of its own.
			problems := ruleSet(shipmentErrors(func() error { _, err := o.Ship(parcel("SF1", item("a", 2)), startAt); return err }()))
			assert.Equal(t, map[order.Rule]bool{order.RuleOrderWaiting: true}, problems)
			rejected(t, o, order.RuleOrderWaiting, func() error { _, err := o.Ship(parcel("SF1", item("a", 2)), startAt); return err })
			rejected(t, o, order.ErrInvalidTransition, func() error { _, err := o.Pay(startAt); return err })
			rejected(t, o, order.ErrTimeOrder, func() error { _, err := c.start(o, t0); return err })

			// It stores and restores while waiting.
			back, err := order.Restore(o.State())
			require.NoError(t, err)
			assert.Equal(t, state(t, o), state(t, back))

			started, err := c.start(o, startAt)
			require.NoError(t, err)
			assert.Equal(t, order.AwaitingShipment{OrderID: o.ID(), From: c.waiting, ShipBy: startAt.Add(48 * time.Hour), At: startAt}, started)
			assert.Equal(t, "order_awaiting_shipment", started.EventName())
			assert.Equal(t, order.StatusPendingShipment, o.Status())
			shipBy, ok := o.ShipBy()
			require.True(t, ok)
			assert.Equal(t, startAt.Add(48*time.Hour), shipBy, "the deadline runs from acceptance, not payment")
			paid, _ := o.PaidAt()
			assert.Equal(t, paidAt, paid)
			_, err = o.Ship(parcel("SF1", item("a", 2), item("b", 1), item("c", 3)), startAt.Add(time.Hour))
			require.NoError(t, err)
			assert.Equal(t, order.StatusShipped, o.Status())
			_, err = order.Restore(o.State())
			require.NoError(t, err)
		})
		t.Run(c.name+" cancelled", func(t *testing.T) {
			t.Parallel()
			o := newWaiting(t, c.kind)
			_, err := o.Pay(paidAt)
			require.NoError(t, err)
			rejected(t, o, order.ErrInvalidTransition, func() error { _, err := o.Cancel(order.CancelOversold, startAt); return err })
			ev, err := o.Cancel(order.CancelByBuyer, startAt)
			require.NoError(t, err)
			assert.Equal(t, order.Cancelled{OrderID: o.ID(), Reason: order.CancelByBuyer, From: c.waiting, To: order.StatusCancelled, At: startAt}, ev)
			back, err := order.Restore(o.State())
			require.NoError(t, err, "a cancelled order may have been paid")
			assert.Equal(t, state(t, o), state(t, back))
		})
		t.Run(c.name+" refunded whole", func(t *testing.T) {
			t.Parallel()
			o := newWaiting(t, c.kind)
			_, err := o.Pay(paidAt)
			require.NoError(t, err)
			all := []order.Item{item("a", 2), item("b", 1), item("c", 3)}
			_, err = o.HoldForAfterSale(all, startAt)
			require.NoError(t, err)
			refundAll(t, o, all, startAt)
			ev, err := o.CloseByAfterSale(startAt)
			require.NoError(t, err)
			assert.Equal(t, c.waiting, ev.From)
			assert.Equal(t, order.StatusClosedByAfterSale, o.Status())
			back, err := order.Restore(o.State())
			require.NoError(t, err, "a closed order may never have had deadlines")
			assert.Equal(t, state(t, o), state(t, back))
		})
	}
}

// TestRestoreWaitingOrders: the stored form of a waiting order says it was paid, and it has no
// deadlines unless the platform gave them.
func TestRestoreWaitingOrders(t *testing.T) {
	t.Parallel()
	p := threeLines()
	p.Gift = true
	o, err := order.New(p)
	require.NoError(t, err)
	_, err = o.Pay(t0.Add(time.Hour))
	require.NoError(t, err)
	unpaid := o.State()
	unpaid.PaidAt = time.Time{}
	_, err = order.Restore(unpaid)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "a gift waiting for its recipient was paid")

	waiting := newOrder(t).State()
	waiting.Status = order.StatusGroupForming
	_, err = order.Restore(waiting)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "a group buy forming was paid")

	notGift := o.State()
	notGift.Gift = false
	_, err = order.Restore(notGift)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "only a gift waits for its recipient")

	both := threeLines()
	both.Gift, both.GroupBuy = true, true
	_, err = order.New(both)
	require.ErrorIs(t, err, order.ErrInvalidOrder)
}

// TestFromPlatformWaitingOrders: statuses 12 and 13 decode as paid orders without deadlines.
func TestFromPlatformWaitingOrders(t *testing.T) {
	t.Parallel()
	for _, s := range []order.Status{order.StatusGiftPending, order.StatusGroupForming} {
		p := platformOrder()
		p.Status = s
		o, err := order.FromPlatform(p)
		require.NoError(t, err, s.String())
		assert.Equal(t, s, o.Status())
		_, ok := o.ShipBy()
		assert.False(t, ok, "%s: no deadline before the order awaits shipment", s)

		p.PaidAt = time.Time{}
		_, err = order.FromPlatform(p)
		var pe *order.PlatformError
		require.ErrorAs(t, err, &pe, s.String())
		assert.Equal(t, "PaidAt", pe.Field)
	}
}
