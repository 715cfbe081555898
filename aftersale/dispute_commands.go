package aftersale

import (
	"fmt"
	"time"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// The non-shipment dispute, step by step:
//
//  1. The buyer of a paid order that did not ship opens a KindRefund case (Open). The merchant
//     may settle it first (Refund), or reject it (Reject).
//  2. If the merchant does not resolve it — the case is still MERCHANT_PROCESSING, or was
//     rejected less than EscalationWindow ago — the platform intervenes (Intervene): the case
//     goes to PLATFORM_PROCESSING and the dispute records the order's evidence.
//  3. The platform verifies the cause (VerifyCause) and records it.
//  4. The platform decides (Decide): Judge computes the verdict once, the case refunds the full
//     amount paid for its units, and the verdict says what the merchant pays on top.

// Intervene is the platform stepping into a refund-only case (平台介入): from
// MERCHANT_PROCESSING when the merchant did not resolve it, or from MERCHANT_REJECT_REFUND
// while the buyer's escalation window is open. It opens the case's dispute and records the
// evidence from o: payment time, the ship-by deadline of the case's lines, whether it had
// passed, and how many of their units had shipped.
func (c *Case) Intervene(o *order.Order, at time.Time) (Event, error) {
	to, err := c.step(ActionIntervene, at)
	if err != nil {
		return Event{}, err
	}
	next, err := NextDispute(c.dispute.Status, ActionIntervene)
	if err != nil {
		return Event{}, err
	}
	if err := c.checkOrder(o); err != nil {
		return Event{}, err
	}
	ev := c.apply(ActionIntervene, to, at)
	c.dispute = Dispute{Status: next, Evidence: c.evidence(o, at)}
	return ev, nil
}

// evidence reads what the platform records from the order when it intervenes.
func (c *Case) evidence(o *order.Order, at time.Time) Evidence {
	paidAt, _ := o.PaidAt()
	e := Evidence{OrderID: c.orderID, CaseID: c.id, PaidAt: paidAt, RequestedAt: c.openedAt, IntervenedAt: at}
	for _, it := range c.items {
		e.Units += it.Quantity
		l, ok := o.Line(it.SKUID)
		if !ok {
			continue
		}
		e.Shipped += l.Shipped()
		if by := l.ShipBy(); l.Remaining() > 0 && !by.IsZero() && (e.ShipBy.IsZero() || by.Before(e.ShipBy)) {
			e.ShipBy = by
		}
	}
	e.Overdue = !e.ShipBy.IsZero() && at.After(e.ShipBy)
	return e
}

// VerifyCause is the platform recording the verified cause of the non-shipment (核实原因)
// once it has intervened. The case's status does not change.
func (c *Case) VerifyCause(cause compensation.Cause, at time.Time) (Event, error) {
	if err := c.checkTime(at); err != nil {
		return Event{}, err
	}
	next, err := NextDispute(c.dispute.Status, ActionVerify)
	if err != nil {
		return Event{}, err
	}
	if !cause.IsValid() {
		return Event{}, &RequestError{Field: "cause", Value: fmt.Sprint(uint8(cause)), Reason: "unknown cause", Err: causeUnknown(cause)}
	}
	ev := c.apply(ActionVerify, c.status, at)
	c.dispute.Status = next
	c.dispute.Evidence.Cause, c.dispute.Evidence.VerifiedAt = cause, at
	ev.Cause = cause
	return ev, nil
}

// Decide is the platform's verdict (平台裁决) on a verified dispute: Judge rules on what the
// buyer paid for the case's units and the verified cause under policy p; the buyer is refunded
// the verdict's Refund in full (the case ends MERCHANT_REFUND_SUCCESS, the order counts the
// units as refunded), and the event carries the verdict's Payout, what the merchant pays on
// top. The amounts are computed once, by Judge, and stored in the case's Dispute.
func (c *Case) Decide(o *order.Order, p *compensation.Policy, at time.Time) (Verdict, Event, error) {
	to, err := c.step(ActionDecide, at)
	if err != nil {
		return Verdict{}, Event{}, err
	}
	next, err := NextDispute(c.dispute.Status, ActionDecide)
	if err != nil {
		return Verdict{}, Event{}, err
	}
	if err := c.checkOrder(o); err != nil {
		return Verdict{}, Event{}, err
	}
	paid, err := o.RefundCap(c.items)
	if err != nil {
		return Verdict{}, Event{}, err
	}
	v, err := Judge(paid, c.dispute.Evidence.Cause, p)
	if err != nil {
		return Verdict{}, Event{}, err
	}
	ev, err := c.finish(o, ActionDecide, to, v.Refund, at)
	if err != nil {
		return Verdict{}, Event{}, err
	}
	c.dispute.Status, c.dispute.Verdict, c.dispute.DecidedAt = next, v, at
	ev.Payout, ev.Cause = v.Payout, v.Cause
	return v, ev, nil
}
