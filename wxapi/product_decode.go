package wxapi

import (
	"fmt"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
)

const payloadProductGet = "product/get"

// ProductResult is a decoded product/get answer: the online copy, the draft, or both,
// depending on the data_type asked for (1 online, 2 draft, 3 both).
type ProductResult struct {
	// Online is "product", the copy buyers see; nil when the answer has none.
	Online *Product
	// Draft is "edit_product", the draft under edit or review; nil when the answer has none.
	Draft *Product
}

// Product is one copy of a product as product/get describes it: what catalog.AddProduct takes
// (prices fen → yuan, stock, attributes), plus the platform's status codes, which a catalog
// product gets through Catalog.SetStatus and the review commands.
type Product struct {
	// Params is the product and its SKUs. CategoryID is the leaf category (the last of
	// cats_v2, or of the older cats when the payload has no cats_v2); Images are head_imgs;
	// Description is desc_info.desc.
	Params catalog.ProductParams
	// Status is the online status (status); EditStatus the draft status (edit_status).
	Status     catalog.ProductStatus
	EditStatus catalog.EditStatus
	// SKUStatus holds the listing state of each SKU whose payload gives one (5 listed, 11
	// delisted); the platform writes 0 for "not set", which leaves a SKU out.
	SKUStatus map[string]catalog.SKUStatus
	// SPUCode and OutProductID are the merchant's own codes.
	SPUCode      string
	OutProductID string
}

// DecodeProduct decodes a POST /channels/ec/product/get answer. At least one of "product" and
// "edit_product" must be present. Errors are an *APIError when errcode is not 0, or a
// *FieldError naming the field (an unknown status or edit_status, a price that is not whole
// fen, a stock above catalog.MaxStock, a missing ID, ...). The catalog's own rules (a sale
// price above zero and below the market price, attribute limits) are checked when the product
// is added to a catalog.
func DecodeProduct(body []byte) (ProductResult, error) {
	d := decoder{payload: payloadProductGet}
	var w wireProductGet
	if err := d.response(body, &w, &w.envelope); err != nil {
		return ProductResult{}, err
	}
	if w.Product == nil && w.EditProduct == nil {
		p := root("product")
		d.missing(&p)
		return ProductResult{}, d.err
	}
	var res ProductResult
	if w.Product != nil {
		p := root("product")
		res.Online = d.product(&p, w.Product)
	}
	if w.EditProduct != nil {
		p := root("edit_product")
		res.Draft = d.product(&p, w.EditProduct)
	}
	if d.err != nil {
		return ProductResult{}, d.err
	}
	return res, nil
}

func (d *decoder) product(p *path, w *wireProduct) *Product {
	ip, tp, hp := p.at("product_id"), p.at("title"), p.at("head_imgs")
	out := &Product{
		Params: catalog.ProductParams{
			ID:         d.id(&ip, w.ProductID, true),
			Title:      d.text(&tp, w.Title, true),
			CategoryID: d.leafCategory(p, w),
			Images:     w.HeadImgs,
		},
		SPUCode:      w.SPUCode,
		OutProductID: w.OutProductID,
	}
	if len(w.HeadImgs) == 0 {
		d.missing(&hp)
	}
	if w.Desc != nil {
		out.Params.Description = w.Desc.Desc
	}
	sp, ep := p.at("status"), p.at("edit_status")
	out.Status = catalog.ProductStatus(d.code(&sp, w.Status, "catalog.ProductStatus", func(v uint8) bool { return catalog.ProductStatus(v).IsValid() }))
	out.EditStatus = catalog.EditStatus(d.code(&ep, w.EditStatus, "catalog.EditStatus", func(v uint8) bool { return catalog.EditStatus(v).IsValid() }))

	kp := p.at("skus")
	if len(w.SKUs) == 0 {
		d.missing(&kp)
	}
	for i := range w.SKUs {
		ep := kp.elem(i)
		sku, status := d.sku(&ep, &w.SKUs[i])
		out.Params.SKUs = append(out.Params.SKUs, sku)
		if status != 0 {
			if out.SKUStatus == nil {
				out.SKUStatus = make(map[string]catalog.SKUStatus)
			}
			out.SKUStatus[sku.ID] = status
		}
	}
	return out
}

// leafCategory returns the last (deepest) category of cats_v2. A payload without cats_v2 (or
// with an empty one) falls back to the older cats, which products created before the new
// category tree may still carry; when both are present, cats_v2 wins.
func (d *decoder) leafCategory(p *path, w *wireProduct) string {
	cp, cats := p.at("cats_v2"), w.CatsV2
	if len(cats) == 0 && len(w.Cats) > 0 {
		cp, cats = p.at("cats"), w.Cats
	}
	if len(cats) == 0 {
		d.missing(&cp)
		return ""
	}
	ep := cp.elem(len(cats) - 1)
	ip := ep.at("cat_id")
	return d.id(&ip, cats[len(cats)-1].CatID, true)
}

func (d *decoder) sku(p *path, w *wireSKU) (catalog.SKUParams, catalog.SKUStatus) {
	ip, sp, mp, np, tp := p.at("sku_id"), p.at("sale_price"), p.at("market_price"), p.at("stock_num"), p.at("status")
	sku := catalog.SKUParams{
		ID:          d.id(&ip, w.SKUID, true),
		Code:        w.SKUCode,
		Attrs:       d.attrs(p, w.SKUAttrs),
		Price:       d.fen(&sp, w.SalePrice, true),
		MarketPrice: d.fen(&mp, w.MarketPrice, false),
		Stock:       d.bounded(&np, w.StockNum, false, catalog.MaxStock),
	}
	var status catalog.SKUStatus
	switch v := d.int(&tp, w.Status, false); v {
	case 0:
	case int64(catalog.SKUListed), int64(catalog.SKUDelisted):
		status = catalog.SKUStatus(v)
	default:
		d.fail(&tp, fmt.Sprint(v), &enum.UnknownError{Type: "catalog.SKUStatus", Value: fmt.Sprint(v)})
	}
	return sku, status
}

// code reads a small platform code and checks it with valid; typeName names the enum in the
// error.
func (d *decoder) code(p *path, n jint, typeName string, valid func(uint8) bool) uint8 {
	v := d.int(p, n, false)
	if d.err != nil {
		return 0
	}
	if v < 0 || v > 255 || !valid(uint8(v)) {
		d.fail(p, fmt.Sprint(v), &enum.UnknownError{Type: typeName, Value: fmt.Sprint(v)})
		return 0
	}
	return uint8(v)
}
