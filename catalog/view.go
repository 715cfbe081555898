package catalog

import (
	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// ProductView is a product as a buyer sees it: its cover, its SKUs that are not deleted, and
// whether it can be bought, with the reason in Chinese when not (Availability.Label). It is a
// value built for one read; nothing in it points into the catalog.
type ProductView struct {
	ID    string
	Title string
	// Cover is the first image.
	Cover string
	// Availability is Delisted or InHiddenCategory when the whole product is off sale,
	// otherwise Buyable when at least one SKU is, otherwise OutOfStock (无货: still shown).
	Availability Availability
	// SKUs are the product's SKUs that are not deleted, in the merchant's order.
	SKUs []SKUView
}

// SKUView is one SKU as a buyer sees it.
type SKUView struct {
	ID    string
	Attrs []Attr
	Price decimal.Decimal
	// MarketPrice is the crossed-out price, zero when there is none.
	MarketPrice decimal.Decimal
	// Available is the number of units that can still be ordered.
	Available int
	// Availability is what CanBuy would say for one unit.
	Availability Availability
}

// BuyerView returns what a buyer sees of a product, whether or not it can be bought (a shared
// link to a delisted product still opens, saying 已下架).
func (c *Catalog) BuyerView(productID string) (ProductView, error) {
	p, err := c.prod(productID)
	if err != nil {
		return ProductView{}, err
	}
	var b viewBuilder
	b.count(c, p)
	b.alloc()
	return c.buyerView(p, &b), nil
}

// viewBuilder holds the backing arrays of the SKU views and their attributes, sized in
// advance, so that a view of many products takes a handful of allocations rather than a few
// per product.
type viewBuilder struct {
	skus        []SKUView
	attrs       []Attr
	nSKU, nAttr int // counted before allocating
}

// count adds p's SKUs that are not deleted to what alloc will make room for.
func (b *viewBuilder) count(c *Catalog, p *product) {
	for _, ri := range p.skus {
		if r := c.rows.at(ri); !r.deleted {
			b.nSKU++
			b.nAttr += countAttrs(c.attrs.str(r.attrs))
		}
	}
}

// alloc makes the backing arrays for everything counted.
func (b *viewBuilder) alloc() {
	b.skus = make([]SKUView, 0, b.nSKU)
	b.attrs = make([]Attr, 0, b.nAttr)
}

// buyerView builds the view in time linear in the product's SKUs. Each slice it hands out is
// capped (three-index slicing), so appending to one product's view never writes into another's.
func (c *Catalog) buyerView(p *product, b *viewBuilder) ProductView {
	v := ProductView{ID: p.id, Title: p.title, Cover: firstPacked(p.images)}
	first := len(b.skus)
	anyBuyable := false
	for _, ri := range p.skus {
		r := c.rows.at(ri)
		if r.deleted {
			continue
		}
		a := availability(r, p, 1)
		anyBuyable = anyBuyable || a == Buyable
		from := len(b.attrs)
		b.attrs = appendAttrs(b.attrs, c.attrs.str(r.attrs))
		b.skus = append(b.skus, SKUView{
			ID: r.id, Attrs: b.attrs[from:len(b.attrs):len(b.attrs)], Price: money.Yuan(int64(r.price)),
			MarketPrice: money.Yuan(r.market()), Available: r.available(), Availability: a,
		})
	}
	v.SKUs = b.skus[first:len(b.skus):len(b.skus)]
	switch {
	case p.status != StatusListed:
		v.Availability = Delisted
	case p.cat.hidden:
		v.Availability = InHiddenCategory
	case anyBuyable:
		v.Availability = Buyable
	default:
		v.Availability = OutOfStock
	}
	return v
}
