package aftersale

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// MarshalJSON renders the case's Snapshot.
func (c *Case) MarshalJSON() ([]byte, error) { return json.Marshal(c.Snapshot()) }

// UnmarshalJSON decodes a Snapshot and restores it (with every check of Restore); on error the
// case is left unchanged.
func (c *Case) UnmarshalJSON(b []byte) error {
	var s Snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	r, err := Restore(s)
	if err != nil {
		return err
	}
	*c = *r
	return nil
}

type snapshotJSON struct {
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
	Refund        money.Text   `json:"refund,omitzero"`
	RefundedAt    time.Time    `json:"refunded_at,omitzero"`
	ClosedAt      time.Time    `json:"closed_at,omitzero"`
	Dispute       Dispute      `json:"dispute,omitzero"`
}

// MarshalJSON renders money as "10.10" and enums by their platform strings or names; what a
// case does not have (a waybill, a refund, a dispute) is left out.
func (s Snapshot) MarshalJSON() ([]byte, error) {
	return json.Marshal(snapshotJSON{
		ID: s.ID, OrderID: s.OrderID, Kind: s.Kind, Status: s.Status, Reason: s.Reason, Detail: s.Detail,
		Items: s.Items, OpenedAt: s.OpenedAt, ChangedAt: s.ChangedAt, Rejection: s.Rejection,
		RejectedAt: s.RejectedAt, ReturnWaybill: s.ReturnWaybill, ReceivedAt: s.ReceivedAt,
		SendWaybill: s.SendWaybill, Refund: money.Text(s.Refund), RefundedAt: s.RefundedAt,
		ClosedAt: s.ClosedAt, Dispute: s.Dispute,
	})
}

// UnmarshalJSON decodes what MarshalJSON renders. It checks amounts and enum strings; Restore
// checks the rest.
func (s *Snapshot) UnmarshalJSON(b []byte) error {
	var j snapshotJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = Snapshot{
		ID: j.ID, OrderID: j.OrderID, Kind: j.Kind, Status: j.Status, Reason: j.Reason, Detail: j.Detail,
		Items: j.Items, OpenedAt: j.OpenedAt, ChangedAt: j.ChangedAt, Rejection: j.Rejection,
		RejectedAt: j.RejectedAt, ReturnWaybill: j.ReturnWaybill, ReceivedAt: j.ReceivedAt,
		SendWaybill: j.SendWaybill, Refund: decimal.Decimal(j.Refund), RefundedAt: j.RefundedAt,
		ClosedAt: j.ClosedAt, Dispute: j.Dispute,
	}
	return nil
}

type verdictJSON struct {
	Cause         compensation.Cause `json:"cause,omitzero"`
	Liable        bool               `json:"liable"`
	Paid          money.Text         `json:"paid"`
	Refund        money.Text         `json:"refund"`
	Payout        money.Text         `json:"payout"`
	Total         money.Text         `json:"total"`
	Tier          tierJSON           `json:"tier"`
	Rate          rateText           `json:"rate"`
	Form          compensation.Form  `json:"form,omitzero"`
	Explanation   string             `json:"explanation,omitempty"`
	ExplanationEN string             `json:"explanation_en,omitempty"`
	PolicyName    string             `json:"policy_name,omitempty"`
	PolicyVersion string             `json:"policy_version,omitempty"`
}

type tierJSON struct {
	From money.Text `json:"from"`
	Rate rateText   `json:"rate"`
}

// MarshalJSON renders money as "10.10", rates as short decimals ("0.3") and the cause and form
// by name.
func (v Verdict) MarshalJSON() ([]byte, error) {
	return json.Marshal(verdictJSON{
		Cause: v.Cause, Liable: v.Liable, Paid: money.Text(v.Paid), Refund: money.Text(v.Refund),
		Payout: money.Text(v.Payout), Total: money.Text(v.Total),
		Tier: tierJSON{From: money.Text(v.Tier.From), Rate: rateText(v.Tier.Rate)}, Rate: rateText(v.Rate),
		Form: v.Form, Explanation: v.Explanation, ExplanationEN: v.ExplanationEN,
		PolicyName: v.PolicyName, PolicyVersion: v.PolicyVersion,
	})
}

// UnmarshalJSON decodes what MarshalJSON renders, validating amounts and rates.
func (v *Verdict) UnmarshalJSON(b []byte) error {
	var j verdictJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*v = Verdict{
		Cause: j.Cause, Liable: j.Liable, Paid: decimal.Decimal(j.Paid), Refund: decimal.Decimal(j.Refund),
		Payout: decimal.Decimal(j.Payout), Total: decimal.Decimal(j.Total),
		Tier: compensation.Tier{From: decimal.Decimal(j.Tier.From), Rate: decimal.Decimal(j.Tier.Rate)},
		Rate: decimal.Decimal(j.Rate), Form: j.Form, Explanation: j.Explanation, ExplanationEN: j.ExplanationEN,
		PolicyName: j.PolicyName, PolicyVersion: j.PolicyVersion,
	}
	return nil
}

// rateText is a rate in JSON: a decimal in [0, 1] ("0.3").
type rateText decimal.Decimal

// MarshalText renders the rate as a short decimal.
func (r rateText) MarshalText() ([]byte, error) { return []byte(decimal.Decimal(r).String()), nil }

// UnmarshalText parses a rate in [0, 1]. The bounds on its length and exponent keep a hostile
// value from costing big-number work.
func (r *rateText) UnmarshalText(b []byte) error {
	d, err := decimal.NewFromString(string(b))
	if err != nil || len(b) > 32 || d.Exponent() < -12 || d.Exponent() > 0 ||
		d.Sign() < 0 || d.Cmp(decimal.New(1, 0)) > 0 {
		return fmt.Errorf("%w: rate %q is not a decimal in [0, 1]", ErrInvalidCase, b)
	}
	*r = rateText(d)
	return nil
}
