package wxapi

import (
	"github.com/wxshop-go/wxshop/catalog"
)

const (
	payloadStockUpdate = "product/stock/update"
	payloadListing     = "product/listing"
	payloadDelisting   = "product/delisting"
)

type wireStockUpdate struct {
	ProductID string `json:"product_id"`
	SKUID     string `json:"sku_id"`
	DiffType  int    `json:"diff_type"`
	Num       int    `json:"num"`
}

type wireProductID struct {
	ProductID string `json:"product_id"`
}

// EncodeStockUpdate returns the body of POST /channels/ec/product/stock/update (快速更新库存)
// for the stock change a of SKU skuID of product productID, the change
// (*catalog.Catalog).AdjustStock applies locally: diff_type 1 adds num units, 2 subtracts
// them (num 1 to catalog.MaxStock: the platform refuses a zero delta, 10020054), 3 sets the
// stock to num (0 to catalog.MaxStock). The platform advises against 3: under concurrent
// orders a set can overwrite units sold in between, so prefer 1 and 2. Source:
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/stock/api_updatestock.html
func EncodeStockUpdate(productID, skuID string, a catalog.StockAdjustment) ([]byte, error) {
	d := decoder{payload: payloadStockUpdate}
	pp, sp, tp, np := root("product_id"), root("sku_id"), root("diff_type"), root("num")
	body := wireStockUpdate{ProductID: d.outID(&pp, productID), SKUID: d.outID(&sp, skuID), DiffType: int(a.Diff), Num: a.Num}
	d.stockAdjustment(&tp, &np, a)
	return d.marshal(body)
}

// EncodeListing returns the body of POST /channels/ec/product/listing (上架商品): product
// productID, or a gift product (赠品), goes on sale once its review passes. The platform
// answers asynchronously with the product_spu_listing event.
func EncodeListing(productID string) ([]byte, error) {
	return encodeProductID(payloadListing, productID)
}

// EncodeDelisting returns the body of POST /channels/ec/product/delisting (下架商品) for
// product productID, or a gift product.
func EncodeDelisting(productID string) ([]byte, error) {
	return encodeProductID(payloadDelisting, productID)
}

func encodeProductID(payload, productID string) ([]byte, error) {
	d := decoder{payload: payload}
	pp := root("product_id")
	return d.marshal(wireProductID{ProductID: d.outID(&pp, productID)})
}
