package catalog

// CanBuy says whether a buyer can order qty units of a SKU right now, and if not, why: nil,
// or one of these sentinels, unwrapped so it costs no allocation:
//
//   - ErrInvalidQuantity: qty is not positive;
//   - ErrNotFound: no such product or SKU;
//   - ErrDelisted: the product is not listed (下架, 售罄下架, 违规下架, ...) or the SKU is delisted;
//   - ErrHiddenCategory: the product's category is hidden (暂不销售);
//   - ErrSKUDeleted: the SKU was deleted;
//   - ErrOutOfStock: fewer than qty units are available (无货).
//
// When several apply, the first in this list wins: a delisted product is reported as delisted
// whatever its stock.
func (c *Catalog) CanBuy(productID, skuID string, qty int) error {
	if qty <= 0 {
		return ErrInvalidQuantity
	}
	r, p := c.find(productID, skuID)
	if r == nil {
		return ErrNotFound
	}
	return availability(r, p, qty).Err()
}

// availability applies CanBuy's rules, in CanBuy's order, to qty units of a found SKU of
// product p.
func availability(r *skuRow, p *product, qty int) Availability {
	switch {
	case p.status != StatusListed:
		return Delisted
	case p.cat.hidden:
		return InHiddenCategory
	case r.deleted:
		return SKUDeleted
	case r.status != SKUListed:
		return Delisted
	case r.available() < qty:
		return OutOfStock
	}
	return Buyable
}
