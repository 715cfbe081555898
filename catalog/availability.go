package catalog

import "github.com/wxshop-go/wxshop/internal/enum"

// Availability is what a buyer is told about a product or SKU: it can be bought, or why not.
type Availability uint8

// Availabilities. The zero value is not one.
const (
	Buyable          Availability = 1 // 可购买
	OutOfStock       Availability = 2 // 无货: shown, cannot be bought (ErrOutOfStock)
	Delisted         Availability = 3 // 已下架 (ErrDelisted)
	InHiddenCategory Availability = 4 // 暂不销售 (ErrHiddenCategory)
	SKUDeleted       Availability = 5 // 规格已删除 (ErrSKUDeleted)
)

var availabilities = enum.New("catalog.Availability",
	enum.Spec[Availability]{Value: Buyable, Name: "buyable", Label: "可购买"},
	enum.Spec[Availability]{Value: OutOfStock, Name: "out_of_stock", Label: "无货"},
	enum.Spec[Availability]{Value: Delisted, Name: "delisted", Label: "已下架"},
	enum.Spec[Availability]{Value: InHiddenCategory, Name: "hidden_category", Label: "暂不销售"},
	enum.Spec[Availability]{Value: SKUDeleted, Name: "sku_deleted", Label: "规格已删除"},
)

// String returns the stable English name ("out_of_stock").
func (a Availability) String() string { return availabilities.Name(a) }

// Label returns the Chinese text a buyer sees (无货).
func (a Availability) Label() string { return availabilities.Label(a) }

// IsValid reports whether a is one of the availabilities.
func (a Availability) IsValid() bool { return availabilities.Valid(a) }

// MarshalText renders the stable name.
func (a Availability) MarshalText() ([]byte, error) { return availabilities.MarshalText(a) }

// UnmarshalText parses a stable name.
func (a *Availability) UnmarshalText(text []byte) error {
	return availabilities.UnmarshalText(a, text)
}

// Err returns the sentinel error CanBuy uses for a, or nil for Buyable.
func (a Availability) Err() error {
	switch a {
	case OutOfStock:
		return ErrOutOfStock
	case Delisted:
		return ErrDelisted
	case InHiddenCategory:
		return ErrHiddenCategory
	case SKUDeleted:
		return ErrSKUDeleted
	}
	return nil
}
