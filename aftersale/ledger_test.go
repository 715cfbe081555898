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
	assert.Equal(t, "20.77", max.StringFixed(2), "4.00 + 6.67 + 10.10")

	ev, err := c.Refund(o, d("9.00"), hours(3))
	require.NoError(t, err)
	released, ok := ev.Order.(order.AfterSaleReleased)
	require.True(t, ok)
	assert.Equal(t, "9.00", released.Amount.StringFixed(2))
	for sku, want := range map[string]string{"b": "4.00", "u": "5.00", "a": "0.00"} {
		l, _ := o.Line(sku)
		assert.Equal(t, want, l.RefundedAmount().StringFixed(2), "sku %s", sku)
	}
}

// TestRefundCapReadsTheLedger: the cap of a case is read from the order's ledger as stored,
// refunded units and money included. A restored order whose line u already refunded 1 of its
// 3 units, partially (1.00 of the 3.34 that unit was worth), leaves units 2 and 3 worth
// 10.00 − 3.34 = 6.66 (not the 6.67 two first units would be); the case refunds at most that,
// and the line's refunds never pass what it paid.
//
// The old version of this test restored a ledger that had refunded 9.00 for that one unit,
// more than its share, to show the cap falls to what is left (1.00). order.Restore now refuses
// such a ledger (ErrRefundTooLarge), so the cap can never be below the units' share; that
// refusal is asserted here instead.
func TestRefundCapReadsTheLedger(t *testing.T) {
	t.Parallel()
	s := paidOrder(t).State()
	s.Lines[2].Refunded, s.Lines[2].RefundedAmount, s.Lines[2].AfterSaleAttempts = 1, d("9.00"), 1
	_, err := order.Restore(s)
	require.ErrorIs(t, err, order.ErrRefundTooLarge, "9.00 for a unit worth 3.34")

	s.Lines[2].RefundedAmount = d("1.00")
	o, err := order.Restore(s)
	require.NoError(t, err)
	c := open(t, o, request("u", aftersale.KindRefund, item("u", 2)), hours(2))
	max, err := c.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "6.66", max.StringFixed(2), "units 2 and 3 of the line, not its first two")
	_, err = c.Refund(o, d("6.67"), hours(3))
	require.ErrorIs(t, err, order.ErrRefundTooLarge)
	_, err = c.Refund(o, d("6.66"), hours(3))
	require.NoError(t, err)
	u, _ := o.Line("u")
	assert.Equal(t, "7.66", u.RefundedAmount().StringFixed(2))
	assert.Equal(t, 3, u.Refunded())
	assert.True(t, u.RefundedAmount().LessThan(u.Paid()), "the partial first refund stays partial")
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
	assert.True(t, l.RefundedAmount().IsZero())

	v, ev, err := c.Decide(o, compensation.Default(), hours(74))
	require.NoError(t, err)
	l, _ = o.Line("s")
	assert.Equal(t, "99.99", v.Refund.StringFixed(2))
	assert.True(t, l.RefundedAmount().Equal(v.Refund))
	assert.True(t, ev.Order.(order.AfterSaleReleased).Amount.Equal(v.Refund))
}

// TestOneFenOverTwoUnits: a line that paid 0.01 for 2 units, each unit in its own refund-only
// case. The first refunded unit is worth ⌈1·1/2⌉ = 1 fen, the second 0: the first case refunds
// 0.01 (not 0), the second 0.00 (not 0.01), and both close. Neither blocks shipping
// afterwards, and the order counts both units refunded, all it was paid, and may be closed.
// (On the old code, whose shares were ⌊P·k/Q⌋ and which refused a zero refund, both caps were
// 0.00 and neither case could ever be refunded.)
func TestOneFenOverTwoUnits(t *testing.T) {
	t.Parallel()
	o := singleLineOrder(t, "0.01", 2)
	l, _ := o.Line("s")
	require.Equal(t, "0.01", l.Paid().StringFixed(2))
	require.Equal(t, 2, l.Quantity())
	first := open(t, o, request("c1", aftersale.KindRefund, item("s", 1)), hours(2))
	second := open(t, o, request("c2", aftersale.KindRefund, item("s", 1)), hours(2))

	cap1, err := first.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "0.01", cap1.StringFixed(2))
	_, err = first.Refund(o, d("0"), hours(3))
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount, "a unit worth 1 fen is not refunded with nothing")
	ev1, err := first.Refund(o, d("0.01"), hours(3))
	require.NoError(t, err)
	assert.Equal(t, "0.01", ev1.Refund.StringFixed(2))
	assert.False(t, ev1.OrderClosable, "one unit is still held")

	cap2, err := second.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "0.00", cap2.StringFixed(2), "the second unit's share is zero")
	_, err = second.Refund(o, d("0.01"), hours(4))
	require.ErrorIs(t, err, order.ErrRefundTooLarge)
	ev2, err := second.Refund(o, d("0.00"), hours(4))
	require.NoError(t, err)
	assert.Equal(t, "0.00", ev2.Refund.StringFixed(2))
	assert.True(t, ev2.OrderClosable)

	for _, c := range []*aftersale.Case{first, second} {
		assert.Equal(t, aftersale.StatusMerchantRefundSuccess, c.Status(), c.ID())
		_, closed := c.ClosedAt()
		assert.True(t, closed, c.ID())
		assert.False(t, c.BlocksShipping(hours(4)), "%s blocks shipping after it closed", c.ID())
		assert.False(t, c.BlocksShipping(hours(10_000)), c.ID())
		checkRestores(t, c, c.ID())
	}
	got1, _ := first.Refunded()
	got2, _ := second.Refunded()
	assert.Equal(t, "0.01", got1.StringFixed(2))
	assert.Equal(t, "0.00", got2.StringFixed(2))

	l, _ = o.Line("s")
	assert.Equal(t, 2, l.Refunded(), "the order counts both units refunded")
	assert.Equal(t, 0, l.OnAfterSale())
	assert.Equal(t, "0.01", l.RefundedAmount().StringFixed(2))
	assert.Equal(t, 0, o.Remaining("s"), "nothing is left to ship")
	assert.True(t, o.FullyRefunded())
	assert.True(t, aftersale.CanCloseOrder(o))
	_, err = o.CloseByAfterSale(hours(5))
	require.NoError(t, err)
	assert.Equal(t, order.StatusClosedByAfterSale, o.Status())
}
