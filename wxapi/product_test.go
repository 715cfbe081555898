package wxapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/wxapi"
)

// restoreProduct decodes a product/get answer into a fresh catalog.
func restoreProduct(t testing.TB, body []byte) (*catalog.Catalog, wxapi.ProductResult) {
	t.Helper()
	res, err := wxapi.DecodeProduct(body)
	require.NoError(t, err)
	state, err := res.State()
	require.NoError(t, err)
	c := catalog.New()
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: state.CategoryID, Name: "短袖T恤"}))
	require.NoError(t, c.RestoreProduct(state))
	return c, res
}

// skuView renders a catalog SKU for golden files.
type skuView struct {
	ID       string            `json:"id"`
	Code     string            `json:"code"`
	Attrs    []catalog.Attr    `json:"attrs"`
	Price    string            `json:"price"`
	Market   string            `json:"market_price,omitempty"`
	Stock    int               `json:"available"`
	Status   catalog.SKUStatus `json:"status"`
	Revision uint32            `json:"revision"`
	Deleted  bool              `json:"deleted,omitempty"`
	CanBuy   string            `json:"can_buy"`
}

func viewSKUs(c *catalog.Catalog, productID string) []skuView {
	p, _ := c.Product(productID)
	var out []skuView
	for _, s := range p.SKUs() {
		v := skuView{ID: s.ID(), Code: s.Code(), Attrs: s.Attrs(), Price: s.Price().StringFixed(2), Stock: s.Available(),
			Status: s.Status(), Revision: s.Revision(), Deleted: s.Deleted(), CanBuy: "yes"}
		if m, ok := s.MarketPrice(); ok {
			v.Market = m.StringFixed(2)
		}
		if err := c.CanBuy(productID, s.ID(), 1); err != nil {
			v.CanBuy = err.Error()
		}
		out = append(out, v)
	}
	return out
}

// TestDecodeProduct_Golden: product/get → catalog product with three SKUs → a no-review change
// applied to the catalog → the same change as a product/auditfree body.
func TestDecodeProduct_Golden(t *testing.T) {
	t.Parallel()
	c, res := restoreProduct(t, readTestdata(t, "product/three_skus.json"))
	const id = "10000211"
	before := viewSKUs(c, id)

	change := catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "1000021103", Price: decimal.NewNullDecimal(decimal.RequireFromString("79.90"))},
		{ID: "1000021104", Stock: catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 40}},
		{ID: "1000021105", Status: catalog.SKUListed, Stock: catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 25}},
	}}
	require.NoError(t, c.UpdateWithoutReview(id, change))
	body, err := wxapi.EncodeAuditFree(id, change)
	require.NoError(t, err)

	out := struct {
		Status     catalog.ProductStatus `json:"status"`
		EditStatus catalog.EditStatus    `json:"edit_status"`
		Category   string                `json:"category"`
		SPUCode    string                `json:"spu_code"`
		Before     []skuView             `json:"skus"`
		After      []skuView             `json:"skus_after_change"`
		AuditFree  json.RawMessage       `json:"auditfree"`
	}{res.Online.Status, res.Online.EditStatus, res.Online.Params.CategoryID, res.Online.SPUCode,
		before, viewSKUs(c, id), body}
	golden(t, "product/three_skus.golden", indentJSON(t, out))
}

func TestDecodeProduct_Values(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeProduct(readTestdata(t, "product/three_skus.json"))
	require.NoError(t, err)
	require.NotNil(t, res.Online)
	assert.Nil(t, res.Draft)
	p := res.Online
	assert.Equal(t, catalog.StatusListed, p.Status)
	assert.Equal(t, catalog.EditReviewPassed, p.EditStatus)
	assert.Equal(t, "7421", p.Params.CategoryID, "the leaf of cats_v2")
	require.Len(t, p.Params.SKUs, 3)
	assert.Equal(t, "99.00", p.Params.SKUs[2].Price.StringFixed(2))
	assert.Equal(t, "129.00", p.Params.SKUs[2].MarketPrice.StringFixed(2))
	assert.Equal(t, 86, p.Params.SKUs[1].Stock)
	assert.Equal(t, map[string]catalog.SKUStatus{"1000021103": catalog.SKUListed, "1000021104": catalog.SKUListed,
		"1000021105": catalog.SKUDelisted}, p.SKUStatus)
}

func TestDecodeProduct_Draft(t *testing.T) {
	t.Parallel()
	body := string(readTestdata(t, "product/three_skus.json"))
	body = strings.Replace(body, `"edit_status": 4`, `"edit_status": 2`, 1)
	res, err := wxapi.DecodeProduct([]byte(body))
	require.NoError(t, err)
	_, err = res.State()
	require.ErrorIs(t, err, wxapi.ErrMissingField, "under review without the draft")

	// data_type 3: the same product as online copy and draft, the draft with a new title.
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(body), &raw))
	draft := strings.Replace(string(raw["product"]), "精梳棉圆领短袖T恤", "精梳棉圆领短袖T恤（新款）", 1)
	both := `{"errcode":0,"product":` + string(raw["product"]) + `,"edit_product":` + draft + `}`
	res, err = wxapi.DecodeProduct([]byte(both))
	require.NoError(t, err)
	state, err := res.State()
	require.NoError(t, err)
	require.NotNil(t, state.Draft)
	assert.Equal(t, "精梳棉圆领短袖T恤（新款）", state.Draft.Title)

	_, err = wxapi.ProductResult{}.State()
	assert.ErrorIs(t, err, wxapi.ErrMissingField)
}

func TestDecodeProduct_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new, field string
		is                    error
	}{
		{"unknown status", `"status": 5,`, `"status": 7,`, "product.status", wxapi.ErrUnknownCode},
		{"unknown edit status", `"edit_status": 4`, `"edit_status": 6`, "product.edit_status", wxapi.ErrUnknownCode},
		{"unknown sku status", `"status": 11`, `"status": 12`, "product.skus[2].status", wxapi.ErrUnknownCode},
		{"price in yuan", `"sale_price": 9900`, `"sale_price": 99.5`, "product.skus[2].sale_price", wxapi.ErrInvalidAmount},
		{"negative stock", `"stock_num": 86`, `"stock_num": -1`, "product.skus[1].stock_num", wxapi.ErrMalformed},
		{"absurd stock", `"stock_num": 86`, `"stock_num": 1000000001`, "product.skus[1].stock_num", wxapi.ErrMalformed},
		{"no category", `"cats_v2"`, `"cats_gone"`, "product.cats_v2", wxapi.ErrMissingField},
		{"no images", `"head_imgs"`, `"head_gone"`, "product.head_imgs", wxapi.ErrMissingField},
		{"no skus", `"skus"`, `"skus_gone"`, "product.skus", wxapi.ErrMissingField},
		{"bad sku id", `"sku_id": "1000021104"`, `"sku_id": "SKU-4"`, "product.skus[1].sku_id", wxapi.ErrMalformed},
		{"no product", `"product": {`, `"nothing": {`, "product", wxapi.ErrMissingField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body := string(readTestdata(t, "product/three_skus.json"))
			require.Contains(t, body, tt.old)
			_, err := wxapi.DecodeProduct([]byte(strings.Replace(body, tt.old, tt.new, 1)))
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, tt.is, err.Error())
		})
	}
}
