package wxapi

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/order"
)

// optFen is fen for an amount whose absence means something: not set stays not set.
func (d *decoder) optFen(p *path, n jint) decimal.NullDecimal {
	if !n.set {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(d.fen(p, n, false))
}

// discounts reads the itemised discounts at p (price_info or a product_infos entry).
func (d *decoder) discounts(p *path, w *wireDiscounts) order.Discounts {
	at := func(key string, n jint) decimal.Decimal {
		kp := p.at(key)
		return d.fen(&kp, n, false)
	}
	return order.Discounts{
		Merchant:         at("merchant_discounted_price", w.Merchant),
		Creator:          at("finder_discounted_price", w.Finder),
		VIP:              at("vip_discounted_price", w.VIP),
		GroupBuy:         at("bulkbuy_discounted_price", w.BulkBuy),
		FlashSale:        at("limited_discount_discounted_price", w.LimitedDiscount),
		PlatformCoupon:   at("cash_coupon_discounted_price", w.CashCoupon),
		NationalSubsidy:  at("national_subsidy_discounted_price", w.NationalSubsidy),
		LocalSubsidy:     at("national_subsidy_merchant_discounted_price", w.LocalSubsidy),
		PlatformActivity: at("platform_activity_merchant_discounted_price", w.PlatformActivity),
		Points:           at("deduction_price", w.Deduction),
	}
}

// prices reads price_info and refund_info into the platform order (what its rules check) and
// the details (what the platform reports). discounted_price and merchant_discounted_price mean
// the same; a payload where both are set and differ contradicts itself.
func (d *decoder) prices(dp *path, det *wireOrderDetail, po *order.PlatformOrder, out *Prices) {
	if w := det.RefundInfo; w != nil {
		rp := dp.at("refund_info")
		fp := rp.at("refund_freight")
		po.RefundedFreight = d.fen(&fp, w.RefundFreight, false)
		out.RefundedFreight = po.RefundedFreight
	}
	w := det.Price
	if w == nil {
		return
	}
	pp := dp.at("price_info")
	fp, tp, op := pp.at("freight"), pp.at("product_price"), pp.at("order_price")
	cfp, ifp := pp.at("change_freight"), pp.at("is_change_freight")
	po.Freight = d.fen(&fp, w.Freight, false)
	po.ProductPrice = d.optFen(&tp, w.ProductPrice)
	po.OrderPrice = d.optFen(&op, w.OrderPrice)
	if d.bool(&ifp, w.IsChangeFreight) {
		if !w.ChangeFreight.set {
			d.missing(&cfp)
		}
		po.ChangedFreight = d.optFen(&cfp, w.ChangeFreight)
	}
	po.Discounts = d.discounts(&pp, &w.wireDiscounts)
	if w.DiscountedPrice.set {
		dp := pp.at("discounted_price")
		merchant := d.fen(&dp, w.DiscountedPrice, false)
		switch {
		case !w.Merchant.set:
			po.Discounts.Merchant = merchant
		case !merchant.Equal(po.Discounts.Merchant) && d.err == nil:
			d.fail(&dp, fmt.Sprint(w.DiscountedPrice.v), fmt.Errorf("%w: discounted_price %s and merchant_discounted_price %s, which mean the same, differ",
				ErrInconsistent, merchant.StringFixed(2), po.Discounts.Merchant.StringFixed(2)))
		}
	}
	at := func(key string, n jint) decimal.NullDecimal {
		kp := pp.at(key)
		return d.optFen(&kp, n)
	}
	*out = Prices{
		ProductPrice: po.ProductPrice.Decimal, OrderPrice: po.OrderPrice.Decimal, Freight: po.Freight,
		ChangedFreight: po.ChangedFreight, RefundedFreight: po.RefundedFreight,
		OriginalOrderPrice:    at("original_order_price", w.OriginalOrderPrice),
		EstimatedProductPrice: at("estimate_product_price", w.EstimateProductPrice),
		ChangeDown:            at("change_down_price", w.ChangeDownPrice),
		MerchantReceives:      at("merchant_receieve_price", w.MerchantReceive),
		Discounts:             po.Discounts,
	}
}
