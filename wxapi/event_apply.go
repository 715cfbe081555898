package wxapi

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// Effect is what applying a push did to a stored aggregate.
type Effect uint8

// Effects.
const (
	// Applied: the push took effect; Outcome's events say how.
	Applied Effect = iota + 1
	// AlreadyApplied: what the push says is in the aggregate already (a retry, a push older
	// than the aggregate's last change, or one the aggregate went past): nothing changed.
	AlreadyApplied
	// NeedsFetch: the push does not carry what the change needs, or the aggregate is not where
	// the push expects it: Outcome's Fetch names what to get, and ReconcileOrder or
	// ReconcileAfterSale applies it.
	NeedsFetch
)

// String returns "applied", "already_applied" or "needs_fetch".
func (e Effect) String() string {
	switch e {
	case Applied:
		return "applied"
	case AlreadyApplied:
		return "already_applied"
	case NeedsFetch:
		return "needs_fetch"
	}
	return fmt.Sprintf("wxapi.Effect(%d)", uint8(e))
}

// Fetch is an API call that brings what a push left out: order/get for an order,
// aftersale/getaftersaleorder for an after-sale or a dispute, product/get for a product.
type Fetch struct {
	// API is the endpoint, as in the platform's paths ("order/get").
	API string `json:"api"`
	// ID is what to get: the order_id, the after_sale_order_id or the product_id.
	ID string `json:"id"`
	// Why says, for a log, why the push is not enough.
	Why string `json:"why"`
}

// Outcome is what applying one push did.
type Outcome struct {
	Effect Effect `json:"effect"`
	// OrderEvents are the order's events, when the push changed the order.
	OrderEvents []order.Event `json:"-"`
	// CaseEvents are the case's events, when the push changed an after-sale case (its Order
	// field carries the order's own event when the case's end moved the order's ledger).
	CaseEvents []aftersale.Event `json:"-"`
	// Fetch is set when Effect is NeedsFetch.
	Fetch Fetch `json:"fetch,omitzero"`
}

// API endpoints a Fetch names.
const (
	apiOrderGet     = "order/get"
	apiAfterSaleGet = "aftersale/getaftersaleorder"
	apiProductGet   = "product/get"
)

// FetchFor is what to get to learn the whole of what ev says: order/get for an order push,
// aftersale/getaftersaleorder for an after-sale or dispute push, product/get for a product or
// stock push; ok is false for the shop's own pushes and the category and brand reviews, which
// say all there is.
func FetchFor(ev Event) (f Fetch, ok bool) {
	if ev == nil {
		return Fetch{}, false
	}
	s, why := ev.Subject(), ev.Kind().String()
	switch s.Kind {
	case SubjectOrder:
		return Fetch{API: apiOrderGet, ID: s.ID, Why: why}, true
	case SubjectAfterSale:
		return Fetch{API: apiAfterSaleGet, ID: s.ID, Why: why}, true
	case SubjectComplaint:
		return Fetch{API: apiAfterSaleGet, ID: ev.(ComplaintUpdated).AfterSaleID, Why: why}, true
	case SubjectProduct:
		return Fetch{API: apiProductGet, ID: s.ID, Why: why}, true
	}
	return Fetch{}, false
}

// ApplyToOrder applies an order push to the host's stored order through the order's own
// commands, so every rule of the order holds. It is idempotent and order-aware with no memory
// of its own: the order's status and its last change (UpdatedAt) say whether the push took
// effect already, so a retried or late push is AlreadyApplied in any process, after any
// restore from JSON. What a push does:
//
//   - a push created before the order's last change: AlreadyApplied (order/get or an earlier
//     push brought the order past it);
//   - OrderPaid on an unpaid order: Pay at pay_time (the order's Gift or GroupBuy mark leads
//     it to 12 or 13);
//   - OrderWaiting on a gift or group buy still waiting: AcceptGift or FormGroup;
//   - OrderConfirmed on a shipped order: ConfirmReceipt with confirm_type;
//   - OrderCancelled: Cancel with cancel_type, CloseByAfterSale for 3 (a gift or group buy
//     still unpaid in the host's copy is NeedsFetch: it may have been paid and waited);
//   - OrderSettled on a completed order: Settle;
//   - OrderShipped and OrderInfoUpdated on an order not already past them: NeedsFetch
//     (order/get), since the parcels and the changed values are not in the push;
//   - any push that does not fit the order's status (a confirmation before the shipment was
//     applied, a payment on a cancelled order): NeedsFetch, for ReconcileOrder to settle.
//
// An event about another order, or not about an order, is an error; so is a nil order or
// event. The platform's data is never an error here: what does not fit is NeedsFetch.
func ApplyToOrder(o *order.Order, ev Event) (Outcome, error) {
	switch {
	case o == nil:
		return Outcome{}, errors.New("wxapi: ApplyToOrder: nil order")
	case ev == nil:
		return Outcome{}, errors.New("wxapi: ApplyToOrder: nil event")
	}
	if s := ev.Subject(); s.Kind != SubjectOrder || s.ID != o.ID() {
		return Outcome{}, fmt.Errorf("wxapi: %s for %s applied to order %s", ev.Kind(), s, o.ID())
	}
	if ev.Time().Before(o.UpdatedAt()) {
		return Outcome{Effect: AlreadyApplied}, nil
	}
	st := o.Status()
	fetch := func(why string) (Outcome, error) {
		return Outcome{Effect: NeedsFetch, Fetch: Fetch{API: apiOrderGet, ID: o.ID(), Why: why}}, nil
	}
	_, paid := o.PaidAt()
	switch ev := ev.(type) {
	case OrderPlaced:
		return Outcome{Effect: AlreadyApplied}, nil
	case OrderPaid:
		switch {
		case paid:
			return Outcome{Effect: AlreadyApplied}, nil
		case st != order.StatusPendingPayment:
			return fetch("a payment on an order in status " + st.String())
		}
		at := ev.PaidAt
		if at.IsZero() || at.Before(o.UpdatedAt()) {
			at = ev.At
		}
		return applied(o.Pay(at))
	case OrderWaiting:
		switch st {
		case order.StatusGiftPending:
			return applied(o.AcceptGift(ev.At))
		case order.StatusGroupForming:
			return applied(o.FormGroup(ev.At))
		case order.StatusPendingPayment:
			return fetch("awaiting shipment, but the payment has not been applied")
		}
		return Outcome{Effect: AlreadyApplied}, nil
	case OrderShipped:
		if st == order.StatusShipped || st == order.StatusCompleted || st.Terminal() {
			return Outcome{Effect: AlreadyApplied}, nil
		}
		return fetch("the push does not carry the parcels")
	case OrderConfirmed:
		switch {
		case st == order.StatusCompleted:
			return Outcome{Effect: AlreadyApplied}, nil
		case st != order.StatusShipped:
			return fetch("receipt confirmed on an order in status " + st.String())
		}
		return applied(o.ConfirmReceipt(ev.Confirm, ev.At))
	case OrderCancelled:
		return applyCancel(o, ev, fetch)
	case OrderSettled:
		switch _, settled := o.SettledAt(); {
		case settled:
			return Outcome{Effect: AlreadyApplied}, nil
		case st != order.StatusCompleted:
			return fetch("settled, but the order is in status " + st.String())
		}
		at := ev.SettledAt
		if at.IsZero() || at.Before(o.UpdatedAt()) {
			at = ev.At
		}
		return applied(o.Settle(at))
	case OrderInfoUpdated:
		return fetch(ev.Change.Label())
	}
	return Outcome{}, fmt.Errorf("wxapi: %s is not an order push", ev.Kind())
}

// applyCancel applies a cancel push: the order's own cancel for cancel_type 1, 2 and 4, the
// after-sale close for 3.
func applyCancel(o *order.Order, ev OrderCancelled, fetch func(string) (Outcome, error)) (Outcome, error) {
	st := o.Status()
	if st.Terminal() {
		return Outcome{Effect: AlreadyApplied}, nil
	}
	if ev.Reason == order.CancelAfterSale {
		if !aftersale.CanCloseOrder(o) {
			return fetch("closed by after-sale, but the stored order still has units to refund")
		}
		return applied(o.CloseByAfterSale(ev.At))
	}
	if st == order.StatusPendingPayment && (o.Gift() || o.GroupBuy()) {
		// A gift or a group buy is cancelled unpaid or after its payment, while it waited:
		// the push does not say which, and a payment push may not have arrived yet.
		return fetch("a gift or group buy cancelled: paid or not, the push does not say")
	}
	out, err := applied(o.Cancel(ev.Reason, ev.At))
	if err != nil {
		return fetch("cancelled (" + ev.Reason.String() + ") from status " + st.String())
	}
	return out, nil
}

// applied turns a command's result into an Outcome; a refused command is the error.
func applied[E order.Event](e E, err error) (Outcome, error) {
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Effect: Applied, OrderEvents: []order.Event{e}}, nil
}

// ApplyToCase applies an after-sale push to the host's stored case, and through the case's
// own commands to its order: a case the buyer withdrew (USER_CANCELD) releases its units, a
// case the merchant accepted moves on, and both leave the order's after-sale counters as the
// platform's. The case's status and last change say whether the push took effect already, as
// for ApplyToOrder. A push the commands cannot follow from the case's status (a refund, whose
// amount the push lacks; a jump over steps) is NeedsFetch (aftersale/getaftersaleorder), for
// ReconcileAfterSale; so is one about a case the host does not have yet (c nil).
func ApplyToCase(c *aftersale.Case, o *order.Order, ev Event) (Outcome, error) {
	if ev == nil {
		return Outcome{}, errors.New("wxapi: ApplyToCase: nil event")
	}
	up, ok := ev.(AfterSaleUpdated)
	if !ok {
		return Outcome{}, fmt.Errorf("wxapi: %s is not an after-sale push", ev.Kind())
	}
	s := up.Subject()
	fetch := func(why string) (Outcome, error) {
		return Outcome{Effect: NeedsFetch, Fetch: Fetch{API: apiAfterSaleGet, ID: s.ID, Why: why}}, nil
	}
	switch {
	case c == nil:
		return fetch("a case the host does not have")
	case c.ID() != s.ID:
		return Outcome{}, fmt.Errorf("wxapi: %s for %s applied to case %s", up.Kind(), s, c.ID())
	case up.At.Before(c.ChangedAt()), c.Status() == up.Status:
		return Outcome{Effect: AlreadyApplied}, nil
	}
	switch to := up.Status; {
	case c.Kind().Accepts(c.Status(), aftersale.ActionCancel) && next(c, aftersale.ActionCancel) == to:
		return caseApplied(c.Cancel(o, up.At))
	case c.Kind().Accepts(c.Status(), aftersale.ActionAccept) && next(c, aftersale.ActionAccept) == to:
		return caseApplied(c.Accept(up.At))
	}
	return fetch(fmt.Sprintf("%s → %s needs what only the case's details say", c.Status(), up.Status))
}

// next is the status action a moves c to (0 when it cannot).
func next(c *aftersale.Case, a aftersale.Action) aftersale.Status {
	to, _ := aftersale.Next(c.Kind(), c.Status(), a)
	return to
}

// caseApplied turns a case command's result into an Outcome.
func caseApplied(e aftersale.Event, err error) (Outcome, error) {
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Effect: Applied, CaseEvents: []aftersale.Event{e}}
	if e.Order != nil {
		out.OrderEvents = []order.Event{e.Order}
	}
	return out, nil
}
