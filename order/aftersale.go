package order

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// EligibleForAfterSale returns how many units of a SKU an after-sale request may still cover:
// Quantity − Refunded − OnAfterSale − AfterSaleDone. It is 0 for an unknown SKU and in a status
// that takes no after-sale (unpaid, cancelled, closed).
func (o *Order) EligibleForAfterSale(skuID string) int {
	if !o.status.Accepts(TriggerAfterSale) {
		return 0
	}
	if i := o.lineIndex(skuID); i >= 0 {
		return o.lines[i].eligible()
	}
	return 0
}

// FullyRefunded reports whether every unit of every line finished after-sale with a refund.
func (o *Order) FullyRefunded() bool {
	for i := range o.lines {
		if o.lines[i].Refunded != o.lines[i].Quantity {
			return false
		}
	}
	return true
}

// HoldForAfterSale puts units on hold for an after-sale case (the platform's
// on_aftersale_sku_cnt): each item's units must be eligible (ErrNotEligible), and each line
// allows at most MaxAfterSaleAttempts requests (*LimitError). Held units cannot ship. All
// items are checked before any counter changes.
func (o *Order) HoldForAfterSale(items []Item, at time.Time) (AfterSaleHeld, error) {
	if err := o.checkAfterSaleItems(items, at); err != nil {
		return AfterSaleHeld{}, err
	}
	for _, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		if l.AfterSaleAttempts >= MaxAfterSaleAttempts {
			return AfterSaleHeld{}, &LimitError{What: "after_sale_attempts", SKUID: it.SKUID, Max: MaxAfterSaleAttempts}
		}
		if it.Quantity > l.eligible() {
			return AfterSaleHeld{}, fmt.Errorf("%w: order %s sku %s: %d units asked, %d eligible", ErrNotEligible, o.id, it.SKUID, it.Quantity, l.eligible())
		}
	}
	for _, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		l.OnAfterSale += it.Quantity
		l.AfterSaleAttempts++
	}
	return AfterSaleHeld{OrderID: o.id, Items: slices.Clone(items), At: at}, nil
}

// Refund is money refunded through after-sale for some units of one line: what
// RefundAfterSale records.
type Refund struct {
	// Item is the units refunded (they must be held by after-sale).
	Item Item
	// Amount is the money refunded for them, in yuan: zero or more, at most two decimals.
	Amount decimal.Decimal
}

// ReleaseAfterSale takes units off after-sale hold when their case finishes. With refunded
// false the case ended without a refund (cancelled, rejected, expired) and the units are
// eligible again. With refunded true it is RefundAfterSale with zero amounts: the units count
// as refunded but no money is recorded; use RefundAfterSale when the amount is known.
func (o *Order) ReleaseAfterSale(items []Item, refunded bool, at time.Time) (AfterSaleReleased, error) {
	end := endReleased
	if refunded {
		end = endRefunded
	}
	return o.endAfterSale(slices.Clone(items), nil, end, at)
}

// RefundAfterSale ends the after-sale hold of units with a refund: each Refund's units count
// as refunded (finish_aftersale_sku_cnt grows) and never ship, and its amount is added to the
// line's RefundedAmount. Each amount must be a valid amount of money (ErrInvalidAmount), and
// no line's refunded money may exceed what was paid for it (ErrRefundExceedsPaid): that
// ledger is the order's, so no refund can return more than the buyer paid for a line. When
// the refund leaves nothing to ship on a partially shipped order, the order becomes fully
// shipped (21 → 30) and the event says so. A fully refunded order stays in its status until
// CloseByAfterSale.
func (o *Order) RefundAfterSale(refunds []Refund, at time.Time) (AfterSaleReleased, error) {
	items := make([]Item, len(refunds))
	for i := range refunds {
		items[i] = refunds[i].Item
	}
	return o.endAfterSale(items, refunds, endRefunded, at)
}

// CompleteAfterSale ends the after-sale hold of units whose exchange or re-send finished: the
// buyer has the goods, nothing was refunded, and the platform takes no new after-sale for those
// units (AfterSaleDone grows, Eligible shrinks).
func (o *Order) CompleteAfterSale(items []Item, at time.Time) (AfterSaleReleased, error) {
	return o.endAfterSale(slices.Clone(items), nil, endDone, at)
}

// afterSaleEnd is how an after-sale case ended for its units.
type afterSaleEnd uint8

const (
	endReleased afterSaleEnd = iota // no refund: the units are eligible again
	endRefunded                     // refunded: the units never ship
	endDone                         // exchanged or re-sent: no new after-sale
)

// endAfterSale checks and applies the end of an after-sale hold. items belong to the event;
// refunds, when not nil, gives each item's amount.
func (o *Order) endAfterSale(items []Item, refunds []Refund, end afterSaleEnd, at time.Time) (AfterSaleReleased, error) {
	if err := o.checkAfterSaleItems(items, at); err != nil {
		return AfterSaleReleased{}, err
	}
	var total int64 // fen refunded by this release
	for i, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		if it.Quantity > l.OnAfterSale {
			return AfterSaleReleased{}, fmt.Errorf("%w: order %s sku %s: %d units released, %d held", ErrNotHeld, o.id, it.SKUID, it.Quantity, l.OnAfterSale)
		}
		if refunds != nil {
			fen, err := o.checkRefund(l, refunds[i].Amount)
			if err != nil {
				return AfterSaleReleased{}, err
			}
			total += fen
		}
	}
	from, to := o.status, o.status
	finished := false
	if end == endRefunded && o.status == StatusPartiallyShipped {
		left := o.remainingTotal()
		for _, it := range items {
			l := &o.lines[o.lineIndex(it.SKUID)]
			left -= l.left() - max(0, l.left()-it.Quantity)
		}
		if left == 0 {
			next, err := Next(o.status, TriggerShipAll)
			if err != nil {
				return AfterSaleReleased{}, err
			}
			to, finished = next, true
		}
	}
	for i, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		l.OnAfterSale -= it.Quantity
		switch end {
		case endRefunded:
			l.Refunded += it.Quantity
			if refunds != nil && !refunds[i].Amount.IsZero() {
				prev, _ := money.ToFen("refunded_amount", l.RefundedAmount) // checkRefund read it
				add, _ := money.ToFen("refund", refunds[i].Amount)
				l.RefundedAmount = money.Yuan(prev + add)
			}
		case endDone:
			l.AfterSaleDone += it.Quantity
		}
	}
	o.status = to
	if finished {
		o.shipDoneAt = at
	}
	ev := AfterSaleReleased{OrderID: o.id, Items: items, Refunded: end == endRefunded, Done: end == endDone,
		Finished: finished, From: from, To: to, At: at}
	if refunds != nil {
		ev.Amount = money.Yuan(total)
	}
	return ev, nil
}

// checkRefund validates a refund amount for line l and returns it in fen: a valid amount of
// money that, with what the line already refunded, stays within what was paid for the line.
func (o *Order) checkRefund(l *Line, amount decimal.Decimal) (int64, error) {
	fen, err := money.ToFen("refund", amount)
	if err != nil {
		return 0, fmt.Errorf("order %s sku %s: %w", o.id, l.Snapshot.SKUID, err)
	}
	paid, _ := money.ToFen("paid", l.Paid) // New or Restore validated it
	prev, err := money.ToFen("refunded_amount", l.RefundedAmount)
	if err != nil {
		return 0, fmt.Errorf("order %s sku %s: %w", o.id, l.Snapshot.SKUID, err)
	}
	if prev+fen > paid {
		return 0, fmt.Errorf("%w: order %s sku %s: refund %s on top of %s already refunded exceeds %s paid", ErrRefundExceedsPaid,
			o.id, l.Snapshot.SKUID, money.Format(amount), money.Format(l.RefundedAmount), money.Format(l.Paid))
	}
	return fen, nil
}

// checkAfterSaleItems checks what hold and release share: the time, the status, and that the
// items are known SKUs with positive quantities, each SKU once.
func (o *Order) checkAfterSaleItems(items []Item, at time.Time) error {
	if err := o.checkTime(at); err != nil {
		return err
	}
	if _, err := Next(o.status, TriggerAfterSale); err != nil {
		return err
	}
	if len(items) == 0 {
		return fmt.Errorf("%w: order %s: no items", ErrInvalidQuantity, o.id)
	}
	for i, it := range items {
		if it.Quantity <= 0 || it.Quantity > MaxQuantity {
			return fmt.Errorf("%w: order %s sku %s: quantity %d", ErrInvalidQuantity, o.id, it.SKUID, it.Quantity)
		}
		li := o.lineIndex(it.SKUID)
		if li < 0 || o.lines[li].Snapshot.ProductID != it.ProductID {
			return fmt.Errorf("%w: order %s: product %s sku %s", ErrUnknownSKU, o.id, it.ProductID, it.SKUID)
		}
		for _, prev := range items[:i] {
			if prev.SKUID == it.SKUID {
				return fmt.Errorf("%w: order %s: sku %s listed twice", ErrDuplicateSKU, o.id, it.SKUID)
			}
		}
	}
	return nil
}

// heldSKU returns a SKU with units on after-sale hold, or "".
func (o *Order) heldSKU() string {
	for i := range o.lines {
		if o.lines[i].OnAfterSale > 0 {
			return o.lines[i].Snapshot.SKUID
		}
	}
	return ""
}
