package wxapi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeStockUpdate_Errors(t *testing.T) {
	t.Parallel()
	add := func(n int) catalog.StockAdjustment { return catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: n} }
	tests := []struct {
		name             string
		productID, skuID string
		a                catalog.StockAdjustment
		field            string
		is               error
	}{
		{"no product", "", "1000021104", add(1), "product_id", wxapi.ErrMissingField},
		{"SKU code instead of ID", "10000211", "TEE-CC-WH-M", add(1), "sku_id", wxapi.ErrMalformed},
		{"zero delta", "10000211", "1000021104", add(0), "num", wxapi.ErrMalformed},
		{"negative subtraction", "10000211", "1000021104", catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: -3}, "num", wxapi.ErrMalformed},
		{"set below zero", "10000211", "1000021104", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: -1}, "num", wxapi.ErrMalformed},
		{"absurd stock", "10000211", "1000021104", add(catalog.MaxStock + 1), "num", wxapi.ErrMalformed},
		{"no diff type", "10000211", "1000021104", catalog.StockAdjustment{Num: 5}, "diff_type", wxapi.ErrUnknownCode},
		{"unknown diff type", "10000211", "1000021104", catalog.StockAdjustment{Diff: 4, Num: 5}, "diff_type", wxapi.ErrUnknownCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeStockUpdate(tt.productID, tt.skuID, tt.a)
			assert.Nil(t, body)
			requireFieldError(t, err, "product/stock/update", tt.field, tt.is)
		})
	}
	// Setting the stock to zero is a real change.
	body, err := wxapi.EncodeStockUpdate("10000211", "1000021104", catalog.StockAdjustment{Diff: catalog.DiffSet})
	assert.NoError(t, err)
	assert.Equal(t, `{"product_id":"10000211","sku_id":"1000021104","diff_type":3,"num":0}`, string(body))
}

func TestEncodeListing_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, productID string
		is              error
	}{
		{"empty", "", wxapi.ErrMissingField},
		{"zero", "0", wxapi.ErrMalformed},
		{"leading zero", "010000211", wxapi.ErrMalformed},
		{"above uint64", "18446744073709551616", wxapi.ErrMalformed},
		{"spaces", " 10000211", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for payload, encode := range map[string]func(string) ([]byte, error){
				"product/listing": wxapi.EncodeListing, "product/delisting": wxapi.EncodeDelisting,
			} {
				body, err := encode(tt.productID)
				assert.Nil(t, body)
				requireFieldError(t, err, payload, "product_id", tt.is)
			}
		})
	}
	body, err := wxapi.EncodeListing("18446744073709551615")
	assert.NoError(t, err)
	assert.Equal(t, `{"product_id":"18446744073709551615"}`, string(body), "an ID above 2^53 stays exact")
}
