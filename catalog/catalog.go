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
	// Products and SKUs are records in two slabs (no heap object per SKU), found by ID through
	// an index each. A SKU value handed out is a copy of its row, so rows change in place.
	// Products are never removed (deleting one is a status); a purged SKU's row is zeroed and
	// taken by the next SKU added. Each distinct list of attributes is held once, in attrs.
	products   slab[product]
	productIx  index // product ID → position in products
	rows       slab[skuRow]
	skuIx      index    // SKU ID → position in rows; SKU IDs are unique across the catalog
	freeRows   []uint32 // purged rows
	attrs      attrTable
	categories map[string]*category
	shelves    map[string]*shelf
}

// skuRow is where the catalog keeps a SKU. The row of a purged SKU has no ID.
type skuRow struct {
	id string
	skuCore
	attrs uint32 // reference into the catalog's attrTable
	prod  uint32 // position of the SKU's product
}

// New returns an empty catalog. It is the same as a zero Catalog.
func New() *Catalog { return &Catalog{} }

// writable prepares the catalog for a command: a zero Catalog gets its maps on first use. It
// returns ErrNilCatalog for a nil *Catalog.
func (c *Catalog) writable() error {
	if c == nil {
		return ErrNilCatalog
	}
	if c.categories == nil {
		c.categories = map[string]*category{}
		c.shelves = map[string]*shelf{}
	}
	return nil
}

// skuAt finds the row of SKU skuID.
func (c *Catalog) skuAt(skuID string) (uint32, bool) {
	h := hashOf(skuID)
	for i := h; ; {
		pos, next, ok := c.skuIx.match(h, i)
		if !ok || c.rows.at(pos).id == skuID {
			return pos, ok
		}
		i = next
	}
}

// productAt finds the position of product id.
func (c *Catalog) productAt(id string) (uint32, bool) {
	h := hashOf(id)
	for i := h; ; {
		pos, next, ok := c.productIx.match(h, i)
		if !ok || c.products.at(pos).id == id {
			return pos, ok
		}
		i = next
	}
}

// find returns the row of SKU skuID of product productID, and the product, or nils. The
// pointers are good until the catalog next adds a product or a SKU. A nil *Catalog finds
// nothing.
func (c *Catalog) find(productID, skuID string) (*skuRow, *product) {
	if c == nil {
		return nil, nil
	}
	h := hashOf(skuID) // skuAt, written out: this is CanBuy's path
	for i := h; ; {
		pos, next, ok := c.skuIx.match(h, i)
		if !ok {
			return nil, nil
		}
		if r := c.rows.at(pos); r.id == skuID {
			if p := c.products.at(r.prod); p.id == productID {
				return r, p
			}
			return nil, nil
		}
		i = next
	}
}

// sku returns the SKU value of a row of product p.
func (c *Catalog) sku(r *skuRow, p *product) SKU {
	return SKU{id: r.id, productID: p.id, attrs: c.attrs.str(r.attrs), skuCore: r.skuCore}
}

// LookupSKU returns the SKU skuID of product productID. Deleted SKUs are found (with
// Deleted() true) until purged. It allocates nothing; a nil *Catalog finds nothing.
func (c *Catalog) LookupSKU(productID, skuID string) (s SKU, found bool) {
	r, p := c.find(productID, skuID)
	if r == nil {
		return s, false
	}
	// Filled in place rather than through sku: a SKU is too big for registers, and the shipment
	// check calls this once a line.
	s.id, s.productID, s.attrs, s.skuCore = r.id, p.id, c.attrs.str(r.attrs), r.skuCore
	return s, true
}

// Snapshot returns what an order line stores for the SKU now: product title, attributes, price
// and the SKU's revision. A deleted SKU has no snapshot (ErrSKUDeleted). It allocates nothing:
// the snapshot shares the SKU's attributes, which never change in place.
func (c *Catalog) Snapshot(productID, skuID string) (Snapshot, error) {
	r, p, err := c.rec(productID, skuID)
	if err != nil {
		return Snapshot{}, err
	}
	if r.deleted {
		return Snapshot{}, &StateError{Op: "snapshot", ProductID: productID, SKUID: skuID, State: "deleted", err: ErrSKUDeleted}
	}
	return c.sku(r, p).Snapshot(p.title), nil
}

// rec finds a SKU's row and its product or returns a *NotFoundError.
func (c *Catalog) rec(productID, skuID string) (*skuRow, *product, error) {
	r, p := c.find(productID, skuID)
	if r == nil {
		if _, err := c.prod(productID); err != nil {
			return nil, nil, err
		}
		return nil, nil, &NotFoundError{Kind: "sku", ID: skuID}
	}
	return r, p, nil
}

// prod finds a product or returns a *NotFoundError. The pointer is good until the catalog
// next adds a product.
func (c *Catalog) prod(id string) (*product, error) {
	if c != nil {
		if i, ok := c.productAt(id); ok {
			return c.products.at(i), nil
		}
	}
	return nil, &NotFoundError{Kind: "product", ID: id}
}
