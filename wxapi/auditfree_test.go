package wxapi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeAuditFree(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "1000021103", Price: decimal.NewNullDecimal(decimal.RequireFromString("0.01"))},
		{ID: "1000021104", Stock: catalog.StockAdjustment{Diff: catalog.DiffSubtract, Num: 3}},
		{ID: "1000021105", Delete: true},
		{ID: "1000021106", Status: catalog.SKUDelisted},
	}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"product_id":"10000211","skus":[
		{"sku_id":"1000021103","sale_price":1},
		{"sku_id":"1000021104","stock_info":{"diff_type":2,"num":3}},
		{"sku_id":"1000021105","is_delete":true},
		{"sku_id":"1000021106","status":11}]}`, string(body))
}

func TestEncodeAuditFree_Errors(t *testing.T) {
	t.Parallel()
	price := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	tests := []struct {
		name  string
		skus  []catalog.NoReviewSKU
		field string
		is    error
	}{
		{"no skus", nil, "skus", wxapi.ErrMissingField},
		{"bad sku id", []catalog.NoReviewSKU{{ID: "x1", Status: catalog.SKUListed}}, "skus[0].sku_id", wxapi.ErrMalformed},
		{"sku twice", []catalog.NoReviewSKU{{ID: "1", Status: catalog.SKUListed}, {ID: "1", Delete: true}}, "skus[1].sku_id", wxapi.ErrMalformed},
		{"third of a fen", []catalog.NoReviewSKU{{ID: "1", Price: price("9.999")}}, "skus[0].sale_price", wxapi.ErrInvalidAmount},
		{"free", []catalog.NoReviewSKU{{ID: "1", Price: price("0")}}, "skus[0].sale_price", wxapi.ErrInvalidAmount},
		{"negative", []catalog.NoReviewSKU{{ID: "1", Price: price("-1")}}, "skus[0].sale_price", wxapi.ErrInvalidAmount},
		{"absurd", []catalog.NoReviewSKU{{ID: "1", Price: price("1000000000.01")}}, "skus[0].sale_price", wxapi.ErrInvalidAmount},
		{"zero delta", []catalog.NoReviewSKU{{ID: "1", Stock: catalog.StockAdjustment{Diff: catalog.DiffAdd}}}, "skus[0].stock_info.num", wxapi.ErrMalformed},
		{"unknown diff type", []catalog.NoReviewSKU{{ID: "1", Stock: catalog.StockAdjustment{Diff: 4, Num: 1}}}, "skus[0].stock_info.diff_type", wxapi.ErrUnknownCode},
		{"absurd stock", []catalog.NoReviewSKU{{ID: "1", Stock: catalog.StockAdjustment{Diff: catalog.DiffSet, Num: catalog.MaxStock + 1}}}, "skus[0].stock_info.num", wxapi.ErrMalformed},
		{"unknown status", []catalog.NoReviewSKU{{ID: "1", Status: 7}}, "skus[0].status", wxapi.ErrUnknownCode},
		{"delete and change", []catalog.NoReviewSKU{{ID: "1", Delete: true, Status: catalog.SKUListed}}, "skus[0].is_delete", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{SKUs: tt.skus})
			assert.Nil(t, body)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "product/auditfree", fe.Payload)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, tt.is, err.Error())
		})
	}
	// A stock set to zero is a real change, not a zero delta.
	_, err := wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "1", Stock: catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 0}}}})
	assert.NoError(t, err)
}
