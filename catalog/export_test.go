package catalog

import (
	"cmp"
	"fmt"
	"slices"
)

// Records returns the catalog's records in a form that depends on their content only, for
// tests that compare catalogs built by different histories (a catalog and the one restored
// from its State): products sorted by ID, each record with its SKU rows, in the product's
// order, and everything a position in a slab or a table stood for put in its place. Every
// field of the records is there, so a field that a State failed to carry would still show.
func Records(c *Catalog) any {
	type rowRecord struct {
		Row   skuRow // attrs and prod cleared: positions
		Attrs string
	}
	type productRecord struct {
		Product product // skus cleared: positions
		SKUs    []rowRecord
	}
	type shelfRecord struct {
		Shelf    shelf // products cleared: positions
		Products []string
	}
	type records struct {
		Products   []productRecord
		Categories map[string]*category
		Shelves    map[string]shelfRecord
	}
	if c == nil {
		return nil
	}
	out := records{Categories: c.categories, Shelves: map[string]shelfRecord{}}
	for _, pi := range c.sortedProducts() {
		p := *c.products.at(pi)
		rec := productRecord{SKUs: []rowRecord{}}
		for _, ri := range p.skus {
			r := *c.rows.at(ri)
			attrs := c.attrs.str(r.attrs)
			r.attrs, r.prod = 0, 0
			rec.SKUs = append(rec.SKUs, rowRecord{Row: r, Attrs: attrs})
		}
		p.skus = nil
		rec.Product = p
		out.Products = append(out.Products, rec)
	}
	for id, s := range c.shelves {
		ids, _ := c.ShelfProductIDs(id)
		sh := *s
		sh.products = nil
		out.Shelves[id] = shelfRecord{Shelf: sh, Products: ids}
	}
	return out
}

// CheckLayout returns an error unless the catalog's slabs and tables agree with each other:
// every product is found by its ID at its position; every SKU row is in exactly one product's
// list, points back at that product and is found by its ID; a purged row is zero and in no
// list; the index holds exactly the rows and products there are; every attribute list counts
// exactly the rows that hold it, and a list no row holds is freed.
func CheckLayout(c *Catalog) error {
	if c == nil {
		return nil
	}
	if c.productIx.n != c.products.len() {
		return fmt.Errorf("product index holds %d, slab %d", c.productIx.n, c.products.len())
	}
	owner := map[uint32]uint32{}
	for pi := range uint32(c.products.len()) {
		p := c.products.at(pi)
		if got, ok := c.productAt(p.id); !ok || got != pi {
			return fmt.Errorf("product %q at %d found at %d, %v", p.id, pi, got, ok)
		}
		for _, ri := range p.skus {
			if o, dup := owner[ri]; dup {
				return fmt.Errorf("row %d in products %d and %d", ri, o, pi)
			}
			owner[ri] = pi
			r := c.rows.at(ri)
			if r.id == "" || r.prod != pi {
				return fmt.Errorf("row %d of product %q: id %q, product %d", ri, p.id, r.id, r.prod)
			}
			if got, ok := c.skuAt(r.id); !ok || got != ri {
				return fmt.Errorf("sku %q at %d found at %d, %v", r.id, ri, got, ok)
			}
		}
	}
	free := map[uint32]bool{}
	for _, ri := range c.freeRows {
		if free[ri] || *c.rows.at(ri) != (skuRow{}) {
			return fmt.Errorf("free row %d: twice, or not zero", ri)
		}
		free[ri] = true
	}
	if len(owner)+len(free) != c.rows.len() || c.skuIx.n != len(owner) {
		return fmt.Errorf("%d rows: %d owned, %d free, %d indexed", c.rows.len(), len(owner), len(free), c.skuIx.n)
	}
	holders := map[uint32]uint32{}
	for ri := range owner {
		if a := c.rows.at(ri).attrs; a != 0 {
			holders[a]++
		}
	}
	freed := 0
	for e, l := range c.attrs.lists {
		r := uint32(e) + 1
		if l.rows != holders[r] {
			return fmt.Errorf("attribute list %q counts %d rows, %d hold it", l.packed, l.rows, holders[r])
		}
		if l.rows == 0 {
			freed++
			continue
		}
		if got, ok := c.attrs.find(l.packed); !ok || got != r {
			return fmt.Errorf("attribute list %q at %d found at %d, %v", l.packed, r, got, ok)
		}
	}
	if freed != len(c.attrs.free) || c.attrs.ix.n != len(c.attrs.lists)-freed {
		return fmt.Errorf("attribute lists: %d freed, %d on the free list, %d indexed of %d", freed, len(c.attrs.free), c.attrs.ix.n, len(c.attrs.lists))
	}
	ids := make([]string, 0, len(owner))
	for ri := range owner {
		ids = append(ids, c.rows.at(ri).id)
	}
	slices.SortFunc(ids, cmp.Compare)
	if len(slices.Compact(ids)) != len(owner) {
		return fmt.Errorf("two rows with one SKU ID")
	}
	return nil
}
