package order

import (
	"fmt"
	"time"
)

// Pay records the payment (10 → 20) and sets every line's ship-by deadline from the payment
// time and the order's DeadlinePolicy.
func (o *Order) Pay(at time.Time) (Paid, error) {
	if err := o.checkTime(at); err != nil {
		return Paid{}, err
	}
	to, err := Next(o.status, TriggerPay)
	if err != nil {
		return Paid{}, err
	}
	o.status, o.paidAt = to, at
	for i := range o.lines {
		l := &o.lines[i]
		l.ShipBy = o.policy.deadline(at, l.Stock, l.PresaleShipWithin)
	}
	shipBy, _ := o.ShipBy()
	return Paid{OrderID: o.id, ShipBy: shipBy, At: at}, nil
}

// Cancel cancels the order. CancelByBuyer and CancelTimeout apply to an unpaid order
// (10 → 250); CancelOversold is the merchant cancelling a paid order it cannot fill
// (20 → 190). CancelAfterSale is not accepted here (use CloseByAfterSale), nor is
// CancelUnknown, which only stored state carries.
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
		// The open case decides those units first; cancelling under it would strand its hold.
		return Cancelled{}, fmt.Errorf("%w: order %s sku %s: cannot cancel while after-sale holds units", ErrOnAfterSale, o.id, held)
	}
	ev := Cancelled{OrderID: o.id, Reason: reason, From: o.status, To: to, At: at}
	o.status, o.cancel, o.endedAt = to, reason, at
	return ev, nil
}

// ConfirmReceipt completes a fully shipped order (30 → 100), confirmed by the buyer
// (ConfirmByBuyer) or automatically on timeout (ConfirmAuto). ConfirmUnknown, which only stored
// state carries, is refused with ErrInvalidReason.
func (o *Order) ConfirmReceipt(kind ConfirmKind, at time.Time) (Completed, error) {
	if !kind.IsValid() {
		return Completed{}, fmt.Errorf("%w: order %s: %w", ErrInvalidReason, o.id, confirmKinds.Check(kind))
	}
	if kind == ConfirmUnknown {
		return Completed{}, fmt.Errorf("%w: order %s: confirmation %s is for restored orders only", ErrInvalidReason, o.id, kind)
	}
	if err := o.checkTime(at); err != nil {
		return Completed{}, err
	}
	to, err := Next(o.status, TriggerConfirmReceipt)
	if err != nil {
		return Completed{}, err
	}
	o.status, o.confirm, o.endedAt = to, kind, at
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
	o.status, o.cancel, o.endedAt = to, CancelAfterSale, at
	return ev, nil
}

// checkTime rejects a command dated before the order was created or paid.
func (o *Order) checkTime(at time.Time) error {
	if at.Before(o.createdAt) || at.Before(o.paidAt) {
		return fmt.Errorf("%w: order %s: %s is before %s", ErrTimeOrder, o.id, at.Format(time.RFC3339), o.latest().Format(time.RFC3339))
	}
	return nil
}

func (o *Order) latest() time.Time {
	if o.paidAt.After(o.createdAt) {
		return o.paidAt
	}
	return o.createdAt
}
