package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// syncAttempts bounds how often sync reads an order that keeps moving while its cases are
// read; past it, the push fails and the platform's retry tries again later.
const syncAttempts = 3

// sync brings the record to the platform's truth: order/get for the order, and
// aftersale/getaftersaleorder for every case the order lists that the store does not have or
// has unfinished, and for the case the push names. An order the store does not have is
// created from order/get, with its cases.
//
// An order and its cases must be read as one snapshot: a case's end moves the order's
// after-sale counters, and an order read after the end beside a case read before it would
// have the end counted twice, or not at all. The platform has no snapshot read, so sync reads
// the order, then the cases, then the order again, and accepts the cases only if the order's
// after-sale counters did not move in between; otherwise it starts over.
func (s *Server) sync(ctx context.Context, r *record, ev wxapi.Event) error {
	opts := orderOptions(ev)
	for range syncAttempts {
		first, err := s.orderGet(ctx, r.id, opts)
		if err != nil {
			return err
		}
		ids := r.casesToFetch(first.AfterSales, caseOfPush(ev))
		if len(ids) == 0 {
			return s.reconcile(r, first, nil)
		}
		cases := make(map[string][]byte, len(ids))
		for _, id := range ids {
			body, err := s.platform.AfterSaleGet(ctx, id)
			if err != nil {
				return fmt.Errorf("aftersale/getaftersaleorder %s: %w", id, err)
			}
			cases[id] = body
		}
		second, err := s.orderGet(ctx, r.id, opts)
		if err != nil {
			return err
		}
		if sameAfterSales(first.Order, second.Order) {
			return s.reconcile(r, second, cases)
		}
		s.log.Info("order moved while its cases were read, reading again", "order", r.id)
	}
	return fmt.Errorf("order %s kept moving while its cases were read", r.id)
}

// orderGet calls order/get and decodes the answer.
func (s *Server) orderGet(ctx context.Context, id string, opts wxapi.OrderOptions) (wxapi.OrderResult, error) {
	body, err := s.platform.OrderGet(ctx, id)
	if err != nil {
		return wxapi.OrderResult{}, fmt.Errorf("order/get %s: %w", id, err)
	}
	res, err := wxapi.DecodeOrder(body, opts)
	if err != nil {
		return wxapi.OrderResult{}, fmt.Errorf("order/get %s: %w", id, err)
	}
	if res.Order.ID() != id {
		return wxapi.OrderResult{}, fmt.Errorf("order/get %s answered order %s", id, res.Order.ID())
	}
	return res, nil
}

// orderOptions carries what a push says and order/get does not: who confirmed receipt, and
// why an order was cancelled (only a status-250 cancellation needs it; 190 and 200 say why).
func orderOptions(ev wxapi.Event) wxapi.OrderOptions {
	var opts wxapi.OrderOptions
	switch ev := ev.(type) {
	case wxapi.OrderConfirmed:
		opts.Confirm = ev.Confirm
	case wxapi.OrderCancelled:
		if ev.Reason == order.CancelByBuyer || ev.Reason == order.CancelTimeout {
			opts.Cancel = ev.Reason
		}
	}
	return opts
}

// caseOfPush is the after-sale case a push is about, or "".
func caseOfPush(ev wxapi.Event) string {
	switch ev := ev.(type) {
	case wxapi.AfterSaleUpdated:
		return ev.Subject().ID
	case wxapi.ComplaintUpdated:
		return ev.AfterSaleID
	}
	return ""
}

// casesToFetch lists the cases to read: those order/get lists that the store does not have or
// has unfinished (a finished case does not change again), and the push's own. Sorted, so
// that the platform is read in a stable order.
func (r *record) casesToFetch(listed wxapi.AfterSaleSummary, pushed string) []string {
	var ids []string
	want := func(id string) {
		if id == "" || slices.Contains(ids, id) {
			return
		}
		if c := r.caseOf(id); c != nil && c.Status().Class() == aftersale.ClassFinal {
			return
		}
		ids = append(ids, id)
	}
	for _, ref := range listed.Orders {
		want(ref.ID)
	}
	want(pushed)
	slices.Sort(ids)
	return ids
}

// sameAfterSales reports whether two reads of an order agree on everything a case's end
// moves: the status (a last refund closes the order) and each line's after-sale counters.
func sameAfterSales(a, b *order.Order) bool {
	if a.Status() != b.Status() || a.NumLines() != b.NumLines() {
		return false
	}
	for i, la := range a.All() {
		lb, _ := b.LineAt(i)
		if la.OnAfterSale() != lb.OnAfterSale() || la.Refunded() != lb.Refunded() || la.AfterSaleDone() != lb.AfterSaleDone() {
			return false
		}
	}
	return true
}

// reconcile applies one snapshot of the platform — the order and the bodies of the cases read
// with it — to the record: each case first, since a case that ended moves the order's ledger
// as its own commands would (ReconcileAfterSale), then the order, whose counters then agree
// already, so nothing is counted twice.
func (s *Server) reconcile(r *record, res wxapi.OrderResult, cases map[string][]byte) error {
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if r.order == nil {
		if err := r.created(res.Order); err != nil {
			return err
		}
		for _, id := range ids {
			got, err := wxapi.DecodeAfterSale(cases[id])
			if err != nil {
				return fmt.Errorf("aftersale/getaftersaleorder %s: %w", id, err)
			}
			if err := r.putCase(got.Case, "after_sale_created"); err != nil {
				return err
			}
		}
		return nil
	}
	before, err := json.Marshal(r.order)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.reconcileCase(r, id, cases[id]); err != nil {
			return err
		}
	}
	// ReconcileOrder would decode the body again; the decoded order is at hand.
	events, err := r.order.Reconcile(res.Order)
	if err != nil {
		return fmt.Errorf("order/get %s: %w", r.id, err)
	}
	if len(events) > 0 {
		return r.orderChanged(events)
	}
	// No event, yet the order may have changed (a later update_time, after an address
	// change, say): write it if it did.
	after, err := json.Marshal(r.order)
	if err != nil {
		return err
	}
	if !bytes.Equal(before, after) {
		r.orderDirty = true
	}
	return nil
}

// reconcileCase brings one case to its aftersale/getaftersaleorder answer body.
//
// The stored case may be one the platform's cannot follow from: its end may be dated before
// a change the stored order already has (the push of a later confirmation came first), or the
// push that moved it was dated after the platform's own update_time. ReconcileAfterSale then
// refuses and changes nothing. The platform's case is the truth, and order/get, applied next
// in the same snapshot, moves the order's counters: so the case is taken as the platform
// shows it (after_sale_replaced), without the events of the steps in between.
func (s *Server) reconcileCase(r *record, id string, body []byte) error {
	c := r.caseOf(id)
	got, events, err := wxapi.ReconcileAfterSale(c, r.order, body)
	var refused *aftersale.ReconcileError
	switch {
	case err == nil && c == nil:
		return r.putCase(got.Case, "after_sale_created")
	case err == nil:
		if len(events) == 0 {
			return nil
		}
		if err := r.caseChanged(id, events); err != nil {
			return err
		}
		var fromCase []order.Event
		for _, e := range events {
			if e.Order != nil {
				fromCase = append(fromCase, e.Order)
			}
		}
		if len(fromCase) > 0 {
			return r.orderChanged(fromCase)
		}
		return nil
	case c != nil && errors.As(err, &refused):
		s.log.Warn("stored case cannot follow the platform's, replaced", "case", id, "order", r.id, "err", err)
		fresh, derr := wxapi.DecodeAfterSale(body)
		if derr != nil {
			return fmt.Errorf("aftersale/getaftersaleorder %s: %w", id, derr)
		}
		return r.putCase(fresh.Case, "after_sale_replaced")
	}
	return fmt.Errorf("aftersale/getaftersaleorder %s: %w", id, err)
}
