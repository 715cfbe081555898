package aftersale

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/order"
)

// The stored form's JSON is read and written in one pass of encoding/json: the types below are
// plain mirrors, money is money.Fen (whole fen, written "10.10") and no level calls
// json.Marshal on the level below it.

type stateJSON struct {
	ID            string       `json:"id"`
	OrderID       string       `json:"order_id"`
	Kind          Kind         `json:"kind"`
	Status        Status       `json:"status"`
	Reason        Reason       `json:"reason"`
	Detail        string       `json:"detail,omitempty"`
	Items         []order.Item `json:"items"`
	OpenedAt      time.Time    `json:"opened_at"`
	ChangedAt     time.Time    `json:"changed_at"`
	Rejection     string       `json:"rejection,omitempty"`
	RejectedAt    time.Time    `json:"rejected_at,omitzero"`
	ReturnWaybill Waybill      `json:"return_waybill,omitzero"`
	ReceivedAt    time.Time    `json:"received_at,omitzero"`
	SendWaybill   Waybill      `json:"send_waybill,omitzero"`
	Refund        money.Fen    `json:"refund,omitzero"`
	RefundedAt    time.Time    `json:"refunded_at,omitzero"`
	ClosedAt      time.Time    `json:"closed_at,omitzero"`
	Dispute       *disputeJSON `json:"dispute,omitempty"`
}

type disputeJSON struct {
	Status      DisputeStatus `json:"status"`
	Evidence    Evidence      `json:"evidence"`
	Verdict     *verdictJSON  `json:"verdict,omitempty"`
	DecidedAt   time.Time     `json:"decided_at,omitzero"`
	WithdrawnAt time.Time     `json:"withdrawn_at,omitzero"`
}

type verdictJSON struct {
	Cause         compensation.Cause `json:"cause,omitzero"`
	Liable        bool               `json:"liable"`
	Paid          money.Fen          `json:"paid"`
	Refund        money.Fen          `json:"refund"`
	Payout        money.Fen          `json:"payout"`
	Total         money.Fen          `json:"total"`
	Tier          compensation.Tier  `json:"tier"`
	Rate          rateText           `json:"rate"`
	Form          compensation.Form  `json:"form,omitzero"`
	Explanation   string             `json:"explanation,omitempty"`
	ExplanationEN string             `json:"explanation_en,omitempty"`
	PolicyName    string             `json:"policy_name,omitempty"`
	PolicyVersion string             `json:"policy_version,omitempty"`
}

// MarshalJSON renders the case's stored form (see State.MarshalJSON).
func (c *Case) MarshalJSON() ([]byte, error) { return c.State().MarshalJSON() }

// UnmarshalJSON reads a stored form and restores it (with every check of Restore); on error
// the case is left unchanged.
func (c *Case) UnmarshalJSON(b []byte) error {
	var s State
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	r, err := Restore(s)
	if err != nil {
		return err
	}
	*c = *r
	return nil
}

// MarshalJSON renders the stored form: money as "10.10", enums by their platform strings or
// names, what a case does not have (a waybill, a refund, a dispute) left out. An amount the
// money rules refuse is an error, never rounded.
func (s State) MarshalJSON() ([]byte, error) {
	j := stateJSON{
		ID: s.ID, OrderID: s.OrderID, Kind: s.Kind, Status: s.Status, Reason: s.Reason, Detail: s.Detail,
		Items: s.Items, OpenedAt: s.OpenedAt, ChangedAt: s.ChangedAt, Rejection: s.Rejection,
		RejectedAt: s.RejectedAt, ReturnWaybill: s.ReturnWaybill, ReceivedAt: s.ReceivedAt,
		SendWaybill: s.SendWaybill, RefundedAt: s.RefundedAt, ClosedAt: s.ClosedAt,
	}
	var err error
	if j.Refund, err = money.FenOf("refund", s.Refund); err != nil {
		return nil, err
	}
	if j.Dispute, err = s.Dispute.mirror(); err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON renders, refusing unknown fields (a stored case is the
// host's own data: a misspelt field is an error, not a silent loss). It checks amounts and
// enum strings; Restore checks the rest. On error s is left unchanged.
func (s *State) UnmarshalJSON(b []byte) error {
	var j stateJSON
	if err := strict.Decode(b, &j); err != nil {
		return err
	}
	*s = State{
		ID: j.ID, OrderID: j.OrderID, Kind: j.Kind, Status: j.Status, Reason: j.Reason, Detail: j.Detail,
		Items: j.Items, OpenedAt: j.OpenedAt, ChangedAt: j.ChangedAt, Rejection: j.Rejection,
		RejectedAt: j.RejectedAt, ReturnWaybill: j.ReturnWaybill, ReceivedAt: j.ReceivedAt,
		SendWaybill: j.SendWaybill, Refund: j.Refund.Decimal(), RefundedAt: j.RefundedAt, ClosedAt: j.ClosedAt,
		Dispute: j.Dispute.dispute(),
	}
	return nil
}

// MarshalJSON renders the dispute; the zero Dispute (no dispute) is null.
func (d Dispute) MarshalJSON() ([]byte, error) {
	m, err := d.mirror()
	if err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// UnmarshalJSON decodes what MarshalJSON renders; null is the zero Dispute.
func (d *Dispute) UnmarshalJSON(b []byte) error {
	var m *disputeJSON
	if err := strict.Decode(b, &m); err != nil {
		return err
	}
	*d = m.dispute()
	return nil
}

func (d Dispute) mirror() (*disputeJSON, error) {
	if d.isZero() {
		return nil, nil
	}
	m := &disputeJSON{Status: d.Status, Evidence: d.Evidence, DecidedAt: d.DecidedAt, WithdrawnAt: d.WithdrawnAt}
	if !d.Verdict.isZero() {
		v, err := d.Verdict.mirror()
		if err != nil {
			return nil, err
		}
		m.Verdict = &v
	}
	return m, nil
}

func (m *disputeJSON) dispute() Dispute {
	if m == nil {
		return Dispute{}
	}
	d := Dispute{Status: m.Status, Evidence: m.Evidence, DecidedAt: m.DecidedAt, WithdrawnAt: m.WithdrawnAt}
	if m.Verdict != nil {
		d.Verdict = m.Verdict.verdict()
	}
	return d
}

// MarshalJSON renders money as "10.10", rates as short decimals ("0.3") and the cause and form
// by name. An amount with more than two decimals is an error.
func (v Verdict) MarshalJSON() ([]byte, error) {
	m, err := v.mirror()
	if err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// UnmarshalJSON decodes what MarshalJSON renders, validating amounts and rates and refusing
// unknown fields.
func (v *Verdict) UnmarshalJSON(b []byte) error {
	var m verdictJSON
	if err := strict.Decode(b, &m); err != nil {
		return err
	}
	*v = m.verdict()
	return nil
}

func (v Verdict) mirror() (verdictJSON, error) {
	m := verdictJSON{Cause: v.Cause, Liable: v.Liable, Tier: v.Tier, Rate: rateText(v.Rate),
		Form: v.Form, Explanation: v.Explanation, ExplanationEN: v.ExplanationEN,
		PolicyName: v.PolicyName, PolicyVersion: v.PolicyVersion}
	for _, a := range []struct {
		dst *money.Fen
		src decimal.Decimal
		n   string
	}{{&m.Paid, v.Paid, "paid"}, {&m.Refund, v.Refund, "refund"}, {&m.Payout, v.Payout, "payout"}, {&m.Total, v.Total, "total"}} {
		f, err := money.FenOf(a.n, a.src)
		if err != nil {
			return verdictJSON{}, err
		}
		*a.dst = f
	}
	return m, nil
}

func (m *verdictJSON) verdict() Verdict {
	return Verdict{
		Cause: m.Cause, Liable: m.Liable, Paid: m.Paid.Decimal(), Refund: m.Refund.Decimal(),
		Payout: m.Payout.Decimal(), Total: m.Total.Decimal(),
		Tier: m.Tier,
		Rate: decimal.Decimal(m.Rate), Form: m.Form, Explanation: m.Explanation, ExplanationEN: m.ExplanationEN,
		PolicyName: m.PolicyName, PolicyVersion: m.PolicyVersion,
	}
}

// rateText is a rate in JSON: a decimal in [0, 1] ("0.3").
type rateText decimal.Decimal

// MarshalText renders the rate as a short decimal.
func (r rateText) MarshalText() ([]byte, error) { return []byte(decimal.Decimal(r).String()), nil }

// UnmarshalText parses a rate in [0, 1]. The bounds on its length and exponent keep a hostile
// value from costing big-number work.
func (r *rateText) UnmarshalText(b []byte) error {
	if len(b) > 32 {
		return fmt.Errorf("%w: a rate longer than 32 characters", ErrInvalidCase)
	}
	d, err := decimal.NewFromString(string(b))
	if err != nil || d.Exponent() < -12 || d.Exponent() > 0 || d.Sign() < 0 || d.Cmp(decimal.New(1, 0)) > 0 {
		return fmt.Errorf("%w: rate %q is not a decimal in [0, 1]", ErrInvalidCase, b)
	}
	*r = rateText(d)
	return nil
}
