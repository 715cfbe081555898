package catalog

// Catalog is one shop's storefront: categories, products with their SKUs and stock, and
// shelves. Commands either succeed completely or return an error and leave the catalog exactly
// as it was. Queries return values (copies), never views into the catalog.
//
// The zero Catalog is an empty catalog, ready to use; New returns one too. A *Catalog is not
// safe for concurrent use: like any Go struct, the host serialises access to it (one
// goroutine, or a mutex around it). The values it returns (SKU, Product, Snapshot, ShelfView,
// ...) are safe to share. Queries on a nil *Catalog see an empty catalog (so a host's typed nil
// cannot make a caller panic); commands on a nil *Catalog return ErrNilCatalog.
type Catalog struct {
	products   map[string]*product
	skus       map[string]*skuRec // by SKU ID: SKU IDs are unique across the catalog
	categories map[string]*category
	shelves    map[string]*shelf
}

// skuRec is where the catalog keeps a SKU, with a link back to its product so that CanBuy and
// LookupSKU need one map lookup.
type skuRec struct {
	sku  SKU
	prod *product
}

// New returns an empty catalog. It is the same as a zero Catalog.
func New() *Catalog { return &Catalog{} }

// writable prepares the catalog for a command: a zero Catalog gets its maps on first use. It
// returns ErrNilCatalog for a nil *Catalog.
func (c *Catalog) writable() error {
	if c == nil {
		return ErrNilCatalog
	}
	if c.products == nil {
		c.products = map[string]*product{}
		c.skus = map[string]*skuRec{}
		c.categories = map[string]*category{}
		c.shelves = map[string]*shelf{}
	}
	return nil
}

// LookupSKU returns the SKU skuID of product productID. Deleted SKUs are found (with
// Deleted() true) until purged. It allocates nothing; a nil *Catalog finds nothing.
func (c *Catalog) LookupSKU(productID, skuID string) (SKU, bool) {
	if c == nil {
		return SKU{}, false
	}
	r, ok := c.skus[skuID]
	if !ok || r.sku.productID != productID {
		return SKU{}, false
	}
	return r.sku, true
}

// Snapshot returns what an order line stores for the SKU now: product title, attributes, price
// and the SKU's revision. A deleted SKU has no snapshot (ErrSKUDeleted). It allocates nothing:
// the snapshot shares the SKU's attributes, which never change in place.
func (c *Catalog) Snapshot(productID, skuID string) (Snapshot, error) {
	r, err := c.rec(productID, skuID)
	if err != nil {
		return Snapshot{}, err
	}
	if r.sku.d.deleted {
		return Snapshot{}, &StateError{Op: "snapshot", ProductID: productID, SKUID: skuID, State: "deleted", err: ErrSKUDeleted}
	}
	return r.sku.Snapshot(r.prod.title), nil
}

// rec finds a SKU's record or returns a *NotFoundError.
func (c *Catalog) rec(productID, skuID string) (*skuRec, error) {
	if c == nil {
		return nil, &NotFoundError{Kind: "product", ID: productID}
	}
	r, ok := c.skus[skuID]
	if !ok || r.sku.productID != productID {
		if _, ok := c.products[productID]; !ok {
			return nil, &NotFoundError{Kind: "product", ID: productID}
		}
		return nil, &NotFoundError{Kind: "sku", ID: skuID}
	}
	return r, nil
}

// prod finds a product or returns a *NotFoundError.
func (c *Catalog) prod(id string) (*product, error) {
	if c == nil {
		return nil, &NotFoundError{Kind: "product", ID: id}
	}
	p, ok := c.products[id]
	if !ok {
		return nil, &NotFoundError{Kind: "product", ID: id}
	}
	return p, nil
}
