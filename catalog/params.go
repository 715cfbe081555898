package catalog

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// MaxStock caps a SKU's units on hand. The platform publishes no cap; this one keeps stock
// arithmetic far from overflow and catches unit slips.
const MaxStock = 1_000_000_000

// maxValuesPerAttr is the platform's limit of distinct values per attribute key in one product
// (10020031).
const maxValuesPerAttr = 100

// ProductParams describes a product for AddProduct and UpdateProduct (product/add,
// product/update).
type ProductParams struct {
	ID          string `validate:"required,max=64"`
	Title       string `validate:"required"`
	CategoryID  string `validate:"required"`
	Description string
	// Images are the product's image URLs or media IDs; at least one.
	Images []string `validate:"min=1,dive,required"`
	// SKUs are the product's variants; at least one. Their IDs are unique across the catalog.
	SKUs []SKUParams `validate:"min=1,dive"`
}

// SKUParams describes one SKU of a product.
type SKUParams struct {
	ID string `validate:"required,max=64"`
	// Code is the merchant's own code (sku_code), at most 20 characters.
	Code string `validate:"max=20"`
	// Attrs are the sale attributes; keys and values are required, keys are unique in a SKU,
	// and a product has at most 100 distinct values per key.
	Attrs []Attr
	// Price is the sale price in yuan: greater than zero, at most two decimals (10020039).
	Price decimal.Decimal
	// MarketPrice is the crossed-out price; zero means none, otherwise it must exceed Price
	// (10020040).
	MarketPrice decimal.Decimal
	// Stock is the initial number of units on hand, 0 to MaxStock.
	Stock int `validate:"gte=0,lte=1000000000"`
}

// check validates p: tags first, then the rules tags cannot say.
func (p ProductParams) check() error {
	if err := validate.Struct("catalog", p); err != nil {
		return err
	}
	values := map[string]map[string]struct{}{}
	seen := make(map[string]struct{}, len(p.SKUs))
	for i, s := range p.SKUs {
		field := fmt.Sprintf("SKUs[%d]", i)
		if _, dup := seen[s.ID]; dup {
			return invalid("ProductParams", field+".ID", "unique", "")
		}
		seen[s.ID] = struct{}{}
		if err := s.checkOne("ProductParams", field+"."); err != nil {
			return err
		}
		for _, a := range s.Attrs {
			if values[a.Key] == nil {
				values[a.Key] = map[string]struct{}{}
			}
			values[a.Key][a.Value] = struct{}{}
			if len(values[a.Key]) > maxValuesPerAttr {
				return invalid("ProductParams", field+".Attrs", "max_values_per_key", fmt.Sprint(maxValuesPerAttr))
			}
		}
	}
	return nil
}

// checkOne applies the rules tags cannot say to one SKU: prices and attributes. prefix
// locates the SKU in its params struct ("SKUs[0].").
func (s SKUParams) checkOne(structName, prefix string) error {
	if err := money.CheckPositive(prefix+"Price", s.Price); err != nil {
		return err
	}
	if !s.MarketPrice.IsZero() {
		if err := money.Check(prefix+"MarketPrice", s.MarketPrice); err != nil {
			return err
		}
		if s.MarketPrice.Cmp(s.Price) <= 0 {
			return invalid(structName, prefix+"MarketPrice", "gtfield", "Price")
		}
	}
	return checkAttrs(structName, prefix+"Attrs", s.Attrs)
}

// checkAttrs requires non-empty keys and values and unique keys.
func checkAttrs(structName, field string, attrs []Attr) error {
	for i, a := range attrs {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case a.Key == "":
			return invalid(structName, f+".Key", "required", "")
		case a.Value == "":
			return invalid(structName, f+".Value", "required", "")
		}
		for _, b := range attrs[:i] {
			if a.Key == b.Key {
				return invalid(structName, f+".Key", "unique", "")
			}
		}
	}
	return nil
}
