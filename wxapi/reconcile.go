package wxapi

import (
	"errors"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// ReconcileOrder brings a stored order to the platform's truth: body is a fresh order/get
// answer for it. It decodes the body as DecodeOrder does (the result has the details too),
// then order.(*Order).Reconcile moves o and returns the events that explain the difference,
// for the host's audit log or outbox. A platform state o cannot reach is an
// *order.ReconcileError naming the fields that disagree, and o is left as it was. Pass the
// OrderOptions the order was first decoded with.
//
// This is what a host does after ApplyToOrder answers NeedsFetch, and what a periodic sweep
// does to catch pushes that never arrived; reconciling with an answer that says nothing new
// changes nothing.
func ReconcileOrder(o *order.Order, body []byte, opts OrderOptions) (OrderResult, []order.Event, error) {
	if o == nil {
		return OrderResult{}, nil, errors.New("wxapi: ReconcileOrder: nil order")
	}
	res, err := DecodeOrder(body, opts)
	if err != nil {
		return OrderResult{}, nil, err
	}
	events, err := o.Reconcile(res.Order)
	if err != nil {
		return OrderResult{}, nil, err
	}
	res.Order = o
	return res, events, nil
}

// ReconcileAfterSale brings a stored case to the platform's truth: body is a fresh
// aftersale/getaftersaleorder answer for it. It decodes the body as DecodeAfterSale does, then
// aftersale.(*Case).Reconcile moves c — and, when the case ended, its order's ledger — and
// returns the case's events. A case the host does not have yet (c nil) is the decoded one: the
// result's Case is new, no event is returned, and the order's counters come from order/get
// (ReconcileOrder), which already counts the case. A platform case c cannot become is an
// *aftersale.ReconcileError, and c and o are left as they were.
func ReconcileAfterSale(c *aftersale.Case, o *order.Order, body []byte) (AfterSaleResult, []aftersale.Event, error) {
	res, err := DecodeAfterSale(body)
	if err != nil {
		return AfterSaleResult{}, nil, err
	}
	if c == nil {
		return res, nil, nil
	}
	events, err := c.Reconcile(o, res.Case)
	if err != nil {
		return AfterSaleResult{}, nil, err
	}
	res.Case = c
	return res, events, nil
}
