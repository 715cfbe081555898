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

func TestSnapshotRoundTrip(t *testing.T) {
	t.Parallel()
	c, _, _, _ := dispute(t, "4999.99", compensation.MerchantError, compensation.Default())
	s := c.Snapshot()
	back, err := aftersale.Restore(s)
	require.NoError(t, err)
	assert.Equal(t, s, back.Snapshot())
	d1, _ := c.Dispute()
	d2, _ := back.Dispute()
	assert.True(t, d1.Verdict.Equal(d2.Verdict))

	// The snapshot is independent of the case.
	s.Items[0].Quantity = 42
	assert.Equal(t, 1, c.Units("s"))
}

func TestRestoreContinues(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	c := open(t, o, request("ret", aftersale.KindReturn, item("a", 1)), hours(3))
	_, err := c.Accept(hours(4))
	require.NoError(t, err)
	back, err := aftersale.Restore(c.Snapshot())
	require.NoError(t, err)
	_, err = back.ReturnGoods(waybill, hours(5))
	require.NoError(t, err)
	assert.Equal(t, aftersale.StatusMerchantWaitReceipt, back.Status())
	assert.Equal(t, aftersale.StatusUserWaitReturn, c.Status(), "the original is untouched")
}

func TestRestoreRefusals(t *testing.T) {
	t.Parallel()
	valid := func() aftersale.Snapshot {
		return aftersale.Snapshot{
			ID: "as", OrderID: "o", Kind: aftersale.KindRefund, Status: aftersale.StatusMerchantProcessing,
			Reason: aftersale.ReasonOthers, Items: items(item("a", 1)), OpenedAt: t0, ChangedAt: t0,
		}
	}
	_, err := aftersale.Restore(valid())
	require.NoError(t, err)
	tests := map[string]func(s *aftersale.Snapshot){
		"no id":                  func(s *aftersale.Snapshot) { s.ID = "" },
		"no order":               func(s *aftersale.Snapshot) { s.OrderID = "" },
		"unknown kind":           func(s *aftersale.Snapshot) { s.Kind = 0 },
		"unknown status":         func(s *aftersale.Snapshot) { s.Status = 99 },
		"unknown reason":         func(s *aftersale.Snapshot) { s.Reason = 0 },
		"no opening time":        func(s *aftersale.Snapshot) { s.OpenedAt = time.Time{} },
		"changed before opened":  func(s *aftersale.Snapshot) { s.ChangedAt = t0.Add(-time.Second) },
		"no items":               func(s *aftersale.Snapshot) { s.Items = nil },
		"zero quantity":          func(s *aftersale.Snapshot) { s.Items = items(item("a", 0)) },
		"sku twice":              func(s *aftersale.Snapshot) { s.Items = items(item("a", 1), item("a", 1)) },
		"semi without rejection": func(s *aftersale.Snapshot) { s.Status = aftersale.StatusMerchantRejectRefund },
		"another kind's reject": func(s *aftersale.Snapshot) {
			s.Status, s.RejectedAt = aftersale.StatusMerchantRejectReturn, t0
		},
		"refund while open": func(s *aftersale.Snapshot) { s.Refund = d("1.00") },
		"bad refund":        func(s *aftersale.Snapshot) { s.Status, s.Refund = aftersale.StatusMerchantRefundSuccess, d("-1") },
		"dispute on return": func(s *aftersale.Snapshot) {
			s.Kind, s.Dispute.Status = aftersale.KindReturn, aftersale.DisputeIntervened
		},
		"dispute not in PP": func(s *aftersale.Snapshot) { s.Dispute.Status = aftersale.DisputeIntervened },
		"unknown dispute":   func(s *aftersale.Snapshot) { s.Dispute.Status = 9 },
		"verified, no cause": func(s *aftersale.Snapshot) {
			s.Status, s.Dispute.Status = aftersale.StatusPlatformProcessing, aftersale.DisputeVerified
		},
		"decided, case open": func(s *aftersale.Snapshot) {
			s.Status, s.Dispute.Status = aftersale.StatusPlatformProcessing, aftersale.DisputeDecided
		},
		"withdrawn, case open": func(s *aftersale.Snapshot) { s.Dispute.Status = aftersale.DisputeWithdrawn },
		"verdict cause differs": func(s *aftersale.Snapshot) {
			s.Status, s.Dispute.Status = aftersale.StatusMerchantRefundSuccess, aftersale.DisputeDecided
			s.Dispute.Evidence.Cause, s.Dispute.Verdict.Cause = compensation.Malicious, compensation.StockShortage
		},
	}
	for name, mutate := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := valid()
			mutate(&s)
			c, err := aftersale.Restore(s)
			require.ErrorIs(t, err, aftersale.ErrInvalidCase)
			assert.Nil(t, c)
		})
	}
}

// TestRestoredSemiCase: a rejected case mirrored from the platform blocks shipping for its
// window, computed from the stored rejection time.
func TestRestoredSemiCase(t *testing.T) {
	t.Parallel()
	c, err := aftersale.Restore(aftersale.Snapshot{
		ID: "as", OrderID: "o", Kind: aftersale.KindReturn, Status: aftersale.StatusReturnClosed,
		Reason: aftersale.ReasonQualityIssue, Items: []order.Item{item("a", 1)},
		OpenedAt: t0, ChangedAt: hours(5), RejectedAt: hours(5),
	})
	require.NoError(t, err)
	assert.True(t, c.Open())
	assert.True(t, c.OpenAt(hours(5).Add(aftersale.EscalationWindow-time.Nanosecond)))
	assert.False(t, c.OpenAt(hours(5).Add(aftersale.EscalationWindow)))
}
