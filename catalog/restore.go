package catalog

import (
	"strconv"
	"strings"

	"github.com/wxshop-go/wxshop/internal/text"
)

// State is a whole catalog's stored form: what a host persists, and Restore rebuilds the
// catalog from. It is a plain value with exported fields, and it is everything the catalog
// holds: each category with its hidden flag, each product with its SKUs, their stock and
// reservations, revisions and pending draft (ProductState), and each shelf with its products in
// display order. (The seller behind the shop is package shop's: its Profile has a stored form
// of its own.)
//
// It marshals to JSON with snake_case keys, money as strings with two decimals ("10.10") and
// enums by their stable names (see MarshalJSON). (*Catalog).State lists categories, products
// and shelves sorted by ID, so one catalog always writes the same bytes; whatever Restore
// accepts, it restores to a catalog whose State is equal and marshals to the same bytes.
type State struct {
	Categories []CategoryParams
	Products   []ProductState
	Shelves    []ShelfParams
}

// State returns the catalog's stored form, sharing no memory with the catalog. A nil *Catalog
// is an empty catalog.
func (c *Catalog) State() State {
	if c == nil {
		return State{Categories: []CategoryParams{}, Products: []ProductState{}, Shelves: []ShelfParams{}}
	}
	ps := c.sortedProducts()
	s := State{Categories: c.categoryParams(), Products: make([]ProductState, len(ps)), Shelves: c.Shelves()}
	for i, pi := range ps {
		s.Products[i] = c.state(c.products.at(pi))
	}
	return s
}

// categoryParams returns every category as the params that would recreate it, sorted by ID.
func (c *Catalog) categoryParams() []CategoryParams {
	ks := c.Categories()
	out := make([]CategoryParams, len(ks))
	for i, k := range ks {
		out[i] = CategoryParams{ID: k.id, Name: k.name, Hidden: k.hidden}
	}
	return out
}

// Restore builds the catalog s describes, checking it as the commands would have: every
// category as AddCategory checks it, then every product as RestoreProduct does (known status
// codes, valid prices and attributes, 0 ≤ Reserved ≤ Total ≤ MaxStock, revisions from 1, a
// draft exactly when its draft status calls for one, a listed product with a SKU that is not
// deleted, a known category), then every shelf as AddShelf does (products that exist, each
// once). IDs are unique: of categories, of products, of shelves, and of SKUs across the whole
// catalog. Whatever the commands cannot produce, Restore refuses, with an error that names the
// entry ("catalog: restore products[1] \"tea\": ...") and matches what the command's error
// matches (ErrDuplicate, ErrNotFound, ErrInvalid, ErrInvalidAmount, ErrUnknownCode).
//
// The order of the lists does not matter. The catalog shares no memory with s. On error it
// returns nil, and s is untouched.
func Restore(s State) (*Catalog, error) {
	skus := 0
	for i := range s.Products {
		skus += len(s.Products[i].SKUs)
	}
	c := &Catalog{categories: make(map[string]*category, len(s.Categories)), shelves: make(map[string]*shelf, len(s.Shelves))}
	c.products.reserve(len(s.Products))
	c.productIx.reserve(len(s.Products))
	c.rows.reserve(skus)
	c.skuIx.reserve(skus)
	for i, k := range s.Categories {
		if err := c.AddCategory(k); err != nil {
			return nil, &restoreError{list: "categories", i: i, id: k.ID, err: err}
		}
	}
	for i := range s.Products {
		if err := c.RestoreProduct(s.Products[i]); err != nil {
			return nil, &restoreError{list: "products", i: i, id: s.Products[i].ID, err: err}
		}
	}
	for i, sh := range s.Shelves {
		if err := c.AddShelf(sh); err != nil {
			return nil, &restoreError{list: "shelves", i: i, id: sh.ID, err: err}
		}
	}
	return c, nil
}

// restoreError says which entry of a State Restore refused; it unwraps to the command's error,
// so errors.Is and errors.As see the sentinel and the typed error behind it.
type restoreError struct {
	list string // "categories", "products" or "shelves"
	i    int
	id   string
	err  error
}

// Error implements error: `catalog: restore products[1] "tea": sku "tea-250" already exists`.
func (e *restoreError) Error() string {
	return "catalog: restore " + e.list + "[" + strconv.Itoa(e.i) + "] " + text.Quote(e.id) + ": " +
		strings.TrimPrefix(e.err.Error(), "catalog: ")
}

// Unwrap returns the command's error.
func (e *restoreError) Unwrap() error { return e.err }
