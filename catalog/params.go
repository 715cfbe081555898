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
	// Code is the merchant's own code (sku_code), at most MaxCodeLength (100) characters.
	Code string `validate:"max=100"`
	// Attrs are the sale attributes; keys and values are required, keys are unique in a SKU,
	// and a product has at most 100 distinct values per key.
	Attrs []Attr
	// Price is the sale price in yuan: greater than zero, at most two decimals (10020039), at
	// most MaxPrice.
	Price decimal.Decimal
	// MarketPrice is the crossed-out price; zero means none, otherwise it must exceed Price
	// (10020040) and be at most MaxPrice.
	MarketPrice decimal.Decimal
	// Stock is the initial number of units on hand, 0 to MaxStock.
	Stock int `validate:"gte=0,lte=1000000000"`
}

// checkedPrices are a SKU's prices in fen, as checkOne accepted them.
type checkedPrices struct{ price, market int64 }

// check validates p: tags first, then the rules tags cannot say. It returns each SKU's prices
// in fen, in order.
func (p ProductParams) check() ([]checkedPrices, error) { return p.checkExcept(nil) }

// checkExcept is check with the SKUs i for which gone(i) is true left out of the count of
// values per attribute key: a SKU that an approved review deleted keeps its attributes, and the
// platform's limit (10020031) is on the SKUs a product still has.
func (p ProductParams) checkExcept(gone func(i int) bool) ([]checkedPrices, error) {
	if err := validate.Struct("catalog", p); err != nil {
		return nil, err
	}
	values := map[string]map[string]struct{}{}
	seen := make(map[string]struct{}, len(p.SKUs))
	prices := make([]checkedPrices, len(p.SKUs))
	for i, s := range p.SKUs {
		field := fmt.Sprintf("SKUs[%d]", i)
		if _, dup := seen[s.ID]; dup {
			return nil, invalid("ProductParams", field+".ID", "unique", "")
		}
		seen[s.ID] = struct{}{}
		c, err := s.checkOne("ProductParams", field+".")
		if err != nil {
			return nil, err
		}
		prices[i] = c
		if gone != nil && gone(i) {
			continue
		}
		for _, a := range s.Attrs {
			if values[a.Key] == nil {
				values[a.Key] = map[string]struct{}{}
			}
			values[a.Key][a.Value] = struct{}{}
			if len(values[a.Key]) > maxValuesPerAttr {
				return nil, invalid("ProductParams", field+".Attrs", ruleMaxValuesPerKey, fmt.Sprint(maxValuesPerAttr))
			}
		}
	}
	return prices, nil
}

// checkOne applies the rules tags cannot say to one SKU: prices and attributes. prefix
// locates the SKU in its params struct ("SKUs[0].").
func (s SKUParams) checkOne(structName, prefix string) (checkedPrices, error) {
	price, err := checkPrice(prefix+"Price", s.Price)
	if err != nil {
		return checkedPrices{}, err
	}
	market, err := money.ToFen(prefix+"MarketPrice", s.MarketPrice)
	if err != nil {
		return checkedPrices{}, err
	}
	if market != 0 {
		if market > maxPriceFen {
			return checkedPrices{}, &money.AmountError{Field: prefix + "MarketPrice", Value: money.FormatFen(market),
				Reason: "above the platform's cap of " + money.FormatFen(maxPriceFen) + " yuan"}
		}
		if market <= price {
			return checkedPrices{}, invalid(structName, prefix+"MarketPrice", "gtfield", "Price")
		}
	}
	return checkedPrices{price: price, market: market}, checkAttrs(structName, prefix+"Attrs", s.Attrs)
}

// checkAttrs requires non-empty keys and values and unique keys. validate.Struct already
// checked that they are valid UTF-8.
func checkAttrs(structName, field string, attrs []Attr) error {
	var seen map[string]struct{} // for many attributes; a few are compared pairwise
	if len(attrs) > 8 {
		seen = make(map[string]struct{}, len(attrs))
	}
	for i, a := range attrs {
		switch {
		case a.Key == "":
			return invalid(structName, fmt.Sprintf("%s[%d].Key", field, i), "required", "")
		case a.Value == "":
			return invalid(structName, fmt.Sprintf("%s[%d].Value", field, i), "required", "")
		}
		dup := false
		if seen != nil {
			_, dup = seen[a.Key]
			seen[a.Key] = struct{}{}
		} else {
			for _, b := range attrs[:i] {
				dup = dup || b.Key == a.Key
			}
		}
		if dup {
			return invalid(structName, fmt.Sprintf("%s[%d].Key", field, i), "unique", "")
		}
	}
	return nil
}
