package catalog

import (
	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// SKU is one sellable variant of a product (颜色=红色, 尺码=XL) as the catalog holds it: price,
// attributes, stock and revision. It is a value: LookupSKU and Product return copies, and
// changing the catalog never changes a SKU already handed out. The zero SKU is "no SKU".
type SKU struct {
	// A SKU is a copy of the catalog's row for it, with the two strings a row keeps elsewhere:
	// nothing in it points at anything the catalog changes.
	id, productID string
	attrs         string // packed (packAttrs); never changed
	skuCore
}

// skuCore is what a SKU value and the catalog's row for it both hold. Amounts are fen and
// counts are units, in 32 bits: prices are at most maxPriceFen and stock at most MaxStock.
type skuCore struct {
	extra    *skuExtra // never changed: a change installs a new one; nil for no code and no market price
	price    int32     // fen, > 0
	revision uint32    // starts at 1; bumped by every buyer-relevant change
	total    int32     // units on hand: available + reserved
	reserved int32     // units held by orders not yet shipped
	status   SKUStatus
	deleted  bool
}

// Prices and stock fit the 32 bits a SKU keeps them in.
const (
	_ = int32(maxPriceFen)
	_ = int32(MaxStock)
)

// skuExtra is the part of a SKU that many SKUs leave out, kept out of line so that those pay
// one pointer for it.
type skuExtra struct {
	code   string
	market int32 // fen; 0: none
}

// withExtra returns the extra part for a code and a market price: old itself when it already
// says that, nil when there is neither.
func withExtra(old *skuExtra, code string, market int64) *skuExtra {
	switch {
	case code == "" && market == 0:
		return nil
	case old != nil && old.code == code && int64(old.market) == market:
		return old
	}
	return &skuExtra{code: code, market: int32(market)}
}

// ID returns the SKU's ID (sku_id).
func (s SKU) ID() string { return s.id }

// ProductID returns the ID of the product the SKU belongs to.
func (s SKU) ProductID() string { return s.productID }

// Code returns the merchant's SKU code (sku_code), at most MaxCodeLength characters, possibly
// empty.
func (s SKU) Code() string { return s.skuCore.code() }

// Attrs returns a copy of the sale attributes, in the order the merchant gave them.
func (s SKU) Attrs() []Attr { return unpackAttrs(s.attrs) }

// Attr returns the value of the attribute named key.
func (s SKU) Attr(key string) (string, bool) { return lookupAttr(s.attrs, key) }

// Price returns the sale price in yuan (always > 0 for a SKU of the catalog).
func (s SKU) Price() decimal.Decimal { return money.Yuan(int64(s.price)) }

// MarketPrice returns the crossed-out market price (划线价), which always exceeds the sale
// price, and false when the SKU has none.
func (s SKU) MarketPrice() (decimal.Decimal, bool) {
	mp := s.market()
	return money.Yuan(mp), mp != 0
}

// Available returns the units a buyer can still order: Total minus Reserved, never negative.
func (s SKU) Available() int { return s.available() }

// Reserved returns the units held by orders that are placed but not yet shipped.
func (s SKU) Reserved() int { return int(s.reserved) }

// Total returns the units on hand: Available plus Reserved.
func (s SKU) Total() int { return int(s.total) }

// Revision returns the SKU's revision: 1 when created, bumped by every change that matters to a
// buyer (price, attributes, deletion). Snapshots remember it; see Drifted.
func (s SKU) Revision() uint32 { return s.revision }

// Status returns the SKU's own listing state; a delisted SKU cannot be bought even when its
// product is listed.
func (s SKU) Status() SKUStatus { return s.status }

// Deleted reports whether the SKU was deleted. Deleted SKUs are still found by LookupSKU (so an
// order that holds one can be diagnosed) until the catalog purges them.
func (s SKU) Deleted() bool { return s.deleted }

// IsZero reports whether s is the zero SKU (what a failed lookup returns).
func (s SKU) IsZero() bool { return s.id == "" }

// Snapshot returns what an order line remembers of this SKU: title is the product's title at
// order time (a SKU does not carry it). The zero SKU has no snapshot (the zero Snapshot).
func (s SKU) Snapshot(title string) Snapshot {
	if s.IsZero() {
		return Snapshot{}
	}
	return Snapshot{productID: s.productID, skuID: s.id, title: title, attrs: s.attrs,
		price: int64(s.price), revision: s.revision}
}

func (c *skuCore) code() string {
	if c.extra == nil {
		return ""
	}
	return c.extra.code
}

// market returns the market price in fen, 0 for none.
func (c *skuCore) market() int64 {
	if c.extra == nil {
		return 0
	}
	return int64(c.extra.market)
}

func (c *skuCore) available() int { return int(c.total) - int(c.reserved) }

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
	return SKU{id: p.ID, productID: productID, attrs: packAttrs(p.Attrs), skuCore: newCore(p, c)}, nil
}

// newCore is a new SKU's core at revision 1, listed, from validated params and their prices in
// fen.
func newCore(s SKUParams, c checkedPrices) skuCore {
	return skuCore{extra: withExtra(nil, s.Code, c.market), price: int32(c.price), revision: 1,
		total: int32(s.Stock), status: SKUListed}
}
