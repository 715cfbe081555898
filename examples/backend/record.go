package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// record is one order as the store keeps it, with its after-sale cases and the versions they
// were read at, plus what a push changed: which of them to write and the events to record
// with them. A push loads one record, changes it, and saves it in one transaction.
type record struct {
	id         string
	order      *order.Order // nil while the store does not have the order
	version    int64        // the order's stored version; 0 for an order not stored yet
	orderDirty bool
	cases      map[string]*caseEntry
	events     []eventRow
}

// caseEntry is one stored after-sale case of the record's order.
type caseEntry struct {
	c       *aftersale.Case
	version int64 // 0 for a case not stored yet
	dirty   bool
}

// eventRow is one row for the events table.
type eventRow struct {
	aggregate string // "order" or "case"
	id        string // the order's or the case's id
	name      string
	body      []byte
}

func newRecord(id string) *record {
	return &record{id: id, cases: map[string]*caseEntry{}}
}

// changed reports whether the record has anything to write.
func (r *record) changed() bool {
	if r.orderDirty {
		return true
	}
	for _, e := range r.cases {
		if e.dirty {
			return true
		}
	}
	return false
}

// caseOf returns the stored case id, or nil.
func (r *record) caseOf(id string) *aftersale.Case {
	if e, ok := r.cases[id]; ok {
		return e.c
	}
	return nil
}

// caseList returns the order's cases, by id.
func (r *record) caseList() []*aftersale.Case {
	ids := make([]string, 0, len(r.cases))
	for id := range r.cases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]*aftersale.Case, len(ids))
	for i, id := range ids {
		out[i] = r.cases[id].c
	}
	return out
}

// created records an order the store did not have, as order/get showed it. The library's
// events explain changes; this backend's own order_created row carries the whole order, so
// that the events of an order always start from a known state.
func (r *record) created(o *order.Order) error {
	r.order, r.orderDirty = o, true
	return r.note("order", o.ID(), "order_created", o)
}

// orderChanged records the order's events; the order is written with them.
func (r *record) orderChanged(events []order.Event) error {
	r.orderDirty = true
	for _, e := range events {
		if err := r.note("order", r.id, e.EventName(), e); err != nil {
			return err
		}
	}
	return nil
}

// caseChanged records a stored case's events; the case is written with them. The order's
// own event a case carries (Event.Order) is recorded by orderChanged, from the Outcome's or
// the reconciliation's order events.
func (r *record) caseChanged(id string, events []aftersale.Event) error {
	r.cases[id].dirty = true
	for _, e := range events {
		if err := r.note("case", id, "after_sale_"+e.Action.String(), caseEventOf(e)); err != nil {
			return err
		}
	}
	return nil
}

// caseEvent is an aftersale.Event as the events table keeps it. The Event itself does not
// marshal: the fields an action leaves unset are zero enums (a Reason, a Cause), which refuse
// to render as text.
type caseEvent struct {
	Action  string       `json:"action"`
	CaseID  string       `json:"case_id"`
	OrderID string       `json:"order_id"`
	Kind    string       `json:"kind"`
	From    string       `json:"from,omitempty"`
	To      string       `json:"to"`
	At      time.Time    `json:"at"`
	Items   []order.Item `json:"items,omitempty"`
	Refund  string       `json:"refund,omitempty"`
}

func caseEventOf(e aftersale.Event) caseEvent {
	out := caseEvent{Action: e.Action.String(), CaseID: e.CaseID, OrderID: e.OrderID, Kind: e.Kind.String(),
		To: e.To.String(), At: e.At, Items: e.Items}
	if e.From != 0 {
		out.From = e.From.String()
	}
	if !e.Refund.IsZero() {
		out.Refund = e.Refund.StringFixed(2)
	}
	return out
}

// putCase stores c as the platform shows it, as new (after_sale_created) or in place of the
// stored one (after_sale_replaced), and records it whole.
func (r *record) putCase(c *aftersale.Case, name string) error {
	e, ok := r.cases[c.ID()]
	if !ok {
		e = &caseEntry{}
		r.cases[c.ID()] = e
	}
	e.c, e.dirty = c, true
	return r.note("case", c.ID(), name, c)
}

func (r *record) note(aggregate, id, name string, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding %s of %s %s: %w", name, aggregate, id, err)
	}
	r.events = append(r.events, eventRow{aggregate: aggregate, id: id, name: name, body: body})
	return nil
}

// committed marks the record as stored: versions move on, nothing is left to write.
func (r *record) committed() {
	if r.orderDirty {
		r.version++
	}
	for _, e := range r.cases {
		if e.dirty {
			e.version++
		}
		e.dirty = false
	}
	r.orderDirty, r.events = false, nil
}
