package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestExtendShipBy(t *testing.T) {
	t.Parallel()
	o := paidOrder(t) // paid at t0+1h: deadline t0+49h
	deadline := t0.Add(49 * time.Hour)
	to := deadline.Add(24 * time.Hour)
	at := deadline.Add(-4 * time.Hour) // exactly the lead time: still allowed
	ev, err := o.ExtendShipBy(to, order.NegotiateStockShortage, at)
	require.NoError(t, err)
	assert.Equal(t, order.ShipByExtended{OrderID: o.ID(), Reason: order.NegotiateStockShortage, From: deadline, To: to, Count: 1, At: at}, ev)
	shipBy, _ := o.ShipBy()
	assert.Equal(t, to, shipBy)
	assert.False(t, o.Overdue(deadline.Add(time.Hour)))
	assert.Len(t, o.Negotiations(), 1)
	for _, l := range o.Lines() {
		assert.Equal(t, to, l.ShipBy())
	}
}

func TestExtendShipByRules(t *testing.T) {
	t.Parallel()
	deadline := t0.Add(49 * time.Hour)
	later := deadline.Add(24 * time.Hour)
	cases := []struct {
		name   string
		order  func(testing.TB) *order.Order
		to     time.Time
		reason order.NegotiationReason
		at     time.Time
		target error
	}{
		{"unpaid", newOrder, later, order.NegotiateBuyerRequest, t0, order.ErrInvalidTransition},
		{"shipped", shippedOrder, later, order.NegotiateBuyerRequest, t0.Add(4 * time.Hour), order.ErrInvalidTransition},
		{"too late", paidOrder, later, order.NegotiateBuyerRequest, deadline.Add(-4*time.Hour + time.Second), order.ErrNegotiationTooLate},
		{"overdue", paidOrder, later, order.NegotiateBuyerRequest, deadline.Add(time.Hour), order.ErrNegotiationTooLate},
		{"not later", paidOrder, deadline, order.NegotiateBuyerRequest, t0.Add(2 * time.Hour), order.ErrInvalidDeadline},
		{"earlier", paidOrder, deadline.Add(-time.Hour), order.NegotiateBuyerRequest, t0.Add(2 * time.Hour), order.ErrInvalidDeadline},
		{"reason 0", paidOrder, later, 0, t0.Add(2 * time.Hour), order.ErrInvalidReason},
		{"reason 5", paidOrder, later, 5, t0.Add(2 * time.Hour), order.ErrInvalidReason},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := c.order(t)
			rejected(t, o, c.target, func() error { _, err := o.ExtendShipBy(c.to, c.reason, c.at); return err })
		})
	}
}

func TestExtendShipByAtMostThreeTimes(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	to := t0.Add(49 * time.Hour)
	for i := range 3 {
		to = to.Add(24 * time.Hour)
		ev, err := o.ExtendShipBy(to, order.NegotiateBuyerRequest, at)
		require.NoError(t, err)
		assert.Equal(t, i+1, ev.Count)
	}
	rejected(t, o, order.ErrLimitReached, func() error {
		_, err := o.ExtendShipBy(to.Add(time.Hour), order.NegotiateBuyerRequest, at)
		return err
	})
}

func TestExtendShipByOnlyMovesLinesStillToShip(t *testing.T) {
	t.Parallel()
	p := threeLines()
	p.Lines[2].Stock, p.Lines[2].PresaleShipWithin = order.StockPresale, 10*24*time.Hour
	o, err := order.New(p)
	require.NoError(t, err)
	_, err = o.Pay(t0)
	require.NoError(t, err)
	_, err = o.Ship(parcel("T1", item("a", 2)), t0.Add(time.Hour))
	require.NoError(t, err)
	to := t0.Add(72 * time.Hour)
	_, err = o.ExtendShipBy(to, order.NegotiateWrongAddress, t0.Add(2*time.Hour))
	require.NoError(t, err)
	a, _ := o.Line("a")
	b, _ := o.Line("b")
	c, _ := o.Line("c")
	assert.Equal(t, t0.Add(48*time.Hour), a.ShipBy(), "shipped line keeps its deadline")
	assert.Equal(t, to, b.ShipBy())
	assert.Equal(t, t0.Add(10*24*time.Hour), c.ShipBy(), "a later deadline is never shortened")
}

func TestDeadlinePolicyValidate(t *testing.T) {
	t.Parallel()
	require.NoError(t, order.DefaultDeadlinePolicy().Validate())
	for name, mutate := range map[string]func(p *order.DeadlinePolicy){
		"in stock zero":      func(p *order.DeadlinePolicy) { p.InStock = 0 },
		"presale min zero":   func(p *order.DeadlinePolicy) { p.PresaleMin = 0 },
		"presale inverted":   func(p *order.DeadlinePolicy) { p.PresaleMax = p.PresaleMin - 1 },
		"negative max":       func(p *order.DeadlinePolicy) { p.MaxNegotiations = -1 },
		"negative lead time": func(p *order.DeadlinePolicy) { p.NegotiationLead = -1 },
	} {
		p := order.DefaultDeadlinePolicy()
		mutate(&p)
		assert.ErrorIs(t, p.Validate(), order.ErrInvalidPolicy, name)
	}
	assert.True(t, order.DeadlinePolicy{}.IsZero())
}
