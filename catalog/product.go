package catalog

import "slices"

// product is the catalog's record of a product: its online copy (what buyers see), its status,
// its draft status, and the pending draft, if any.
type product struct {
	id, title string
	images    string // packed (packStrings): at least one
	cat       *category
	skus      []uint32     // rows, in the merchant's order, deleted ones included until purged
	more      *productMore // nil when the product has neither a description nor a draft
	status    ProductStatus
	edit      EditStatus
}

// productMore is the part of a product that many leave out, kept out of line so that those pay
// one pointer for it.
type productMore struct {
	description string
	draft       *ProductParams // changes waiting for review; nil when there are none
}

func (p *product) description() string {
	if p.more == nil {
		return ""
	}
	return p.more.description
}

func (p *product) draft() *ProductParams {
	if p.more == nil {
		return nil
	}
	return p.more.draft
}

// setMore sets the description and the draft.
func (p *product) setMore(description string, draft *ProductParams) {
	p.more = nil
	if description != "" || draft != nil {
		p.more = &productMore{description: description, draft: draft}
	}
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
func (c *Catalog) view(p *product) Product {
	out := Product{
		id: p.id, title: p.title, categoryID: p.cat.id, description: p.description(),
		images: unpackStrings(p.images), status: p.status, edit: p.edit, hasDraft: p.draft() != nil,
		skus: make([]SKU, len(p.skus)),
	}
	for i, ri := range p.skus {
		out.skus[i] = c.sku(c.rows.at(ri), p)
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
	if _, ok := c.productAt(p.ID); ok {
		return &DuplicateError{Kind: "product", ID: p.ID}
	}
	for _, s := range p.SKUs {
		if _, ok := c.skuAt(s.ID); ok {
			return &DuplicateError{Kind: "sku", ID: s.ID}
		}
	}
	skus := make([]uint32, len(p.SKUs)) // the record's, filled once its rows exist
	rec := product{id: p.ID, title: p.Title, images: packStrings(p.Images), cat: cat, skus: skus}
	rec.setMore(p.Description, nil)
	pi := c.addProduct(rec)
	for i, s := range p.SKUs {
		skus[i] = c.addRow(s.ID, pi, packAttrs(s.Attrs), newCore(s, prices[i]))
	}
	return nil
}

// addProduct files a new product record and returns its position.
func (c *Catalog) addProduct(p product) uint32 {
	i := c.products.push(p)
	c.productIx.insert(hashOf(p.id), i)
	return i
}

// addRow files a new SKU of the product at position prod and returns its row. A purged SKU's
// row is taken first.
func (c *Catalog) addRow(id string, prod uint32, attrs string, core skuCore) uint32 {
	r := skuRow{id: id, skuCore: core, attrs: c.attrs.hold(attrs), prod: prod}
	var i uint32
	if n := len(c.freeRows); n > 0 {
		i, c.freeRows = c.freeRows[n-1], c.freeRows[:n-1]
		*c.rows.at(i) = r
	} else {
		i = c.rows.push(r)
	}
	c.skuIx.insert(hashOf(id), i)
	return i
}

// Product returns a copy of the product id.
func (c *Catalog) Product(id string) (Product, bool) {
	p, err := c.prod(id)
	if err != nil {
		return Product{}, false
	}
	return c.view(p), true
}
