package wxapi

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/text"
)

// Wire shapes of the product/auditfree fields package catalog names PurchaseLimit and
// DeliveryTerms.
type wireLimitedInfo struct {
	PeriodType    int `json:"period_type"`
	LimitedBuyNum int `json:"limited_buy_num"`
}

type wireAuditFreeDeliver struct {
	StockType                      int   `json:"stock_type"`
	FullPaymentPresaleDeliveryType *int  `json:"full_payment_presale_delivery_type,omitempty"`
	PresaleBeginTime               int64 `json:"presale_begin_time,omitempty"`
	PresaleEndTime                 int64 `json:"presale_end_time,omitempty"`
	FullPaymentPresaleDeliveryTime int   `json:"full_payment_presale_delivery_time,omitempty"`
}

// outProductCode checks a merchant code (spu_code, sku_code) by the catalog's rule. The empty
// code is left out.
func (d *decoder) outProductCode(p *path, code string) string {
	if !catalog.CodeValid(code) {
		d.fail(p, text.Quote(code), fmt.Errorf("%w: not a code (at most %d characters, no control characters)", ErrMalformed, catalog.MaxCodeLength))
	}
	return code
}

// limitedInfo converts a purchase limit, checked by catalog.PurchaseLimit.Validate.
func (d *decoder) limitedInfo(l catalog.PurchaseLimit) *wireLimitedInfo {
	lp := root("limited_info")
	tp, np := lp.at("period_type"), lp.at("limited_buy_num")
	if !l.Period.IsValid() {
		d.fail(&tp, strconv.Itoa(int(l.Period)), &enum.UnknownError{Type: "catalog.LimitPeriod", Value: strconv.Itoa(int(l.Period))})
	} else if err := l.Validate(); err != nil {
		d.fail(&np, strconv.Itoa(l.Units), fmt.Errorf("%w: %w", ErrMalformed, err))
	}
	return &wireLimitedInfo{PeriodType: int(l.Period), LimitedBuyNum: l.Units}
}

// deliverKeys maps the fields of catalog.DeliveryTerms to their sku_deliver_info keys, so that
// a refusal by DeliveryTerms.Validate names the field of the body.
var deliverKeys = map[string]string{
	"Stock":        "stock_type",
	"Ship":         "full_payment_presale_delivery_type",
	"PresaleBegin": "presale_begin_time",
	"PresaleEnd":   "presale_end_time",
	"Days":         "full_payment_presale_delivery_time",
}

// skuDeliverInfo converts a SKU's stock and presale terms (at p's sku_deliver_info), checked
// by catalog.DeliveryTerms.Validate. A spot SKU sends stock_type alone.
func (d *decoder) skuDeliverInfo(p *path, t catalog.DeliveryTerms) *wireAuditFreeDeliver {
	ip := p.at("sku_deliver_info")
	out := &wireAuditFreeDeliver{StockType: int(t.Stock)}
	if err := t.Validate(); err != nil {
		// Validate refuses an unknown code by itself (stock_type first, then the shipping
		// start) and anything else as a *catalog.ValidationError naming the field.
		fp := ip.at("stock_type")
		value := strconv.Itoa(int(t.Stock))
		var ve *catalog.ValidationError
		switch {
		case errors.As(err, &ve):
			fp, value, err = ip, "", fmt.Errorf("%w: %w", ErrMalformed, err)
			if key, ok := deliverKeys[ve.Fields[0].Field]; ok {
				fp = ip.at(key)
			}
		case t.Stock.IsValid():
			fp, value = ip.at("full_payment_presale_delivery_type"), strconv.Itoa(int(t.Ship))
		}
		d.fail(&fp, value, err)
		return out
	}
	if t.Stock == catalog.StockSpot {
		return out
	}
	ship := int(t.Ship)
	bp, ep := ip.at("presale_begin_time"), ip.at("presale_end_time")
	out.FullPaymentPresaleDeliveryType = &ship
	out.FullPaymentPresaleDeliveryTime = t.Days
	out.PresaleBeginTime = d.outUnix(&bp, t.PresaleBegin, false)
	out.PresaleEndTime = d.outUnix(&ep, t.PresaleEnd, false)
	return out
}
