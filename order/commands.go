package order

import (
	"fmt"
	"time"
)

// Pay records the payment (10 → 20) and sets every line's ship-by deadline from the payment
// time and the order's DeadlinePolicy. A deadline beyond the year 9999 is refused
// (ErrTimeOrder).
func (o *Order) Pay(at time.Time) (Paid, error) {
	if err := o.checkTime(at); err != nil {
		return Paid{}, err
	}
	to, err := Next(o.status, TriggerPay)
	if err != nil {
		return Paid{}, err
	}
	for i := range o.lines {
		if l := &o.lines[i]; !inYears(o.policy.deadline(at, l.stock, l.presale)) {
			return Paid{}, fmt.Errorf("%w: order %s: paid at %s, the ship-by deadline falls after the year %d", ErrTimeOrder, o.id, stamp(at), maxYear)
		}
	}
	o.status, o.paidAt, o.updatedAt = to, at, at
	for i := range o.lines {
		l := &o.lines[i]
		l.shipBy = o.policy.deadline(at, l.stock, l.presale)
	}
	shipBy, _ := o.ShipBy()
	return Paid{OrderID: o.id, ShipBy: shipBy, At: at}, nil
}

// Cancel cancels the order. CancelByBuyer and CancelTimeout apply to an unpaid order
// (10 → 250); CancelOversold is the merchant cancelling a paid order it cannot fill
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
