package order

import (
	"fmt"
	"slices"
	"time"
)

// EligibleForAfterSale returns how many units of a SKU an after-sale request may still cover:
// Quantity − Refunded − OnAfterSale. It is 0 for an unknown SKU and in a status that takes no
// after-sale (unpaid, cancelled, closed).
func (o *Order) EligibleForAfterSale(skuID string) int {
	if !o.status.Accepts(TriggerAfterSale) {
		return 0
	}
	if i := o.lineIndex(skuID); i >= 0 {
		return o.lines[i].Eligible()
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
		if it.Quantity > l.Eligible() {
			return AfterSaleHeld{}, fmt.Errorf("%w: order %s sku %s: %d units asked, %d eligible", ErrNotEligible, o.id, it.SKUID, it.Quantity, l.Eligible())
		}
	}
	for _, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		l.OnAfterSale += it.Quantity
		l.AfterSaleAttempts++
	}
	return AfterSaleHeld{OrderID: o.id, Items: slices.Clone(items), At: at}, nil
}

// ReleaseAfterSale takes units off after-sale hold when their case finishes; refunded says the
// case ended with a refund (finish_aftersale_sku_cnt grows), and refunded units never ship.
// When that refund leaves nothing to ship on a partially shipped order, the order becomes fully
// shipped (21 → 30) and the event says so. A fully refunded order stays in its status until
// CloseByAfterSale.
func (o *Order) ReleaseAfterSale(items []Item, refunded bool, at time.Time) (AfterSaleReleased, error) {
	if err := o.checkAfterSaleItems(items, at); err != nil {
		return AfterSaleReleased{}, err
	}
	for _, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		if it.Quantity > l.OnAfterSale {
			return AfterSaleReleased{}, fmt.Errorf("%w: order %s sku %s: %d units released, %d held", ErrNotHeld, o.id, it.SKUID, it.Quantity, l.OnAfterSale)
		}
	}
	from, to := o.status, o.status
	finished := false
	if refunded && o.status == StatusPartiallyShipped {
		left := o.remainingTotal()
		for _, it := range items {
			l := &o.lines[o.lineIndex(it.SKUID)]
			left -= l.Remaining() - max(0, l.Remaining()-it.Quantity)
		}
		if left == 0 {
			next, err := Next(o.status, TriggerShipAll)
			if err != nil {
				return AfterSaleReleased{}, err
			}
			to, finished = next, true
		}
	}
	for _, it := range items {
		l := &o.lines[o.lineIndex(it.SKUID)]
		l.OnAfterSale -= it.Quantity
		if refunded {
			l.Refunded += it.Quantity
		}
	}
	o.status = to
	if finished {
		o.shipDoneAt = at
	}
	return AfterSaleReleased{OrderID: o.id, Items: slices.Clone(items), Refunded: refunded, Finished: finished, From: from, To: to, At: at}, nil
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
