package aftersale_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// realStates are the stored forms of cases the commands produced, one per situation the
// refusal table below edits.
func realStates(t *testing.T) map[string]aftersale.State {
	t.Helper()
	out := map[string]aftersale.State{}
	step := func(_ aftersale.Event, err error) { t.Helper(); require.NoError(t, err) }

	o := paidOrder(t)
	out["open refund"] = open(t, o, request("as-open", aftersale.KindRefund, item("a", 2)), hours(2)).State()

	o = paidOrder(t)
	c := open(t, o, request("as-refunded", aftersale.KindRefund, item("a", 2)), hours(2))
	step(c.Refund(o, d("20.20"), hours(3)))
	out["refunded"] = c.State()

	o = paidOrder(t)
	c = open(t, o, request("as-rejected", aftersale.KindRefund, item("a", 1)), hours(2))
	step(c.Reject("缺货", hours(3)))
	out["rejected"] = c.State()

	o = paidOrder(t)
	c = open(t, o, request("as-cancelled", aftersale.KindRefund, item("b", 1)), hours(2))
	step(c.Cancel(o, hours(3)))
	out["cancelled"] = c.State()

	o = shippedOrder(t)
	c = open(t, o, request("as-return", aftersale.KindReturn, item("a", 1)), hours(3))
	step(c.Accept(hours(4)))
	out["accepted return"] = c.State()
	step(c.ReturnGoods(waybill, hours(5)))
	step(c.ConfirmReceipt(hours(6)))
	out["received return"] = c.State()
	step(c.Refund(o, d("10.10"), hours(7)))
	out["refunded return"] = c.State()

	o = singleLineOrder(t, "100.00", 1)
	c = open(t, o, request("as-verified", aftersale.KindRefund, item("s", 1)), hours(30))
	step(c.Intervene(o, hours(72)))
	step(c.VerifyCause(compensation.Malicious, hours(80)))
	out["verified"] = c.State()

	c, _, _, _ = dispute(t, "100.00", compensation.Malicious, compensation.Default())
	out["decided"] = c.State()

	o = singleLineOrder(t, "88.00", 1)
	c = open(t, o, request("as-withdrawn", aftersale.KindRefund, item("s", 1)), hours(30))
	step(c.Intervene(o, hours(72)))
	step(c.Cancel(o, hours(75)))
	out["withdrawn"] = c.State()

	o = singleLineOrder(t, "88.00", 1)
	c = open(t, o, request("as-withdrawn-verified", aftersale.KindRefund, item("s", 1)), hours(30))
	step(c.Intervene(o, hours(72)))
	step(c.VerifyCause(compensation.StockShortage, hours(74)))
	step(c.Cancel(o, hours(75)))
	out["withdrawn after verification"] = c.State()
	return out
}

// TestRestoreWithdrawnAfterVerification: the buyer may cancel a dispute the platform already
// verified (DisputeVerified → DisputeWithdrawn); the dispute keeps its verified cause, and
// Restore takes that state back. (Restore used to demand that a withdrawn dispute have no
// cause, refusing what the commands produce.) A cause without its verification time, or the
// reverse, is still refused.
func TestRestoreWithdrawnAfterVerification(t *testing.T) {
	t.Parallel()
	s := realStates(t)["withdrawn after verification"]
	require.Equal(t, aftersale.DisputeWithdrawn, s.Dispute.Status)
	require.Equal(t, compensation.StockShortage, s.Dispute.Evidence.Cause)
	require.Equal(t, hours(74), s.Dispute.Evidence.VerifiedAt)
	c, err := aftersale.Restore(s)
	require.NoError(t, err)
	checkRestores(t, c, "withdrawn after verification")

	noTime := s
	noTime.Dispute.Evidence.VerifiedAt = time.Time{}
	_, err = aftersale.Restore(noTime)
	require.ErrorIs(t, err, aftersale.ErrInvalidCase)
	assert.ErrorContains(t, err, "dispute withdrawn with cause 1")

	noCause := s
	noCause.Dispute.Evidence.Cause = 0
	_, err = aftersale.Restore(noCause)
	require.ErrorIs(t, err, aftersale.ErrInvalidCase)
	assert.ErrorContains(t, err, "dispute withdrawn with cause 0")
}

// TestRestoreRefusesImpossibleStates edits the stored form of real cases into states no
// sequence of commands produces, one rule at a time, and checks that Restore refuses each with
// ErrInvalidCase and an error that names the rule. The unedited state restores, so the edit is
// what is refused.
func TestRestoreRefusesImpossibleStates(t *testing.T) {
	t.Parallel()
	states := realStates(t)
	for name, s := range states {
		_, err := aftersale.Restore(s)
		require.NoError(t, err, "the real state %q restores", name)
	}
	before := func(s *aftersale.State) time.Time { return s.OpenedAt.Add(-time.Second) }
	after := func(s *aftersale.State) time.Time { return s.ChangedAt.Add(time.Second) }
	// life is the phrase of a time outside the case's life: "rejected at <time>: outside ...".
	life := func(name string) string { return `^.*: ` + name + ` at \S+: outside the case's life ` }
	many := func() []order.Item {
		var its []order.Item
		for i := range 9 {
			its = append(its, item(fmt.Sprintf("m%d", i), 1))
		}
		return append(its, item("m4", 1))
	}
	tests := []struct {
		name, base string
		edit       func(s *aftersale.State)
		want       string // a phrase of the error naming the rule, or a regexp starting with ^
	}{
		// Refunds.
		{"refund while open", "open refund", func(s *aftersale.State) { s.Refund = d("1.00") }, "refund 1.00 refunded at"},
		{"refund on a rejected case", "rejected", func(s *aftersale.State) { s.Refund, s.RefundedAt = d("1.00"), s.ChangedAt }, "in status MERCHANT_REJECT_REFUND"},
		{"refunded case marked failed", "refunded", func(s *aftersale.State) { s.Status = aftersale.StatusMerchantFail }, "in status MERCHANT_FAIL"},
		{"refunded without a time", "refunded", func(s *aftersale.State) { s.RefundedAt = time.Time{} }, "refund 20.20 refunded at"},
		{"refunded return without a time", "refunded return", func(s *aftersale.State) { s.RefundedAt = time.Time{} }, "in status MERCHANT_RETURN_SUCCESS"},

		// The verdict against the case.
		{"verdict total is not refund plus payout", "decided", func(s *aftersale.State) { s.Dispute.Verdict.Total = d("130.01") }, "verdict total 130.01 is not refund 100.00 plus payout 30.00"},
		{"verdict payout above paid", "decided", func(s *aftersale.State) {
			s.Dispute.Verdict.Payout, s.Dispute.Verdict.Total = d("100.01"), d("200.01")
		}, "verdict payout 100.01 (liable true) on 100.00 paid"},
		{"verdict refund differs from the case's", "decided", func(s *aftersale.State) {
			v := &s.Dispute.Verdict
			v.Paid, v.Refund, v.Total = d("99.00"), d("99.00"), d("129.00")
		}, "the case refunded 100.00"},
		{"case refund differs from the verdict's", "decided", func(s *aftersale.State) { s.Refund = d("99.99") }, "the case refunded 99.99"},
		{"payout while not liable", "decided", func(s *aftersale.State) { s.Dispute.Verdict.Liable = false }, "verdict payout 30.00 (liable false)"},
		{"verdict cause differs from the verified one", "decided", func(s *aftersale.State) {
			s.Dispute.Verdict.Cause = compensation.StockShortage
		}, "differs from the verified cause"},

		// Times outside the case's life.
		{"rejected before opened", "rejected", func(s *aftersale.State) { s.RejectedAt = before(s) }, life("rejected")},
		{"rejected after the last change", "rejected", func(s *aftersale.State) { s.RejectedAt = after(s) }, life("rejected")},
		{"received before opened", "received return", func(s *aftersale.State) { s.ReceivedAt = before(s) }, life("received")},
		{"received after the last change", "received return", func(s *aftersale.State) { s.ReceivedAt = after(s) }, life("received")},
		{"refunded before opened", "refunded", func(s *aftersale.State) { s.RefundedAt = before(s) }, life("refunded")},
		{"refunded after the last change", "refunded", func(s *aftersale.State) { s.RefundedAt = after(s) }, life("refunded")},
		{"closed before opened", "cancelled", func(s *aftersale.State) { s.ClosedAt = before(s) }, life("closed")},
		{"closed after the last change", "cancelled", func(s *aftersale.State) { s.ClosedAt = after(s) }, life("closed")},
		{"intervened before opened", "verified", func(s *aftersale.State) { s.Dispute.Evidence.IntervenedAt = before(s) }, life("intervened")},
		{"intervened after the last change", "verified", func(s *aftersale.State) { s.Dispute.Evidence.IntervenedAt = after(s) }, life("intervened")},
		{"verified before opened", "decided", func(s *aftersale.State) { s.Dispute.Evidence.VerifiedAt = before(s) }, life("verified")},
		{"verified after the last change", "verified", func(s *aftersale.State) { s.Dispute.Evidence.VerifiedAt = after(s) }, life("verified")},
		{"decided before opened", "decided", func(s *aftersale.State) { s.Dispute.DecidedAt = before(s) }, life("decided")},
		{"decided after the last change", "decided", func(s *aftersale.State) { s.Dispute.DecidedAt = after(s) }, life("decided")},
		{"withdrawn after the last change", "withdrawn", func(s *aftersale.State) { s.Dispute.WithdrawnAt = after(s) }, life("withdrawn")},
		{"changed before opened", "open refund", func(s *aftersale.State) { s.ChangedAt = before(s) }, "opened at"},

		// The marks each status implies.
		{"final without a closing time", "cancelled", func(s *aftersale.State) { s.ClosedAt = time.Time{} }, "status USER_CANCELD with closing time"},
		{"open with a closing time", "open refund", func(s *aftersale.State) { s.ClosedAt = s.ChangedAt }, "status MERCHANT_PROCESSING with closing time"},
		{"semi without a rejection time", "rejected", func(s *aftersale.State) { s.RejectedAt = time.Time{} }, "without a rejection time"},
		{"rejection time where no rejection leads", "accepted return", func(s *aftersale.State) { s.RejectedAt = s.ChangedAt }, "status USER_WAIT_RETURN, which no rejection leads to"},
		{"rejection reason without a time", "open refund", func(s *aftersale.State) { s.Rejection = "缺货" }, "a rejection reason without a rejection time"},
		{"another kind's rejection status", "rejected", func(s *aftersale.State) { s.Status = aftersale.StatusMerchantRejectExchange }, "status MERCHANT_REJECT_EXCHANGE on a REFUND case"},

		// The dispute against the case.
		{"evidence about another case", "decided", func(s *aftersale.State) { s.Dispute.Evidence.CaseID = "as-other" }, `evidence about case "as-other"`},
		{"evidence about another order", "verified", func(s *aftersale.State) { s.Dispute.Evidence.OrderID = "order-other" }, `of order "order-other"`},
		{"evidence units do not add up", "decided", func(s *aftersale.State) { s.Dispute.Evidence.Units = 2 }, "evidence of 2 units (0 shipped) for a case of 1"},
		{"dispute on a return", "accepted return", func(s *aftersale.State) {
			s.Dispute = aftersale.Dispute{Status: aftersale.DisputeIntervened, Evidence: aftersale.Evidence{
				OrderID: s.OrderID, CaseID: s.ID, RequestedAt: s.OpenedAt, IntervenedAt: s.ChangedAt, Units: 1}}
		}, "a dispute on a RETURN case"},
		{"withdrawn dispute on a case that did not cancel", "withdrawn", func(s *aftersale.State) { s.Status = aftersale.StatusMerchantFail }, "with the case in MERCHANT_FAIL"},
		{"open dispute on a refunded case", "decided", func(s *aftersale.State) {
			s.Dispute.Status, s.Dispute.Verdict, s.Dispute.DecidedAt = aftersale.DisputeVerified, aftersale.Verdict{}, time.Time{}
		}, "dispute verified with the case in MERCHANT_REFUND_SUCCESS"},

		// Legs, items, text.
		{"return waybill on a refund", "refunded", func(s *aftersale.State) { s.ReturnWaybill = waybill }, "a return waybill on a REFUND case"},
		{"goods received on a refund", "refunded", func(s *aftersale.State) { s.ReceivedAt = s.ChangedAt }, "goods received back on a REFUND case"},
		{"goods sent on a return", "received return", func(s *aftersale.State) { s.SendWaybill = waybill }, "goods sent to the buyer on a RETURN case"},
		{"sku twice", "refunded", func(s *aftersale.State) { s.Items = append(s.Items, s.Items[0]) }, `sku "a" listed twice`},
		{"sku twice among many", "open refund", func(s *aftersale.State) { s.Items = many() }, `sku "m4" listed twice`},
		{"invalid UTF-8 in the id", "refunded", func(s *aftersale.State) { s.ID = "as-\xff" }, "not valid UTF-8"},
		{"invalid UTF-8 in the detail", "open refund", func(s *aftersale.State) { s.Detail = "坏\xfe" }, "not valid UTF-8"},
		{"invalid UTF-8 in a sku", "open refund", func(s *aftersale.State) { s.Items[0].SKUID = "a\xc3" }, "item 0"},
		{"invalid UTF-8 in a waybill", "received return", func(s *aftersale.State) { s.ReturnWaybill.TrackingNumber = "SF\xff" }, "a waybill that is not valid UTF-8"},
	}
	require.GreaterOrEqual(t, len(tests), 20)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, ok := states[tt.base]
			require.True(t, ok, tt.base)
			s.Items = slices.Clone(s.Items) // the edit must not reach the shared base
			tt.edit(&s)
			c, err := aftersale.Restore(s)
			require.ErrorIs(t, err, aftersale.ErrInvalidCase)
			if strings.HasPrefix(tt.want, "^") {
				assert.Regexp(t, tt.want, err.Error())
			} else {
				assert.ErrorContains(t, err, tt.want)
			}
			assert.Nil(t, c)
		})
	}
}

// TestEveryReachedStateRestores: whatever state a real sequence of commands leaves a case in,
// Restore takes it back equal, and its JSON decodes to the same state and encodes to the same
// bytes again. The order the cases changed restores as well. Random command sequences (the
// property test's) reach every status of the kinds' tables and every dispute status.
func TestEveryReachedStateRestores(t *testing.T) {
	t.Parallel()
	reached := map[aftersale.Status]bool{}
	disputes := map[aftersale.DisputeStatus]bool{}
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 11))
		runSequence(t, rng, seed, map[aftersale.Action]int{}, func(w *world, c *aftersale.Case, step int) {
			reached[c.Status()] = true
			if d, ok := c.Dispute(); ok {
				disputes[d.Status] = true
			}
			checkRestores(t, c, fmt.Sprintf("seed %d step %d", seed, step))
			back, err := order.Restore(w.o.State())
			require.NoError(t, err, "seed %d step %d: the order", seed, step)
			require.Equal(t, w.o.State(), back.State(), "seed %d step %d: the order", seed, step)
		})
	}
	for _, k := range aftersale.Kinds() {
		for _, tr := range aftersale.Transitions(k) {
			assert.True(t, reached[tr.To], "%s never reached", tr.To)
		}
	}
	for _, s := range aftersale.DisputeStatuses() {
		assert.True(t, disputes[s], "dispute %s never reached", s)
	}
}

// checkRestores checks that c's state restores equal, and that its JSON round-trips.
func checkRestores(t *testing.T, c *aftersale.Case, where string) {
	t.Helper()
	s := c.State()
	back, err := aftersale.Restore(s)
	require.NoError(t, err, where)
	require.Equal(t, s, back.State(), where)

	b, err := json.Marshal(c)
	require.NoError(t, err, where)
	bs, err := json.Marshal(s)
	require.NoError(t, err, where)
	require.Equal(t, string(b), string(bs), "%s: the case and its state marshal alike", where)
	var decoded aftersale.Case
	require.NoError(t, json.Unmarshal(b, &decoded), "%s: %s", where, b)
	require.Equal(t, canonical(s), canonical(decoded.State()), where)
	b2, err := json.Marshal(&decoded)
	require.NoError(t, err, where)
	require.Equal(t, string(b), string(b2), where)
}
