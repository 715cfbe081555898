package wxapi

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/order"
)

// Prices and LineDetails hold decimal amounts; their JSON writes them as "10.10" (money.Fen)
// through plain mirrors, in one pass, and reads them back exactly.

type pricesJSON struct {
	ProductPrice          money.Fen       `json:"product_price"`
	OrderPrice            money.Fen       `json:"order_price"`
	Freight               money.Fen       `json:"freight"`
	ChangedFreight        *money.Fen      `json:"changed_freight,omitempty"`
	RefundedFreight       money.Fen       `json:"refunded_freight,omitzero"`
	OriginalOrderPrice    *money.Fen      `json:"original_order_price,omitempty"`
	EstimatedProductPrice *money.Fen      `json:"estimated_product_price,omitempty"`
	ChangeDown            *money.Fen      `json:"change_down,omitempty"`
	MerchantReceives      *money.Fen      `json:"merchant_receives,omitempty"`
	Discounts             order.Discounts `json:"discounts,omitzero"`
}

// MarshalJSON writes the prices with snake_case keys and amounts as "10.10".
func (p Prices) MarshalJSON() ([]byte, error) {
	var j pricesJSON
	var err error
	for _, f := range []struct {
		name string
		dst  *money.Fen
		v    decimal.Decimal
	}{{"product_price", &j.ProductPrice, p.ProductPrice}, {"order_price", &j.OrderPrice, p.OrderPrice},
		{"freight", &j.Freight, p.Freight}, {"refunded_freight", &j.RefundedFreight, p.RefundedFreight}} {
		if *f.dst, err = money.FenOf(f.name, f.v); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		name string
		dst  **money.Fen
		v    decimal.NullDecimal
	}{{"changed_freight", &j.ChangedFreight, p.ChangedFreight}, {"original_order_price", &j.OriginalOrderPrice, p.OriginalOrderPrice},
		{"estimated_product_price", &j.EstimatedProductPrice, p.EstimatedProductPrice}, {"change_down", &j.ChangeDown, p.ChangeDown},
		{"merchant_receives", &j.MerchantReceives, p.MerchantReceives}} {
		if *f.dst, err = nullFen(f.name, f.v); err != nil {
			return nil, err
		}
	}
	j.Discounts = p.Discounts
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes; unknown keys are refused.
func (p *Prices) UnmarshalJSON(b []byte) error {
	var j pricesJSON
	if err := strict.Decode(b, &j); err != nil {
		return err
	}
	*p = Prices{ProductPrice: j.ProductPrice.Decimal(), OrderPrice: j.OrderPrice.Decimal(), Freight: j.Freight.Decimal(),
		ChangedFreight: nullDecimal(j.ChangedFreight), RefundedFreight: j.RefundedFreight.Decimal(),
		OriginalOrderPrice: nullDecimal(j.OriginalOrderPrice), EstimatedProductPrice: nullDecimal(j.EstimatedProductPrice),
		ChangeDown: nullDecimal(j.ChangeDown), MerchantReceives: nullDecimal(j.MerchantReceives), Discounts: j.Discounts}
	return nil
}

type lineDetailsJSON struct {
	SKUCode         string          `json:"sku_code,omitempty"`
	OutProductID    string          `json:"out_product_id,omitempty"`
	OutSKUID        string          `json:"out_sku_id,omitempty"`
	Thumbnail       string          `json:"thumbnail,omitempty"`
	MarketPrice     money.Fen       `json:"market_price,omitzero"`
	Estimated       *money.Fen      `json:"estimated,omitempty"`
	Changed         *money.Fen      `json:"changed,omitempty"`
	Discounts       order.Discounts `json:"discounts,omitzero"`
	FreeGift        bool            `json:"free_gift,omitzero"`
	GiftOf          []GiftSource    `json:"gift_of,omitempty"`
	DropshipOrderID string          `json:"dropship_order_id,omitempty"`
}

// MarshalJSON writes the line's details with snake_case keys and amounts as "10.10".
func (l LineDetails) MarshalJSON() ([]byte, error) {
	j := lineDetailsJSON{SKUCode: l.SKUCode, OutProductID: l.OutProductID, OutSKUID: l.OutSKUID, Thumbnail: l.Thumbnail,
		Discounts: l.Discounts, FreeGift: l.FreeGift, GiftOf: l.GiftOf, DropshipOrderID: l.DropshipOrderID}
	var err error
	if j.MarketPrice, err = money.FenOf("market_price", l.MarketPrice); err != nil {
		return nil, err
	}
	if j.Estimated, err = nullFen("estimated", l.Estimated); err != nil {
		return nil, err
	}
	if j.Changed, err = nullFen("changed", l.Changed); err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes; unknown keys are refused.
func (l *LineDetails) UnmarshalJSON(b []byte) error {
	var j lineDetailsJSON
	if err := strict.Decode(b, &j); err != nil {
		return err
	}
	*l = LineDetails{SKUCode: j.SKUCode, OutProductID: j.OutProductID, OutSKUID: j.OutSKUID, Thumbnail: j.Thumbnail,
		MarketPrice: j.MarketPrice.Decimal(), Estimated: nullDecimal(j.Estimated), Changed: nullDecimal(j.Changed),
		Discounts: j.Discounts, FreeGift: j.FreeGift, GiftOf: j.GiftOf, DropshipOrderID: j.DropshipOrderID}
	return nil
}

// nullFen converts an optional amount; nil when it is not set.
func nullFen(field string, v decimal.NullDecimal) (*money.Fen, error) {
	if !v.Valid {
		return nil, nil
	}
	f, err := money.FenOf(field, v.Decimal)
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// nullDecimal converts an optional amount back.
func nullDecimal(f *money.Fen) decimal.NullDecimal {
	if f == nil {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(f.Decimal())
}
