package aftersale_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// TestRefundGoesToTheOrdersLedger: a case over several lines refunds each line up to its
// units' share, in item order; the order records the money per line and the event carries it.
func TestRefundGoesToTheOrdersLedger(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("multi", aftersale.KindRefund, item("b", 1), item("u", 2), item("a", 1)), hours(2))
	max, err := c.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "20.76", max.StringFixed(2), "4.00 + 6.66 + 10.10")

	ev, err := c.Refund(o, d("9.00"), hours(3))
	require.NoError(t, err)
	released, ok := ev.Order.(order.AfterSaleReleased)
	require.True(t, ok)
	assert.Equal(t, "9.00", released.Amount.StringFixed(2))
	for sku, want := range map[string]string{"b": "4.00", "u": "5.00", "a": "0.00"} {
		l, _ := o.Line(sku)
		assert.Equal(t, want, l.RefundedAmount.StringFixed(2), "sku %s", sku)
	}
}

// TestRefundCapReadsTheLedger: when the order's ledger says a line has less left to refund
// than its units' share (a restored order whose refunds were not shared out unit by unit), the
// case may refund only what is left.
func TestRefundCapReadsTheLedger(t *testing.T) {
	t.Parallel()
	s := paidOrder(t).Snapshot()
	s.Lines[2].Refunded, s.Lines[2].RefundedAmount = 1, d("9.00") // u: 1 of 3 units, 9.00 of 10.00
	o, err := order.Restore(s)
	require.NoError(t, err)
	c := open(t, o, request("u", aftersale.KindRefund, item("u", 2)), hours(2))
	max, err := c.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "1.00", max.StringFixed(2), "the share would be 6.67")
	_, err = c.Refund(o, d("1.01"), hours(3))
	require.ErrorIs(t, err, aftersale.ErrRefundTooLarge)
	_, err = c.Refund(o, d("1.00"), hours(3))
	require.NoError(t, err)
	u, _ := o.Line("u")
	assert.True(t, u.RefundedAmount.Equal(u.Paid))
}

// TestDisputeRefundIsRecorded: the verdict's refund, computed once by Judge, is what the
// order's ledger records; a refused decision records nothing.
func TestDisputeRefundIsRecorded(t *testing.T) {
	t.Parallel()
	o := singleLineOrder(t, "99.99", 1)
	c := open(t, o, request("d", aftersale.KindRefund, item("s", 1)), hours(30))
	_, err := c.Intervene(o, hours(72))
	require.NoError(t, err)
	_, err = c.VerifyCause(compensation.StockShortage, hours(73))
	require.NoError(t, err)
	_, _, err = c.Decide(o, nil, hours(74))
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
	l, _ := o.Line("s")
	assert.True(t, l.RefundedAmount.IsZero())

	v, ev, err := c.Decide(o, compensation.Default(), hours(74))
	require.NoError(t, err)
	l, _ = o.Line("s")
	assert.Equal(t, "99.99", v.Refund.StringFixed(2))
	assert.True(t, l.RefundedAmount.Equal(v.Refund))
	assert.True(t, ev.Order.(order.AfterSaleReleased).Amount.Equal(v.Refund))
}
