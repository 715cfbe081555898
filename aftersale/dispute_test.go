package aftersale_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// referencePayoutFen is the published table computed in integer fen, independently of the
// compensation package: below 100 元 50%, from 100 元 30%, from 5000 元 20%, half up.
func referencePayoutFen(fen int64) int64 {
	pct := int64(50)
	switch {
	case fen >= 500_000:
		pct = 20
	case fen >= 10_000:
		pct = 30
	}
	return (fen*pct + 50) / 100
}

// dispute runs the four steps on a fresh single-line order that was paid and never shipped:
// the buyer asks for a refund, the platform intervenes after the ship-by deadline, verifies
// cause and decides under p.
func dispute(t testing.TB, paid string, cause compensation.Cause, p *compensation.Policy) (*aftersale.Case, *order.Order, aftersale.Verdict, aftersale.Event) {
	t.Helper()
	o := singleLineOrder(t, paid, 1)
	r := request("as-dispute", aftersale.KindRefund, item("s", 1))
	r.Reason = aftersale.ReasonNotDeliveredTooLong
	c := open(t, o, r, hours(30))
	_, err := c.Intervene(o, hours(72))
	require.NoError(t, err)
	_, err = c.VerifyCause(cause, hours(80))
	require.NoError(t, err)
	v, ev, err := c.Decide(o, p, hours(90))
	require.NoError(t, err)
	return c, o, v, ev
}

func TestDisputeBoundariesAndCauses(t *testing.T) {
	t.Parallel()
	amounts := []struct {
		paid, payout, rate, tier string
	}{ // the payouts worked out by hand from the published table
		{"99.99", "50.00", "0.5", "0.00"},
		{"100.00", "30.00", "0.3", "100.00"},
		{"4999.99", "1500.00", "0.3", "100.00"},
		{"5000.00", "1000.00", "0.2", "5000.00"},
	}
	for _, a := range amounts {
		for _, cause := range compensation.Causes() {
			t.Run(a.paid+"/"+cause.String(), func(t *testing.T) {
				t.Parallel()
				p := compensation.Default()
				c, o, v, ev := dispute(t, a.paid, cause, p)
				paidFen := d(a.paid).Shift(2).IntPart()

				liable := cause != compensation.LogisticsFailure // the default policy's liability
				assert.Equal(t, liable, v.Liable)
				assert.Equal(t, cause, v.Cause)
				assert.Equal(t, a.paid, v.Paid.StringFixed(2))
				assert.Equal(t, a.paid, v.Refund.StringFixed(2), "the full refund")
				if liable {
					assert.Equal(t, a.payout, v.Payout.StringFixed(2))
					assert.Equal(t, decimal.New(referencePayoutFen(paidFen), -2).StringFixed(2), v.Payout.StringFixed(2))
					assert.True(t, v.Rate.Equal(d(a.rate)), "rate %s", v.Rate)
					assert.Equal(t, a.tier, v.Tier.From.StringFixed(2))
					assert.Contains(t, v.Explanation, a.paid)
					assert.Contains(t, v.Explanation, a.payout)
				} else {
					assert.True(t, v.Payout.IsZero())
					assert.True(t, v.Rate.IsZero())
					assert.Contains(t, v.Explanation, "仅退款 "+a.paid)
				}
				assert.True(t, v.Total.Equal(v.Refund.Add(v.Payout)))
				assert.Equal(t, "default", v.PolicyName)

				// The event and the case carry the verdict's numbers, not recomputed ones.
				assert.Equal(t, aftersale.ActionDecide, ev.Action)
				assert.Equal(t, aftersale.StatusMerchantRefundSuccess, ev.To)
				assert.True(t, ev.Refund.Equal(v.Refund))
				assert.True(t, ev.Payout.Equal(v.Payout))
				assert.Equal(t, cause, ev.Cause)
				refunded, _ := c.Refunded()
				assert.True(t, refunded.Equal(v.Refund))
				assert.True(t, ev.OrderClosable, "the only unit is refunded")
				assert.True(t, o.FullyRefunded())

				// Reproducible from the case alone: its dispute holds the inputs and the verdict.
				dsp, ok := c.Dispute()
				require.True(t, ok)
				assert.Equal(t, aftersale.DisputeDecided, dsp.Status)
				assert.True(t, dsp.Verdict.Equal(v))
				again, err := aftersale.Judge(dsp.Verdict.Paid, dsp.Evidence.Cause, p)
				require.NoError(t, err)
				assert.True(t, again.Equal(v))
				assert.Equal(t, v, again, "same inputs, same representation")
			})
		}
	}
}

func TestDisputeEvidence(t *testing.T) {
	t.Parallel()
	c, _, _, _ := dispute(t, "88.00", compensation.StockShortage, compensation.Default())
	dsp, _ := c.Dispute()
	e := dsp.Evidence
	assert.Equal(t, "order-single", e.OrderID)
	assert.Equal(t, "as-dispute", e.CaseID)
	assert.Equal(t, hours(1), e.PaidAt)
	assert.Equal(t, hours(1).Add(48*time.Hour), e.ShipBy, "the default deadline: 48 h after payment")
	assert.Equal(t, hours(30), e.RequestedAt)
	assert.Equal(t, hours(72), e.IntervenedAt)
	assert.Equal(t, 1, e.Units)
	assert.Equal(t, 0, e.Shipped)
	assert.True(t, e.Overdue)
	assert.Equal(t, compensation.StockShortage, e.Cause)
	assert.Equal(t, hours(80), e.VerifiedAt)
	assert.Equal(t, hours(90), dsp.DecidedAt)
}

// TestLogisticsFailureAfterShipment: the goods left, the carrier lost them. The buyer gets the
// refund, and the merchant owes no non-shipment compensation under the default policy; a
// policy that makes merchants answer for carriers would pay.
func TestLogisticsFailureAfterShipment(t *testing.T) {
	t.Parallel()
	run := func(p *compensation.Policy) (aftersale.Verdict, aftersale.Dispute) {
		o := shippedOrder(t)
		r := request("lost", aftersale.KindRefund, item("a", 2))
		r.Reason = aftersale.ReasonNotDeliveredTooLong
		c := open(t, o, r, hours(100))
		_, err := c.Reject("已发货，物流在途", hours(101))
		require.NoError(t, err)
		_, err = c.Intervene(o, hours(120))
		require.NoError(t, err)
		_, err = c.VerifyCause(compensation.LogisticsFailure, hours(121))
		require.NoError(t, err)
		v, _, err := c.Decide(o, p, hours(122))
		require.NoError(t, err)
		dsp, _ := c.Dispute()
		return v, dsp
	}
	v, dsp := run(compensation.Default())
	assert.Equal(t, 2, dsp.Evidence.Shipped)
	assert.False(t, dsp.Evidence.Overdue)
	assert.False(t, v.Liable)
	assert.Equal(t, "20.20", v.Refund.StringFixed(2))
	assert.True(t, v.Payout.IsZero())
	assert.Equal(t, "20.20", v.Total.StringFixed(2))

	strict, err := compensation.NewPolicy(compensation.Default().Tiers(),
		compensation.WithLiable(compensation.LogisticsFailure), compensation.WithName("strict", "1"))
	require.NoError(t, err)
	v, _ = run(strict)
	assert.True(t, v.Liable)
	assert.Equal(t, "10.10", v.Payout.StringFixed(2), "20.20 × 50%")
}

func TestMerchantSettlesFirst(t *testing.T) {
	t.Parallel()
	o := singleLineOrder(t, "120.00", 1)
	c := open(t, o, request("settled", aftersale.KindRefund, item("s", 1)), hours(30))
	_, err := c.Refund(o, d("120.00"), hours(31))
	require.NoError(t, err)
	_, err = c.Intervene(o, hours(72))
	require.ErrorIs(t, err, aftersale.ErrInvalidTransition, "nothing left to dispute")
	_, ok := c.Dispute()
	assert.False(t, ok)
}

func TestDisputeSteps(t *testing.T) {
	t.Parallel()
	t.Run("escalation after rejection, inside and outside the window", func(t *testing.T) {
		t.Parallel()
		o := singleLineOrder(t, "50.00", 1)
		c := open(t, o, request("r", aftersale.KindRefund, item("s", 1)), hours(2))
		_, err := c.Reject("缺货", hours(3))
		require.NoError(t, err)
		before := c.State()
		_, err = c.Intervene(o, hours(3).Add(aftersale.EscalationWindow))
		require.ErrorIs(t, err, aftersale.ErrEscalationWindowClosed)
		assert.Equal(t, before, c.State())
		ev, err := c.Intervene(o, hours(3).Add(aftersale.EscalationWindow-time.Second))
		require.NoError(t, err)
		assert.Equal(t, aftersale.StatusPlatformProcessing, ev.To)
		assert.True(t, c.BlocksShipping(hours(3).Add(10*aftersale.EscalationWindow)), "the platform's case blocks whatever the time")
	})
	t.Run("decide needs a verified cause", func(t *testing.T) {
		t.Parallel()
		o := singleLineOrder(t, "50.00", 1)
		c := open(t, o, request("r", aftersale.KindRefund, item("s", 1)), hours(2))
		_, err := c.Intervene(o, hours(60))
		require.NoError(t, err)
		before, orderBefore := c.State(), o.State()
		_, _, err = c.Decide(o, compensation.Default(), hours(61))
		var de aftersale.DisputeTransitionError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, aftersale.DisputeIntervened, de.From)
		assert.Equal(t, before, c.State())
		assert.Equal(t, orderBefore, o.State())

		_, err = c.VerifyCause(0, hours(61))
		require.ErrorIs(t, err, aftersale.ErrUnknownCode)
		_, err = c.VerifyCause(compensation.Malicious, hours(61))
		require.NoError(t, err)
		_, err = c.VerifyCause(compensation.StockShortage, hours(62))
		require.ErrorIs(t, err, aftersale.ErrInvalidTransition, "the cause is recorded once")

		_, _, err = c.Decide(o, nil, hours(62))
		require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
		_, _, err = c.Decide(o, &compensation.Policy{}, hours(62))
		require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
		// Another order object with the same id: the order's own counters refuse the release,
		// and the case stays as it was.
		before = c.State()
		_, _, err = c.Decide(singleLineOrder(t, "1.00", 1), compensation.Default(), hours(62))
		require.ErrorIs(t, err, order.ErrNotHeld)
		assert.Equal(t, before, c.State())
	})
	t.Run("the buyer withdraws", func(t *testing.T) {
		t.Parallel()
		o := singleLineOrder(t, "50.00", 1)
		c := open(t, o, request("r", aftersale.KindRefund, item("s", 1)), hours(2))
		_, err := c.Intervene(o, hours(60))
		require.NoError(t, err)
		ev, err := c.Cancel(o, hours(61))
		require.NoError(t, err)
		assert.Equal(t, aftersale.StatusUserCancelled, ev.To)
		dsp, _ := c.Dispute()
		assert.Equal(t, aftersale.DisputeWithdrawn, dsp.Status)
		assert.Equal(t, hours(61), dsp.WithdrawnAt)
		assert.Equal(t, 1, o.EligibleForAfterSale("s"))
	})
}

func TestJudgeRefusals(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	_, err := aftersale.Judge(d("-1"), compensation.MerchantError, p)
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount)
	_, err = aftersale.Judge(d("1.001"), compensation.MerchantError, p)
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount)
	_, err = aftersale.Judge(d("1"), 9, p)
	require.ErrorIs(t, err, aftersale.ErrUnknownCode)
	_, err = aftersale.Judge(d("1"), compensation.MerchantError, nil)
	require.ErrorIs(t, err, compensation.ErrInvalidPolicy)
	v, err := aftersale.Judge(d("0"), compensation.MerchantError, p)
	require.NoError(t, err)
	assert.True(t, v.Total.IsZero())
}

// TestJudgeMatchesReference: every amount in fen up to 6000 元 in steps that cross each
// threshold, against the integer reference.
func TestJudgeMatchesReference(t *testing.T) {
	t.Parallel()
	p := compensation.Default()
	for fen := int64(0); fen <= 600_000; fen += 997 {
		for _, f := range []int64{fen, 9_999, 10_000, 499_999, 500_000} {
			v, err := aftersale.Judge(decimal.New(f, -2), compensation.Malicious, p)
			require.NoError(t, err)
			want := referencePayoutFen(f)
			require.Equal(t, fmt.Sprintf("%d", want), v.Payout.Shift(2).String(), "paid %d fen", f)
			require.True(t, v.Total.Equal(decimal.New(f+want, -2)))
		}
	}
}
