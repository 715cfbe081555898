package wxapi

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/order"
)

// ErrNotApplicable is returned by ApplyToOrder for a push that does not carry what the order
// needs to change: a placed order and a shipment's parcels are in order/get (fetch and decode
// it), and who confirmed receipt is a confirm_type whose values the platform does not document
// (call ConfirmReceipt with what the host knows).
var ErrNotApplicable = errors.New("event does not carry enough to apply")

// ApplyToOrder applies an order push to the host's copy of the order through the order's own
// commands, so every rule of the order holds and a refused push changes nothing:
//
//   - OrderPaid: Pay at pay_time (at CreateTime when the push has none);
//   - OrderCancelled: Cancel with the push's reason, or CloseByAfterSale for cancel_type 3;
//   - OrderPlaced, OrderShipped, OrderConfirmed and after-sale events: ErrNotApplicable.
//
// Ask a Dedupe first: a duplicate or stale push must not be applied at all. An event about
// another order is an error.
func ApplyToOrder(o *order.Order, ev Event) (order.Event, error) {
	switch {
	case o == nil:
		return nil, errors.New("wxapi: ApplyToOrder: nil order")
	case ev == nil:
		return nil, errors.New("wxapi: ApplyToOrder: nil event")
	}
	if s := ev.Subject(); s.Kind != SubjectOrder || s.ID != o.ID() {
		return nil, fmt.Errorf("wxapi: %s for %s applied to order %s", ev.Kind(), s, o.ID())
	}
	switch ev := ev.(type) {
	case OrderPaid:
		at := ev.PaidAt
		if at.IsZero() {
			at = ev.At
		}
		return wrapApply(o.Pay(at))
	case OrderCancelled:
		if ev.Reason == order.CancelAfterSale {
			return wrapApply(o.CloseByAfterSale(ev.At))
		}
		return wrapApply(o.Cancel(ev.Reason, ev.At))
	}
	return nil, fmt.Errorf("wxapi: %s for %s: %w", ev.Kind(), ev.Subject(), ErrNotApplicable)
}

// wrapApply turns a command's concrete event into an order.Event, keeping a nil event on error.
func wrapApply[E order.Event](e E, err error) (order.Event, error) {
	if err != nil {
		return nil, err
	}
	return e, nil
}
