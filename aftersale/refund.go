package aftersale

import (
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// PaidFor returns what the buyer paid for the case's units, the most a refund of the case may
// return. A line's paid amount is shared out over its units in the order they are refunded:
// the first k refunded units of a line that paid P fen for Q units are worth ⌊P·k/Q⌋ fen. A
// case refunds the next units of each line, so the shares of a line's cases add up to exactly
// what the line paid, however it is split, and never to more. A share is also capped by what
// the line has not refunded yet (the order's ledger, order.Line.RefundedAmount), which the
// order itself never lets exceed what was paid. o must be the case's order.
func (c *Case) PaidFor(o *order.Order) (decimal.Decimal, error) {
	if err := c.checkOrder(o); err != nil {
		return decimal.Decimal{}, err
	}
	fen, err := paidForFen(o, c.items)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return money.Yuan(fen), nil
}

// paidForFen sums the items' refund caps (itemCap), in fen.
func paidForFen(o *order.Order, items []order.Item) (int64, error) {
	var total int64
	for _, it := range items {
		fen, err := itemCap(o, it)
		if err != nil {
			return 0, err
		}
		total += fen
	}
	return total, nil
}

// itemCap is the most a refund of the item's units may return, in fen: their share of what
// their line paid, given the units the line already refunded, and no more than the line has
// left unrefunded.
func itemCap(o *order.Order, it order.Item) (int64, error) {
	l, ok := o.Line(it.SKUID)
	if !ok {
		return 0, &RequestError{Field: "item", Value: it.SKUID, Reason: "not in the order", Err: ErrUnknownItem}
	}
	paid, err := money.ToFen("line paid", l.Paid)
	if err != nil {
		return 0, err
	}
	refunded, err := money.ToFen("line refunded", l.RefundedAmount)
	if err != nil {
		return 0, err
	}
	return max(0, min(unitsShare(paid, l.Quantity, l.Refunded, it.Quantity), paid-refunded)), nil
}

// splitRefund shares fen out over the items, each up to its cap, in item order: the order's
// refund of each line. fen must not exceed paidForFen(o, items).
func splitRefund(o *order.Order, items []order.Item, fen int64) ([]order.Refund, error) {
	out := make([]order.Refund, len(items))
	for i, it := range items {
		c, err := itemCap(o, it)
		if err != nil {
			return nil, err
		}
		give := min(fen, c)
		fen -= give
		out[i] = order.Refund{Item: it, Amount: money.Yuan(give)}
	}
	return out, nil
}

// unitsShare is the value in fen of units [from, from+n) of a line that paid paid fen for qty
// units: ⌊paid·(from+n)/qty⌋ − ⌊paid·from/qty⌋. Quantities out of range are clamped, so the
// result is always within [0, paid].
func unitsShare(paid int64, qty, from, n int) int64 {
	if qty <= 0 || paid <= 0 || n <= 0 {
		return 0
	}
	from = min(max(from, 0), qty)
	to := min(from+n, qty)
	return floorShare(paid, to, qty) - floorShare(paid, from, qty)
}

// floorShare is ⌊paid·k/qty⌋ for 0 ≤ k ≤ qty, computed in 128 bits so no product overflows.
func floorShare(paid int64, k, qty int) int64 {
	hi, lo := bits.Mul64(uint64(paid), uint64(k))
	q, _ := bits.Div64(hi, lo, uint64(qty)) // k ≤ qty, so the quotient fits and Div64 cannot panic
	return int64(q)
}
