package wxapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeAuditFree_TermsErrors(t *testing.T) {
	t.Parallel()
	begin := time.Date(2024, 11, 1, 0, 0, 0, 0, cst)
	presale := func(edit func(t *catalog.DeliveryTerms)) catalog.NoReviewUpdate {
		terms := catalog.DeliveryTerms{Stock: catalog.StockPresale, Ship: catalog.ShipAfterPresale, Days: 3,
			PresaleBegin: begin, PresaleEnd: begin.AddDate(0, 0, 10)}
		edit(&terms)
		return catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "1000021103", Delivery: &terms}}}
	}
	limit := func(l catalog.PurchaseLimit) catalog.NoReviewUpdate {
		return catalog.NoReviewUpdate{Limit: &l, SKUs: []catalog.NoReviewSKU{{ID: "1000021103"}}}
	}
	code := func(spu, sku string) catalog.NoReviewUpdate {
		return catalog.NoReviewUpdate{SPUCode: spu, SKUs: []catalog.NoReviewSKU{{ID: "1000021103", Code: sku}}}
	}
	const di = "skus[0].sku_deliver_info."
	tests := []struct {
		name  string
		u     catalog.NoReviewUpdate
		field string
		is    []error
	}{
		{"SPU code with a newline", code("TEE\nCC", ""), "spu_code", []error{wxapi.ErrMalformed}},
		{"SPU code too long", code(strings.Repeat("码", catalog.MaxCodeLength+1), ""), "spu_code", []error{wxapi.ErrMalformed}},
		{"SKU code with a tab", code("", "TEE-CC\tWH"), "skus[0].sku_code", []error{wxapi.ErrMalformed}},
		{"SKU code of invalid UTF-8", code("", "TEE-\xff"), "skus[0].sku_code", []error{wxapi.ErrMalformed}},
		{"deleted SKU with a code", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "1000021103", Delete: true, Code: "X"}}},
			"skus[0].is_delete", []error{wxapi.ErrMalformed}},
		{"deleted SKU with terms", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "1000021103", Delete: true, Delivery: &catalog.DeliveryTerms{}}}},
			"skus[0].is_delete", []error{wxapi.ErrMalformed}},

		{"unknown limit period", limit(catalog.PurchaseLimit{Period: 5, Units: 1}), "limited_info.period_type", []error{wxapi.ErrUnknownCode}},
		{"units without a period", limit(catalog.PurchaseLimit{Units: 3}), "limited_info.limited_buy_num", []error{wxapi.ErrMalformed, catalog.ErrInvalid}},
		{"a period without units", limit(catalog.PurchaseLimit{Period: catalog.LimitDaily}), "limited_info.limited_buy_num", []error{wxapi.ErrMalformed, catalog.ErrInvalid}},
		{"absurd limit", limit(catalog.PurchaseLimit{Period: catalog.LimitMonthly, Units: catalog.MaxStock + 1}), "limited_info.limited_buy_num", []error{wxapi.ErrMalformed}},

		{"unknown stock type", presale(func(t *catalog.DeliveryTerms) { t.Stock = 2 }), di + "stock_type", []error{wxapi.ErrUnknownCode}},
		{"unknown shipping start", presale(func(t *catalog.DeliveryTerms) { t.Ship = 2 }), di + "full_payment_presale_delivery_type", []error{wxapi.ErrUnknownCode}},
		{"spot stock with days", presale(func(t *catalog.DeliveryTerms) { *t = catalog.DeliveryTerms{Days: 3} }), di + "full_payment_presale_delivery_time", []error{wxapi.ErrMalformed, catalog.ErrInvalid}},
		{"spot stock shipped after a presale", presale(func(t *catalog.DeliveryTerms) { t.Stock = catalog.StockSpot }), di + "full_payment_presale_delivery_type", []error{catalog.ErrInvalid}},
		{"spot stock with a window", presale(func(t *catalog.DeliveryTerms) { *t = catalog.DeliveryTerms{PresaleEnd: begin} }), di + "presale_end_time", []error{catalog.ErrInvalid}},
		{"presale without days", presale(func(t *catalog.DeliveryTerms) { t.Days = 0 }), di + "full_payment_presale_delivery_time", []error{catalog.ErrInvalid}},
		{"presale of 16 days", presale(func(t *catalog.DeliveryTerms) { t.Days = 16 }), di + "full_payment_presale_delivery_time", []error{catalog.ErrInvalid}},
		{"window while shipping after payment", presale(func(t *catalog.DeliveryTerms) { t.Ship = catalog.ShipAfterPayment }), di + "presale_begin_time", []error{catalog.ErrInvalid}},
		{"no window", presale(func(t *catalog.DeliveryTerms) { t.PresaleBegin = time.Time{} }), di + "presale_begin_time", []error{catalog.ErrInvalid}},
		{"no window end", presale(func(t *catalog.DeliveryTerms) { t.PresaleEnd = time.Time{} }), di + "presale_end_time", []error{catalog.ErrInvalid}},
		{"window ends before it begins", presale(func(t *catalog.DeliveryTerms) { t.PresaleEnd = begin.Add(-time.Hour) }), di + "presale_end_time", []error{catalog.ErrInvalid}},
		{"window of 16 days", presale(func(t *catalog.DeliveryTerms) { t.PresaleEnd = begin.AddDate(0, 0, 16) }), di + "presale_end_time", []error{catalog.ErrInvalid}},
		{"begin with a fraction of a second", presale(func(t *catalog.DeliveryTerms) { t.PresaleBegin = begin.Add(time.Microsecond) }), di + "presale_begin_time", []error{wxapi.ErrMalformed}},
		{"begin before 1970", presale(func(t *catalog.DeliveryTerms) {
			t.PresaleBegin, t.PresaleEnd = time.Date(1969, 12, 30, 0, 0, 0, 0, time.UTC), time.Date(1970, 1, 2, 0, 0, 0, 0, time.UTC)
		}), di + "presale_begin_time", []error{wxapi.ErrMalformed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeAuditFree("10000211", tt.u)
			assert.Nil(t, body)
			requireFieldError(t, err, "product/auditfree", tt.field, tt.is...)
		})
	}
}

// TestEncodeAuditFree_LiftLimit: an explicit PurchaseLimit{} lifts the limit (period_type 0),
// while a nil Limit leaves it untouched.
func TestEncodeAuditFree_LiftLimit(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{Limit: &catalog.PurchaseLimit{}, SKUs: []catalog.NoReviewSKU{{ID: "1000021103"}}})
	assert.NoError(t, err)
	assert.JSONEq(t, `{"product_id":"10000211","skus":[{"sku_id":"1000021103"}],"limited_info":{"period_type":0,"limited_buy_num":0}}`, string(body))
	body, err = wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "1000021103"}}})
	assert.NoError(t, err)
	assert.JSONEq(t, `{"product_id":"10000211","skus":[{"sku_id":"1000021103"}]}`, string(body))
}
