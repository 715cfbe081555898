package catalog

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// SKU is one sellable variant of a product (颜色=红色, 尺码=XL) as the catalog holds it: price,
// attributes, stock and revision. It is a value: LookupSKU and Product return copies, and
// changing the catalog never changes a SKU already handed out. The zero SKU is "no SKU".
type SKU struct {
	// The layout is for the shipment check's hot path: a SKU travels in registers, with what a
	// price or attribute change replaces kept behind one pointer.
	id, productID string
	d             *skuSpec // never mutated: a change installs a new one; nil in the zero SKU
	total         int      // units on hand: available + reserved
	reserved      int      // units held by orders not yet shipped
	status        SKUStatus
}

// skuSpec is the part of a SKU that review or the no-review path changes. It is copied on
// write, so SKU values handed out never see a later change. Prices are in fen.
type skuSpec struct {
	attrs       []Attr // never mutated in place
	price       int64  // fen, > 0
	marketPrice int64  // fen; 0: none
	code        string
	revision    uint32 // starts at 1; bumped by every buyer-relevant change
	deleted     bool
}

// zeroSpec stands in for the zero SKU's missing spec.
var zeroSpec skuSpec

// spec returns the SKU's spec, never nil.
func (s SKU) spec() *skuSpec {
	if s.d == nil {
		return &zeroSpec
	}
	return s.d
}

// ID returns the SKU's ID (sku_id).
func (s SKU) ID() string { return s.id }

// ProductID returns the ID of the product the SKU belongs to.
func (s SKU) ProductID() string { return s.productID }

// Code returns the merchant's SKU code (sku_code), at most MaxCodeLength characters, possibly
// empty.
func (s SKU) Code() string { return s.spec().code }

// Attrs returns a copy of the sale attributes, in the order the merchant gave them.
func (s SKU) Attrs() []Attr { return slices.Clone(s.spec().attrs) }

// Attr returns the value of the attribute named key.
func (s SKU) Attr(key string) (string, bool) {
	for _, a := range s.spec().attrs {
		if a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

// Price returns the sale price in yuan (always > 0 for a SKU of the catalog).
func (s SKU) Price() decimal.Decimal { return money.Yuan(s.spec().price) }

// MarketPrice returns the crossed-out market price (划线价), which always exceeds the sale
// price, and false when the SKU has none.
func (s SKU) MarketPrice() (decimal.Decimal, bool) {
	mp := s.spec().marketPrice
	return money.Yuan(mp), mp != 0
}

// Available returns the units a buyer can still order: Total minus Reserved, never negative.
func (s SKU) Available() int { return s.total - s.reserved }

// Reserved returns the units held by orders that are placed but not yet shipped.
func (s SKU) Reserved() int { return s.reserved }

// Total returns the units on hand: Available plus Reserved.
func (s SKU) Total() int { return s.total }

// Revision returns the SKU's revision: 1 when created, bumped by every change that matters to a
// buyer (price, attributes, deletion). Snapshots remember it; see Drifted.
func (s SKU) Revision() uint32 { return s.spec().revision }

// Status returns the SKU's own listing state; a delisted SKU cannot be bought even when its
// product is listed.
func (s SKU) Status() SKUStatus { return s.status }

// Deleted reports whether the SKU was deleted. Deleted SKUs are still found by LookupSKU (so an
// order that holds one can be diagnosed) until the catalog purges them.
func (s SKU) Deleted() bool { return s.spec().deleted }

// IsZero reports whether s is the zero SKU (what a failed lookup returns).
func (s SKU) IsZero() bool { return s.id == "" }

// Snapshot returns what an order line remembers of this SKU: title is the product's title at
// order time (a SKU does not carry it). The zero SKU has no snapshot (the zero Snapshot).
func (s SKU) Snapshot(title string) Snapshot {
	if s.d == nil {
		return Snapshot{}
	}
	return Snapshot{productID: s.productID, skuID: s.id, title: title, attrs: s.d.attrs,
		price: s.d.price, revision: s.d.revision}
}

// NewSKU validates p and returns a SKU of product productID at revision 1, listed, with p.Stock
// units on hand: the same SKU AddProduct would create, for hosts and tests that need one
// outside a catalog. Its price, attributes and deletion change only inside a Catalog.
func NewSKU(productID string, p SKUParams) (SKU, error) {
	if productID == "" {
		return SKU{}, invalid("SKUParams", "ProductID", "required", "")
	}
	if err := validate.Struct("catalog", p); err != nil {
		return SKU{}, err
	}
	c, err := p.checkOne("SKUParams", "")
	if err != nil {
		return SKU{}, err
	}
	return newSKU(productID, p, c), nil
}
