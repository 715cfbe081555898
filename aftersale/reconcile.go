package aftersale

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// ErrUnreachable matches a *ReconcileError: the platform reports a case the stored one cannot
// become.
var ErrUnreachable = errors.New("aftersale: the platform's case is not reachable from the stored one")

// ReconcileError says which fields of the stored case and the platform's disagree in a way no
// sequence of commands explains. It matches ErrUnreachable, and the order's error when the
// order's ledger refused the case's end.
type ReconcileError struct {
	CaseID string
	// Fields name what disagrees, each as "Field: stored → platform".
	Fields []string
	Err    error
}

// Error implements error.
func (e *ReconcileError) Error() string {
	msg := "aftersale: case " + e.CaseID + ": the platform's case is not reachable from the stored one"
	if len(e.Fields) > 0 {
		msg += ": " + strings.Join(e.Fields, "; ")
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns ErrUnreachable and the cause.
func (e *ReconcileError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrUnreachable, e.Err}
	}
	return []error{ErrUnreachable}
}

// Reconcile brings c to the platform's truth. fresh is the same case rebuilt from a later
// aftersale/getaftersaleorder (package wxapi's DecodeAfterSale). Reconcile returns one event
// per step of the shortest path through the kind's table from c's status to fresh's, dated
// fresh's last change (the platform does not date the steps in between), or none when the
// status did not move.
//
// When the case ends (a FINAL status) the order's ledger moves as the commands move it: the
// units are refunded with fresh's refund, delivered (MERCHANT_EXCHANGE_SUCCESS) or released;
// the last event carries the order's own event. The order's after-sale counters must hold the
// case's units, as they do for a case opened with Open or restored with its order; an order
// rebuilt from an order/get of after the case ended has them already moved, and its ledger
// refuses them a second time: reconcile that order with order/get instead.
//
// A fresh case c cannot become (another case, kind, order or units; a status the table cannot
// reach; a time before c's last change) is a *ReconcileError naming the fields, and c and o
// are left as they were.
func (c *Case) Reconcile(o *order.Order, fresh *Case) ([]Event, error) {
	if fresh == nil {
		return nil, errors.New("aftersale: Reconcile: no fresh case")
	}
	var diffs []string
	differ := func(field string, stored, platform any) {
		diffs = append(diffs, fmt.Sprintf("%s: %v → %v", field, stored, platform))
	}
	switch {
	case fresh.id != c.id:
		differ("ID", c.id, fresh.id)
	case fresh.orderID != c.orderID:
		differ("OrderID", c.orderID, fresh.orderID)
	case fresh.kind != c.kind:
		differ("Kind", c.kind, fresh.kind)
	case !slices.Equal(fresh.items, c.items):
		differ("Items", c.items, fresh.items)
	case fresh.changed.Before(c.changed) && fresh.status != c.status:
		differ("ChangedAt", instant.Stamp(c.changed), instant.Stamp(fresh.changed))
	}
	if len(diffs) == 0 && fresh.status == c.status && fresh.changed.Before(c.changed) {
		// The host's copy moved on this status later than the platform dates it (a push's
		// CreateTime is a little after the change): nothing to learn.
		return nil, nil
	}
	path, ok := shortestPath(c.kind, c.status, fresh.status)
	if !ok {
		differ("Status", c.status, fresh.status)
	}
	if len(diffs) > 0 {
		return nil, &ReconcileError{CaseID: c.id, Fields: diffs}
	}
	if err := c.checkOrder(o); err != nil {
		return nil, err
	}
	var released order.Event
	if c.status.Class() != ClassFinal && fresh.status.Class() == ClassFinal {
		ev, err := c.endOnOrder(o, fresh)
		if err != nil {
			return nil, &ReconcileError{CaseID: c.id, Err: err}
		}
		released = ev
	}
	events := make([]Event, 0, len(path))
	from := c.status
	for _, a := range path {
		to, _ := Next(c.kind, from, a)
		events = append(events, Event{Action: a, CaseID: c.id, OrderID: c.orderID, Kind: c.kind, From: from, To: to, At: fresh.changed})
		from = to
	}
	if n := len(events); n > 0 && released != nil {
		events[n-1].Order = released
		events[n-1].Refund = money.Yuan(fresh.refund)
		events[n-1].OrderClosable = CanCloseOrder(o)
	}
	copied, err := Restore(fresh.State())
	if err != nil {
		return nil, err // fresh came from Restore: it restores again
	}
	*c = *copied
	return events, nil
}

// endOnOrder moves the order's ledger for a case that ended as fresh did. The move is dated
// when the case closed, or at the order's last change if that came later: the order learns of
// the end now, and a push applied to it in between (a confirmation, say) must not make the
// case's end unrecordable.
func (c *Case) endOnOrder(o *order.Order, fresh *Case) (order.Event, error) {
	at := fresh.closedAt
	if o.UpdatedAt().After(at) {
		at = o.UpdatedAt()
	}
	switch {
	case fresh.status.Refunded():
		return o.RefundAfterSale(c.items, money.Yuan(fresh.refund), at)
	case fresh.status == StatusMerchantExchangeSuccess:
		return o.CompleteAfterSale(c.items, at)
	}
	return o.ReleaseAfterSale(c.items, at)
}

// shortestPath returns the actions of a shortest path from one status to another in kind k's
// table (none when they are equal), and whether there is one.
func shortestPath(k Kind, from, to Status) ([]Action, bool) {
	if from == to {
		return nil, true
	}
	type step struct {
		prev   Status
		action Action
	}
	seen := map[Status]step{from: {}}
	queue := []Status{from}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range edges {
			if e.kind != k || e.from != s {
				continue
			}
			if _, ok := seen[e.to]; ok {
				continue
			}
			seen[e.to] = step{prev: s, action: e.action}
			if e.to == to {
				var path []Action
				for cur := to; cur != from; cur = seen[cur].prev {
					path = append(path, seen[cur].action)
				}
				slices.Reverse(path)
				return path, true
			}
			queue = append(queue, e.to)
		}
	}
	return nil, false
}
