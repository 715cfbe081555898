package order

import (
	"fmt"
	"time"

	"github.com/wxshop-go/wxshop/internal/instant"
)

// Pay records the payment: 10 → 20, and every line's ship-by deadline runs from the payment
// time under the order's DeadlinePolicy; a gift (Gift) goes to 12 and a group buy (GroupBuy)
// to 13 instead, and their deadlines start when they await shipment (AcceptGift, FormGroup).
// A deadline beyond the year 9999 is refused (ErrTimeOrder).
func (o *Order) Pay(at time.Time) (Paid, error) {
	t := TriggerPay
	switch {
	case o.gift:
		t = TriggerPayGift
	case o.groupBuy:
		t = TriggerPayGroup
	}
	return o.pay(t, at)
}

// AcceptGift records that a gift's recipient accepted it (12 → 20): the order awaits shipment,
// and every line's deadline runs from at.
func (o *Order) AcceptGift(at time.Time) (AwaitingShipment, error) {
	return o.startShipping(TriggerGiftAccepted, at)
}

// FormGroup records that a group buy's group formed (13 → 20): the order awaits shipment, and
// every line's deadline runs from at.
func (o *Order) FormGroup(at time.Time) (AwaitingShipment, error) {
	return o.startShipping(TriggerGroupFormed, at)
}

// pay records a payment along trigger t.
func (o *Order) pay(t Trigger, at time.Time) (Paid, error) {
	if err := o.checkTime(at); err != nil {
		return Paid{}, err
	}
	to, err := Next(o.status, t)
	if err != nil {
		return Paid{}, err
	}
	if to == StatusPendingShipment {
		if err := o.checkDeadlines(at); err != nil {
			return Paid{}, err
		}
	}
	o.status, o.paidAt, o.updatedAt = to, at, at
	if to == StatusPendingShipment {
		o.setDeadlines(at)
	}
	shipBy, _ := o.ShipBy()
	return Paid{OrderID: o.id, To: to, ShipBy: shipBy, At: at}, nil
}

// startShipping moves a waiting order (a gift, a group buy) to 20 along trigger t.
func (o *Order) startShipping(t Trigger, at time.Time) (AwaitingShipment, error) {
	if err := o.checkTime(at); err != nil {
		return AwaitingShipment{}, err
	}
	to, err := Next(o.status, t)
	if err != nil {
		return AwaitingShipment{}, err
	}
	if err := o.checkDeadlines(at); err != nil {
		return AwaitingShipment{}, err
	}
	ev := AwaitingShipment{OrderID: o.id, From: o.status, At: at}
	o.status, o.updatedAt = to, at
	o.setDeadlines(at)
	ev.ShipBy, _ = o.ShipBy()
	return ev, nil
}

// checkDeadlines refuses deadlines starting at from that fall after the year 9999.
func (o *Order) checkDeadlines(from time.Time) error {
	for i := range o.lines {
		if l := &o.lines[i]; !instant.InYears(o.policy.deadline(from, l.stock, l.presale)) {
			return fmt.Errorf("%w: order %s: from %s, the ship-by deadline falls after the year %d", ErrTimeOrder, o.id, instant.Stamp(from), instant.MaxYear)
		}
	}
	return nil
}

// setDeadlines gives every line its ship-by deadline from from.
func (o *Order) setDeadlines(from time.Time) {
	for i := range o.lines {
		l := &o.lines[i]
		l.shipBy = o.policy.deadline(from, l.stock, l.presale)
	}
}

// Cancel cancels the order. CancelByBuyer and CancelTimeout apply to an unpaid order
// (10 → 250), and to a gift or group buy still waiting (12, 13 → 250: the recipient declined
// or never came, the group never formed); CancelOversold is the merchant cancelling a paid order it cannot fill
// (20 → 190). CancelAfterSale is not accepted here (use CloseByAfterSale), nor is
// CancelUnknown, which only stored state carries. An order whose units an after-sale case
// holds cannot be cancelled (ErrHeldByAfterSale): the case decides those units first.
func (o *Order) Cancel(reason CancelReason, at time.Time) (Cancelled, error) {
	var t Trigger
	switch reason {
	case CancelByBuyer, CancelTimeout:
		t = TriggerCancel
	case CancelOversold:
		t = TriggerCancelOversold
	default:
		return Cancelled{}, fmt.Errorf("%w: order %s: cancel reason %s (use CloseByAfterSale for after-sale)", ErrInvalidReason, o.id, reason)
	}
	if err := o.checkTime(at); err != nil {
		return Cancelled{}, err
	}
	to, err := Next(o.status, t)
	if err != nil {
		return Cancelled{}, err
	}
	if held := o.heldSKU(); held != "" {
		return Cancelled{}, fmt.Errorf("%w: order %s sku %s: cannot cancel while after-sale holds units", ErrHeldByAfterSale, o.id, held)
	}
	ev := Cancelled{OrderID: o.id, Reason: reason, From: o.status, To: to, At: at}
	o.status, o.cancel, o.endedAt, o.updatedAt = to, reason, at, at
	return ev, nil
}

// ConfirmReceipt completes a fully shipped order (30 → 100), confirmed by the buyer
// (ConfirmByBuyer) or automatically on timeout (ConfirmAuto). ConfirmUnknown, which only stored
// state carries, is refused with ErrInvalidReason.
func (o *Order) ConfirmReceipt(kind ConfirmKind, at time.Time) (Completed, error) {
	if kind != ConfirmByBuyer && kind != ConfirmAuto {
		return Completed{}, fmt.Errorf("%w: order %s: confirmation %s (ConfirmUnknown is for stored orders only)", ErrInvalidReason, o.id, kind)
	}
	if err := o.checkTime(at); err != nil {
		return Completed{}, err
	}
	to, err := Next(o.status, TriggerConfirmReceipt)
	if err != nil {
		return Completed{}, err
	}
	o.status, o.confirm, o.endedAt, o.updatedAt = to, kind, at, at
	return Completed{OrderID: o.id, Kind: kind, At: at}, nil
}

// CloseByAfterSale closes an order every unit of which went through after-sale with a refund
// (20/21/30 → 200, cancel_type 3). It fails with ErrNotFullyRefunded otherwise.
func (o *Order) CloseByAfterSale(at time.Time) (Cancelled, error) {
	if err := o.checkTime(at); err != nil {
		return Cancelled{}, err
	}
	to, err := Next(o.status, TriggerCloseByAfterSale)
	if err != nil {
		return Cancelled{}, err
	}
	if !o.FullyRefunded() {
		return Cancelled{}, fmt.Errorf("%w: order %s", ErrNotFullyRefunded, o.id)
	}
	ev := Cancelled{OrderID: o.id, Reason: CancelAfterSale, From: o.status, To: to, At: at}
	o.status, o.cancel, o.endedAt, o.updatedAt = to, CancelAfterSale, at, at
	return ev, nil
}

// Settle records that the platform settled a completed order with the merchant (结算, the
// settle push or order/get's settle_info): the order's money is the merchant's. Only a
// completed order settles, once.
func (o *Order) Settle(at time.Time) (Settled, error) {
	if err := o.checkTime(at); err != nil {
		return Settled{}, err
	}
	if o.status != StatusCompleted || !o.settledAt.IsZero() {
		return Settled{}, fmt.Errorf("%w: order %s: settle in status %s (settled %t)", ErrInvalidTransition, o.id, o.status, !o.settledAt.IsZero())
	}
	o.settledAt, o.updatedAt = at, at
	return Settled{OrderID: o.id, At: at}, nil
}
