package catalog

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Attr is one sale attribute of a SKU (sku_attrs: attr_key / attr_value), e.g. 颜色 = 红色.
type Attr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Snapshot is what an order line remembers of a SKU at the moment the buyer ordered it: which
// product and SKU, its title and attributes, its sale price and its revision. Shipping compares
// it with the live SKU to detect a SKU that changed after the order (SKU drift, 606031).
//
// A Snapshot is a value: copy it freely. Attrs is shared by copies; treat it as read-only.
type Snapshot struct {
	ProductID string          `json:"product_id"`
	SKUID     string          `json:"sku_id"`
	Title     string          `json:"title"`
	Attrs     []Attr          `json:"attrs,omitempty"`
	Price     decimal.Decimal `json:"price"`
	// Revision is the SKU's revision when the snapshot was taken; every change that matters to
	// a buyer (price, attributes, deletion) bumps it.
	Revision uint32 `json:"revision"`
}

// Equal reports whether two snapshots describe the same SKU state (prices compared by value).
func (s Snapshot) Equal(o Snapshot) bool {
	return s.ProductID == o.ProductID && s.SKUID == o.SKUID && s.Title == o.Title &&
		s.Revision == o.Revision && s.Price.Equal(o.Price) && slices.Equal(s.Attrs, o.Attrs)
}
