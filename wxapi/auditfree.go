package wxapi

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

const payloadAuditFree = "product/auditfree"

// Wire shape of POST /channels/ec/product/auditfree (REFERENCE §4): field-level overwrite, so
// every field left out stays as it is on the platform.
type wireAuditFree struct {
	ProductID   string             `json:"product_id"`
	SPUCode     string             `json:"spu_code,omitempty"`
	SKUs        []wireAuditFreeSKU `json:"skus"`
	LimitedInfo *wireLimitedInfo   `json:"limited_info,omitempty"`
}

type wireAuditFreeSKU struct {
	SKUID          string                `json:"sku_id"`
	SKUCode        string                `json:"sku_code,omitempty"`
	SalePrice      *int64                `json:"sale_price,omitempty"`
	StockInfo      *wireStockInfo        `json:"stock_info,omitempty"`
	SKUDeliverInfo *wireAuditFreeDeliver `json:"sku_deliver_info,omitempty"`
	IsDelete       bool                  `json:"is_delete,omitempty"`
	Status         int                   `json:"status,omitempty"`
}

type wireStockInfo struct {
	DiffType int `json:"diff_type"`
	Num      int `json:"num"`
}

// EncodeAuditFree returns the body of POST /channels/ec/product/auditfree (免审更新) for a
// no-review change of product productID, the same change catalog.(*Catalog).UpdateWithoutReview
// applies locally: per SKU a new sale_price in fen, a stock_info adjustment (diff_type 1 add,
// 2 subtract, 3 set; the platform recommends 1 and 2, because 3 races with concurrent orders),
// is_delete, or the SKU's status (5 listed, 11 delisted), its code (sku_code) and its stock and
// presale terms (sku_deliver_info); for the product, its code (spu_code) and purchase limit
// (limited_info). Fields left at their zero value (nil for the limit and the terms) are left
// out of the body, and so untouched on the platform.
//
// The encoder refuses what the platform would: a bad ID or a SKU twice, a price that is not a
// positive whole number of fen, a zero or out-of-range stock number, an unknown diff_type or
// status, a deletion combined with another change, and codes, limits and presale terms the
// catalog's own rules refuse (catalog.CodeValid, catalog.PurchaseLimit.Validate,
// catalog.DeliveryTerms.Validate; their bounds are lenient where the platform's sources
// disagree: codes up to 100 characters, presale days 1 to 15). It does not know the product's
// state (listed, under review): UpdateWithoutReview checks that against the catalog.
func EncodeAuditFree(productID string, u catalog.NoReviewUpdate) ([]byte, error) {
	d := decoder{payload: payloadAuditFree}
	pp := root("product_id")
	body := wireAuditFree{ProductID: d.outID(&pp, productID)}
	cp := root("spu_code")
	body.SPUCode = d.outProductCode(&cp, u.SPUCode)
	if u.Limit != nil {
		body.LimitedInfo = d.limitedInfo(*u.Limit)
	}
	sp := root("skus")
	if len(u.SKUs) == 0 {
		d.missing(&sp)
	}
	body.SKUs = make([]wireAuditFreeSKU, len(u.SKUs))
	for i, s := range u.SKUs {
		ep := sp.elem(i)
		body.SKUs[i] = d.auditFreeSKU(&ep, s)
		for j := range i {
			if u.SKUs[j].ID == s.ID {
				ip := ep.at("sku_id")
				d.fail(&ip, strconv.Quote(s.ID), fmt.Errorf("%w: SKU listed twice (skus[%d])", ErrMalformed, j))
			}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

func (d *decoder) auditFreeSKU(p *path, s catalog.NoReviewSKU) wireAuditFreeSKU {
	ip := p.at("sku_id")
	out := wireAuditFreeSKU{SKUID: d.outID(&ip, s.ID), IsDelete: s.Delete}
	if s.Delete && (s.Price.Valid || !s.Stock.IsZero() || s.Status != 0 || s.Code != "" || s.Delivery != nil) {
		dp := p.at("is_delete")
		d.fail(&dp, "true", fmt.Errorf("%w: a deleted SKU takes no other change", ErrMalformed))
	}
	if s.Price.Valid {
		pp := p.at("sale_price")
		if err := money.CheckPositive(pp.key, s.Price.Decimal); err != nil {
			d.fail(&pp, money.Format(s.Price.Decimal), err)
		} else {
			fen := s.Price.Decimal.Shift(2).IntPart()
			out.SalePrice = &fen
		}
	}
	if !s.Stock.IsZero() {
		out.StockInfo = d.stockInfo(p, s.Stock)
	}
	if s.Status != 0 {
		sp := p.at("status")
		if !s.Status.IsValid() {
			d.fail(&sp, strconv.Itoa(int(s.Status)), &enum.UnknownError{Type: "catalog.SKUStatus", Value: strconv.Itoa(int(s.Status))})
		}
		out.Status = int(s.Status)
	}
	cp := p.at("sku_code")
	out.SKUCode = d.outProductCode(&cp, s.Code)
	if s.Delivery != nil {
		out.SKUDeliverInfo = d.skuDeliverInfo(p, *s.Delivery)
	}
	return out
}

// stockInfo converts a stock adjustment into stock_info.
func (d *decoder) stockInfo(p *path, a catalog.StockAdjustment) *wireStockInfo {
	sp := p.at("stock_info")
	tp, np := sp.at("diff_type"), sp.at("num")
	d.stockAdjustment(&tp, &np, a)
	return &wireStockInfo{DiffType: int(a.Diff), Num: a.Num}
}

// stockAdjustment checks a stock adjustment's diff_type (at tp) and num (at np): a delta of 1
// to catalog.MaxStock units to add or subtract, or a new count of 0 to catalog.MaxStock to set.
func (d *decoder) stockAdjustment(tp, np *path, a catalog.StockAdjustment) {
	if !a.Diff.IsValid() {
		d.fail(tp, strconv.Itoa(int(a.Diff)), &enum.UnknownError{Type: "catalog.DiffType", Value: strconv.Itoa(int(a.Diff))})
	}
	low := 1
	if a.Diff == catalog.DiffSet {
		low = 0
	}
	if a.Num < low || a.Num > catalog.MaxStock {
		d.fail(np, strconv.Itoa(a.Num), fmt.Errorf("%w: not in %d..%d", ErrMalformed, low, catalog.MaxStock))
	}
}
