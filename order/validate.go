package order

import (
	"fmt"
	"time"

	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/text"
)

// scanLines: orders up to this many lines find a line by a scan; larger ones through an index
// built once (Order.index).
const scanLines = 16

// checkHeader checks what New, Restore and FromPlatform share: identity, policy, lines and
// amounts, and fills the fen totals and the line index. It is the one place these rules are
// written.
func (o *Order) checkHeader() error {
	switch {
	case o.id == "":
		return fmt.Errorf("%w: empty order id", ErrInvalidOrder)
	case !text.Valid(o.id):
		return fmt.Errorf("%w: order id %s is not valid UTF-8", ErrInvalidOrder, text.Quote(o.id))
	case !o.seller.IsValid():
		return fmt.Errorf("%w: order %s: unknown seller kind %d", ErrInvalidOrder, o.id, uint8(o.seller))
	case o.buyer == "" || !text.Valid(o.buyer):
		return fmt.Errorf("%w: order %s: empty buyer, or not valid UTF-8", ErrInvalidOrder, o.id)
	case o.createdAt.IsZero() || !instant.InYears(o.createdAt):
		return fmt.Errorf("%w: order %s: creation time %s is zero or outside the years %d to %d", ErrInvalidOrder, o.id, instant.Stamp(o.createdAt), instant.MinYear, instant.MaxYear)
	case len(o.lines) == 0:
		return fmt.Errorf("%w: order %s has no lines", ErrInvalidOrder, o.id)
	case len(o.lines) > MaxLines:
		return &LimitError{What: "lines", Max: MaxLines}
	}
	if err := o.policy.Validate(); err != nil {
		return o.wrap(err)
	}
	var product, paid int64
	for i := range o.lines {
		list, err := o.checkLine(i)
		if err != nil {
			return err
		}
		product += list
		paid += o.lines[i].paid
		if product > money.MaxFen {
			return o.wrap(&money.AmountError{Field: "product_total", Value: "sum of lines", Reason: "above the ceiling of " + money.FormatFen(money.MaxFen) + " yuan"})
		}
	}
	if err := o.buildIndex(); err != nil {
		return err
	}
	if o.discount != product-paid {
		return fmt.Errorf("%w: order %s: discount %s is not list total %s minus paid %s", ErrInvalidOrder,
			o.id, money.FormatFen(o.discount), money.FormatFen(product), money.FormatFen(paid))
	}
	if paid+o.freight > money.MaxFen {
		return o.wrap(&money.AmountError{Field: "order_total", Value: money.FormatFen(paid + o.freight), Reason: "above the ceiling of " + money.FormatFen(money.MaxFen) + " yuan"})
	}
	o.productFen, o.linesPaid, o.toShip = product, paid, o.remainingTotal()
	return nil
}

// checkLine validates line i and returns its list total in fen.
func (o *Order) checkLine(i int) (int64, error) {
	l := &o.lines[i]
	if l.snap.IsZero() {
		return 0, fmt.Errorf("%w: order %s line %d: no snapshot", ErrInvalidOrder, o.id, i)
	}
	sku := l.skuID()
	if l.quantity < 1 || l.quantity > MaxQuantity {
		return 0, fmt.Errorf("%w: order %s sku %s: quantity %d not in 1..%d", ErrInvalidQuantity, o.id, sku, l.quantity, MaxQuantity)
	}
	if l.unit > money.MaxFen/int64(l.quantity) {
		return 0, o.lineErr(i, &money.AmountError{Field: "line_total", Value: fmt.Sprintf("%s × %d", money.FormatFen(l.unit), l.quantity), Reason: "above the ceiling of " + money.FormatFen(money.MaxFen) + " yuan"})
	}
	list := l.unit * int64(l.quantity)
	if l.paid > list {
		return 0, fmt.Errorf("%w: order %s sku %s: paid %s exceeds %s × %d", ErrInvalidOrder, o.id, sku,
			money.FormatFen(l.paid), money.FormatFen(l.unit), l.quantity)
	}
	if err := o.policy.checkLine(l.stock, l.presale); err != nil {
		return 0, o.lineErr(i, err)
	}
	return list, nil
}

// buildIndex refuses a SKU in two lines and, for an order of many lines, builds the SKU index.
// It takes time linear in the lines.
func (o *Order) buildIndex() error {
	if len(o.lines) <= scanLines {
		o.index = nil
		for i := range o.lines {
			for j := range i {
				if o.lines[j].skuID() == o.lines[i].skuID() {
					return fmt.Errorf("%w: order %s: sku %s in lines %d and %d", ErrDuplicateSKU, o.id, o.lines[i].skuID(), j, i)
				}
			}
		}
		return nil
	}
	index := make(map[string]int, len(o.lines))
	for i := range o.lines {
		if j, dup := index[o.lines[i].skuID()]; dup {
			return fmt.Errorf("%w: order %s: sku %s in lines %d and %d", ErrDuplicateSKU, o.id, o.lines[i].skuID(), j, i)
		}
		index[o.lines[i].skuID()] = i
	}
	o.index = index
	return nil
}

// CheckTime reports whether a command dated at passes the order's time rule, which every
// command applies: not before the order's last change (UpdatedAt), and within the years 1 to
// 9999. The error matches ErrTimeOrder. Package shipping asks it, so that a pre-flight report
// never promises a shipment that Ship would refuse for its time.
func (o *Order) CheckTime(at time.Time) error { return o.checkTime(at) }

// checkTime is CheckTime: one rule for every command, as for an after-sale case.
func (o *Order) checkTime(at time.Time) error {
	switch {
	case !instant.InYears(at):
		return fmt.Errorf("%w: order %s: %s is outside the years %d to %d", ErrTimeOrder, o.id, instant.Stamp(at), instant.MinYear, instant.MaxYear)
	case at.Before(o.updatedAt):
		return fmt.Errorf("%w: order %s: %s is before its last change at %s", ErrTimeOrder, o.id, instant.Stamp(at), instant.Stamp(o.updatedAt))
	}
	return nil
}

// wrap prefixes an error with the order's id.
func (o *Order) wrap(err error) error { return fmt.Errorf("order %s: %w", o.id, err) }

// lineErr prefixes an error with the order's id and the line's SKU.
func (o *Order) lineErr(i int, err error) error {
	return fmt.Errorf("order %s sku %s: %w", o.id, o.lines[i].skuID(), err)
}
