package aftersale_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
)

// canonical returns s with every amount in one representation (decimals compare by value, not
// by how they were built), so that states can be compared whole.
func canonical(s aftersale.State) aftersale.State {
	c := func(d decimal.Decimal) decimal.Decimal {
		if d.IsZero() {
			return decimal.Decimal{}
		}
		return decimal.RequireFromString(d.String())
	}
	s.Refund = c(s.Refund)
	v := &s.Dispute.Verdict
	v.Paid, v.Refund, v.Payout, v.Total, v.Rate = c(v.Paid), c(v.Refund), c(v.Payout), c(v.Total), c(v.Rate)
	v.Tier.From, v.Tier.Rate = c(v.Tier.From), c(v.Tier.Rate)
	return s
}

// everyStatusState builds, for status st and kind k, the fullest state of a case there:
// a rejection in a SEMI status, a refund in a refunded one, the goods' legs for the kinds that
// have them (back to the merchant for a return or an exchange, out to the buyer for an
// exchange or a re-send).
func everyStatusState(k aftersale.Kind, st aftersale.Status) aftersale.State {
	s := aftersale.State{
		ID: "as-" + st.String(), OrderID: "order-1", Kind: k, Status: st, Reason: aftersale.ReasonQualityIssue,
		Detail: "拉链坏了", Items: items(item("a", 1), item("u", 2)), OpenedAt: t0, ChangedAt: hours(50),
	}
	if st.Class() == aftersale.ClassSemi {
		s.Rejection, s.RejectedAt = "商品已使用", hours(10)
	}
	if st.Refunded() {
		s.Refund, s.RefundedAt = d("12.34"), hours(50)
	}
	if st.Class() == aftersale.ClassFinal {
		s.ClosedAt = hours(50)
	}
	if k == aftersale.KindReturn || k == aftersale.KindExchange {
		s.ReturnWaybill, s.ReceivedAt = waybill, hours(20)
	}
	if k == aftersale.KindExchange || k == aftersale.KindReship {
		s.SendWaybill = aftersale.Waybill{Carrier: "ZTO", TrackingNumber: "ZT1"}
	}
	return s
}

// disputeStates are refund-only cases in each dispute status, verdicts liable and not. Each
// opened when the buyer asked (the evidence's RequestedAt) and last changed at its dispute's
// latest step.
func disputeStates(t *testing.T) map[string]aftersale.State {
	evidence := aftersale.Evidence{OrderID: "order-1", CaseID: "as-d", PaidAt: hours(1), ShipBy: hours(49),
		RequestedAt: hours(30), IntervenedAt: hours(72), Units: 1, Overdue: true}
	base := func(st aftersale.Status, ds aftersale.DisputeStatus, changed time.Time) aftersale.State {
		s := everyStatusState(aftersale.KindRefund, st)
		s.ID, s.Items = "as-d", items(item("s", 1))
		s.OpenedAt, s.ChangedAt = hours(30), changed
		if st.Class() == aftersale.ClassFinal {
			s.ClosedAt = changed
		}
		s.Dispute = aftersale.Dispute{Status: ds, Evidence: evidence}
		return s
	}
	out := map[string]aftersale.State{"intervened": base(aftersale.StatusPlatformProcessing, aftersale.DisputeIntervened, hours(72))}
	verified := base(aftersale.StatusPlatformProcessing, aftersale.DisputeVerified, hours(80))
	verified.Dispute.Evidence.Cause, verified.Dispute.Evidence.VerifiedAt = compensation.Malicious, hours(80)
	out["verified"] = verified
	for _, cause := range []compensation.Cause{compensation.Malicious, compensation.LogisticsFailure} {
		v, err := aftersale.Judge(d("4999.99"), cause, compensation.Default())
		require.NoError(t, err)
		decided := verified
		decided.Status, decided.Refund, decided.RefundedAt, decided.ClosedAt = aftersale.StatusMerchantRefundSuccess, v.Refund, hours(90), hours(90)
		decided.ChangedAt = hours(90)
		decided.Dispute.Status, decided.Dispute.Evidence.Cause = aftersale.DisputeDecided, cause
		decided.Dispute.Verdict, decided.Dispute.DecidedAt = v, hours(90)
		out["decided/"+cause.String()] = decided
	}
	withdrawn := base(aftersale.StatusUserCancelled, aftersale.DisputeWithdrawn, hours(75))
	withdrawn.Dispute.WithdrawnAt = hours(75)
	out["withdrawn"] = withdrawn

	c, _, _, _ := dispute(t, "100.00", compensation.StockShortage, compensation.Default())
	out["decided by commands"] = c.State()
	o := singleLineOrder(t, "88.00", 1)
	w := open(t, o, request("as-w", aftersale.KindRefund, item("s", 1)), hours(30))
	_, err := w.Intervene(o, hours(72))
	require.NoError(t, err)
	_, err = w.Cancel(o, hours(73))
	require.NoError(t, err)
	out["withdrawn by commands"] = w.State()
	return out
}

// roundTrip checks State → JSON → Restore → State: equal, and the same JSON again.
func roundTrip(t *testing.T, s aftersale.State) {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var back aftersale.State
	require.NoError(t, json.Unmarshal(b, &back))
	c, err := aftersale.Restore(back)
	require.NoError(t, err, string(b))
	got := c.State()
	assert.Equal(t, canonical(s), canonical(got))
	b2, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
}

func TestStateJSONRoundTripEveryStatus(t *testing.T) {
	t.Parallel()
	covered := map[aftersale.Status]bool{}
	for _, k := range aftersale.Kinds() {
		for _, st := range aftersale.Statuses() {
			s := everyStatusState(k, st)
			if _, err := aftersale.Restore(s); err != nil {
				continue // a rejection status of another kind
			}
			covered[st] = true
			t.Run(k.String()+"/"+st.String(), func(t *testing.T) {
				t.Parallel()
				roundTrip(t, s)
				b, err := json.Marshal(s)
				require.NoError(t, err)
				assert.NotContains(t, string(b), `"dispute"`)
			})
		}
	}
	assert.Len(t, covered, len(aftersale.Statuses()))
}

func TestStateJSONRoundTripDisputes(t *testing.T) {
	t.Parallel()
	for name, s := range disputeStates(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			roundTrip(t, s)
		})
	}
}

func TestStateJSONShape(t *testing.T) {
	t.Parallel()
	s := disputeStates(t)["decided/malicious"]
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Equal(t, "MERCHANT_REFUND_SUCCESS", raw["status"])
	assert.Equal(t, "REFUND", raw["kind"])
	assert.Equal(t, "4999.99", raw["refund"])
	dispute := raw["dispute"].(map[string]any)
	assert.Equal(t, "decided", dispute["status"])
	assert.Equal(t, "malicious", dispute["evidence"].(map[string]any)["cause"])
	verdict := dispute["verdict"].(map[string]any)
	assert.Equal(t, "1500.00", verdict["payout"])
	assert.Equal(t, "0.3", verdict["rate"])
	assert.Equal(t, map[string]any{"from": "100.00", "rate": "0.3"}, verdict["tier"])
	assert.Equal(t, "cash", verdict["form"])
}

func TestStateJSONRefusals(t *testing.T) {
	t.Parallel()
	s := disputeStates(t)["decided/malicious"]
	b, err := json.Marshal(s)
	require.NoError(t, err)
	doc := string(b)
	tests := []struct {
		from, to string
		target   error
	}{
		{`"refund":"4999.99"`, `"refund":"4999.999"`, aftersale.ErrInvalidAmount},
		{`"status":"MERCHANT_REFUND_SUCCESS"`, `"status":"MERCHANT_REFUND_OK"`, aftersale.ErrUnknownCode},
		{`"rate":"0.3","form"`, `"rate":"1.5","form"`, aftersale.ErrInvalidCase},
		{`"rate":"0.3","form"`, `"rate":"1e100000","form"`, aftersale.ErrInvalidCase},
		{`"rate":"0.3"}`, `"rate":"1.5"}`, compensation.ErrInvalidPolicy}, // the tier reads as a policy's tier
		{`"cause":"malicious"`, `"cause":"bad_luck"`, aftersale.ErrUnknownCode},
		{`"status":"decided"`, `"status":"intervened"`, aftersale.ErrInvalidCase}, // Restore: an open dispute on a refunded case
	}
	for _, tt := range tests {
		require.Contains(t, doc, tt.from)
		good, err := aftersale.Restore(s)
		require.NoError(t, err)
		want := good.State()
		err = json.Unmarshal([]byte(strings.Replace(doc, tt.from, tt.to, 1)), good)
		require.ErrorIs(t, err, tt.target, tt.to)
		assert.Equal(t, want, good.State(), "a refused decode leaves the case unchanged")
	}
	_, err = aftersale.Restore(aftersale.State{ID: "x", OrderID: "o", Kind: aftersale.KindRefund,
		Status: aftersale.StatusMerchantProcessing, Reason: aftersale.ReasonOthers, Items: items(item("a", 1)),
		OpenedAt: t0, ChangedAt: t0, Dispute: aftersale.Dispute{WithdrawnAt: t0}})
	require.ErrorIs(t, err, aftersale.ErrInvalidCase, "dispute fields without a dispute")
}

// caseJSONHoles are the values FuzzCaseJSON replaces (first occurrence) in the JSON of a case
// decided in a dispute: one per kind of field (enums, amounts, rates, counts, times).
var caseJSONHoles = []struct{ key, value string }{
	{`"status":`, `"MERCHANT_REFUND_SUCCESS"`},
	{`"kind":`, `"REFUND"`},
	{`"refund":`, `"100.00"`},
	{`"quantity":`, `1`},
	{`"opened_at":`, `"2025-03-02T15:00:00Z"`},
	{`"rate":`, `"0.3"`},
	{`"cause":`, `"stock_shortage"`},
	{`"payout":`, `"30.00"`},
	{`"sku_id":`, `"s"`},
	{`"units":`, `1`},
}

// FuzzCaseJSON decodes a stored case with fuzzed values in it: it never panics, and whatever
// it accepts restores and marshals back to the same bytes after a second round.
func FuzzCaseJSON(f *testing.F) {
	c, _, _, _ := dispute(f, "100.00", compensation.StockShortage, compensation.Default())
	b, err := json.Marshal(c)
	require.NoError(f, err)
	doc := string(b)
	for _, h := range caseJSONHoles {
		require.Contains(f, doc, h.key+h.value)
	}
	f.Add(uint8(0), `"PLATFORM_PROCESSING"`, uint8(2), `"100.001"`)
	f.Add(uint8(5), `"0.0000001"`, uint8(6), `"merchant_error"`)
	f.Add(uint8(3), `0`, uint8(4), `"2025-03-09T15:00:00Z"`)
	f.Add(uint8(1), `"RETURN"`, uint8(7), `"-1"`)
	f.Add(uint8(8), `""`, uint8(9), `-3`)
	f.Fuzz(func(t *testing.T, h1 uint8, v1 string, h2 uint8, v2 string) {
		in := doc
		for _, r := range []struct {
			h uint8
			v string
		}{{h1, v1}, {h2, v2}} {
			hole := caseJSONHoles[int(r.h)%len(caseJSONHoles)]
			in = strings.Replace(in, hole.key+hole.value, hole.key+r.v, 1)
		}
		var got aftersale.Case
		if err := json.Unmarshal([]byte(in), &got); err != nil {
			return
		}
		b1, err := json.Marshal(&got)
		if err != nil {
			t.Fatalf("an accepted case does not marshal: %v\n%s", err, in)
		}
		var back aftersale.Case
		if err := json.Unmarshal(b1, &back); err != nil {
			t.Fatalf("a marshalled case does not decode: %v\n%s", err, b1)
		}
		b2, err := json.Marshal(&back)
		require.NoError(t, err)
		if string(b1) != string(b2) {
			t.Fatalf("second round differs:\n%s\n%s", b1, b2)
		}
	})
}

// TestZeroDisputeJSON: the zero Dispute means "no dispute": it marshals to null, and null
// decodes back to the zero Dispute (whatever the value held before). A case without a dispute
// has no "dispute" key at all; a case with one writes it, and it decodes back equal.
func TestZeroDisputeJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(aftersale.Dispute{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
	held := disputeStates(t)["verified"].Dispute
	require.NotZero(t, held)
	require.NoError(t, json.Unmarshal(b, &held))
	assert.Zero(t, held, "null is the zero Dispute")

	type wrapper struct {
		D aftersale.Dispute `json:"d"`
	}
	b, err = json.Marshal(wrapper{})
	require.NoError(t, err)
	assert.Equal(t, `{"d":null}`, string(b))
	var w wrapper
	require.NoError(t, json.Unmarshal(b, &w))
	assert.Zero(t, w.D)

	// A real dispute round-trips through its own JSON, verdict included.
	for name, s := range disputeStates(t) {
		b, err := json.Marshal(s.Dispute)
		require.NoError(t, err, name)
		require.NotEqual(t, "null", string(b), name)
		var back aftersale.Dispute
		require.NoError(t, json.Unmarshal(b, &back), name)
		want, got := s, s
		got.Dispute = back
		assert.Equal(t, canonical(want), canonical(got), name)
		assert.True(t, s.Dispute.Verdict.Equal(back.Verdict), name)
	}
	_, err = json.Marshal(aftersale.Dispute{Status: aftersale.DisputeDecided, Verdict: aftersale.Verdict{Paid: d("1.001")}})
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount, "an amount with three decimals is not rounded")
	kept := disputeStates(t)["verified"].Dispute
	bad := kept
	require.Error(t, json.Unmarshal([]byte(`{"status":"intervened","evidence":{},"extra":1}`), &bad))
	assert.Equal(t, kept, bad, "a refused decode leaves the dispute unchanged")

	// A case without a dispute writes no "dispute" key; one with a dispute does.
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("a", 1)), hours(2))
	_, has := c.Dispute()
	require.False(t, has)
	b, err = json.Marshal(c)
	require.NoError(t, err)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.NotContains(t, raw, "dispute")
	_, err = c.Intervene(o, hours(60))
	require.NoError(t, err)
	b, err = json.Marshal(c)
	require.NoError(t, err)
	raw = nil
	require.NoError(t, json.Unmarshal(b, &raw))
	require.Contains(t, raw, "dispute")
	var back aftersale.Case
	require.NoError(t, json.Unmarshal(b, &back))
	dc, _ := c.Dispute()
	db, ok := back.Dispute()
	require.True(t, ok)
	assert.Equal(t, dc, db)
}
