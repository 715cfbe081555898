package catalog

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// NoReviewUpdate is a change through the no-review path (免审更新, product/auditfree): for
// the product, its code and purchase limit; per SKU, the sale price, the stock, the code, the
// stock and presale terms, deletion and the SKU's status. Title, images, category and
// attributes need review: use UpdateProduct.
type NoReviewUpdate struct {
	SKUs []NoReviewSKU
	// SPUCode is the product's new code (spu_code) unless empty: see CodeValid. The catalog
	// does not keep product codes; UpdateWithoutReview only checks it.
	SPUCode string
	// Limit is the product's new purchase limit unless nil; &PurchaseLimit{} lifts it. The
	// catalog does not enforce purchase limits (the platform does); UpdateWithoutReview only
	// checks it.
	Limit *PurchaseLimit
}

// NoReviewSKU changes one SKU. Fields left at their zero value are untouched, as on the
// platform (field-level overwrite).
type NoReviewSKU struct {
	ID string
	// Price is the new sale price when Valid: greater than zero, below the market price, at
	// most MaxPrice.
	Price decimal.NullDecimal
	// Stock adjusts the available stock unless zero.
	Stock StockAdjustment
	// Delete deletes the SKU (is_delete); it excludes every other change.
	Delete bool
	// Status sets the SKU's listing state unless zero.
	Status SKUStatus
	// Code is the SKU's new code (sku_code) unless empty: see CodeValid. It changes nothing
	// a buyer ordered by, so the SKU's revision stays.
	Code string
	// Delivery are the SKU's new stock and presale terms (sku_deliver_info) unless nil. The
	// catalog does not model presales; UpdateWithoutReview only checks them.
	Delivery *DeliveryTerms
}

// UpdateWithoutReview applies a no-review update to a listed product whose draft is not under
// review (ErrNotListed, ErrUnderReview otherwise). It is all or nothing: every SKU change is
// checked before any applies. A new price (by value) or a deletion bumps the SKU's revision,
// so orders that snapshot the SKU before see it drift. A product keeps at least one SKU that is
// not deleted.
func (c *Catalog) UpdateWithoutReview(productID string, u NoReviewUpdate) error {
	if err := c.writable(); err != nil {
		return err
	}
	p, err := c.prod(productID)
	if err != nil {
		return err
	}
	const op = "update without review"
	if p.edit == EditUnderReview {
		return &StateError{Op: op, ProductID: productID, State: p.edit.String(), err: ErrUnderReview}
	}
	if p.status != StatusListed {
		return &StateError{Op: op, ProductID: productID, State: p.status.String(), err: ErrNotListed}
	}
	if len(u.SKUs) == 0 {
		return invalid("NoReviewUpdate", "SKUs", "min", "1")
	}
	if err := checkCode("NoReviewUpdate", "SPUCode", u.SPUCode); err != nil {
		return err
	}
	if u.Limit != nil {
		if err := u.Limit.Validate(); err != nil {
			return err
		}
	}
	plan := make([]noReviewStep, len(u.SKUs))
	planned := make(map[uint32]struct{}, len(u.SKUs))
	deleting := 0
	for i, s := range u.SKUs {
		step, err := c.planNoReview(p, fmt.Sprintf("SKUs[%d]", i), s)
		if err != nil {
			return err
		}
		if _, dup := planned[step.rec]; dup {
			return invalid("NoReviewUpdate", fmt.Sprintf("SKUs[%d].ID", i), "unique", "")
		}
		planned[step.rec] = struct{}{}
		if s.Delete {
			deleting++
		}
		plan[i] = step
	}
	if deleting >= c.liveSKUs(p) {
		return invalid("NoReviewUpdate", "SKUs", ruleMinLive, "1")
	}
	for _, step := range plan {
		c.applyNoReview(step)
	}
	return nil
}

// noReviewStep is one checked SKU change, ready to apply.
type noReviewStep struct {
	rec   uint32 // row
	in    NoReviewSKU
	price int64 // fen, when in.Price.Valid
	total int
}

// planNoReview checks one SKU change against the SKU's current state.
func (c *Catalog) planNoReview(p *product, field string, s NoReviewSKU) (noReviewStep, error) {
	ri, ok := c.skuAt(s.ID)
	if !ok || c.products.at(c.rows.at(ri).prod) != p {
		return noReviewStep{}, &NotFoundError{Kind: "sku", ID: s.ID}
	}
	r := c.rows.at(ri)
	if r.deleted {
		return noReviewStep{}, &StateError{Op: "update without review", ProductID: p.id, SKUID: s.ID, State: "deleted", err: ErrSKUDeleted}
	}
	step := noReviewStep{rec: ri, in: s, total: int(r.total)}
	if s.Delete {
		if s.Price.Valid || !s.Stock.IsZero() || s.Status != 0 || s.Code != "" || s.Delivery != nil {
			return noReviewStep{}, invalid("NoReviewUpdate", field+".Delete", "excluded_with", "Price Stock Status Code Delivery")
		}
		return step, nil
	}
	if err := checkCode("NoReviewUpdate", field+".Code", s.Code); err != nil {
		return noReviewStep{}, err
	}
	if s.Delivery != nil {
		if err := s.Delivery.Validate(); err != nil {
			return noReviewStep{}, err
		}
	}
	if s.Price.Valid {
		price, err := checkPrice(field+".Price", s.Price.Decimal)
		if err != nil {
			return noReviewStep{}, err
		}
		if mp := r.market(); mp != 0 && mp <= price {
			return noReviewStep{}, invalid("NoReviewUpdate", field+".Price", "ltfield", "MarketPrice")
		}
		step.price = price
	}
	if !s.Stock.IsZero() {
		total, err := adjusted(r, p, s.Stock)
		if err != nil {
			return noReviewStep{}, err
		}
		step.total = total
	}
	if s.Status != 0 && !s.Status.IsValid() {
		return noReviewStep{}, skuStatuses.Check(s.Status)
	}
	return step, nil
}

// applyNoReview performs a checked change.
func (c *Catalog) applyNoReview(st noReviewStep) {
	r := c.rows.at(st.rec)
	switch {
	case st.in.Delete:
		r.deleted = true
		r.revise()
		return
	case st.in.Price.Valid && st.price != int64(r.price):
		r.price = int32(st.price)
		r.revise()
	}
	if code := st.in.Code; code != "" {
		r.extra = withExtra(r.extra, code, r.market()) // nothing a buyer ordered by: no revision
	}
	r.total = int32(st.total)
	if st.in.Status != 0 {
		r.status = st.in.Status
	}
}
