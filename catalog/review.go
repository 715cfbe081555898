package catalog

import "slices"

// UpdateProduct stores a full new version of a product as its draft (product/update): title,
// description, images, category and SKUs with their attributes and prices. Buyers keep seeing
// the online copy until the draft is submitted (SubmitForReview) and approved (ApproveReview).
// The draft status becomes editing; while it is under review, updates fail with
// ErrUnderReview. p.ID names the product. SKUs keep their IDs: an ID of this product updates
// that SKU, a new ID adds one, and a SKU left out is deleted on approval.
func (c *Catalog) UpdateProduct(p ProductParams) error {
	if err := c.writable(); err != nil {
		return err
	}
	prod, err := c.prod(p.ID)
	if err != nil {
		return err
	}
	next, err := c.editStep(prod, "update", "edit")
	if err != nil {
		return err
	}
	prices, err := c.checkDraft(prod, p)
	if err != nil {
		return err
	}
	prod.draft, prod.edit = storedDraft(&p, prices), next
	return nil
}

// checkDraft validates a draft against the catalog as it is now, and returns its SKUs' prices
// in fen.
func (c *Catalog) checkDraft(prod *product, p ProductParams) ([]checkedPrices, error) {
	prices, err := p.check()
	if err != nil {
		return nil, err
	}
	if _, ok := c.categories[p.CategoryID]; !ok {
		return nil, &NotFoundError{Kind: "category", ID: p.CategoryID}
	}
	for _, s := range p.SKUs {
		r, ok := c.skus[s.ID]
		switch {
		case !ok:
		case r.prod != prod:
			return nil, &DuplicateError{Kind: "sku", ID: s.ID}
		case r.sku.d.deleted:
			return nil, &StateError{Op: "update", ProductID: prod.id, SKUID: s.ID, State: "deleted", err: ErrSKUDeleted}
		}
	}
	return prices, nil
}

// SubmitForReview sends the draft to review: the draft status becomes under review, which
// blocks updates, listing and deletion until the review ends or is cancelled.
func (c *Catalog) SubmitForReview(productID string) error {
	return c.review(productID, "submit", "submit")
}

// CancelReview withdraws the draft from review (product/audit/cancel): back to editing.
func (c *Catalog) CancelReview(productID string) error {
	return c.review(productID, "cancel review", "cancel_review")
}

// RejectReview records a failed review: the draft stays, to be edited and submitted again.
func (c *Catalog) RejectReview(productID string) error {
	return c.review(productID, "reject review", "reject")
}

// ApproveReview records a passed review and writes the draft over the online copy: SKUs whose
// price or attributes changed get a new revision, SKUs left out of the draft are deleted (new
// revision), new SKUs are added with their initial stock. Stock of existing SKUs is not
// touched (it moves only through the stock operations). The online status does not change.
func (c *Catalog) ApproveReview(productID string) error {
	if err := c.writable(); err != nil {
		return err
	}
	prod, err := c.prod(productID)
	if err != nil {
		return err
	}
	next, err := c.editStep(prod, "approve review", "approve")
	if err != nil {
		return err
	}
	// The catalog may have changed since the update (another product took a SKU ID).
	prices, err := c.checkDraft(prod, *prod.draft)
	if err != nil {
		return err
	}
	c.applyDraft(prod, prices)
	prod.edit = next
	return nil
}

// review moves the draft status along trigger.
func (c *Catalog) review(productID, op, trigger string) error {
	if err := c.writable(); err != nil {
		return err
	}
	prod, err := c.prod(productID)
	if err != nil {
		return err
	}
	next, err := c.editStep(prod, op, trigger)
	if err != nil {
		return err
	}
	prod.edit = next
	return nil
}

// editStep finds the draft status trigger leads to, or the error that forbids it.
func (c *Catalog) editStep(prod *product, op, trigger string) (EditStatus, error) {
	next, ok := editStep(prod.edit, trigger)
	switch {
	case !ok && prod.edit == EditUnderReview:
		return 0, &StateError{Op: op, ProductID: prod.id, State: prod.edit.String(), err: ErrUnderReview}
	case !ok:
		return 0, &StateError{Op: op, ProductID: prod.id, State: prod.edit.String(), err: ErrInvalidTransition}
	case trigger != "edit" && prod.draft == nil:
		// Submitting, approving or rejecting needs a draft: UpdateProduct first.
		return 0, &StateError{Op: op, ProductID: prod.id, State: "no_draft", err: ErrInvalidTransition}
	}
	return next, nil
}

// applyDraft writes a checked draft over the online copy.
func (c *Catalog) applyDraft(prod *product, prices []checkedPrices) {
	d := prod.draft
	prod.title, prod.description, prod.images = d.Title, d.Description, d.Images
	prod.cat = c.categories[d.CategoryID]
	kept := make(map[string]struct{}, len(d.SKUs))
	skus := make([]*skuRec, 0, len(d.SKUs)+len(prod.skus))
	for i, s := range d.SKUs {
		kept[s.ID] = struct{}{}
		r, ok := c.skus[s.ID]
		if !ok {
			r = &skuRec{sku: newSKU(prod.id, s, prices[i]), prod: prod}
			c.skus[s.ID] = r
		} else {
			p := prices[i]
			edit := func(d *skuSpec) {
				d.code, d.attrs, d.price, d.marketPrice = s.Code, slices.Clip(s.Attrs), p.price, p.market
			}
			if r.sku.d.price != p.price || !slices.Equal(r.sku.d.attrs, s.Attrs) {
				r.revise(edit)
			} else {
				r.change(edit) // the code or the market price: nothing a buyer ordered by
			}
		}
		skus = append(skus, r)
	}
	for _, r := range prod.skus {
		if _, ok := kept[r.sku.id]; ok {
			continue
		}
		if !r.sku.d.deleted {
			r.revise(func(d *skuSpec) { d.deleted = true })
		}
		skus = append(skus, r)
	}
	prod.skus, prod.draft = skus, nil
}

// PurgeSKU forgets a deleted SKU: LookupSKU stops finding it, and orders that still hold a
// snapshot of it see DriftDeleted through DriftOf. Purge only when no order still needs to
// release or commit its units.
func (c *Catalog) PurgeSKU(productID, skuID string) error {
	if err := c.writable(); err != nil {
		return err
	}
	r, err := c.rec(productID, skuID)
	if err != nil {
		return err
	}
	if !r.sku.d.deleted {
		return &StateError{Op: "purge", ProductID: productID, SKUID: skuID, State: "live", err: ErrInvalidTransition}
	}
	p := r.prod
	p.skus = slices.DeleteFunc(slices.Clone(p.skus), func(x *skuRec) bool { return x == r })
	delete(c.skus, skuID)
	return nil
}
