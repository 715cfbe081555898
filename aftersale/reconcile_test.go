package aftersale_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// platformCase is c's state moved by change, restored: the case as a later
// aftersale/getaftersaleorder reports it.
func platformCase(t *testing.T, c *aftersale.Case, change func(s *aftersale.State)) *aftersale.Case {
	t.Helper()
	s := c.State()
	change(&s)
	fresh, err := aftersale.Restore(s)
	require.NoError(t, err)
	return fresh
}

func TestReconcile(t *testing.T) {
	t.Parallel()
	open := func(t *testing.T, k aftersale.Kind, o *order.Order) *aftersale.Case {
		c, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-1", Kind: k, Items: items(item("a", 1)), Reason: aftersale.ReasonIncorrectSelection}, hours(3))
		require.NoError(t, err)
		return c
	}
	t.Run("refunded on the platform", func(t *testing.T) {
		t.Parallel()
		o := paidOrder(t)
		c := open(t, aftersale.KindRefund, o)
		fresh := platformCase(t, c, func(s *aftersale.State) {
			s.Status, s.Refund, s.RefundedAt, s.ClosedAt, s.ChangedAt = aftersale.StatusMerchantRefundSuccess, d("10.10"), hours(5), hours(5), hours(5)
		})
		events, err := c.Reconcile(o, fresh)
		require.NoError(t, err)
		require.Len(t, events, 1)
		ev := events[0]
		assert.Equal(t, aftersale.ActionRefund, ev.Action)
		assert.Equal(t, []aftersale.Status{aftersale.StatusMerchantProcessing, aftersale.StatusMerchantRefundSuccess}, []aftersale.Status{ev.From, ev.To})
		assert.Equal(t, "10.10", ev.Refund.StringFixed(2))
		require.IsType(t, order.AfterSaleReleased{}, ev.Order)
		assert.True(t, ev.Order.(order.AfterSaleReleased).Refunded)
		assert.Equal(t, aftersale.StatusMerchantRefundSuccess, c.Status())
		a, _ := o.Line("a")
		assert.Equal(t, []int{0, 1}, []int{a.OnAfterSale(), a.Refunded()}, "the order's ledger moved with the case")
		assert.Equal(t, "10.10", a.RefundedAmount().StringFixed(2))

		again, err := c.Reconcile(o, fresh)
		require.NoError(t, err)
		assert.Empty(t, again, "reconciling twice changes nothing")
		a, _ = o.Line("a")
		assert.Equal(t, 1, a.Refunded())
	})
	t.Run("several steps: accepted, returned", func(t *testing.T) {
		t.Parallel()
		o := shippedOrder(t)
		c := open(t, aftersale.KindReturn, o)
		fresh := platformCase(t, c, func(s *aftersale.State) {
			s.Status, s.ChangedAt = aftersale.StatusMerchantWaitReceipt, hours(6)
			s.ReturnWaybill = aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF9"}
		})
		events, err := c.Reconcile(o, fresh)
		require.NoError(t, err)
		var actions []aftersale.Action
		for _, e := range events {
			actions = append(actions, e.Action)
			assert.Nil(t, e.Order, "the units are still held")
		}
		assert.Equal(t, []aftersale.Action{aftersale.ActionAccept, aftersale.ActionReturnGoods}, actions)
		assert.Equal(t, "SF9", c.ReturnWaybill().TrackingNumber)
	})
	t.Run("withdrawn", func(t *testing.T) {
		t.Parallel()
		o := paidOrder(t)
		c := open(t, aftersale.KindRefund, o)
		fresh := platformCase(t, c, func(s *aftersale.State) {
			s.Status, s.ClosedAt, s.ChangedAt = aftersale.StatusUserCancelled, hours(4), hours(4)
		})
		events, err := c.Reconcile(o, fresh)
		require.NoError(t, err)
		require.Len(t, events, 1)
		assert.Equal(t, aftersale.ActionCancel, events[0].Action)
		a, _ := o.Line("a")
		assert.Zero(t, a.OnAfterSale())
		assert.False(t, c.BlocksShipping(hours(5)))
	})
	t.Run("refused", func(t *testing.T) {
		t.Parallel()
		o := paidOrder(t)
		c := open(t, aftersale.KindRefund, o)
		done := platformCase(t, c, func(s *aftersale.State) {
			s.Status, s.ClosedAt, s.ChangedAt = aftersale.StatusUserCancelled, hours(4), hours(4)
		})
		_, err := c.Reconcile(o, done)
		require.NoError(t, err)
		before, _ := json.Marshal(c)
		orderBefore, _ := json.Marshal(o)
		for name, fresh := range map[string]*aftersale.Case{
			"a status back from the end": platformCase(t, c, func(s *aftersale.State) {
				s.Status, s.ClosedAt = aftersale.StatusMerchantProcessing, time.Time{}
			}),
			"another case": platformCase(t, c, func(s *aftersale.State) { s.ID = "AS-2" }),
		} {
			_, err := c.Reconcile(o, fresh)
			require.ErrorIs(t, err, aftersale.ErrUnreachable, name)
			var re *aftersale.ReconcileError
			require.True(t, errors.As(err, &re), name)
			assert.NotEmpty(t, re.Fields, name)
			after, _ := json.Marshal(c)
			orderAfter, _ := json.Marshal(o)
			assert.Equal(t, string(before), string(after), name)
			assert.Equal(t, string(orderBefore), string(orderAfter), name)
		}
	})
}

func TestCaseString(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-9", Kind: aftersale.KindRefund, Items: items(item("a", 1)),
		Reason: aftersale.ReasonIncorrectSelection, Detail: "电话 13800138000"}, hours(2))
	require.NoError(t, err)
	assert.Equal(t, "case AS-9 (REFUND, MERCHANT_PROCESSING) of order order-1", c.String())
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		assert.NotContains(t, fmt.Sprintf(verb, c), "13800138000", "the buyer's words stay out of %s", verb)
	}
}

// TestReconcileAfterLaterOrderChanges: a case's end is recorded on an order that changed since
// (a confirmation applied first), and a platform copy dated a little before the host's own
// step on the same status is no regression.
func TestReconcileAfterLaterOrderChanges(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-3", Kind: aftersale.KindRefund, Items: items(item("a", 1)),
		Reason: aftersale.ReasonQualityIssue}, hours(3))
	require.NoError(t, err)
	fresh := platformCase(t, c, func(s *aftersale.State) {
		s.Status, s.ClosedAt, s.ChangedAt = aftersale.StatusUserCancelled, hours(4), hours(4)
	})
	_, err = o.ConfirmReceipt(order.ConfirmByBuyer, hours(6)) // applied before the case's end arrived
	require.NoError(t, err)
	events, err := c.Reconcile(o, fresh)
	require.NoError(t, err)
	require.Len(t, events, 1)
	released := events[0].Order.(order.AfterSaleReleased)
	assert.Equal(t, hours(6), released.At, "dated when the order learns of it")

	// The host applied the withdrawal at the push's time; the platform dates it a second earlier.
	early := c.State()
	early.ChangedAt, early.ClosedAt = hours(4).Add(-time.Second), hours(4).Add(-time.Second)
	earlyCase, err := aftersale.Restore(early)
	require.NoError(t, err)
	events, err = c.Reconcile(o, earlyCase)
	require.NoError(t, err)
	assert.Empty(t, events)
}

// TestEventJSON: every event marshals, the fields its action leaves unset left out.
func TestEventJSON(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c, opened, err := aftersale.Open(o, aftersale.Request{ID: "AS-4", Kind: aftersale.KindRefund, Items: items(item("a", 1)),
		Reason: aftersale.ReasonIncorrectSelection}, hours(2))
	require.NoError(t, err)
	rejected, err := c.Reject("已发货", hours(3))
	require.NoError(t, err)
	for _, ev := range []aftersale.Event{opened, rejected} {
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"case_id":"AS-4"`)
		assert.NotContains(t, string(b), `"cause"`, "unset")
	}
	b, _ := json.Marshal(opened)
	assert.Contains(t, string(b), `"order":{"order_id":"order-1","items":[`, "the order's own event, snake_case too")
}
