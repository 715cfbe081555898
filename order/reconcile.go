package order

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
)

// ErrUnreachable matches a *ReconcileError: the platform reports a state the stored order
// cannot reach.
var ErrUnreachable = errors.New("order: the platform's state is not reachable from the stored one")

// ReconcileError says which fields of the stored order and the platform's disagree in a way no
// sequence of commands explains: a regression (a status, a payment, a parcel or a refund the
// platform no longer reports) or a contradiction (other lines, another buyer). It matches
// ErrUnreachable; when the merged state itself breaks a rule, it wraps that error too.
type ReconcileError struct {
	OrderID string
	// Fields name what disagrees, each as "Field: stored → platform".
	Fields []string
	Err    error
}

// Error implements error.
func (e *ReconcileError) Error() string {
	msg := "order " + e.OrderID + ": the platform's state is not reachable from the stored one"
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

// Reconcile brings o to the platform's truth. fresh is the same order rebuilt by FromPlatform
// from a later order/get. Reconcile returns the events that explain the difference, in the
// order of the lifecycle (payment, waiting over, after-sale holds and releases, parcels, the
// end, settlement), and changes o only when fresh is a state o can reach: otherwise it returns
// a *ReconcileError naming each field that disagrees, and o is left as it was. A fresh state
// equal to o's gives no events: reconciling twice changes nothing.
//
// The result is the platform's status, times, parcels, counters, SKU changes and marks, and
// what only the host knows: re-shipments, delivery negotiations (and the deadlines they
// moved), the deadline policy, who confirmed receipt and why the order was cancelled when
// order/get does not say, and the money after-sales refunded (order/get carries none; a
// refund's amount comes with its case). An event whose time order/get does not report (a new
// parcel, an after-sale hold) carries fresh's UpdatedAt.
func (o *Order) Reconcile(fresh *Order) ([]Event, error) {
	if fresh == nil || fresh.status == 0 {
		return nil, errors.New("order: Reconcile: no fresh order")
	}
	var diffs []string
	differ := func(field string, stored, platform any) {
		diffs = append(diffs, fmt.Sprintf("%s: %v → %v", field, stored, platform))
	}
	o.reachable(fresh, differ)
	if len(diffs) > 0 {
		return nil, &ReconcileError{OrderID: o.id, Fields: diffs}
	}
	merged, err := Restore(o.mergeState(fresh))
	if err != nil {
		return nil, &ReconcileError{OrderID: o.id, Err: err}
	}
	events := o.explain(merged, fresh.updatedAt)
	*o = *merged
	return events, nil
}

// reachable reports, through differ, every way fresh is not a later state of o.
func (o *Order) reachable(f *Order, differ func(field string, stored, platform any)) {
	switch {
	case f.id != o.id:
		differ("ID", o.id, f.id)
		return
	case f.buyer != o.buyer:
		differ("Buyer", o.buyer, f.buyer)
	case !f.createdAt.Equal(o.createdAt):
		differ("CreatedAt", instant.Stamp(o.createdAt), instant.Stamp(f.createdAt))
	case f.virtual != o.virtual:
		differ("Virtual", o.virtual, f.virtual)
	}
	if !statusReachable(o.status, f.status) {
		differ("Status", o.status, f.status)
	}
	if o.paid() && !f.paidAt.Equal(o.paidAt) {
		differ("PaidAt", when(o.paidAt), when(f.paidAt))
	}
	if !o.shipDoneAt.IsZero() && !f.shipDoneAt.Equal(o.shipDoneAt) {
		differ("ShipDoneAt", when(o.shipDoneAt), when(f.shipDoneAt))
	}
	if !o.settledAt.IsZero() && !f.settledAt.IsZero() && !f.settledAt.Equal(o.settledAt) {
		differ("SettledAt", when(o.settledAt), when(f.settledAt))
	}
	if len(f.lines) != len(o.lines) {
		differ("Lines", len(o.lines), len(f.lines))
		return
	}
	for i := range o.lines {
		l, fl, field := &o.lines[i], &f.lines[i], "Lines["+strconv.Itoa(i)+"]"
		switch {
		case fl.snap.ProductID() != l.snap.ProductID():
			differ(field+".ProductID", l.snap.ProductID(), fl.snap.ProductID())
		case fl.skuID() != l.skuID() && !f.ShipsChangedSKU(fl.skuID()):
			differ(field+".SKUID", l.skuID(), fl.skuID())
		case fl.quantity != l.quantity:
			differ(field+".Quantity", l.quantity, fl.quantity)
		case fl.unit != l.unit || fl.paid != l.paid:
			differ(field+".Paid", money.FormatFen(l.paid), money.FormatFen(fl.paid))
		case fl.shipped < l.shipped:
			differ(field+".Shipped", l.shipped, fl.shipped)
		case fl.refunded < l.refunded:
			differ(field+".Refunded", l.refunded, fl.refunded)
		case fl.afterSaleDone < l.afterSaleDone:
			differ(field+".AfterSaleDone", l.afterSaleDone, fl.afterSaleDone)
		}
	}
	for i := range o.parcels {
		p := &o.parcels[i]
		if !slices.ContainsFunc(f.parcels, func(q Parcel) bool { return parcelEqual(p, &q) }) {
			differ("Parcels["+strconv.Itoa(i)+"]", p.TrackingNumber, "absent")
		}
	}
}

// when renders a time for a ReconcileError: RFC 3339, or "absent".
func when(t time.Time) string {
	if t.IsZero() {
		return "absent"
	}
	return instant.Stamp(t)
}

// parcelEqual reports whether two parcels carry the same logistics and items.
func parcelEqual(a, b *Parcel) bool {
	return a.Carrier == b.Carrier && a.TrackingNumber == b.TrackingNumber && slices.Equal(a.Items, b.Items)
}

// mergeState is fresh's state with what only the host knows kept from o.
func (o *Order) mergeState(f *Order) State {
	s := f.State()
	s.Policy = o.policy
	s.Reshipments = cloneReships(o.reships)
	s.Negotiations = slices.Clone(o.negotiations)
	s.Gift, s.GroupBuy = s.Gift || o.gift, s.GroupBuy || o.groupBuy
	if s.Confirm == ConfirmUnknown && o.confirm != 0 {
		s.Confirm = o.confirm
	}
	if s.CancelReason == CancelUnknown && o.cancel != 0 {
		s.CancelReason = o.cancel
	}
	if s.SettledAt.IsZero() {
		s.SettledAt = o.settledAt
	}
	if o.updatedAt.After(s.UpdatedAt) {
		s.UpdatedAt = o.updatedAt
	}
	for i := range s.Lines {
		ls, l := &s.Lines[i], &o.lines[i]
		ls.RefundedAmount = money.Yuan(l.refundedAmount)
		ls.AfterSaleAttempts = max(ls.AfterSaleAttempts, l.afterSaleAttempts)
		if len(o.negotiations) > 0 && !l.shipBy.IsZero() {
			ls.ShipBy = l.shipBy // negotiated: the host's deadline
		}
	}
	return s
}

// explain returns the events that lead from o to m, an order Reconcile merged; at is the time
// of the events order/get does not date.
func (o *Order) explain(m *Order, at time.Time) []Event {
	var out []Event
	if !o.paid() && m.paid() {
		to := StatusPendingShipment
		switch {
		case m.gift:
			to = StatusGiftPending
		case m.groupBuy:
			to = StatusGroupForming
		}
		shipBy, _ := m.ShipBy()
		out = append(out, Paid{OrderID: m.id, To: to, ShipBy: shipBy, At: m.paidAt})
	}
	waited := o.status == StatusGiftPending || o.status == StatusGroupForming || !o.paid() && (m.gift || m.groupBuy)
	if waited && m.paid() && m.status != StatusGiftPending && m.status != StatusGroupForming && !m.status.Terminal() {
		from := StatusGiftPending
		if m.groupBuy {
			from = StatusGroupForming
		}
		shipBy, _ := m.ShipBy()
		out = append(out, AwaitingShipment{OrderID: m.id, From: from, ShipBy: shipBy, At: at})
	}
	out = append(out, o.explainAfterSale(m, at)...)
	status := o.status
	for i := range m.parcels {
		p := &m.parcels[i]
		if slices.ContainsFunc(o.parcels, func(q Parcel) bool { return parcelEqual(p, &q) }) {
			continue
		}
		last := !slices.ContainsFunc(m.parcels[i+1:], func(q Parcel) bool {
			return !slices.ContainsFunc(o.parcels, func(r Parcel) bool { return parcelEqual(&q, &r) })
		})
		to, when := StatusPartiallyShipped, at
		if last && !m.shipDoneAt.IsZero() {
			to, when = StatusShipped, m.shipDoneAt
		}
		out = append(out, Shipped{OrderID: m.id, Parcel: p.clone(), Finished: to == StatusShipped, From: max(status, StatusPendingShipment), To: to, At: when})
		status = to
	}
	if m.status == StatusCompleted && o.status != StatusCompleted {
		out = append(out, Completed{OrderID: m.id, Kind: m.confirm, At: m.endedAt})
	}
	if m.status.Terminal() && !o.status.Terminal() {
		out = append(out, Cancelled{OrderID: m.id, Reason: m.cancel, From: o.status, To: m.status, At: m.endedAt})
	}
	if !m.settledAt.IsZero() && o.settledAt.IsZero() {
		out = append(out, Settled{OrderID: m.id, At: m.settledAt})
	}
	return out
}

// explainAfterSale returns the holds and releases that lead from o's after-sale counters to
// m's: one AfterSaleHeld for the units newly held, and one AfterSaleReleased for each way units
// left after-sale (refunded, done, released).
func (o *Order) explainAfterSale(m *Order, at time.Time) []Event {
	var held, refunded, done, released []Item
	for i := range m.lines {
		l, ml := &o.lines[i], &m.lines[i]
		item := func(n int) Item { return Item{ProductID: ml.snap.ProductID(), SKUID: ml.skuID(), Quantity: n} }
		r, d := ml.refunded-l.refunded, ml.afterSaleDone-l.afterSaleDone
		// Units on hold now = on hold before + held − refunded − done − released.
		change := ml.onAfterSale - l.onAfterSale + r + d
		switch {
		case change > 0:
			held = append(held, item(change))
		case change < 0:
			released = append(released, item(-change))
		}
		if r > 0 {
			refunded = append(refunded, item(r))
		}
		if d > 0 {
			done = append(done, item(d))
		}
	}
	var out []Event
	if held != nil {
		out = append(out, AfterSaleHeld{OrderID: m.id, Items: held, At: at})
	}
	for _, r := range []struct {
		items          []Item
		refunded, done bool
	}{{refunded, true, false}, {done, false, true}, {released, false, false}} {
		if r.items != nil {
			out = append(out, AfterSaleReleased{OrderID: m.id, Items: r.items, Refunded: r.refunded, Done: r.done,
				From: m.status, To: m.status, At: at})
		}
	}
	return out
}

// statusReachable reports whether some sequence of transitions leads from one status to the
// other (a status reaches itself).
func statusReachable(from, to Status) bool {
	i, j := statusIndex[from], statusIndex[to]
	return i != 0 && j != 0 && reach[i]&(1<<j) != 0
}

// reach[i] has bit j set when status index j is reachable from status index i.
var reach = func() (r [numStatuses]uint32) {
	for i := 1; i < numStatuses; i++ {
		r[i] = 1 << i
	}
	for changed := true; changed; {
		changed = false
		for i := 1; i < numStatuses; i++ {
			for t := range table[i] {
				if to := table[i][t]; to != 0 {
					if n := r[i] | r[statusIndex[to]]; n != r[i] {
						r[i], changed = n, true
					}
				}
			}
		}
	}
	return r
}()
