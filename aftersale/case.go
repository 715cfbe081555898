package aftersale

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// Case is an after-sale case (售后单): what the buyer asked for (kind, units, reason), where it
// stands (status), and what happened (waybills, receipt, refund, the platform's dispute). Build
// one with Open, or Restore a stored one; change it only through its commands, each of which
// succeeds completely — on the case and on its order — or leaves both exactly as they were.
//
// A *Case is not safe for concurrent use: the caller serialises commands on one case and its
// order. Its getters return copies.
type Case struct {
	id       string
	orderID  string
	kind     Kind
	status   Status
	reason   Reason
	detail   string       // the buyer's own words (reason_text / desc), optional
	items    []order.Item // never modified after Open: Items hands out copies
	openedAt time.Time
	changed  time.Time // the last accepted command

	rejection     string    // the merchant's reason, when rejected
	rejectedAt    time.Time // when the case entered a SEMI status; starts the escalation window
	returnWaybill Waybill   // the buyer's parcel back to the merchant
	receivedAt    time.Time // when the merchant confirmed the returned goods
	sendWaybill   Waybill   // the exchange or missing goods going to the buyer
	refund        int64     // fen
	refundedAt    time.Time
	closedAt      time.Time // when the case reached a FINAL status

	dispute Dispute // Status 0: no dispute
}

// ID returns the case id (after_sale_order_id).
func (c *Case) ID() string { return c.id }

// OrderID returns the id of the order the case belongs to.
func (c *Case) OrderID() string { return c.orderID }

// Kind returns what the buyer asked for.
func (c *Case) Kind() Kind { return c.kind }

// Status returns the case's status.
func (c *Case) Status() Status { return c.status }

// Reason returns the buyer's reason.
func (c *Case) Reason() Reason { return c.reason }

// Detail returns the buyer's own description, if any.
func (c *Case) Detail() string { return c.detail }

// Items returns a copy of the units the case covers.
func (c *Case) Items() []order.Item { return slices.Clone(c.items) }

// Units returns the number of units the case holds of a SKU (0 for a SKU it does not cover).
// A case covers one SKU on the platform, a handful at most in wxshop, so this is a scan.
func (c *Case) Units(skuID string) int {
	for _, it := range c.items {
		if it.SKUID == skuID {
			return it.Quantity
		}
	}
	return 0
}

// OpenedAt returns when the buyer opened the case.
func (c *Case) OpenedAt() time.Time { return c.openedAt }

// ChangedAt returns when the case last changed; commands dated earlier are refused.
func (c *Case) ChangedAt() time.Time { return c.changed }

// Rejection returns the merchant's reason for refusing, and when the case was refused (zero
// when it was not).
func (c *Case) Rejection() (reason string, at time.Time) { return c.rejection, c.rejectedAt }

// ReturnWaybill returns the waybill of the goods the buyer sent back (zero until then).
func (c *Case) ReturnWaybill() Waybill { return c.returnWaybill }

// ReceivedAt returns when the merchant confirmed the returned goods arrived (zero until then).
func (c *Case) ReceivedAt() time.Time { return c.receivedAt }

// SendWaybill returns the waybill of the exchange or missing goods sent to the buyer.
func (c *Case) SendWaybill() Waybill { return c.sendWaybill }

// Refunded returns the amount refunded to the buyer (zero when nothing was), and when.
func (c *Case) Refunded() (decimal.Decimal, time.Time) { return money.Yuan(c.refund), c.refundedAt }

// ClosedAt returns when the case reached a FINAL status, and false while it has not.
func (c *Case) ClosedAt() (time.Time, bool) { return c.closedAt, !c.closedAt.IsZero() }

// BlocksShipping reports whether the case still blocks shipping its order at time at (the
// platform refuses with 108009): OPEN statuses always; SEMI statuses (MERCHANT_REJECT_*,
// RETURN_CLOSED) until EscalationWindow after the rejection, while the buyer may still ask the
// platform to intervene; FINAL statuses never.
func (c *Case) BlocksShipping(at time.Time) bool {
	switch c.status.Class() {
	case ClassOpen:
		return true
	case ClassSemi:
		return at.Before(c.escalationDeadline())
	}
	return false
}

// EscalationDeadline returns when the buyer's window to ask the platform to intervene closes,
// and false when the case is not in a SEMI status.
func (c *Case) EscalationDeadline() (time.Time, bool) {
	if c.status.Class() != ClassSemi {
		return time.Time{}, false
	}
	return c.escalationDeadline(), true
}

func (c *Case) escalationDeadline() time.Time { return c.rejectedAt.Add(EscalationWindow) }

// Dispute returns the case's non-shipment dispute, and false when the platform never
// intervened.
func (c *Case) Dispute() (Dispute, bool) { return c.dispute, c.dispute.Status != 0 }
