package catalog

// List puts a product on sale (product/listing): StatusListed. It fails with ErrUnderReview
// while the draft is under review or still uploading (10020049, 10020067), with
// ErrInvalidTransition from a status that cannot be listed (banned, deleted, in the recycle
// bin), and when the product has no SKU left that is not deleted.
func (c *Catalog) List(productID string) error { return c.SetStatus(productID, StatusListed) }

// Delist takes a listed product off sale (product/delisting): StatusDelisted (自主下架). It stays
// in the catalog; CanBuy reports ErrDelisted and shelves leave it out.
func (c *Catalog) Delist(productID string) error { return c.SetStatus(productID, StatusDelisted) }

// SetStatus moves a product to another online status along the transition table
// (ProductTransitions). It is how a host applies the platform's own status changes (a listing
// event with 12, 13, 14, 15 or 20), and how a merchant recycles, restores and deletes. The
// draft being under review blocks listing, recycling and deletion.
func (c *Catalog) SetStatus(productID string, to ProductStatus) error {
	if err := c.writable(); err != nil {
		return err
	}
	if err := to.Check(); err != nil {
		return err
	}
	p, err := c.prod(productID)
	if err != nil {
		return err
	}
	op := "set status " + to.String() + " of"
	if !p.status.CanTransition(to) {
		return &StateError{Op: op, ProductID: productID, State: p.status.String(), err: ErrInvalidTransition}
	}
	switch to {
	case StatusListed, StatusRecycleBin, StatusDeleted:
		if p.edit == EditUnderReview || (to == StatusListed && p.edit == EditUploading) {
			return &StateError{Op: op, ProductID: productID, State: p.edit.String(), err: ErrUnderReview}
		}
	}
	if to == StatusListed && c.liveSKUs(p) == 0 {
		return invalid("Product", "SKUs", ruleMinLive, "1")
	}
	p.status = to
	return nil
}

// liveSKUs counts the SKUs of p that are not deleted.
func (c *Catalog) liveSKUs(p *product) int {
	n := 0
	for _, ri := range p.skus {
		if !c.rows.at(ri).deleted {
			n++
		}
	}
	return n
}
