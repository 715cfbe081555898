package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestHoldAndReleaseAfterSale(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	assert.Equal(t, 3, o.EligibleForAfterSale("c"))
	items := []order.Item{item("c", 2)}
	held, err := o.HoldForAfterSale(items, at)
	require.NoError(t, err)
	assert.Equal(t, order.AfterSaleHeld{OrderID: o.ID(), Items: items, At: at}, held)
	items[0].Quantity = 99
	assert.Equal(t, 2, held.Items[0].Quantity, "the event owns its items")
	assert.Equal(t, 1, o.EligibleForAfterSale("c"))
	c, _ := o.Line("c")
	assert.Equal(t, 2, c.OnAfterSale())
	assert.Equal(t, 1, c.AfterSaleAttempts())
	assert.Equal(t, 1, c.Eligible())

	rel, err := o.ReleaseAfterSale([]order.Item{item("c", 2)}, at)
	require.NoError(t, err)
	assert.False(t, rel.Refunded)
	assert.False(t, rel.Finished)
	assert.Equal(t, 3, o.EligibleForAfterSale("c"), "a rejected case gives the units back")

	_, err = o.HoldForAfterSale([]order.Item{item("c", 1)}, at)
	require.NoError(t, err)
	refundAll(t, o, []order.Item{item("c", 1)}, at)
	c, _ = o.Line("c")
	assert.Equal(t, 1, c.Refunded())
	assert.Equal(t, "1.99", c.RefundedAmount().StringFixed(2), "⌈5.97 × 1/3⌉")
	assert.Equal(t, 2, o.EligibleForAfterSale("c"))
	assert.Equal(t, 2, o.Remaining("c"))
	assert.False(t, o.FullyRefunded())
}

func TestAfterSaleRejections(t *testing.T) {
	t.Parallel()
	at := t0.Add(2 * time.Hour)
	cases := []struct {
		name   string
		order  func(testing.TB) *order.Order
		hold   bool
		items  []order.Item
		target error
	}{
		{"unpaid", newOrder, true, []order.Item{item("a", 1)}, order.ErrInvalidTransition},
		{"no items", paidOrder, true, nil, order.ErrInvalidQuantity},
		{"zero units", paidOrder, true, []order.Item{item("a", 0)}, order.ErrInvalidQuantity},
		{"unknown sku", paidOrder, true, []order.Item{item("z", 1)}, order.ErrUnknownSKU},
		{"sku twice", paidOrder, true, []order.Item{item("a", 1), item("a", 1)}, order.ErrDuplicateSKU},
		// More items than lines: the first item that breaks a rule names it.
		{"an unknown sku after every line", paidOrder, true, []order.Item{item("a", 1), item("b", 1), item("c", 1), item("z", 1)}, order.ErrUnknownSKU},
		{"a bad quantity after every line", paidOrder, true, []order.Item{item("a", 1), item("b", 1), item("c", 1), item("a", 0)}, order.ErrInvalidQuantity},
		{"a line again after every line", paidOrder, true, []order.Item{item("a", 1), item("b", 1), item("c", 1), item("c", 1)}, order.ErrDuplicateSKU},
		{"more than eligible", paidOrder, true, []order.Item{item("b", 1), item("a", 3)}, order.ErrNotEligible},
		{"release unheld", paidOrder, false, []order.Item{item("a", 1)}, order.ErrNotHeld},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := c.order(t)
			rejected(t, o, c.target, func() error {
				if c.hold {
					_, err := o.HoldForAfterSale(c.items, at)
					return err
				}
				_, err := o.ReleaseAfterSale(c.items, at)
				return err
			})
		})
	}
	u := newOrder(t)
	assert.Zero(t, u.EligibleForAfterSale("a"), "no after-sale before payment")
	assert.Zero(t, paidOrder(t).EligibleForAfterSale("z"))
}

func TestAfterSaleAttemptsPerLine(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	for range order.MaxAfterSaleAttempts {
		_, err := o.HoldForAfterSale([]order.Item{item("a", 1)}, at)
		require.NoError(t, err)
		_, err = o.ReleaseAfterSale([]order.Item{item("a", 1)}, at)
		require.NoError(t, err)
	}
	rejected(t, o, order.ErrLimitReached, func() error {
		_, err := o.HoldForAfterSale([]order.Item{item("b", 1), item("a", 1)}, at)
		return err
	})
	_, err := o.HoldForAfterSale([]order.Item{item("b", 1)}, at)
	require.NoError(t, err, "the limit is per line")
}

func TestRefundOfTheRestFinishesAPartialShipment(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(parcel("T1", item("a", 2), item("b", 1)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	at := t0.Add(3 * time.Hour)
	_, err = o.HoldForAfterSale([]order.Item{item("c", 3)}, at)
	require.NoError(t, err)
	ev := refundAll(t, o, []order.Item{item("c", 3)}, at)
	assert.True(t, ev.Finished)
	shipDone, ok := o.ShipDoneAt()
	assert.True(t, ok)
	assert.Equal(t, at, shipDone, "the refund finished the shipment")
	assert.Equal(t, order.StatusPartiallyShipped, ev.From)
	assert.Equal(t, order.StatusShipped, ev.To)
	assert.Equal(t, order.StatusShipped, o.Status())
	_, err = o.ConfirmReceipt(order.ConfirmByBuyer, at)
	require.NoError(t, err)
}

func TestReturnsAfterShippingThenClose(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(5 * 24 * time.Hour)
	all := []order.Item{item("a", 2), item("b", 1), item("c", 3)}
	_, err := o.HoldForAfterSale(all, at)
	require.NoError(t, err)
	ev := refundAll(t, o, all, at)
	assert.False(t, ev.Finished, "already fully shipped")
	assert.Equal(t, "30.17", ev.Amount.StringFixed(2), "every line refunded what it paid")
	assert.True(t, o.FullyRefunded())
	closed, err := o.CloseByAfterSale(at)
	require.NoError(t, err)
	assert.Equal(t, order.StatusShipped, closed.From)
	assert.Equal(t, order.StatusClosedByAfterSale, o.Status())
	assert.Zero(t, o.EligibleForAfterSale("a"))
}
