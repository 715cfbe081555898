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
	prod.setMore(prod.description(), storedDraft(&p, prices))
	prod.edit = next
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
		i, ok := c.skuAt(s.ID)
		if !ok {
			continue
		}
		switch r := c.rows.at(i); {
		case c.products.at(r.prod) != prod:
			return nil, &DuplicateError{Kind: "sku", ID: s.ID}
		case r.deleted:
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
	prices, err := c.checkDraft(prod, *prod.draft())
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
	case trigger != "edit" && prod.draft() == nil:
		// Submitting, approving or rejecting needs a draft: UpdateProduct first.
		return 0, &StateError{Op: op, ProductID: prod.id, State: "no_draft", err: ErrInvalidTransition}
	}
	return next, nil
}

// applyDraft writes a checked draft over the online copy.
func (c *Catalog) applyDraft(prod *product, prices []checkedPrices) {
	d := prod.draft()
	pi, _ := c.productAt(prod.id)
	prod.title, prod.images, prod.cat = d.Title, packStrings(d.Images), c.categories[d.CategoryID]
	prod.setMore(d.Description, nil)
	kept := make(map[string]struct{}, len(d.SKUs))
	skus := make([]uint32, 0, len(d.SKUs)+len(prod.skus))
	for i, s := range d.SKUs {
		kept[s.ID] = struct{}{}
		attrs := packAttrs(s.Attrs)
		ri, ok := c.skuAt(s.ID)
		if !ok {
			ri = c.addRow(s.ID, pi, attrs, newCore(s, prices[i]))
		} else {
			// A new price or new attributes are a new revision; a new code or market price is
			// nothing a buyer ordered by.
			r, p := c.rows.at(ri), prices[i]
			if int64(r.price) != p.price || c.attrs.str(r.attrs) != attrs {
				r.revise()
			}
			c.setAttrs(r, attrs)
			r.price, r.extra = int32(p.price), withExtra(r.extra, s.Code, p.market)
		}
		skus = append(skus, ri)
	}
	for _, ri := range prod.skus {
		r := c.rows.at(ri)
		if _, ok := kept[r.id]; ok {
			continue
		}
		if !r.deleted {
			r.deleted = true
			r.revise()
		}
		skus = append(skus, ri)
	}
	prod.skus = skus
}

// revise records a change that matters to a buyer (price, attributes, deletion): the SKU's
// next revision. Every revision goes through here.
func (r *skuRow) revise() { r.revision++ }

// setAttrs gives a row other attributes (packed).
func (c *Catalog) setAttrs(r *skuRow, attrs string) {
	if c.attrs.str(r.attrs) == attrs {
		return
	}
	old := r.attrs
	r.attrs = c.attrs.hold(attrs)
	c.attrs.drop(old)
}

// PurgeSKU forgets a deleted SKU: LookupSKU stops finding it, and orders that still hold a
// snapshot of it see DriftDeleted through DriftOf. Purge only when no order still needs to
// release or commit its units.
func (c *Catalog) PurgeSKU(productID, skuID string) error {
	if err := c.writable(); err != nil {
		return err
	}
	r, p, err := c.rec(productID, skuID)
	if err != nil {
		return err
	}
	if !r.deleted {
		return &StateError{Op: "purge", ProductID: productID, SKUID: skuID, State: "live", err: ErrInvalidTransition}
	}
	ri, _ := c.skuAt(skuID)
	p.skus = slices.DeleteFunc(p.skus, func(x uint32) bool { return x == ri })
	c.skuIx.remove(hashOf(skuID), ri)
	c.attrs.drop(r.attrs)
	*r = skuRow{}
	c.freeRows = append(c.freeRows, ri)
	return nil
}
