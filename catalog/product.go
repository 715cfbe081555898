package catalog

import "slices"

// product is the catalog's record of a product: its online copy (what buyers see), its status,
// its draft status, and the pending draft, if any.
type product struct {
	id          string
	title       string
	description string
	images      []string
	cat         *category
	status      ProductStatus
	edit        EditStatus
	draft       *ProductParams // changes waiting for review; nil when there are none
	skus        []*skuRec      // in the merchant's order, deleted ones included until purged
}

// Product is a copy of a product as the catalog holds it (its online copy). It is a value.
type Product struct {
	id, title, categoryID, description string
	images                             []string
	status                             ProductStatus
	edit                               EditStatus
	hasDraft                           bool
	skus                               []SKU
}

// ID returns the product's ID.
func (p Product) ID() string { return p.id }

// Title returns the product's title.
func (p Product) Title() string { return p.title }

// CategoryID returns the ID of the product's category.
func (p Product) CategoryID() string { return p.categoryID }

// Description returns the product's description.
func (p Product) Description() string { return p.description }

// Images returns a copy of the product's images (at least one).
func (p Product) Images() []string { return slices.Clone(p.images) }

// Status returns the online status (上架, 自主下架, ...).
func (p Product) Status() ProductStatus { return p.status }

// EditStatus returns the draft status (审核中, ...).
func (p Product) EditStatus() EditStatus { return p.edit }

// HasDraft reports whether changes are waiting for review (see UpdateProduct).
func (p Product) HasDraft() bool { return p.hasDraft }

// SKUs returns a copy of the product's SKUs, deleted ones included until purged.
func (p Product) SKUs() []SKU { return slices.Clone(p.skus) }

// view copies a product record into a Product.
func (p *product) view() Product {
	out := Product{
		id: p.id, title: p.title, categoryID: p.cat.id, description: p.description,
		images: slices.Clone(p.images), status: p.status, edit: p.edit, hasDraft: p.draft != nil,
		skus: make([]SKU, len(p.skus)),
	}
	for i, r := range p.skus {
		out.skus[i] = r.sku
	}
	return out
}

// AddProduct adds a product (product/add). It starts never listed (StatusNeverListed) with an
// initial draft status, and every SKU at revision 1, listed, with its initial stock. The
// category must exist; the product ID and every SKU ID must be new to the catalog.
func (c *Catalog) AddProduct(p ProductParams) error {
	if err := c.writable(); err != nil {
		return err
	}
	prices, err := p.check()
	if err != nil {
		return err
	}
	cat, ok := c.categories[p.CategoryID]
	if !ok {
		return &NotFoundError{Kind: "category", ID: p.CategoryID}
	}
	if _, ok := c.products[p.ID]; ok {
		return &DuplicateError{Kind: "product", ID: p.ID}
	}
	for _, s := range p.SKUs {
		if _, ok := c.skus[s.ID]; ok {
			return &DuplicateError{Kind: "sku", ID: s.ID}
		}
	}
	rec := &product{
		id: p.ID, title: p.Title, description: p.Description, images: slices.Clone(p.Images),
		cat: cat, skus: make([]*skuRec, 0, len(p.SKUs)),
	}
	for i, s := range p.SKUs {
		r := &skuRec{sku: newSKU(p.ID, s, prices[i]), prod: rec}
		rec.skus = append(rec.skus, r)
		c.skus[s.ID] = r
	}
	c.products[p.ID] = rec
	return nil
}

// newSKU builds a SKU at revision 1 from validated params and their prices in fen.
func newSKU(productID string, s SKUParams, c checkedPrices) SKU {
	return SKU{
		id: s.ID, productID: productID, total: s.Stock, status: SKUListed,
		d: &skuSpec{code: s.Code, attrs: slices.Clip(slices.Clone(s.Attrs)), price: c.price, marketPrice: c.market, revision: 1},
	}
}

// change replaces the SKU's spec with a changed copy (copy on write). A change that matters to
// a buyer goes through (*Catalog).revise instead.
func (r *skuRec) change(edit func(d *skuSpec)) {
	d := *r.sku.d
	edit(&d)
	r.sku.d = &d
}

// revise makes a change that matters to a buyer (price, attributes, deletion): the SKU's next
// revision. Every revision goes through here.
func (r *skuRec) revise(edit func(d *skuSpec)) {
	r.change(func(d *skuSpec) {
		edit(d)
		d.revision++
	})
}

// Product returns a copy of the product id.
func (c *Catalog) Product(id string) (Product, bool) {
	p, err := c.prod(id)
	if err != nil {
		return Product{}, false
	}
	return p.view(), true
}
