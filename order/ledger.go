package order

import (
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// The after-sale hooks keep the platform's per-line counters (on_aftersale_sku_cnt,
// finish_aftersale_sku_cnt) and the order's refund ledger: the money refunded per line, which
// never exceeds what the line paid. They are the only writers of those counters; package
// aftersale calls them, and every amount in them is computed here, in fen.

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
		if o.lines[i].refunded != o.lines[i].quantity {
			return false
		}
	}
	return true
}

// Returnable is the number of the line's units an after-sale about goods the buyer received (a
// return, an exchange, a re-send) may cover: units that shipped, minus those whose exchange or
// re-send is done, minus the refunds and holds that the units that never shipped cannot
// account for. The order counts units, not which unit is which: a refund or hold is taken from
// the unshipped units first, since a unit that never shipped is what a refund-only case covers.
func (l Line) Returnable() int {
	taken := max(0, l.refunded+l.onAfterSale-(l.quantity-l.shipped))
	return max(0, min(l.eligible(), l.shipped-l.afterSaleDone-taken))
}

// HoldForAfterSale puts units on hold for an after-sale case (the platform's
// on_aftersale_sku_cnt): each item's units must be eligible (ErrNotEligible), and each line
// allows at most MaxAfterSaleAttempts requests (*LimitError). Held units cannot ship. All
// items are checked before any counter changes.
func (o *Order) HoldForAfterSale(items []Item, at time.Time) (AfterSaleHeld, error) {
	idx, err := o.checkAfterSaleItems(items, at)
	if err != nil {
		return AfterSaleHeld{}, err
	}
	for k, it := range items {
		l := &o.lines[idx[k]]
		if l.afterSaleAttempts >= MaxAfterSaleAttempts {
			return AfterSaleHeld{}, &LimitError{What: "after_sale_attempts", SKUID: it.SKUID, Max: MaxAfterSaleAttempts}
		}
		if it.Quantity > l.eligible() {
			return AfterSaleHeld{}, fmt.Errorf("%w: order %s sku %s: %d units asked, %d eligible", ErrNotEligible, o.id, it.SKUID, it.Quantity, l.eligible())
		}
	}
	for k, it := range items {
		l := &o.lines[idx[k]]
		l.onAfterSale += it.Quantity
		l.afterSaleAttempts++
	}
	o.updatedAt = at
	return AfterSaleHeld{OrderID: o.id, Items: slices.Clone(items), At: at}, nil
}

// RefundCap returns the most a refund of items may return: for each item, its units' share of
// what their line paid, given the units the line already refunded, and never more than the
// line has left unrefunded. A line that paid P fen for Q units shares P out over its units in
// the order they are refunded: the first k refunded units are worth ⌈P·k/Q⌉ fen. So two units'
// shares differ by at most one fen, and the shares of a line's refunds, however it is split,
// add up to exactly what the line paid, and never to more. A line that paid fewer fen than it
// has units has units worth nothing: their cap is zero, and RefundAfterSale refunds them with
// zero. items must be SKUs of the order, each once, with positive quantities.
func (o *Order) RefundCap(items []Item) (decimal.Decimal, error) {
	idx, err := o.checkItems(items)
	if err != nil {
		return decimal.Decimal{}, err
	}
	var total int64
	for k, it := range items {
		total += o.lines[idx[k]].refundCap(it.Quantity)
	}
	return money.Yuan(total), nil
}

// refundCap is the most a refund of the line's next n units may return, in fen.
func (l *Line) refundCap(n int) int64 {
	share := shareUpTo(l.paid, l.refunded+n, l.quantity) - shareUpTo(l.paid, l.refunded, l.quantity)
	return max(0, min(share, l.paid-l.refundedAmount))
}

// shareUpTo is ⌈paid·k/qty⌉ for 0 ≤ k ≤ qty (k is clamped), in 128 bits so no product
// overflows: what the first k refunded units of a line that paid paid fen for qty units are
// worth.
func shareUpTo(paid int64, k, qty int) int64 {
	if qty <= 0 || paid <= 0 || k <= 0 {
		return 0
	}
	k = min(k, qty)
	hi, lo := bits.Mul64(uint64(paid), uint64(k))
	lo, carry := bits.Add64(lo, uint64(qty-1), 0)
	hi += carry
	q, _ := bits.Div64(hi, lo, uint64(qty)) // the quotient is at most paid: it fits
	return int64(q)
}

// RefundError says that a refund asks for more than the buyer paid for the units refunded. It
// matches ErrRefundTooLarge.
type RefundError struct {
	OrderID string
	Amount  decimal.Decimal // what was asked
	Max     decimal.Decimal // the refund cap of the units (RefundCap)
}

// Error implements error.
func (e *RefundError) Error() string {
	return fmt.Sprintf("order %s: refund %s is above the %s paid for the units", e.OrderID,
		money.Format(e.Amount), money.Format(e.Max))
}

// Unwrap makes errors.Is(err, ErrRefundTooLarge) true.
func (e *RefundError) Unwrap() error { return ErrRefundTooLarge }

// RefundAfterSale ends the after-sale hold of items with a refund of amount: the units count as
// refunded (finish_aftersale_sku_cnt grows) and never ship, and amount is shared out over the
// items in item order, each up to its cap, and added to their lines' RefundedAmount. amount
// must be a valid amount of money (ErrInvalidAmount) no larger than RefundCap(items) (a
// *RefundError matching ErrRefundTooLarge), and above zero unless the cap itself is zero: units
// the buyer paid nothing for are refunded with nothing, so every case can be closed. The units
// must be held (ErrNotHeld). When the refund leaves nothing to ship on a partially shipped
// order, the order becomes fully shipped (21 → 30) and the event says so. A fully refunded
// order stays in its status until CloseByAfterSale.
func (o *Order) RefundAfterSale(items []Item, amount decimal.Decimal, at time.Time) (AfterSaleReleased, error) {
	idx, err := o.checkRelease(items, at)
	if err != nil {
		return AfterSaleReleased{}, err
	}
	fen, err := money.ToFen("refund", amount)
	if err != nil {
		return AfterSaleReleased{}, o.wrap(err)
	}
	var limit int64
	for k, it := range items {
		limit += o.lines[idx[k]].refundCap(it.Quantity)
	}
	switch {
	case fen > limit:
		return AfterSaleReleased{}, &RefundError{OrderID: o.id, Amount: money.Yuan(fen), Max: money.Yuan(limit)}
	case fen == 0 && limit > 0:
		return AfterSaleReleased{}, o.wrap(&money.AmountError{Field: "refund", Value: "0.00",
			Reason: "must be greater than zero: the units were paid " + money.FormatFen(limit) + " yuan"})
	}
	from, to, finished, err := o.refundTransition(items, idx)
	if err != nil {
		return AfterSaleReleased{}, err
	}
	left := fen
	for k, it := range items {
		l := &o.lines[idx[k]]
		give := min(left, l.refundCap(it.Quantity))
		left -= give
		before := l.left()
		l.onAfterSale -= it.Quantity
		l.refunded += it.Quantity
		l.refundedAmount += give
		o.toShip -= before - l.left()
	}
	o.status, o.updatedAt = to, at
	if finished {
		o.shipDoneAt = at
	}
	return AfterSaleReleased{OrderID: o.id, Items: slices.Clone(items), Refunded: true, Amount: money.Yuan(fen),
		Finished: finished, From: from, To: to, At: at}, nil
}

// refundTransition returns the status a refund of items leads to: a partially shipped order
// whose last units to ship are refunded is fully shipped (21 → 30).
func (o *Order) refundTransition(items []Item, idx []int) (from, to Status, finished bool, err error) {
	from, to = o.status, o.status
	if o.status != StatusPartiallyShipped {
		return from, to, false, nil
	}
	left := o.toShip
	for k, it := range items {
		l := &o.lines[idx[k]]
		left -= l.left() - max(0, l.left()-it.Quantity)
	}
	if left > 0 {
		return from, to, false, nil
	}
	to, err = Next(o.status, TriggerShipAll)
	return from, to, err == nil, err
}

// CompleteAfterSale ends the after-sale hold of units whose exchange or re-send finished: the
// buyer has the goods, nothing was refunded, and the platform takes no new after-sale for those
// units (AfterSaleDone grows, Eligible shrinks). Only units that shipped can be exchanged or
// re-sent (ErrNotEligible).
func (o *Order) CompleteAfterSale(items []Item, at time.Time) (AfterSaleReleased, error) {
	idx, err := o.checkRelease(items, at)
	if err != nil {
		return AfterSaleReleased{}, err
	}
	for k, it := range items {
		if l := &o.lines[idx[k]]; l.afterSaleDone+it.Quantity > l.shipped {
			return AfterSaleReleased{}, fmt.Errorf("%w: order %s sku %s: %d units exchanged or re-sent, %d shipped", ErrNotEligible,
				o.id, it.SKUID, l.afterSaleDone+it.Quantity, l.shipped)
		}
	}
	for k, it := range items {
		l := &o.lines[idx[k]]
		l.onAfterSale -= it.Quantity
		l.afterSaleDone += it.Quantity
	}
	o.updatedAt = at
	return AfterSaleReleased{OrderID: o.id, Items: slices.Clone(items), Done: true, From: o.status, To: o.status, At: at}, nil
}

// ReleaseAfterSale takes units off after-sale hold when their case ended without a refund and
// without goods delivered (cancelled, rejected, expired): the units are eligible again.
func (o *Order) ReleaseAfterSale(items []Item, at time.Time) (AfterSaleReleased, error) {
	idx, err := o.checkRelease(items, at)
	if err != nil {
		return AfterSaleReleased{}, err
	}
	for k, it := range items {
		o.lines[idx[k]].onAfterSale -= it.Quantity
	}
	o.updatedAt = at
	return AfterSaleReleased{OrderID: o.id, Items: slices.Clone(items), From: o.status, To: o.status, At: at}, nil
}

// checkRelease checks what every end of a hold shares: checkAfterSaleItems, and that each
// item's units are held. It returns the items' lines.
func (o *Order) checkRelease(items []Item, at time.Time) ([]int, error) {
	idx, err := o.checkAfterSaleItems(items, at)
	if err != nil {
		return nil, err
	}
	for k, it := range items {
		if l := &o.lines[idx[k]]; it.Quantity > l.onAfterSale {
			return nil, fmt.Errorf("%w: order %s sku %s: %d units released, %d held", ErrNotHeld, o.id, it.SKUID, it.Quantity, l.onAfterSale)
		}
	}
	return idx, nil
}

// checkAfterSaleItems checks what hold and release share: the time, the status, and the items
// (checkItems). It returns the items' lines.
func (o *Order) checkAfterSaleItems(items []Item, at time.Time) ([]int, error) {
	if err := o.checkTime(at); err != nil {
		return nil, err
	}
	if _, err := Next(o.status, TriggerAfterSale); err != nil {
		return nil, err
	}
	return o.checkItems(items)
}

// checkItems checks that items are SKUs of the order, each once, with quantities in
// 1..MaxQuantity, and returns each item's line. It takes time linear in the items, and
// reports the first item in order that breaks a rule. A request of more items than the order
// has lines breaks one by its item len(lines) at the latest, so idx needs no more room.
func (o *Order) checkItems(items []Item) ([]int, error) {
	if len(items) == 0 {
		return nil, fmt.Errorf("%w: order %s: no items", ErrInvalidQuantity, o.id)
	}
	idx := make([]int, min(len(items), len(o.lines)+1))
	f := lineFinder{o: o}
	var seen lineSet
	for k, it := range items {
		if it.Quantity <= 0 || it.Quantity > MaxQuantity {
			return nil, fmt.Errorf("%w: order %s sku %s: quantity %d", ErrInvalidQuantity, o.id, it.SKUID, it.Quantity)
		}
		li := f.find(it.SKUID)
		if li < 0 || o.lines[li].snap.ProductID() != it.ProductID {
			return nil, fmt.Errorf("%w: order %s: product %s sku %s", ErrUnknownSKU, o.id, it.ProductID, it.SKUID)
		}
		if seen.add(li, len(o.lines)) {
			return nil, fmt.Errorf("%w: order %s: sku %s listed twice", ErrDuplicateSKU, o.id, it.SKUID)
		}
		idx[k] = li
	}
	return idx, nil
}

// heldSKU returns a SKU with units on after-sale hold, or "".
func (o *Order) heldSKU() string {
	for i := range o.lines {
		if o.lines[i].onAfterSale > 0 {
			return o.lines[i].skuID()
		}
	}
	return ""
}
