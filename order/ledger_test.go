package order_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

func refund(sku string, n int, amount string) order.Refund {
	return order.Refund{Item: item(sku, n), Amount: d(amount)}
}

func TestRefundAfterSaleKeepsTheLedger(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(5 * time.Hour)
	_, err := o.HoldForAfterSale([]order.Item{item("a", 1), item("c", 2)}, at)
	require.NoError(t, err)
	ev, err := o.RefundAfterSale([]order.Refund{refund("a", 1, "10.10"), refund("c", 2, "1.00")}, at)
	require.NoError(t, err)
	assert.True(t, ev.Refunded)
	assert.False(t, ev.Done)
	assert.Equal(t, "11.10", ev.Amount.StringFixed(2))
	assert.Equal(t, []order.Item{item("a", 1), item("c", 2)}, ev.Items)
	a, _ := o.Line("a")
	assert.Equal(t, 1, a.Refunded)
	assert.Equal(t, "10.10", a.RefundedAmount.StringFixed(2))

	// A partial refund, then the rest of the line: the ledger adds up to what was paid.
	_, err = o.HoldForAfterSale([]order.Item{item("a", 1)}, at)
	require.NoError(t, err)
	_, err = o.RefundAfterSale([]order.Refund{refund("a", 1, "10.10")}, at)
	require.NoError(t, err)
	a, _ = o.Line("a")
	assert.Equal(t, "20.20", a.RefundedAmount.StringFixed(2))
	assert.True(t, a.RefundedAmount.Equal(a.Paid))

	r, err := order.Restore(o.Snapshot())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, r))
	assert.Contains(t, state(t, o), `"refunded_amount":"20.20"`)
}

func TestRefundAfterSaleRefusals(t *testing.T) {
	t.Parallel()
	at := t0.Add(5 * time.Hour)
	held := func(t testing.TB) *order.Order {
		o := shippedOrder(t)
		_, err := o.HoldForAfterSale([]order.Item{item("a", 2), item("b", 1)}, at)
		require.NoError(t, err)
		_, err = o.RefundAfterSale([]order.Refund{refund("a", 1, "15.00")}, at)
		require.NoError(t, err)
		return o
	}
	cases := []struct {
		name    string
		refunds []order.Refund
		target  error
	}{
		{"above what the line paid", []order.Refund{refund("b", 1, "4.01")}, order.ErrRefundExceedsPaid},
		{"above with what was refunded", []order.Refund{refund("b", 1, "1.00"), refund("a", 1, "5.21")}, order.ErrRefundExceedsPaid},
		{"three decimals", []order.Refund{refund("b", 1, "1.001")}, order.ErrInvalidAmount},
		{"negative", []order.Refund{refund("b", 1, "-1")}, order.ErrInvalidAmount},
		{"not held", []order.Refund{refund("c", 1, "1.00")}, order.ErrNotHeld},
		{"more than held", []order.Refund{refund("a", 2, "1.00")}, order.ErrNotHeld},
		{"no refunds", nil, order.ErrInvalidQuantity},
		{"sku twice", []order.Refund{refund("b", 1, "1.00"), refund("b", 1, "1.00")}, order.ErrDuplicateSKU},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := held(t)
			rejected(t, o, c.target, func() error { _, err := o.RefundAfterSale(c.refunds, at); return err })
		})
	}
	o := held(t)
	_, err := o.RefundAfterSale([]order.Refund{refund("b", 1, "4.01")}, at)
	var amountErr *money.AmountError
	assert.False(t, errors.As(err, &amountErr), "over-refund is the ledger's rule, not a malformed amount")
	assert.Contains(t, err.Error(), "4.00")
}

func TestReleaseAsRefundedRecordsNoMoney(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	_, err := o.HoldForAfterSale([]order.Item{item("c", 1)}, at)
	require.NoError(t, err)
	ev, err := o.ReleaseAfterSale([]order.Item{item("c", 1)}, true, at)
	require.NoError(t, err)
	assert.True(t, ev.Refunded)
	assert.True(t, ev.Amount.IsZero())
	c, _ := o.Line("c")
	assert.Equal(t, 1, c.Refunded)
	assert.True(t, c.RefundedAmount.IsZero())
}

func TestCompleteAfterSaleEndsEligibility(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(5 * time.Hour)
	_, err := o.HoldForAfterSale([]order.Item{item("c", 2)}, at)
	require.NoError(t, err)
	ev, err := o.CompleteAfterSale([]order.Item{item("c", 2)}, at)
	require.NoError(t, err)
	assert.True(t, ev.Done)
	assert.False(t, ev.Refunded)
	assert.Equal(t, order.StatusShipped, ev.To)
	c, _ := o.Line("c")
	assert.Equal(t, 2, c.AfterSaleDone)
	assert.Zero(t, c.OnAfterSale)
	assert.Equal(t, 1, o.EligibleForAfterSale("c"), "exchanged units take no new after-sale")
	rejected(t, o, order.ErrNotEligible, func() error {
		_, err := o.HoldForAfterSale([]order.Item{item("c", 2)}, at)
		return err
	})
	rejected(t, o, order.ErrNotHeld, func() error { _, err := o.CompleteAfterSale([]order.Item{item("c", 1)}, at); return err })
	assert.False(t, o.FullyRefunded())

	r, err := order.Restore(o.Snapshot())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, r))
	assert.Contains(t, state(t, o), `"after_sale_done":2`)
}

func TestRestoreJudgesTheLedger(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(l *order.Line)
		target error
	}{
		{"refunded above paid", func(l *order.Line) { l.Refunded, l.RefundedAmount = 1, d("20.21") }, order.ErrRefundExceedsPaid},
		{"money without units", func(l *order.Line) { l.RefundedAmount = d("1.00") }, order.ErrInvalidOrder},
		{"bad amount", func(l *order.Line) { l.Refunded, l.RefundedAmount = 1, d("0.001") }, order.ErrInvalidAmount},
		{"negative done", func(l *order.Line) { l.AfterSaleDone = -1 }, order.ErrInvalidQuantity},
		{"done above quantity", func(l *order.Line) { l.Refunded, l.AfterSaleDone = 1, 2 }, order.ErrInvalidQuantity},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := shippedOrder(t).Snapshot()
			c.mutate(&s.Lines[0])
			o, err := order.Restore(s)
			require.ErrorIs(t, err, c.target)
			assert.Nil(t, o)
		})
	}
	s := newOrder(t).Snapshot()
	s.Lines[0].AfterSaleDone = 1
	_, err := order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "no after-sale before payment")

	s = shippedOrder(t).Snapshot()
	s.Lines[0].Refunded, s.Lines[0].RefundedAmount = 2, decimal.New(2020, -2)
	_, err = order.Restore(s)
	require.NoError(t, err, "a line refunded in full")
}
