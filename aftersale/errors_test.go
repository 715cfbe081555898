package aftersale_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// TestTransitionErrorIsAValue: errors.As copies a TransitionError out of the error, so a
// caller that changes its copy changes nothing another rejection reads. (The old code handed
// every caller the same precomputed *TransitionError; changing it changed every later
// rejection of the same triple.) Both doors are checked: Next, and a command on a case.
func TestTransitionErrorIsAValue(t *testing.T) {
	t.Parallel()
	want := aftersale.TransitionError{Kind: aftersale.KindRefund, From: aftersale.StatusMerchantProcessing, Action: aftersale.ActionAccept}
	rejections := map[string]func() error{
		"Next": func() error {
			_, err := aftersale.Next(aftersale.KindRefund, aftersale.StatusMerchantProcessing, aftersale.ActionAccept)
			return err
		},
		"Accept": func() error {
			c := open(t, paidOrder(t), request("as-1", aftersale.KindRefund, item("a", 1)), hours(2))
			_, err := c.Accept(hours(3))
			return err
		},
	}
	for name, reject := range rejections {
		var te aftersale.TransitionError
		require.ErrorAs(t, reject(), &te, name)
		assert.Equal(t, want, te, name)
		te.Kind, te.From, te.Action = aftersale.KindReship, aftersale.StatusMerchantFail, aftersale.ActionExpire

		err := reject()
		var again aftersale.TransitionError
		require.ErrorAs(t, err, &again, name)
		assert.Equal(t, want, again, "%s: the second rejection still reads the original values", name)
		assert.Equal(t, "aftersale: a REFUND case in MERCHANT_PROCESSING cannot accept", err.Error(), name)
		require.ErrorIs(t, err, aftersale.ErrInvalidTransition, name)
		var ptr *aftersale.TransitionError
		assert.False(t, errors.As(err, &ptr), "%s: no pointer to share", name)
	}
}

// TestDisputeTransitionErrorIsAValue: the same for the dispute's machine, through NextDispute
// and through VerifyCause on a case without a dispute.
func TestDisputeTransitionErrorIsAValue(t *testing.T) {
	t.Parallel()
	want := aftersale.DisputeTransitionError{From: 0, Action: aftersale.ActionVerify}
	rejections := map[string]func() error{
		"NextDispute": func() error {
			_, err := aftersale.NextDispute(0, aftersale.ActionVerify)
			return err
		},
		"VerifyCause": func() error {
			c := open(t, paidOrder(t), request("as-1", aftersale.KindRefund, item("a", 1)), hours(2))
			before := c.State()
			_, err := c.VerifyCause(1, hours(3))
			assert.Equal(t, before, c.State())
			return err
		},
	}
	for name, reject := range rejections {
		var de aftersale.DisputeTransitionError
		require.ErrorAs(t, reject(), &de, name)
		assert.Equal(t, want, de, name)
		de.From, de.Action = aftersale.DisputeDecided, aftersale.ActionDecide

		err := reject()
		var again aftersale.DisputeTransitionError
		require.ErrorAs(t, err, &again, name)
		assert.Equal(t, want, again, "%s: the second rejection still reads the original values", name)
		assert.Equal(t, "aftersale: no dispute to verify", err.Error(), name)
		require.ErrorIs(t, err, aftersale.ErrInvalidTransition, name)
		var ptr *aftersale.DisputeTransitionError
		assert.False(t, errors.As(err, &ptr), "%s: no pointer to share", name)
	}
}

// TestOrderErrorsPassThrough: the refusals that are the order's own come back as the order's
// sentinels and types, wrapped with the case's id.
func TestOrderErrorsPassThrough(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("b", 1)), hours(2))
	_, err := c.Refund(o, d("4.01"), hours(3))
	var re *order.RefundError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "order-1", re.OrderID)
	assert.Equal(t, "4.01", re.Amount.StringFixed(2))
	assert.Equal(t, "4.00", re.Max.StringFixed(2))
	require.ErrorIs(t, err, order.ErrRefundTooLarge)
	assert.Contains(t, err.Error(), "case as-1")

	_, err = c.Refund(o, d("0"), hours(3))
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount)
	var ae *aftersale.AmountError
	require.ErrorAs(t, err, &ae, "the module's one amount error type")
	assert.Equal(t, "refund", ae.Field)
}
