package catalog

import (
	"fmt"

	"github.com/wxshop-go/wxshop/internal/validate"
)

// shelf is an ordered group of products (货架) that a host publishes as a link. It points at
// its products so that reading it costs time in its own size, not the catalog's.
type shelf struct {
	id, name string
	products []uint32 // positions in the catalog's products
}

// ShelfParams describes a new shelf. In JSON (a State's shelves) it is
// {"id":"home","name":"首页","product_ids":["tea","cup"]}.
type ShelfParams struct {
	ID   string `validate:"required,max=64" json:"id"`
	Name string `validate:"required,max=30" json:"name"`
	// ProductIDs are the shelf's products in display order; each must exist, once.
	ProductIDs []string `validate:"dive,required" json:"product_ids"`
}

// ShelfView is what a buyer sees on a shelf: its listed products in a visible category, in
// the shelf's order. Products that are out of stock are shown (as 无货).
type ShelfView struct {
	ID, Name string
	Products []ProductView
}

// AddShelf adds a shelf. The ID must be new and every product must exist (in any status: a
// delisted product simply does not show).
func (c *Catalog) AddShelf(p ShelfParams) error {
	if err := c.writable(); err != nil {
		return err
	}
	if err := validate.Struct("catalog", p); err != nil {
		return err
	}
	if _, ok := c.shelves[p.ID]; ok {
		return &DuplicateError{Kind: "shelf", ID: p.ID}
	}
	s := &shelf{id: p.ID, name: p.Name}
	prods, err := c.shelfProducts(s, p.ProductIDs)
	if err != nil {
		return err
	}
	s.products = prods
	c.shelves[p.ID] = s
	return nil
}

// AddToShelf appends products to the end of a shelf. Each must exist and not be on the shelf.
func (c *Catalog) AddToShelf(shelfID string, productIDs ...string) error {
	if err := c.writable(); err != nil {
		return err
	}
	s, ok := c.shelves[shelfID]
	if !ok {
		return &NotFoundError{Kind: "shelf", ID: shelfID}
	}
	add, err := c.shelfProducts(s, productIDs)
	if err != nil {
		return err
	}
	s.products = append(s.products, add...)
	return nil
}

// RemoveFromShelf takes a product off a shelf (the product stays in the catalog).
func (c *Catalog) RemoveFromShelf(shelfID, productID string) error {
	if err := c.writable(); err != nil {
		return err
	}
	s, ok := c.shelves[shelfID]
	if !ok {
		return &NotFoundError{Kind: "shelf", ID: shelfID}
	}
	for i, pi := range s.products {
		if c.products.at(pi).id == productID {
			s.products = append(s.products[:i:i], s.products[i+1:]...)
			return nil
		}
	}
	return &NotFoundError{Kind: "product", ID: productID}
}

// shelfProducts resolves product IDs for shelf s, rejecting unknown products and products
// already on the shelf or listed twice. It changes nothing.
func (c *Catalog) shelfProducts(s *shelf, ids []string) ([]uint32, error) {
	on := make(map[uint32]struct{}, len(s.products)+len(ids))
	for _, p := range s.products {
		on[p] = struct{}{}
	}
	out := make([]uint32, 0, len(ids))
	for i, id := range ids {
		p, ok := c.productAt(id)
		if !ok {
			return nil, &NotFoundError{Kind: "product", ID: id}
		}
		if _, dup := on[p]; dup {
			return nil, invalid("ShelfParams", fmt.Sprintf("ProductIDs[%d]", i), "unique", "")
		}
		on[p] = struct{}{}
		out = append(out, p)
	}
	return out, nil
}

// Shelf returns what a buyer sees on shelf id: its listed products, none in a hidden category,
// in the shelf's order. It takes time linear in the shelf's size (and its products' SKUs),
// whatever the size of the catalog.
func (c *Catalog) Shelf(id string) (ShelfView, error) {
	s, ok := c.shelf(id)
	if !ok {
		return ShelfView{}, &NotFoundError{Kind: "shelf", ID: id}
	}
	// Two passes over the shelf: size the backing arrays, then fill them.
	var b viewBuilder
	shown := 0
	for _, pi := range s.products {
		if p := c.products.at(pi); p.onSale() {
			shown++
			b.count(c, p)
		}
	}
	b.alloc()
	v := ShelfView{ID: s.id, Name: s.name, Products: make([]ProductView, 0, shown)}
	for _, pi := range s.products {
		if p := c.products.at(pi); p.onSale() {
			v.Products = append(v.Products, c.buyerView(p, &b))
		}
	}
	return v, nil
}

// ShelfProductIDs returns the IDs of every product on shelf id, shown or not, in order.
func (c *Catalog) ShelfProductIDs(id string) ([]string, error) {
	s, ok := c.shelf(id)
	if !ok {
		return nil, &NotFoundError{Kind: "shelf", ID: id}
	}
	out := make([]string, len(s.products))
	for i, pi := range s.products {
		out[i] = c.products.at(pi).id
	}
	return out, nil
}

// onSale reports whether a buyer can see p on a shelf: listed, in a visible category.
func (p *product) onSale() bool { return p.status == StatusListed && !p.cat.hidden }

// shelf finds a shelf; a nil *Catalog has none.
func (c *Catalog) shelf(id string) (*shelf, bool) {
	if c == nil {
		return nil, false
	}
	s, ok := c.shelves[id]
	return s, ok
}
