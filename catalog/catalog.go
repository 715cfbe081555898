package catalog

// Catalog is one shop's storefront: categories, products with their SKUs and stock, and
// shelves. Commands either succeed completely or return an error and leave the catalog exactly
// as it was. Queries return values (copies), never views into the catalog.
//
// A *Catalog is not safe for concurrent use: like any Go struct, the host serialises access to
// it (one goroutine, or a mutex around it). The values it returns (SKU, Product, Snapshot,
// ShelfView, ...) are safe to share. Queries on a nil *Catalog see an empty catalog (so a
// host's typed nil cannot make a caller panic); commands need a catalog from New.
type Catalog struct {
	products   map[string]*product
	skus       map[string]*skuRec // by SKU ID: SKU IDs are unique across the catalog
	categories map[string]*category
	shelves    map[string]*shelf
	hist       history // the catalog's Version and its latest SKU changes
}

// skuRec is where the catalog keeps a SKU, with a link back to its product so that CanBuy and
// LookupSKU need one map lookup.
type skuRec struct {
	sku  SKU
	prod *product
	// changedAt is the catalog's Seq after the SKU's latest event (added or revised): a
	// snapshot taken at a version of this catalog's history with that Seq or a later one saw
	// the SKU as it is.
	changedAt uint64
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{
		products:   map[string]*product{},
		skus:       map[string]*skuRec{},
		categories: map[string]*category{},
		shelves:    map[string]*shelf{},
		hist:       newHistory(),
	}
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

// Snapshot returns what an order line stores for the SKU now: product title, attributes,
// price, the SKU's revision and the catalog's version. A deleted SKU has no snapshot
// (ErrSKUDeleted).
func (c *Catalog) Snapshot(productID, skuID string) (Snapshot, error) {
	r, err := c.rec(productID, skuID)
	if err != nil {
		return Snapshot{}, err
	}
	if r.sku.d.deleted {
		return Snapshot{}, &StateError{Op: "snapshot", ProductID: productID, SKUID: skuID, State: "deleted", err: ErrSKUDeleted}
	}
	snap := r.sku.Snapshot(r.prod.title)
	snap.CatalogVersion = c.Version()
	return snap, nil
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
