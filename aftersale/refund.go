package aftersale

import (
	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/order"
)

// PaidFor returns what the buyer paid for the case's units, the most a refund of the case may
// return: the order's RefundCap of the case's items. The order owns that ledger; o must be the
// case's order.
func (c *Case) PaidFor(o *order.Order) (decimal.Decimal, error) {
	if err := c.checkOrder(o); err != nil {
		return decimal.Decimal{}, err
	}
	return o.RefundCap(c.items)
}
