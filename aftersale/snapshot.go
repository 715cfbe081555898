package aftersale

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// Snapshot is a case's full stored state: what a host persists and Restore rebuilds from, or
// builds from the platform's after-sale payload to mirror a case the library did not open. It
// is a plain value with exported fields; it marshals to JSON with money as "10.10" and enums by
// their platform strings, and whatever Restore accepts marshals and restores back equal.
type Snapshot struct {
	ID      string
	OrderID string
	Kind    Kind
	Status  Status
	Reason  Reason
	Detail  string
	Items   []order.Item
	// OpenedAt is when the case opened; ChangedAt when it last changed (not before OpenedAt).
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
	// Refund and RefundedAt: the amount refunded; only a refunded status has one.
	Refund     decimal.Decimal
	RefundedAt time.Time
	// ClosedAt: when the case reached a FINAL status.
	ClosedAt time.Time
	// Dispute is the non-shipment dispute; its Status is 0 when there is none.
	Dispute Dispute
}

// Snapshot returns the case's state as an independent value.
func (c *Case) Snapshot() Snapshot {
	return Snapshot{
		ID: c.id, OrderID: c.orderID, Kind: c.kind, Status: c.status, Reason: c.reason, Detail: c.detail,
		Items: slices.Clone(c.items), OpenedAt: c.openedAt, ChangedAt: c.changed,
		Rejection: c.rejection, RejectedAt: c.rejectedAt,
		ReturnWaybill: c.returnWaybill, ReceivedAt: c.receivedAt, SendWaybill: c.sendWaybill,
		Refund: c.refund, RefundedAt: c.refundedAt, ClosedAt: c.closedAt, Dispute: c.dispute,
	}
}

// Restore rebuilds a case from a snapshot, checking that it can be a case: ids, a known kind,
// status and reason, items each once with positive quantities, times in order, a rejection
// time for a SEMI status, a rejection status of the case's own kind, a valid refund only in a
// refunded status, a dispute only on a refund-only case and consistent with its status (and no
// dispute fields without a dispute status). Any problem is an error matching ErrInvalidCase.
// Restore emits no event and does not touch the order: the order's counters are restored with
// the order.
func Restore(s Snapshot) (*Case, error) {
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidCase, s.ID, err)
	}
	return &Case{
		id: s.ID, orderID: s.OrderID, kind: s.Kind, status: s.Status, reason: s.Reason, detail: s.Detail,
		items: slices.Clone(s.Items), openedAt: s.OpenedAt, changed: s.ChangedAt,
		rejection: s.Rejection, rejectedAt: s.RejectedAt,
		returnWaybill: s.ReturnWaybill, receivedAt: s.ReceivedAt, sendWaybill: s.SendWaybill,
		refund: s.Refund, refundedAt: s.RefundedAt, closedAt: s.ClosedAt, dispute: s.Dispute,
	}, nil
}

// rejectStatus is each kind's MERCHANT_REJECT_* status.
var rejectStatus = [numKinds]Status{
	KindRefund:   StatusMerchantRejectRefund,
	KindReturn:   StatusMerchantRejectReturn,
	KindExchange: StatusMerchantRejectExchange,
	KindReship:   StatusMerchantRejectReship,
}

func (s Snapshot) check() error {
	switch {
	case strings.TrimSpace(s.ID) == "":
		return fmt.Errorf("empty id")
	case strings.TrimSpace(s.OrderID) == "":
		return fmt.Errorf("empty order id")
	case !s.Kind.IsValid():
		return kinds.Check(s.Kind)
	case !s.Status.IsValid():
		return statuses.Check(s.Status)
	case !s.Reason.IsValid():
		return reasons.Check(s.Reason)
	case s.OpenedAt.IsZero() || s.ChangedAt.Before(s.OpenedAt):
		return fmt.Errorf("opened at %s, changed at %s", s.OpenedAt.Format(time.RFC3339), s.ChangedAt.Format(time.RFC3339))
	case s.Status.Class() == ClassSemi && s.RejectedAt.IsZero():
		return fmt.Errorf("status %s without a rejection time", s.Status)
	case s.Status != rejectStatus[s.Kind] && isRejectStatus(s.Status):
		return fmt.Errorf("status %s on a %s case", s.Status, s.Kind)
	}
	if err := checkItems(s.Items); err != nil {
		return err
	}
	if err := money.Check("refund", s.Refund); err != nil {
		return err
	}
	if !s.Refund.IsZero() && !s.Status.Refunded() {
		return fmt.Errorf("refund %s in status %s", money.Format(s.Refund), s.Status)
	}
	return s.checkDispute()
}

func isRejectStatus(st Status) bool { return st != 0 && slices.Contains(rejectStatus[1:], st) }

func checkItems(items []order.Item) error {
	if len(items) == 0 {
		return fmt.Errorf("no items")
	}
	for i, it := range items {
		if strings.TrimSpace(it.SKUID) == "" || it.Quantity <= 0 || it.Quantity > order.MaxQuantity {
			return fmt.Errorf("item %d: sku %q quantity %d", i, it.SKUID, it.Quantity)
		}
		for _, prev := range items[:i] {
			if prev.SKUID == it.SKUID {
				return fmt.Errorf("sku %s listed twice", it.SKUID)
			}
		}
	}
	return nil
}

// checkDispute checks the dispute against the case: only a refund-only case has one, an open
// one only while the platform processes the case, a decided one only on a refunded case.
func (s Snapshot) checkDispute() error {
	d := s.Dispute
	if d.Status == 0 {
		if d != (Dispute{}) {
			return fmt.Errorf("dispute data without a dispute status")
		}
		return nil
	}
	if !d.Status.IsValid() {
		return disputeStatuses.Check(d.Status)
	}
	if s.Kind != KindRefund {
		return fmt.Errorf("a dispute on a %s case", s.Kind)
	}
	verified := d.Status == DisputeVerified || d.Status == DisputeDecided
	switch {
	case (d.Status == DisputeIntervened || d.Status == DisputeVerified) && s.Status != StatusPlatformProcessing:
		return fmt.Errorf("dispute %s with the case in %s", d.Status, s.Status)
	case d.Status == DisputeDecided && s.Status != StatusMerchantRefundSuccess:
		return fmt.Errorf("dispute decided with the case in %s", s.Status)
	case d.Status == DisputeWithdrawn && s.Status != StatusUserCancelled:
		return fmt.Errorf("dispute withdrawn with the case in %s", s.Status)
	case verified && !d.Evidence.Cause.IsValid():
		return fmt.Errorf("dispute %s without a valid cause", d.Status)
	case d.Status == DisputeDecided && d.Verdict.Cause != d.Evidence.Cause:
		return fmt.Errorf("verdict cause %s differs from the verified cause %s", d.Verdict.Cause, d.Evidence.Cause)
	}
	return nil
}
