package aftersale

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

// Every command below follows one pattern: check the time, find the edge in the kind's table
// and check its guard (step), check the command's own input, change the order if the command
// concerns it (the order's own commands are all-or-nothing), and only then change the case
// (apply), which cannot fail. A refusal therefore leaves the case and the order as they were.

// Accept is the merchant agreeing to take the goods back (RETURN, EXCHANGE: → USER_WAIT_RETURN).
// A refund-only case is accepted by refunding it, a re-send by sending the goods.
func (c *Case) Accept(at time.Time) (Event, error) {
	to, err := c.step(ActionAccept, at)
	if err != nil {
		return Event{}, err
	}
	return c.apply(ActionAccept, to, at), nil
}

// Reject is the merchant refusing, with a reason the buyer sees (required). The case goes to
// its kind's MERCHANT_REJECT_* status — or RETURN_CLOSED, for a return refused after the goods
// came back — and the buyer's EscalationWindow starts. The units stay held until the case ends.
func (c *Case) Reject(reason string, at time.Time) (Event, error) {
	to, err := c.step(ActionReject, at)
	if err != nil {
		return Event{}, err
	}
	switch {
	case strings.TrimSpace(reason) == "":
		return Event{}, &RequestError{Field: "rejection reason", Reason: "empty"}
	case !text.Valid(reason):
		return Event{}, &RequestError{Field: "rejection reason", Reason: "not valid UTF-8"}
	}
	ev := c.apply(ActionReject, to, at)
	c.rejection = reason
	ev.Rejection = reason
	return ev, nil
}

// ReturnGoods is the buyer sending the goods back with a waybill (→ MERCHANT_WAIT_RECEIPT).
func (c *Case) ReturnGoods(w Waybill, at time.Time) (Event, error) {
	to, err := c.step(ActionReturnGoods, at)
	if err != nil {
		return Event{}, err
	}
	if err := w.Validate(); err != nil {
		return Event{}, err
	}
	ev := c.apply(ActionReturnGoods, to, at)
	c.returnWaybill = w
	ev.Waybill = w
	return ev, nil
}

// ConfirmReceipt is the merchant confirming the returned goods arrived. The platform's status
// does not change; the refund (RETURN) or the exchange goods (EXCHANGE) need it.
func (c *Case) ConfirmReceipt(at time.Time) (Event, error) {
	to, err := c.step(ActionConfirmReceipt, at)
	if err != nil {
		return Event{}, err
	}
	ev := c.apply(ActionConfirmReceipt, to, at)
	c.receivedAt = at
	return ev, nil
}

// Refund is the merchant refunding amount to the buyer: a refund-only case from
// MERCHANT_PROCESSING, a return once the goods are confirmed received. The order's ledger
// decides what may be refunded (order.RefundAfterSale): at most what the buyer paid for the
// case's units (PaidFor), above zero unless those units were paid nothing; less is a partial
// refund. The case ends refunded and the order counts its units as refunded; the event's
// OrderClosable says whether every unit of the order is now refunded.
func (c *Case) Refund(o *order.Order, amount decimal.Decimal, at time.Time) (Event, error) {
	to, err := c.step(ActionRefund, at)
	if err != nil {
		return Event{}, err
	}
	if err := c.checkOrder(o); err != nil {
		return Event{}, err
	}
	return c.finish(o, ActionRefund, to, amount, at)
}

// Cancel is the buyer withdrawing the request, before the merchant acted, after a rejection,
// or while the platform investigates (the dispute is then withdrawn). The units go back to
// eligible; the attempt still counts.
func (c *Case) Cancel(o *order.Order, at time.Time) (Event, error) {
	to, err := c.step(ActionCancel, at)
	if err != nil {
		return Event{}, err
	}
	if c.dispute.Status != 0 {
		if _, err := NextDispute(c.dispute.Status, ActionCancel); err != nil {
			return Event{}, err
		}
	}
	if err := c.checkOrder(o); err != nil {
		return Event{}, err
	}
	ev, err := c.finish(o, ActionCancel, to, decimal.Zero, at)
	if err == nil && c.dispute.Status != 0 {
		c.dispute.Status, c.dispute.WithdrawnAt = DisputeWithdrawn, at
	}
	return ev, err
}

// SendGoods is the merchant sending goods to the buyer with a waybill: the exchange goods once
// the returned ones are confirmed received, or the missing goods of a re-send
// (→ USER_WAIT_RECEIPT).
func (c *Case) SendGoods(w Waybill, at time.Time) (Event, error) {
	to, err := c.step(ActionSendGoods, at)
	if err != nil {
		return Event{}, err
	}
	if err := w.Validate(); err != nil {
		return Event{}, err
	}
	ev := c.apply(ActionSendGoods, to, at)
	c.sendWaybill = w
	ev.Waybill = w
	return ev, nil
}

// ReceiveGoods is the buyer confirming the exchange or missing goods arrived
// (→ MERCHANT_EXCHANGE_SUCCESS). Nothing was refunded, and the units' after-sale is done: the
// platform takes no new after-sale for them (order.Line.AfterSaleDone).
func (c *Case) ReceiveGoods(o *order.Order, at time.Time) (Event, error) {
	to, err := c.step(ActionReceiveGoods, at)
	if err != nil {
		return Event{}, err
	}
	if err := c.checkOrder(o); err != nil {
		return Event{}, err
	}
	return c.finish(o, ActionReceiveGoods, to, decimal.Zero, at)
}

// Expire closes a rejected case whose escalation window lapsed without the buyer going to the
// platform: MERCHANT_REJECT_* → MERCHANT_FAIL, RETURN_CLOSED → USER_CANCELD. It is refused
// (ErrEscalationWindowOpen) before EscalationDeadline. The units go back to eligible.
func (c *Case) Expire(o *order.Order, at time.Time) (Event, error) {
	to, err := c.step(ActionExpire, at)
	if err != nil {
		return Event{}, err
	}
	if err := c.checkOrder(o); err != nil {
		return Event{}, err
	}
	return c.finish(o, ActionExpire, to, decimal.Zero, at)
}

// step checks that the case accepts action a at time at: the time is not before the case's
// last change, the kind's table has the edge, and its guard holds. It returns the target status
// and changes nothing.
func (c *Case) step(a Action, at time.Time) (Status, error) {
	if err := c.checkTime(at); err != nil {
		return 0, err
	}
	cl, err := lookup(c.kind, c.status, a)
	if err != nil {
		return 0, err
	}
	if err := cl.guard.check(c, at); err != nil {
		return 0, err
	}
	return cl.to, nil
}

// checkTime refuses a command dated before the case's last change, or outside the years 1 to
// 9999: the same rule as the order's.
func (c *Case) checkTime(at time.Time) error {
	if at.Before(c.changed) || !instant.InYears(at) {
		return fmt.Errorf("%w: case %s: %s is before its last change at %s, or outside the years 1 to 9999", ErrTimeOrder, c.id,
			instant.Stamp(at), instant.Stamp(c.changed))
	}
	return nil
}

// checkOrder refuses an order other than the case's.
func (c *Case) checkOrder(o *order.Order) error {
	if o == nil || o.ID() != c.orderID {
		return wrongOrder(c, o)
	}
	return nil
}

// apply moves the case to status to and returns the event; it cannot fail. Entering a SEMI
// status starts the escalation window; entering a FINAL one closes the case.
func (c *Case) apply(a Action, to Status, at time.Time) Event {
	ev := Event{Action: a, CaseID: c.id, OrderID: c.orderID, Kind: c.kind, From: c.status, To: to, At: at}
	if to.Class() == ClassSemi && c.status.Class() != ClassSemi {
		c.rejectedAt = at
	}
	if to.Class() == ClassFinal {
		c.closedAt = at
	}
	c.status, c.changed = to, at
	return ev
}

// finish ends the case in the FINAL status to, and only after the order accepted the end does
// the case change. The order learns how the units ended: refunded with amount, which its ledger
// shares out over the lines and checks; exchanged or re-sent (MERCHANT_EXCHANGE_SUCCESS: no new
// after-sale for them); or released, eligible again. amount is zero for an ending without a
// refund.
func (c *Case) finish(o *order.Order, a Action, to Status, amount decimal.Decimal, at time.Time) (Event, error) {
	var released order.AfterSaleReleased
	var err error
	switch {
	case to.Refunded():
		released, err = o.RefundAfterSale(c.items, amount, at)
	case to == StatusMerchantExchangeSuccess:
		released, err = o.CompleteAfterSale(c.items, at)
	default:
		released, err = o.ReleaseAfterSale(c.items, at)
	}
	if err != nil {
		return Event{}, fmt.Errorf("aftersale: case %s: %w", c.id, err)
	}
	ev := c.apply(a, to, at)
	if to.Refunded() {
		c.refund, _ = money.ToFen("refund", released.Amount) // the order's ledger accepted it
		c.refundedAt = at
		ev.Refund = released.Amount
	}
	ev.Order = released
	ev.OrderClosable = CanCloseOrder(o)
	return ev, nil
}

// CanCloseOrder reports whether the host may now close o as "every item went through after-sale"
// (order status 200, order.CloseByAfterSale): every unit of every line was refunded through
// after-sale, and the order's status takes the close.
func CanCloseOrder(o *order.Order) bool {
	return o != nil && o.FullyRefunded() && o.Status().Accepts(order.TriggerCloseByAfterSale)
}
