package wxapi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestReconcileAfterSale: the stored case follows aftersale/getaftersaleorder step by step,
// and its end moves the order's ledger; a case the host does not have is the decoded one.
func TestReconcileAfterSale(t *testing.T) {
	t.Parallel()
	o := decodedOrder(t, "paid_two_lines")
	var all []order.Item
	for _, l := range o.Lines() {
		all = append(all, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.Quantity()})
	}
	_, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: all}, time.Unix(1717290000, 0))
	require.NoError(t, err)
	tote := order.Item{ProductID: "10000345", SKUID: "1000034502", Quantity: 1}
	c, _, err := aftersale.Open(o, aftersale.Request{ID: "2000000490556677", Kind: aftersale.KindReturn, Items: []order.Item{tote},
		Reason: aftersale.ReasonQualityIssue}, time.Unix(1718064000, 0))
	require.NoError(t, err)

	res, events, err := wxapi.ReconcileAfterSale(c, o, readTestdata(t, "aftersale/return_rejected.json"))
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, aftersale.ActionReject, events[0].Action)
	assert.Same(t, c, res.Case)
	assert.Equal(t, aftersale.StatusMerchantRejectReturn, c.Status())
	line, _ := o.Line(tote.SKUID)
	assert.Equal(t, 1, line.OnAfterSale(), "a rejected case still holds its units")

	withdrawn := mutate(t, "aftersale/return_rejected.json", `"status": "MERCHANT_REJECT_RETURN"`, `"status": "USER_CANCELD"`,
		`"update_time": 1718150400`, `"update_time": 1718236800`)
	_, events, err = wxapi.ReconcileAfterSale(c, o, withdrawn)
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, aftersale.ActionCancel, events[0].Action)
	assert.IsType(t, order.AfterSaleReleased{}, events[0].Order)
	line, _ = o.Line(tote.SKUID)
	assert.Zero(t, line.OnAfterSale(), "the case's end released its units on the order")

	_, events, err = wxapi.ReconcileAfterSale(c, o, withdrawn)
	require.NoError(t, err)
	assert.Empty(t, events, "reconciling twice changes nothing")

	// Back to an earlier status: refused, nothing changed.
	_, _, err = wxapi.ReconcileAfterSale(c, o, readTestdata(t, "aftersale/return_rejected.json"))
	require.ErrorIs(t, err, aftersale.ErrUnreachable)
	var re *aftersale.ReconcileError
	require.True(t, errors.As(err, &re))
	assert.Equal(t, aftersale.StatusUserCancelled, c.Status())

	fresh, events, err := wxapi.ReconcileAfterSale(nil, o, readTestdata(t, "aftersale/return_rejected.json"))
	require.NoError(t, err)
	assert.Empty(t, events)
	assert.Equal(t, "2000000490556677", fresh.Case.ID(), "a case the host did not have is the decoded one")
}
