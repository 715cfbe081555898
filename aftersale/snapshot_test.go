package aftersale_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

func TestStateRoundTrip(t *testing.T) {
	t.Parallel()
	c, _, _, _ := dispute(t, "4999.99", compensation.MerchantError, compensation.Default())
	s := c.State()
	back, err := aftersale.Restore(s)
	require.NoError(t, err)
	assert.Equal(t, s, back.State())
	d1, _ := c.Dispute()
	d2, _ := back.Dispute()
	assert.True(t, d1.Verdict.Equal(d2.Verdict))

	// The state is independent of the case.
	s.Items[0].Quantity = 42
	assert.Equal(t, 1, c.Units("s"))
}

func TestRestoreContinues(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ret", aftersale.KindReturn, item("a", 1)), hours(3))
	_, err := c.Accept(hours(4))
	require.NoError(t, err)
	back, err := aftersale.Restore(c.State())
	require.NoError(t, err)
	_, err = back.ReturnGoods(waybill, hours(5))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantWaitReceipt, back.Status())
	assert.Equal(t, aftersale.StatusUserWaitReturn, c.Status(), "the original is untouched")
}

func TestRestoreRefusals(t *testing.T) {
	t.Parallel()
	valid := func() aftersale.State {
		return aftersale.State{
			ID: "as", OrderID: "o", Kind: aftersale.KindRefund, Status: aftersale.StatusMerchantProcessing,
			Reason: aftersale.ReasonOthers, Items: items(item("a", 1)), OpenedAt: t0, ChangedAt: t0,
		}
	}
	_, err := aftersale.Restore(valid())
	require.NoError(t, err)
	// evidence is what an intervention on valid() records; the dispute cases start from it, so
	// each is refused for its own rule.
	evidence := aftersale.Evidence{OrderID: "o", CaseID: "as", RequestedAt: t0, IntervenedAt: t0, Units: 1}
	refunded := func(s *aftersale.State) {
		s.Status, s.RefundedAt, s.ClosedAt = aftersale.StatusMerchantRefundSuccess, t0, t0
	}
	tests := map[string]struct {
		mutate func(s *aftersale.State)
		want   string // a phrase of the error naming the rule
	}{
		"no id":                  {func(s *aftersale.State) { s.ID = "" }, "empty id"},
		"no order":               {func(s *aftersale.State) { s.OrderID = "" }, "empty id or order id"},
		"unknown kind":           {func(s *aftersale.State) { s.Kind = 0 }, "unknown aftersale.Kind 0"},
		"unknown status":         {func(s *aftersale.State) { s.Status = 99 }, "unknown aftersale.Status 99"},
		"unknown reason":         {func(s *aftersale.State) { s.Reason = 0 }, "unknown aftersale.Reason 0"},
		"no opening time":        {func(s *aftersale.State) { s.OpenedAt = time.Time{} }, "opened at 0001-01-01"},
		"changed before opened":  {func(s *aftersale.State) { s.ChangedAt = t0.Add(-time.Second) }, "changed at 2025-03-01T08:59:59Z"},
		"no items":               {func(s *aftersale.State) { s.Items = nil }, "0 items"},
		"zero quantity":          {func(s *aftersale.State) { s.Items = items(item("a", 0)) }, "quantity 0"},
		"sku twice":              {func(s *aftersale.State) { s.Items = items(item("a", 1), item("a", 1)) }, "listed twice"},
		"semi without rejection": {func(s *aftersale.State) { s.Status = aftersale.StatusMerchantRejectRefund }, "without a rejection time"},
		"another kind's reject": {func(s *aftersale.State) {
			s.Status, s.RejectedAt = aftersale.StatusMerchantRejectReturn, t0
		}, "status MERCHANT_REJECT_RETURN on a REFUND case"},
		"refund while open": {func(s *aftersale.State) { s.Refund = d("1.00") }, "in status MERCHANT_PROCESSING"},
		"bad refund": {func(s *aftersale.State) {
			refunded(s)
			s.Refund = d("-1")
		}, "refund"},
		"dispute on return": {func(s *aftersale.State) {
			s.Kind, s.Dispute = aftersale.KindReturn, aftersale.Dispute{Status: aftersale.DisputeIntervened, Evidence: evidence}
		}, "a dispute on a RETURN case"},
		"dispute not in PP": {func(s *aftersale.State) {
			s.Dispute = aftersale.Dispute{Status: aftersale.DisputeIntervened, Evidence: evidence}
		}, "dispute intervened with the case in MERCHANT_PROCESSING"},
		"unknown dispute": {func(s *aftersale.State) { s.Dispute.Status = 9 }, "unknown aftersale.DisputeStatus 9"},
		"verified, no cause": {func(s *aftersale.State) {
			s.Status, s.Dispute = aftersale.StatusPlatformProcessing, aftersale.Dispute{Status: aftersale.DisputeVerified, Evidence: evidence}
			s.Dispute.Evidence.VerifiedAt = t0
		}, "dispute verified with cause 0"},
		"decided, case open": {func(s *aftersale.State) {
			s.Status, s.Dispute = aftersale.StatusPlatformProcessing, aftersale.Dispute{Status: aftersale.DisputeDecided, Evidence: evidence}
		}, "dispute decided with the case in PLATFORM_PROCESSING"},
		"withdrawn, case open": {func(s *aftersale.State) {
			s.Dispute = aftersale.Dispute{Status: aftersale.DisputeWithdrawn, Evidence: evidence, WithdrawnAt: t0}
		}, "with the case in MERCHANT_PROCESSING"},
		"verdict cause differs": {func(s *aftersale.State) {
			refunded(s)
			s.Dispute = aftersale.Dispute{Status: aftersale.DisputeDecided, Evidence: evidence, DecidedAt: t0}
			s.Dispute.Evidence.Cause, s.Dispute.Evidence.VerifiedAt = compensation.Malicious, t0
			s.Dispute.Verdict.Cause = compensation.StockShortage
		}, "verdict cause stock_shortage differs from the verified cause malicious"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := valid()
			tt.mutate(&s)
			c, err := aftersale.Restore(s)
			require.ErrorIs(t, err, aftersale.ErrInvalidCase)
			assert.ErrorContains(t, err, tt.want)
			assert.Nil(t, c)
		})
	}
	// The refund's own amount rules are the money rules.
	s := valid()
	refunded(&s)
	s.Refund = d("-1")
	_, err = aftersale.Restore(s)
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount)
	s.Refund = d("1.00")
	_, err = aftersale.Restore(s)
	require.NoError(t, err, "the same state with a valid refund restores")
}

// TestRestoredSemiCase: a rejected case mirrored from the platform blocks shipping for its
// window, computed from the stored rejection time.
func TestRestoredSemiCase(t *testing.T) {
	t.Parallel()
	c, err := aftersale.Restore(aftersale.State{
		ID: "as", OrderID: "o", Kind: aftersale.KindReturn, Status: aftersale.StatusReturnClosed,
		Reason: aftersale.ReasonQualityIssue, Items: []order.Item{item("a", 1)},
		OpenedAt: t0, ChangedAt: hours(5), RejectedAt: hours(5),
	})
	require.NoError(t, err)
	assert.True(t, c.BlocksShipping(hours(5)))
	assert.True(t, c.BlocksShipping(hours(5).Add(aftersale.EscalationWindow-time.Nanosecond)))
	assert.False(t, c.BlocksShipping(hours(5).Add(aftersale.EscalationWindow)))
}
