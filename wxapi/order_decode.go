package wxapi

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

const payloadOrderGet = "order/get"

// OrderOptions carries what order/get does not say. The zero value uses the defaults.
type OrderOptions struct {
	// Seller is who sells; zero means shop.WeChatShop.
	Seller shop.SellerKind
	// Policy is the shop's deadline policy; zero means order.DefaultDeadlinePolicy(). It is used
	// for a paid line without delivery_deadline, and to check presale deadlines.
	Policy order.DeadlinePolicy
	// Confirm is who confirmed receipt of a completed order (status 100), if the host knows it;
	// order/get does not say. Zero means order.ConfirmUnknown: wxapi does not guess.
	Confirm order.ConfirmKind
	// Cancel is why a cancelled order (status 250) was cancelled, if the host learned it from
	// the cancel push (order.CancelByBuyer or order.CancelTimeout); order/get does not say.
	// Zero means order.CancelUnknown.
	Cancel order.CancelReason
}

// OrderResult is a decoded order/get answer: the order, rebuilt through order.FromPlatform (so
// it keeps every invariant of the domain), what the payload says about its after-sales, and
// everything else a backend reads from the same body.
type OrderResult struct {
	// Order is the rebuilt order.
	Order *order.Order
	// AfterSales is aftersale_detail.
	AfterSales AfterSaleSummary
	// UpdatedAt is update_time (zero when absent).
	UpdatedAt time.Time
	// Details is the rest: address, notes, payment, prices, gift, line and parcel details.
	Details OrderDetails
}

// DecodeOrder decodes a POST /channels/ec/order/get answer into a domain order. It maps the
// payload's fields onto an order.PlatformOrder and leaves every order rule to
// order.FromPlatform, which derives what order/get does not say (shipped counts from the
// parcels, the discount, default deadlines, end marks) and checks the whole.
//
// Lines come from product_infos: sku_cnt units of sku_id at sale_price (fen → yuan), paid
// real_price for the line (sale_price × sku_cnt when absent), ship-by delivery_deadline, and
// on_aftersale_sku_cnt units held by after-sale. Each line's catalog snapshot has revision 0:
// it was not taken from a catalog, and drift checks compare its content. Parcels come from
// delivery_info.delivery_product_info; an order whose deliver_method is 1 sells virtual goods
// (order.Order.Virtual), and only its parcels ship without logistics (deliver_type 3). The
// payment time is pay_info.pay_time, the freight price_info.freight; price_info.product_price,
// when given, must be the lines' list total.
//
// finish_aftersale_sku_cnt counts units whose after-sale finished, without saying how. They
// count as refunded unless aftersale_detail lists finished exchanges or re-sends
// (MERCHANT_EXCHANGE_SUCCESS) and no finished refund: then the buyer has the goods and they
// count as done (order.PlatformOrder.FinishedWithGoods). order/get carries no refunded money,
// so each line's RefundedAmount stays zero: the amounts are in the after-sale orders
// (DecodeAfterSale, refund_info.amount).
//
// Errors: an *APIError when errcode is not 0; otherwise a *FieldError naming the field's JSON
// path — a missing or malformed field, an unknown status or type, a bad amount, or
// (ErrInconsistent) data the order model refuses, with order.FromPlatform's error as the
// cause and the field it names translated to its JSON path (a stored parcel it refuses with an
// *order.ShipmentError is named by the parcel's field the rule concerns: delivery_id,
// waybill_id, deliver_type or the item).
func DecodeOrder(body []byte, opts OrderOptions) (OrderResult, error) {
	d := decoder{payload: payloadOrderGet}
	var w wireOrderGet
	if err := d.response(body, &w, &w.envelope); err != nil {
		return OrderResult{}, err
	}
	p := root("order")
	if w.Order == nil {
		d.missing(&p)
		return OrderResult{}, d.err
	}
	po, res := d.order(&p, w.Order, opts)
	if d.err != nil {
		return OrderResult{}, d.err
	}
	o, err := order.FromPlatform(po)
	if err != nil {
		field, value := "order", po.ID
		var pe *order.PlatformError
		if errors.As(err, &pe) && pe.Field != "" {
			field, value = orderPath(pe.Field), ""
		} else if path, ok := parcelPath(err, po.Parcels); ok {
			field, value = path, ""
		}
		kind := ErrInconsistent
		if errors.Is(err, order.ErrMissingAmount) {
			kind = ErrMissingField // an amount the payload leaves out and nothing else gives
		}
		return OrderResult{}, &FieldError{Payload: d.payload, Field: field, Value: value,
			Err: fmt.Errorf("%w: %w", kind, err)}
	}
	res.Order = o
	return res, nil
}

// order maps the order object onto an order.PlatformOrder and the result's details.
func (d *decoder) order(p *path, w *wireOrder, opts OrderOptions) (order.PlatformOrder, OrderResult) {
	ip, sp, cp, up, bp := p.at("order_id"), p.at("status"), p.at("create_time"), p.at("update_time"), p.at("openid")
	po := order.PlatformOrder{
		ID:        d.id(&ip, w.OrderID, true),
		Status:    d.orderStatus(&sp, w.Status),
		CreatedAt: d.unix(&cp, w.CreateTime, true),
		UpdatedAt: d.unix(&up, w.UpdateTime, false),
		Buyer:     d.text(&bp, w.OpenID, true),
		Seller:    opts.Seller,
		Policy:    opts.Policy,
		Confirm:   opts.Confirm,
		Cancel:    opts.Cancel,
	}
	res := OrderResult{UpdatedAt: po.UpdatedAt}
	res.Details.BuyerUnionID = w.UnionID
	gp := p.at("is_present")
	res.Details.IsGift, res.Details.Gift = d.bool(&gp, w.IsPresent), d.gift(p, w)
	ap := p.at("aftersale_detail")
	res.AfterSales = d.afterSaleSummary(&ap, w.AfterSale)
	po.FinishedWithGoods = res.AfterSales.finishedByExchange()

	dp := p.at("order_detail")
	if w.Detail == nil {
		d.missing(&dp)
		return po, res
	}
	det := w.Detail
	if det.Pay != nil {
		pp := dp.at("pay_info")
		tp := pp.at("pay_time")
		po.PaidAt = d.unix(&tp, det.Pay.PayTime, false)
		res.Details.Payment = d.payment(&pp, det.Pay)
	}
	po.Lines, res.Details.Lines = d.lines(&dp, det.Products)
	d.prices(&dp, det, &po, &res.Details.Prices)
	d.delivery(&dp, det.Delivery, &po, &res.Details)
	if det.Settle != nil {
		sp := dp.at("settle_info")
		tp := sp.at("settle_time")
		po.SettledAt = d.unix(&tp, det.Settle.SettleTime, false)
	}
	po.Gift = res.Details.IsGift
	// A group buy (一起买) is priced with a group-buy discount; the platform has no other mark
	// of one before it is paid (status 13 says it after).
	po.GroupBuy = !po.Discounts.GroupBuy.IsZero() || slices.ContainsFunc(po.Lines, func(l order.PlatformLine) bool {
		return !l.Discounts.GroupBuy.IsZero()
	})
	if det.Ext != nil {
		ep := dp.at("ext_info")
		tp := ep.at("confirm_receipt_time")
		po.ConfirmedAt = d.unix(&tp, det.Ext.ConfirmReceiptTime, false)
		res.Details.BuyerNote, res.Details.MerchantNote = det.Ext.CustomerNotes, det.Ext.MerchantNotes
	}
	return po, res
}

// delivery reads delivery_info: whether the goods are virtual (deliver_method 1), the parcels
// already shipped, when shipping finished, and the address, inspection and dropship details.
func (d *decoder) delivery(dp *path, w *wireDeliveryInfo, po *order.PlatformOrder, x *OrderDetails) {
	if w == nil {
		return
	}
	vp := dp.at("delivery_info")
	tp, mp, ap := vp.at("ship_done_time"), vp.at("deliver_method"), vp.at("address_apply_time")
	switch m := d.int(&mp, w.DeliverMethod, false); m {
	case 0, 1:
		po.Virtual = m == 1
	default:
		d.fail(&mp, fmt.Sprint(m), &enum.UnknownError{Type: "deliver_method", Value: fmt.Sprint(m)})
	}
	po.Parcels, x.Parcels = d.parcels(&vp, w.Packages)
	po.ShipDoneAt = d.unix(&tp, w.ShipDoneTime, false)
	addr, review := vp.at("address_info"), vp.at("address_under_review")
	x.Address = d.address(&addr, w.Address)
	x.AddressChange = d.address(&review, w.AddressUnderReview)
	x.AddressChangeAt = d.unix(&ap, w.AddressApplyTime, false)
	kp, fp := vp.at("quality_inspect_type"), vp.at("dropship_flag")
	x.Inspection.Kind = InspectionKind(d.bounded(&kp, w.QualityInspectType, false, 255))
	if w.QualityInspectInfo != nil {
		qp := vp.at("quality_inspect_info")
		sp := qp.at("inspect_status")
		x.Inspection.Status = d.bounded(&sp, w.QualityInspectInfo.Status, false, 1<<16)
	}
	x.Dropship = DropshipState(d.bounded(&fp, w.DropshipFlag, false, 255))
}

// orderStatus reads order.status.
func (d *decoder) orderStatus(p *path, n jint) order.Status {
	v := d.int(p, n, true)
	if d.err != nil {
		return 0
	}
	st, err := order.StatusFromCode(int(min(max(v, -1), 256)))
	if err != nil {
		d.fail(p, fmt.Sprint(v), err)
	}
	return st
}

// parcelPath names the JSON field of a stored parcel that order.FromPlatform refused with a
// *order.ShipmentError (its Parcel is the parcel's index in po.Parcels): the carrier, the
// waybill, the delivery type, or the item of the SKU concerned.
func parcelPath(err error, parcels []order.Parcel) (string, bool) {
	var se *order.ShipmentError
	if !errors.As(err, &se) || se.Parcel < 0 || se.Parcel >= len(parcels) {
		return "", false
	}
	p := "order.order_detail.delivery_info.delivery_product_info[" + strconv.Itoa(se.Parcel) + "]"
	switch se.Rule {
	case order.RuleCarrierMissing, order.RuleCarrierUnknown:
		return p + ".delivery_id", true
	case order.RuleTrackingMissing, order.RuleTrackingInvalid, order.RuleTrackingDuplicate:
		return p + ".waybill_id", true
	case order.RuleDeliverTypeMismatch:
		return p + ".deliver_type", true
	}
	if se.SKUID != "" {
		for j, it := range parcels[se.Parcel].Items {
			if it.SKUID == se.SKUID {
				return p + ".product_infos[" + strconv.Itoa(j) + "]", true
			}
		}
	}
	return p + ".product_infos", true
}

// orderPaths translates the fields order.FromPlatform names into order/get's JSON paths.
var orderPaths = map[string]string{
	"Status":            "order.status",
	"CreatedAt":         "order.create_time",
	"UpdatedAt":         "order.update_time",
	"PaidAt":            "order.order_detail.pay_info.pay_time",
	"ShipDoneAt":        "order.order_detail.delivery_info.ship_done_time",
	"ConfirmedAt":       "order.order_detail.ext_info.confirm_receipt_time",
	"Freight":           "order.order_detail.price_info.freight",
	"ChangedFreight":    "order.order_detail.price_info.change_freight",
	"Gift":              "order.is_present",
	"SettledAt":         "order.order_detail.settle_info.settle_time",
	"RefundedFreight":   "order.order_detail.refund_info.refund_freight",
	"Discounts":         "order.order_detail.price_info",
	"Estimated":         "estimate_price",
	"Changed":           "change_price",
	"SKUChange":         "change_sku_info",
	"Merchant":          "merchant_discounted_price",
	"Creator":           "finder_discounted_price",
	"VIP":               "vip_discounted_price",
	"GroupBuy":          "bulkbuy_discounted_price",
	"FlashSale":         "limited_discount_discounted_price",
	"PlatformCoupon":    "cash_coupon_discounted_price",
	"NationalSubsidy":   "national_subsidy_discounted_price",
	"LocalSubsidy":      "national_subsidy_merchant_discounted_price",
	"PlatformActivity":  "platform_activity_merchant_discounted_price",
	"Points":            "deduction_price",
	"ProductPrice":      "order.order_detail.price_info.product_price",
	"OrderPrice":        "order.order_detail.price_info.order_price",
	"Lines":             "order.order_detail.product_infos",
	"Parcels":           "order.order_detail.delivery_info.delivery_product_info",
	"Paid":              "real_price",
	"UnitPrice":         "sale_price",
	"ShipBy":            "delivery_deadline",
	"PredictedDelivery": "sku_deliver_info.predict_delivery_time",
	"Items":             "product_infos",
	"Quantity":          "sku_cnt",
	"OnAfterSale":       "on_aftersale_sku_cnt",
	"FinishedAfterSale": "finish_aftersale_sku_cnt",
	"Stock":             "sku_deliver_info.stock_type",
}

// orderPath turns a Go path of order.PlatformOrder ("Lines[2].Paid") into the JSON path of
// order/get ("order.order_detail.product_infos[2].real_price"). A line's Discounts are fields
// of the product_infos entry itself.
func orderPath(field string) string {
	var b strings.Builder
	for i, part := range strings.Split(field, ".") {
		name, index, _ := strings.Cut(part, "[")
		if name == "Discounts" && i > 0 {
			continue
		}
		json, ok := orderPaths[name]
		if !ok {
			json = name
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(json)
		if index != "" {
			if n, err := strconv.Atoi(strings.TrimSuffix(index, "]")); err == nil {
				b.WriteString("[" + strconv.Itoa(n) + "]")
			}
		}
	}
	return b.String()
}
