package aftersale

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

// State is a case's stored form: what a host persists and Restore rebuilds from, or builds
// from the platform's after-sale payload to mirror a case the library did not open. It is a
// plain value with exported fields; it marshals to JSON with money as "10.10" and enums by
// their platform strings, and whatever Restore accepts marshals and restores back equal.
type State struct {
	ID      string
	OrderID string
	Kind    Kind
	Status  Status
	Reason  Reason
	Detail  string
	Items   []order.Item
	// OpenedAt is when the case opened; ChangedAt when it last changed (not before OpenedAt,
	// and not before any other time of the case).
	OpenedAt  time.Time
	ChangedAt time.Time
	// Rejection and RejectedAt: the merchant's reason and when the case entered a SEMI status
	// (required in one: it starts the escalation window).
	Rejection  string
	RejectedAt time.Time
	// ReturnWaybill, ReceivedAt, SendWaybill: the goods' legs (zero when they did not happen).
	ReturnWaybill Waybill
	ReceivedAt    time.Time
	SendWaybill   Waybill
	// Refund and RefundedAt: the amount refunded and when; only a refunded status has them.
	Refund     decimal.Decimal
	RefundedAt time.Time
	// ClosedAt: when the case reached a FINAL status (set exactly then).
	ClosedAt time.Time
	// Dispute is the non-shipment dispute; its Status is 0 when there is none.
	Dispute Dispute
}

// State returns the case's stored form as an independent value.
func (c *Case) State() State {
	return State{
		ID: c.id, OrderID: c.orderID, Kind: c.kind, Status: c.status, Reason: c.reason, Detail: c.detail,
		Items: slices.Clone(c.items), OpenedAt: c.openedAt, ChangedAt: c.changed,
		Rejection: c.rejection, RejectedAt: c.rejectedAt,
		ReturnWaybill: c.returnWaybill, ReceivedAt: c.receivedAt, SendWaybill: c.sendWaybill,
		Refund: money.Yuan(c.refund), RefundedAt: c.refundedAt, ClosedAt: c.closedAt, Dispute: c.dispute,
	}
}

// Restore rebuilds a case from its stored form. What the commands can never produce, it
// refuses, and it reads the same tables the commands do: ids, a known kind, status and reason,
// items each once, times in the order the commands set them (none before the case opened,
// none after its last change), a status the kind's table can reach, the marks each status
// implies (a rejection time for a SEMI status, a closing time exactly for a FINAL one, a refund
// only in a refunded status), goods legs only on kinds that have them, and a dispute only on a
// refund-only case, consistent with the case (its evidence about this case and order, its
// verdict's totals the refund plus the payout). Any problem is an error matching
// ErrInvalidCase. Restore emits no event and does not touch the order: the order's counters
// are restored with the order.
func Restore(s State) (*Case, error) {
	refund, err := s.check()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidCase, text.Quote(s.ID), err)
	}
	return &Case{
		id: s.ID, orderID: s.OrderID, kind: s.Kind, status: s.Status, reason: s.Reason, detail: s.Detail,
		items: slices.Clone(s.Items), openedAt: s.OpenedAt, changed: s.ChangedAt,
		rejection: s.Rejection, rejectedAt: s.RejectedAt,
		returnWaybill: s.ReturnWaybill, receivedAt: s.ReceivedAt, sendWaybill: s.SendWaybill,
		refund: refund, refundedAt: s.RefundedAt, closedAt: s.ClosedAt, dispute: s.Dispute,
	}, nil
}

// check applies Restore's rules and returns the refund in fen.
func (s State) check() (int64, error) {
	switch {
	case strings.TrimSpace(s.ID) == "" || strings.TrimSpace(s.OrderID) == "":
		return 0, fmt.Errorf("empty id or order id")
	case !text.ValidAll(s.ID, s.OrderID, s.Detail, s.Rejection):
		return 0, fmt.Errorf("text that is not valid UTF-8")
	case !s.Kind.IsValid():
		return 0, kinds.Check(s.Kind)
	case !s.Status.IsValid():
		return 0, statuses.Check(s.Status)
	case !s.Reason.IsValid():
		return 0, reasons.Check(s.Reason)
	case !reachable(s.Kind, s.Status):
		return 0, fmt.Errorf("status %s on a %s case: no edge of its table leads there", s.Status, s.Kind)
	}
	if err := checkItems(s.Items); err != nil {
		return 0, err
	}
	if err := s.checkTimes(); err != nil {
		return 0, err
	}
	if err := s.checkLegs(); err != nil {
		return 0, err
	}
	refund, err := money.ToFen("refund", s.Refund)
	if err != nil {
		return 0, err
	}
	if s.Status.Refunded() != !s.RefundedAt.IsZero() || refund > 0 && !s.Status.Refunded() {
		return 0, fmt.Errorf("refund %s refunded at %s in status %s", money.FormatFen(refund), instant.Stamp(s.RefundedAt), s.Status)
	}
	return refund, s.checkDispute(refund)
}

// checkTimes checks that every time lies in the years 1 to 9999, between the opening and the
// last change, and that each mark belongs to its status.
func (s State) checkTimes() error {
	if s.OpenedAt.IsZero() || !instant.InYears(s.OpenedAt) || s.ChangedAt.Before(s.OpenedAt) || !instant.InYears(s.ChangedAt) {
		return fmt.Errorf("opened at %s, changed at %s", instant.Stamp(s.OpenedAt), instant.Stamp(s.ChangedAt))
	}
	d := s.Dispute
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"rejected", s.RejectedAt}, {"received", s.ReceivedAt}, {"refunded", s.RefundedAt}, {"closed", s.ClosedAt},
		{"intervened", d.Evidence.IntervenedAt}, {"verified", d.Evidence.VerifiedAt}, {"decided", d.DecidedAt}, {"withdrawn", d.WithdrawnAt}} {
		if !t.at.IsZero() && (t.at.Before(s.OpenedAt) || t.at.After(s.ChangedAt)) {
			return fmt.Errorf("%s at %s: outside the case's life %s to %s", t.name, instant.Stamp(t.at), instant.Stamp(s.OpenedAt), instant.Stamp(s.ChangedAt))
		}
	}
	switch cl := s.Status.Class(); {
	case cl == ClassSemi && s.RejectedAt.IsZero():
		return fmt.Errorf("status %s without a rejection time", s.Status)
	case !s.RejectedAt.IsZero() && !reachableFrom(s.Kind, rejectStatus[s.Kind], s.Status) && !reachableFrom(s.Kind, StatusReturnClosed, s.Status):
		return fmt.Errorf("a rejection time in status %s, which no rejection leads to", s.Status)
	case s.Rejection != "" && s.RejectedAt.IsZero():
		return fmt.Errorf("a rejection reason without a rejection time")
	case (cl == ClassFinal) == s.ClosedAt.IsZero():
		return fmt.Errorf("status %s with closing time %s", s.Status, instant.Stamp(s.ClosedAt))
	case !s.ClosedAt.IsZero() && s.ClosedAt.Before(s.RejectedAt):
		return fmt.Errorf("closed at %s before the rejection at %s", instant.Stamp(s.ClosedAt), instant.Stamp(s.RejectedAt))
	}
	return nil
}

// checkLegs checks the goods' legs: a return only on a kind that takes goods back, a parcel to
// the buyer only on a kind that sends goods, receipt only after a return.
func (s State) checkLegs() error {
	back := s.Kind == KindReturn || s.Kind == KindExchange
	out := s.Kind == KindExchange || s.Kind == KindReship
	switch {
	case !s.ReturnWaybill.IsZero() && !back:
		return fmt.Errorf("a return waybill on a %s case", s.Kind)
	case !s.ReceivedAt.IsZero() && !back:
		return fmt.Errorf("goods received back on a %s case", s.Kind)
	case !s.SendWaybill.IsZero() && !out:
		return fmt.Errorf("goods sent to the buyer on a %s case", s.Kind)
	case !text.ValidAll(s.ReturnWaybill.Carrier, s.ReturnWaybill.TrackingNumber, s.SendWaybill.Carrier, s.SendWaybill.TrackingNumber):
		return fmt.Errorf("a waybill that is not valid UTF-8")
	}
	return nil
}

// rejectStatus is each kind's MERCHANT_REJECT_* status.
var rejectStatus = [numKinds]Status{
	KindRefund:   StatusMerchantRejectRefund,
	KindReturn:   StatusMerchantRejectReturn,
	KindExchange: StatusMerchantRejectExchange,
	KindReship:   StatusMerchantRejectReship,
}

// checkItems checks a case's units: at least one item, each a product and SKU once with a
// quantity in 1..order.MaxQuantity. It takes time linear in the items.
func checkItems(items []order.Item) error {
	if len(items) == 0 || len(items) > order.MaxLines {
		return fmt.Errorf("%d items, not 1 to %d", len(items), order.MaxLines)
	}
	var seen map[string]struct{}
	if len(items) > 8 {
		seen = make(map[string]struct{}, len(items))
	}
	for i, it := range items {
		if strings.TrimSpace(it.SKUID) == "" || strings.TrimSpace(it.ProductID) == "" || !text.ValidAll(it.SKUID, it.ProductID) ||
			it.Quantity <= 0 || it.Quantity > order.MaxQuantity {
			return fmt.Errorf("item %d: product %s sku %s quantity %d", i, text.Quote(it.ProductID), text.Quote(it.SKUID), it.Quantity)
		}
		dup := false
		if seen != nil {
			_, dup = seen[it.SKUID]
			seen[it.SKUID] = struct{}{}
		} else {
			for _, prev := range items[:i] {
				dup = dup || prev.SKUID == it.SKUID
			}
		}
		if dup {
			return fmt.Errorf("sku %s listed twice", text.Quote(it.SKUID))
		}
	}
	return nil
}

// checkDispute checks the dispute against the case: only a refund-only case has one; an open
// one only while the platform processes the case, a decided one only on the case it refunded,
// a withdrawn one only on a cancelled case; its evidence is about this case, its order and its
// units; its verdict, once decided, refunds what the case refunded and totals refund plus
// payout.
func (s State) checkDispute(refund int64) error {
	d := s.Dispute
	if d.Status == 0 {
		if !d.isZero() {
			return fmt.Errorf("dispute data without a dispute status")
		}
		return nil
	}
	if !d.Status.IsValid() {
		return disputeStatuses.Check(d.Status)
	}
	e := d.Evidence
	units := 0
	for _, it := range s.Items {
		units += it.Quantity
	}
	// A verified or decided dispute has its cause; a withdrawn one has it when the buyer
	// cancelled after the verification (DisputeVerified → DisputeWithdrawn), not before.
	verified := d.Status == DisputeVerified || d.Status == DisputeDecided || d.Status == DisputeWithdrawn && e.Cause != 0
	switch {
	case s.Kind != KindRefund:
		return fmt.Errorf("a dispute on a %s case", s.Kind)
	case (d.Status == DisputeIntervened || d.Status == DisputeVerified) && s.Status != StatusPlatformProcessing:
		return fmt.Errorf("dispute %s with the case in %s", d.Status, s.Status)
	case d.Status == DisputeDecided && s.Status != StatusMerchantRefundSuccess:
		return fmt.Errorf("dispute decided with the case in %s", s.Status)
	case d.Status == DisputeWithdrawn && (s.Status != StatusUserCancelled || d.WithdrawnAt.IsZero()):
		return fmt.Errorf("dispute withdrawn at %s with the case in %s", instant.Stamp(d.WithdrawnAt), s.Status)
	case d.Status != DisputeWithdrawn && !d.WithdrawnAt.IsZero():
		return fmt.Errorf("a withdrawal time on a dispute %s", d.Status)
	case e.OrderID != s.OrderID || e.CaseID != s.ID:
		return fmt.Errorf("evidence about case %s of order %s", text.Quote(e.CaseID), text.Quote(e.OrderID))
	case e.Units != units || e.Shipped < 0 || e.Shipped > order.MaxQuantity:
		return fmt.Errorf("evidence of %d units (%d shipped) for a case of %d", e.Units, e.Shipped, units)
	case !e.RequestedAt.Equal(s.OpenedAt) || e.IntervenedAt.IsZero():
		return fmt.Errorf("evidence requested at %s, intervened at %s, for a case opened at %s", instant.Stamp(e.RequestedAt), instant.Stamp(e.IntervenedAt), instant.Stamp(s.OpenedAt))
	case e.Cause != 0 && !e.Cause.IsValid() || verified != (e.Cause != 0) || verified == e.VerifiedAt.IsZero():
		return fmt.Errorf("dispute %s with cause %d verified at %s", d.Status, uint8(e.Cause), instant.Stamp(e.VerifiedAt))
	case verified && e.VerifiedAt.Before(e.IntervenedAt):
		return fmt.Errorf("verified at %s before the intervention at %s", instant.Stamp(e.VerifiedAt), instant.Stamp(e.IntervenedAt))
	case (d.Status == DisputeDecided) == d.DecidedAt.IsZero() || !d.DecidedAt.IsZero() && d.DecidedAt.Before(e.VerifiedAt):
		return fmt.Errorf("dispute %s decided at %s", d.Status, instant.Stamp(d.DecidedAt))
	}
	if d.Status != DisputeDecided {
		if !d.Verdict.isZero() {
			return fmt.Errorf("a verdict on a dispute %s", d.Status)
		}
		return nil
	}
	return d.Verdict.check(e.Cause, refund)
}

// reachable reports whether a case of kind k can be in status s: MERCHANT_PROCESSING, where
// every case starts, a status an edge of k's table leads to, or a status the platform reaches
// on its own, which no edge touches (a refund in flight, a negotiation, ...).
func reachable(k Kind, s Status) bool {
	return reachableFrom(k, StatusMerchantProcessing, s) || platformOnly(s)
}

// platformOnly reports whether no edge of any kind's table enters or leaves s.
func platformOnly(s Status) bool {
	for _, e := range edges {
		if e.from == s || e.to == s {
			return false
		}
	}
	return true
}

// reachableFrom reports whether status to can be reached from status from along kind k's
// edges (from itself included).
func reachableFrom(k Kind, from, to Status) bool {
	if from == to {
		return true
	}
	var seen [numStatuses]bool
	stack := []Status{from}
	seen[from] = true
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range edges {
			if e.kind == k && e.from == s && !seen[e.to] {
				if e.to == to {
					return true
				}
				seen[e.to] = true
				stack = append(stack, e.to)
			}
		}
	}
	return false
}
