package aftersale_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

func TestRefundOnlyFlow(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("a", 2)), hours(2))
	paid, err := c.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "20.20", paid.StringFixed(2))

	ev, err := c.Refund(o, d("20.2"), hours(3))
	require.NoError(t, err)
	assert.Equal(t, aftersale.ActionRefund, ev.Action)
	assert.Equal(t, aftersale.StatusMerchantProcessing, ev.From)
	assert.Equal(t, aftersale.StatusMerchantRefundSuccess, ev.To)
	assert.Equal(t, "20.20", ev.Refund.StringFixed(2))
	released, ok := ev.Order.(order.AfterSaleReleased)
	require.True(t, ok)
	assert.True(t, released.Refunded)
	assert.False(t, ev.OrderClosable, "b and u are not refunded")

	assert.False(t, c.BlocksShipping(hours(3)))
	assert.False(t, c.BlocksShipping(hours(10_000)), "a final case never blocks")
	amount, at := c.Refunded()
	assert.Equal(t, "20.20", amount.StringFixed(2))
	assert.Equal(t, hours(3), at)
	closed, ok := c.ClosedAt()
	assert.True(t, ok)
	assert.Equal(t, hours(3), closed)

	a, _ := o.Line("a")
	assert.Equal(t, 2, a.Refunded())
	assert.Equal(t, 0, a.OnAfterSale())
	assert.Equal(t, 0, o.Remaining("a"), "refunded units never ship")
}

func TestRefundAmounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		amount string
		want   error
	}{
		{"20.21", order.ErrRefundTooLarge},
		{"0", aftersale.ErrInvalidAmount},
		{"-1", aftersale.ErrInvalidAmount},
		{"10.001", aftersale.ErrInvalidAmount},
		{"2000000000", aftersale.ErrInvalidAmount},
		{"0.01", nil},
		{"20.20", nil},
	}
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			t.Parallel()
			o := paidOrder(t)
			c := open(t, o, request("as-1", aftersale.KindRefund, item("a", 2)), hours(2))
			before, orderBefore := c.State(), o.State()
			_, err := c.Refund(o, d(tt.amount), hours(3))
			if tt.want == nil {
				require.NoError(t, err)
				got, _ := c.Refunded()
				assert.Equal(t, d(tt.amount).StringFixed(2), got.StringFixed(2), "partial refunds are allowed")
				return
			}
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, before, c.State())
			assert.Equal(t, orderBefore, o.State())
		})
	}
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("a", 2)), hours(2))
	_, err := c.Refund(o, d("20.21"), hours(3))
	var re *order.RefundError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "order-1", re.OrderID)
	assert.Equal(t, "20.21", re.Amount.StringFixed(2))
	assert.Equal(t, "20.20", re.Max.StringFixed(2))
}

// TestRefundSharesAddUp: a line paid 10.00 for 3 units, refunded unit by unit in three cases,
// refunds 3.34 + 3.33 + 3.33 (the first k refunded units are worth ⌈1000·k/3⌉ fen): exactly
// what it paid.
func TestRefundSharesAddUp(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	var caps []string
	for i, id := range []string{"u1", "u2", "u3"} {
		c := open(t, o, request(id, aftersale.KindRefund, item("u", 1)), hours(2+i))
		max, err := c.PaidFor(o)
		require.NoError(t, err)
		caps = append(caps, max.StringFixed(2))
		_, err = c.Refund(o, max.Add(d("0.01")), hours(2+i))
		require.ErrorIs(t, err, order.ErrRefundTooLarge)
		_, err = c.Refund(o, max, hours(2+i))
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"3.34", "3.33", "3.33"}, caps)
	u, _ := o.Line("u")
	assert.Equal(t, "10.00", u.RefundedAmount().StringFixed(2), "the shares add up to what the line paid")
	assert.Equal(t, 3, u.Refunded())
}

func TestOrderClosable(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("all", aftersale.KindRefund, item("a", 2), item("b", 1), item("u", 3)), hours(2))
	assert.False(t, aftersale.CanCloseOrder(o))
	ev, err := c.Refund(o, d("34.20"), hours(3))
	require.NoError(t, err)
	assert.True(t, ev.OrderClosable)
	assert.True(t, aftersale.CanCloseOrder(o))
	_, err = o.CloseByAfterSale(hours(4))
	require.NoError(t, err)
	assert.Equal(t, order.StatusClosedByAfterSale, o.Status())
	assert.False(t, aftersale.CanCloseOrder(o), "already closed")
	assert.False(t, aftersale.CanCloseOrder(nil))
}

func TestReturnFlow(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ret", aftersale.KindReturn, item("a", 1)), hours(3))

	ev, err := c.Accept(hours(4))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusUserWaitReturn, ev.To)

	_, err = c.ReturnGoods(aftersale.Waybill{Carrier: "SF"}, hours(5))
	require.ErrorIs(t, err, aftersale.ErrInvalidRequest)
	_, err = c.ReturnGoods(aftersale.Waybill{TrackingNumber: "1"}, hours(5))
	require.ErrorIs(t, err, aftersale.ErrInvalidRequest)
	ev, err = c.ReturnGoods(waybill, hours(5))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantWaitReceipt, ev.To)
	assert.Equal(t, waybill, ev.Waybill)
	assert.Equal(t, waybill, c.ReturnWaybill())

	_, err = c.Refund(o, d("10.10"), hours(6))
	require.ErrorIs(t, err, aftersale.ErrGoodsNotReceived, "no refund before the goods are back")

	ev, err = c.ConfirmReceipt(hours(6))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantWaitReceipt, ev.From)
	assert.Equal(t, aftersale.StatusMerchantWaitReceipt, ev.To)
	assert.Equal(t, hours(6), c.ReceivedAt())
	_, err = c.ConfirmReceipt(hours(6))
	require.ErrorIs(t, err, aftersale.ErrGoodsAlreadyReceived)

	ev, err = c.Refund(o, d("10.10"), hours(7))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantReturnSuccess, ev.To)
	a, _ := o.Line("a")
	assert.Equal(t, 1, a.Refunded())
	assert.Equal(t, 1, o.EligibleForAfterSale("a"))
}

func TestExchangeFlow(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ex", aftersale.KindExchange, item("b", 1)), hours(3))
	steps := []struct {
		do   func() (aftersale.Event, error)
		want aftersale.Status
	}{
		{func() (aftersale.Event, error) { return c.Accept(hours(4)) }, aftersale.StatusUserWaitReturn},
		{func() (aftersale.Event, error) { return c.ReturnGoods(waybill, hours(5)) }, aftersale.StatusMerchantWaitReceipt},
		{func() (aftersale.Event, error) { return c.ConfirmReceipt(hours(6)) }, aftersale.StatusMerchantWaitReceipt},
		{func() (aftersale.Event, error) {
			return c.SendGoods(aftersale.Waybill{Carrier: "ZTO", TrackingNumber: "ZT1"}, hours(7))
		}, aftersale.StatusUserWaitReceipt},
		{func() (aftersale.Event, error) { return c.ReceiveGoods(o, hours(8)) }, aftersale.StatusMerchantExchangeSuccess},
	}
	for i, s := range steps {
		ev, err := s.do()
		require.NoError(t, err, "step %d", i)
		assert.Equal(t, s.want, ev.To, "step %d", i)
		assert.Equal(t, s.want, c.Status())
	}
	assert.Equal(t, "ZT1", c.SendWaybill().TrackingNumber)
	b, _ := o.Line("b")
	assert.Equal(t, 0, b.Refunded(), "an exchange refunds nothing")
	assert.Equal(t, 0, b.OnAfterSale())
	_, err := c.Refund(o, d("1"), hours(9))
	require.ErrorIs(t, err, aftersale.ErrInvalidTransition)
}

func TestExchangeNeedsReceipt(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ex", aftersale.KindExchange, item("b", 1)), hours(3))
	_, err := c.Accept(hours(3))
	require.NoError(t, err)
	_, err = c.ReturnGoods(waybill, hours(3))
	require.NoError(t, err)
	_, err = c.SendGoods(waybill, hours(3))
	require.ErrorIs(t, err, aftersale.ErrGoodsNotReceived)
}

func TestReshipFlow(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("rs", aftersale.KindReship, item("u", 1)), hours(3))
	_, err := c.Accept(hours(3))
	require.ErrorIs(t, err, aftersale.ErrInvalidTransition, "sending the goods is the re-send's acceptance")
	ev, err := c.SendGoods(waybill, hours(4))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusUserWaitReceipt, ev.To)
	ev, err = c.ReceiveGoods(o, hours(5))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantExchangeSuccess, ev.To)
	released, ok := ev.Order.(order.AfterSaleReleased)
	require.True(t, ok)
	assert.True(t, released.Done)
	// The re-sent unit's after-sale is complete: the platform takes no new one for it.
	assert.Equal(t, 2, o.EligibleForAfterSale("u"))
	_, _, err = aftersale.Open(o, request("rs2", aftersale.KindReship, item("u", 3)), hours(6))
	require.ErrorIs(t, err, order.ErrNotEligible)
	open(t, o, request("rs3", aftersale.KindReship, item("u", 2)), hours(6))
}

func TestRejectAndEscalationWindow(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ret", aftersale.KindReturn, item("a", 2)), hours(3))
	_, err := c.Reject("  ", hours(4))
	require.ErrorIs(t, err, aftersale.ErrInvalidRequest)

	rejected := hours(4)
	ev, err := c.Reject("商品已使用", rejected)
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantRejectReturn, ev.To)
	assert.Equal(t, "商品已使用", ev.Rejection)
	reason, at := c.Rejection()
	assert.Equal(t, "商品已使用", reason)
	assert.Equal(t, rejected, at)

	deadline, ok := c.EscalationDeadline()
	require.True(t, ok)
	assert.Equal(t, rejected.Add(7*24*time.Hour), deadline)
	assert.True(t, c.BlocksShipping(rejected), "a rejected case blocks while its window is open")
	assert.True(t, c.BlocksShipping(deadline.Add(-time.Nanosecond)))
	assert.False(t, c.BlocksShipping(deadline), "the window lapsed: the case stops blocking")
	a, _ := o.Line("a")
	assert.Equal(t, 2, a.OnAfterSale(), "the units stay held until the case ends")

	before, orderBefore := c.State(), o.State()
	_, err = c.Expire(o, deadline.Add(-time.Second))
	require.ErrorIs(t, err, aftersale.ErrEscalationWindowOpen)
	var we *aftersale.WindowError
	require.ErrorAs(t, err, &we)
	assert.Equal(t, deadline, we.Deadline)
	assert.False(t, we.Lapsed)
	assert.Equal(t, before, c.State())
	assert.Equal(t, orderBefore, o.State())

	ev, err = c.Expire(o, deadline)
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantFail, ev.To)
	assert.False(t, c.BlocksShipping(rejected), "a final case never blocks, even inside the old window")
	_, ok = c.EscalationDeadline()
	assert.False(t, ok)
	assert.Equal(t, 2, o.EligibleForAfterSale("a"))
}

func TestReturnClosedExpiresAsCancelled(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ret", aftersale.KindReturn, item("a", 1)), hours(3))
	for _, step := range []func() (aftersale.Event, error){
		func() (aftersale.Event, error) { return c.Accept(hours(3)) },
		func() (aftersale.Event, error) { return c.ReturnGoods(waybill, hours(4)) },
		func() (aftersale.Event, error) { return c.Reject("退回商品与订单不符", hours(5)) },
	} {
		_, err := step()
		require.NoError(t, err)
	}
	assert.Equal(t, aftersale.StatusReturnClosed, c.Status())
	assert.True(t, c.BlocksShipping(hours(5).Add(aftersale.EscalationWindow-time.Second)))
	ev, err := c.Expire(o, hours(5).Add(aftersale.EscalationWindow))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusUserCancelled, ev.To)
}

func TestCancel(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ret", aftersale.KindReturn, item("a", 2)), hours(3))
	_, err := c.Accept(hours(3))
	require.NoError(t, err)
	ev, err := c.Cancel(o, hours(4))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusUserCancelled, ev.To)
	released, ok := ev.Order.(order.AfterSaleReleased)
	require.True(t, ok)
	assert.False(t, released.Refunded)
	a, _ := o.Line("a")
	assert.Equal(t, 0, a.OnAfterSale())
	assert.Equal(t, 1, a.AfterSaleAttempts(), "a cancelled request still counts")
	_, err = c.Cancel(o, hours(5))
	require.ErrorIs(t, err, aftersale.ErrInvalidTransition, "final")
}

func TestCommandRefusalsChangeNothing(t *testing.T) {
	t.Parallel()
	other := singleLineOrder(t, "1.00", 1)
	tests := []struct {
		name string
		kind aftersale.Kind
		do   func(c *aftersale.Case, o *order.Order) error
		want error
	}{
		{"accept a refund", aftersale.KindRefund, func(c *aftersale.Case, _ *order.Order) error { _, err := c.Accept(hours(4)); return err }, aftersale.ErrInvalidTransition},
		{"time goes back", aftersale.KindReturn, func(c *aftersale.Case, _ *order.Order) error { _, err := c.Accept(hours(2)); return err }, aftersale.ErrTimeOrder},
		{"wrong order", aftersale.KindRefund, func(c *aftersale.Case, _ *order.Order) error { _, err := c.Refund(other, d("1"), hours(4)); return err }, aftersale.ErrWrongOrder},
		{"nil order", aftersale.KindRefund, func(c *aftersale.Case, _ *order.Order) error { _, err := c.Cancel(nil, hours(4)); return err }, aftersale.ErrWrongOrder},
		{"return before accept", aftersale.KindReturn, func(c *aftersale.Case, _ *order.Order) error { _, err := c.ReturnGoods(waybill, hours(4)); return err }, aftersale.ErrInvalidTransition},
		{"receive before send", aftersale.KindReship, func(c *aftersale.Case, o *order.Order) error { _, err := c.ReceiveGoods(o, hours(4)); return err }, aftersale.ErrInvalidTransition},
		{"expire while open", aftersale.KindRefund, func(c *aftersale.Case, o *order.Order) error { _, err := c.Expire(o, hours(400)); return err }, aftersale.ErrInvalidTransition},
		{"intervene on a return", aftersale.KindReturn, func(c *aftersale.Case, o *order.Order) error { _, err := c.Intervene(o, hours(4)); return err }, aftersale.ErrInvalidTransition},
		{"verify without dispute", aftersale.KindRefund, func(c *aftersale.Case, _ *order.Order) error { _, err := c.VerifyCause(1, hours(4)); return err }, aftersale.ErrInvalidTransition},
		{"refund dated before the case opened", aftersale.KindRefund, func(c *aftersale.Case, o *order.Order) error { _, err := c.Refund(o, d("1"), t0); return err }, aftersale.ErrTimeOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := shippedOrder(t)
			c := open(t, o, request("x", tt.kind, item("a", 1)), hours(3))
			before, orderBefore := c.State(), o.State()
			require.ErrorIs(t, tt.do(c, o), tt.want)
			assert.Equal(t, before, c.State())
			assert.Equal(t, orderBefore, o.State())
		})
	}
}
