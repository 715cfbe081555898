package order

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// validateHeader checks what New and Restore share: identity, policy, lines and amounts, and
// fills the fen totals. It is the one place these rules are written.
func (o *Order) validateHeader() error {
	if o.id == "" {
		return fmt.Errorf("%w: empty order id", ErrInvalidOrder)
	}
	if !o.seller.IsValid() {
		return fmt.Errorf("%w: order %s: unknown seller kind %d", ErrInvalidOrder, o.id, uint8(o.seller))
	}
	if o.buyer == "" {
		return fmt.Errorf("%w: order %s: empty buyer", ErrInvalidOrder, o.id)
	}
	if o.createdAt.IsZero() {
		return fmt.Errorf("%w: order %s: zero creation time", ErrInvalidOrder, o.id)
	}
	if err := o.policy.Validate(); err != nil {
		return fmt.Errorf("order %s: %w", o.id, err)
	}
	if len(o.lines) == 0 {
		return fmt.Errorf("%w: order %s has no lines", ErrInvalidOrder, o.id)
	}
	var product, paid int64
	for i := range o.lines {
		l := &o.lines[i]
		lineList, linePaid, err := o.checkLine(i, l)
		if err != nil {
			return err
		}
		product += lineList
		paid += linePaid
		if product > money.MaxFen {
			return fmt.Errorf("order %s: %w", o.id, &money.AmountError{Field: "product_total", Value: "sum of lines", Reason: "above the ceiling of " + money.Format(money.MaxYuan) + " yuan"})
		}
	}
	freight, err := money.ToFen("freight", o.freight)
	if err != nil {
		return fmt.Errorf("order %s: %w", o.id, err)
	}
	discount, err := money.ToFen("discount", o.discount)
	if err != nil {
		return fmt.Errorf("order %s: %w", o.id, err)
	}
	if discount != product-paid {
		return fmt.Errorf("%w: order %s: discount %s is not list total %s minus paid %s", ErrInvalidOrder,
			o.id, money.Format(o.discount), money.Format(yuan(product)), money.Format(yuan(paid)))
	}
	if paid+freight > money.MaxFen {
		return fmt.Errorf("order %s: %w", o.id, &money.AmountError{Field: "order_total", Value: money.Format(yuan(paid + freight)), Reason: "above the ceiling of " + money.Format(money.MaxYuan) + " yuan"})
	}
	o.productFen, o.paidFen = product, paid+freight
	return nil
}

// checkLine validates line i and returns its list total and paid amount in fen.
func (o *Order) checkLine(i int, l *Line) (list, paid int64, err error) {
	sku := l.Snapshot.SKUID
	if err := l.Snapshot.Validate(); err != nil {
		return 0, 0, fmt.Errorf("%w: order %s line %d: %w", ErrInvalidOrder, o.id, i, err)
	}
	for j := range i {
		if o.lines[j].Snapshot.SKUID == sku {
			return 0, 0, fmt.Errorf("%w: order %s: sku %s in lines %d and %d", ErrDuplicateSKU, o.id, sku, j, i)
		}
	}
	if l.Quantity < 1 || l.Quantity > MaxQuantity {
		return 0, 0, fmt.Errorf("%w: order %s sku %s: quantity %d not in 1..%d", ErrInvalidQuantity, o.id, sku, l.Quantity, MaxQuantity)
	}
	unit, err := money.ToFen("unit_price", l.UnitPrice)
	if err != nil {
		return 0, 0, fmt.Errorf("order %s sku %s: %w", o.id, sku, err)
	}
	paid, err = money.ToFen("paid", l.Paid)
	if err != nil {
		return 0, 0, fmt.Errorf("order %s sku %s: %w", o.id, sku, err)
	}
	if unit > money.MaxFen/int64(l.Quantity) {
		return 0, 0, fmt.Errorf("order %s sku %s: %w", o.id, sku, &money.AmountError{Field: "line_total", Value: fmt.Sprintf("%s × %d", money.Format(l.UnitPrice), l.Quantity), Reason: "above the ceiling of " + money.Format(money.MaxYuan) + " yuan"})
	}
	list = unit * int64(l.Quantity)
	if paid > list {
		return 0, 0, fmt.Errorf("%w: order %s sku %s: paid %s exceeds %s × %d", ErrInvalidOrder, o.id, sku,
			money.Format(l.Paid), money.Format(l.UnitPrice), l.Quantity)
	}
	if err := o.policy.checkLine(l.Stock, l.PresaleShipWithin); err != nil {
		return 0, 0, fmt.Errorf("order %s sku %s: %w", o.id, sku, err)
	}
	return list, paid, nil
}

func yuan(fen int64) decimal.Decimal { return money.Yuan(fen) }
