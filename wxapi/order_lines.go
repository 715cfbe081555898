package wxapi

import (
	"fmt"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// lines maps order_detail.product_infos onto platform lines and their details.
func (d *decoder) lines(dp *path, ws []wireOrderProduct) ([]order.PlatformLine, []LineDetails) {
	lp := dp.at("product_infos")
	if len(ws) == 0 {
		d.missing(&lp)
		return nil, nil
	}
	if len(ws) > order.MaxLines {
		d.fail(&lp, fmt.Sprint(len(ws)), fmt.Errorf("%w: more than %d lines", ErrMalformed, order.MaxLines))
		return nil, nil
	}
	lines := make([]order.PlatformLine, len(ws))
	details := make([]LineDetails, len(ws))
	for i := range ws {
		ep := lp.elem(i)
		d.line(&ep, &ws[i], &lines[i], &details[i])
		if d.err != nil {
			return nil, nil
		}
	}
	return lines, details
}

// line maps one product_infos entry. What the line paid is real_price when given; otherwise
// estimate_price and change_price, or order_price, decide it (order.FromPlatform): wxapi
// passes on what the payload says and never fills an amount in.
func (d *decoder) line(p *path, w *wireOrderProduct, l *order.PlatformLine, x *LineDetails) {
	pid, sid, cnt := p.at("product_id"), p.at("sku_id"), p.at("sku_cnt")
	sale, real, est, chg := p.at("sale_price"), p.at("real_price"), p.at("estimate_price"), p.at("change_price")
	on, fin, dl := p.at("on_aftersale_sku_cnt"), p.at("finish_aftersale_sku_cnt"), p.at("delivery_deadline")
	mp, icp, fgp := p.at("market_price"), p.at("is_change_price"), p.at("is_free_gift")
	*l = order.PlatformLine{
		Quantity:          d.positive(&cnt, w.SKUCnt, true),
		UnitPrice:         d.fen(&sale, w.SalePrice, true),
		Paid:              d.optFen(&real, w.RealPrice),
		Estimated:         d.optFen(&est, w.EstimatePrice),
		OnAfterSale:       d.count(&on, w.OnAfterSaleCnt, false),
		FinishedAfterSale: d.count(&fin, w.FinishAfterSale, false),
		ShipBy:            d.unix(&dl, w.DeliveryDeadline, false),
		Discounts:         d.discounts(p, &w.wireDiscounts),
	}
	if d.bool(&icp, w.IsChangePrice) {
		if !w.ChangePrice.set {
			d.missing(&chg)
		}
		l.Changed = d.optFen(&chg, w.ChangePrice)
	}
	*x = LineDetails{SKUCode: w.SKUCode, OutProductID: w.OutProductID, OutSKUID: w.OutSKUID, Thumbnail: w.ThumbImg,
		MarketPrice: d.fen(&mp, w.MarketPrice, false), Estimated: l.Estimated, Changed: l.Changed, Discounts: l.Discounts,
		FreeGift: d.bool(&fgp, w.IsFreeGift)}
	productID, skuID := d.id(&pid, w.ProductID, true), d.id(&sid, w.SKUID, true)
	attrs := d.attrs(p, w.SKUAttrs)
	if d.err != nil {
		return
	}
	snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: productID, SKUID: skuID, Title: w.Title,
		Attrs: attrs, Price: l.UnitPrice})
	if err != nil {
		d.fail(p, productID+"/"+skuID, err)
		return
	}
	l.Snapshot = snap
	if w.DeliverInfo != nil {
		ip := p.at("sku_deliver_info")
		tp, pp := ip.at("stock_type"), ip.at("predict_delivery_time")
		switch st := d.int(&tp, w.DeliverInfo.StockType, false); st {
		case int64(order.StockInStock), int64(order.StockPresale):
			l.Stock = order.StockType(st)
		default:
			d.fail(&tp, fmt.Sprint(st), &enum.UnknownError{Type: "stock_type", Value: fmt.Sprint(st)})
		}
		l.PredictedDelivery = d.unix(&pp, w.DeliverInfo.PredictDeliveryTime, false)
	}
	l.SKUChange = d.skuChange(p, w.ChangeSKU)
	x.GiftOf = d.giftOf(p, w.FreeGiftInfo)
	if w.Dropship != nil {
		op := p.at("dropship_info")
		ip := op.at("ds_order_id")
		x.DropshipOrderID = d.id(&ip, w.Dropship.OrderID, false)
	}
}

// skuChange reads change_sku_info; the order checks it against the line.
func (d *decoder) skuChange(p *path, w *wireChangeSKU) order.SKUChange {
	if w == nil || !w.State.set && !w.OldSKUID.set && !w.NewSKUID.set {
		return order.SKUChange{}
	}
	cp := p.at("change_sku_info")
	sp, op, np, dp := cp.at("preshipment_change_sku_state"), cp.at("old_sku_id"), cp.at("new_sku_id"), cp.at("ddl_time_stamp")
	st := d.int(&sp, w.State, true)
	state := order.SKUChangeState(min(max(st, 0), 255))
	if d.err == nil && (st != int64(state) || !state.IsValid()) {
		d.fail(&sp, fmt.Sprint(st), &enum.UnknownError{Type: "preshipment_change_sku_state", Value: fmt.Sprint(st)})
	}
	c := order.SKUChange{From: d.id(&op, w.OldSKUID, true), To: d.id(&np, w.NewSKUID, true), State: state}
	if state == order.SKUChangePending {
		c.Deadline = d.unix(&dp, w.Deadline, false) // the platform sends it only while pending
	}
	return c
}

// giftOf reads free_gift_info.main_product_list: the lines a free gift comes with.
func (d *decoder) giftOf(p *path, w *wireFreeGiftInfo) []GiftSource {
	if w == nil || len(w.Main) == 0 {
		return nil
	}
	gp := p.at("free_gift_info")
	lp := gp.at("main_product_list")
	if len(w.Main) > order.MaxLines {
		d.fail(&lp, fmt.Sprint(len(w.Main)), fmt.Errorf("%w: more than %d entries", ErrMalformed, order.MaxLines))
		return nil
	}
	out := make([]GiftSource, len(w.Main))
	for i := range w.Main {
		m := &w.Main[i]
		ep := lp.elem(i)
		pp, sp, tp, cp := ep.at("product_id"), ep.at("sku_id"), ep.at("task_id"), ep.at("gift_cnt")
		out[i] = GiftSource{ProductID: d.id(&pp, m.ProductID, true), SKUID: d.id(&sp, m.SKUID, true),
			TaskID: d.id(&tp, m.TaskID, false), Count: d.count(&cp, m.GiftCnt, false)}
	}
	return out
}

// attrs converts sku_attrs; every attribute needs a key.
func (d *decoder) attrs(p *path, ws []wireAttr) []catalog.Attr {
	if len(ws) == 0 {
		return nil
	}
	ap := p.at("sku_attrs")
	out := make([]catalog.Attr, len(ws))
	for i, a := range ws {
		ep := ap.elem(i)
		kp := ep.at("attr_key")
		out[i] = catalog.Attr{Key: d.text(&kp, a.Key, true), Value: a.Value}
	}
	return out
}

// parcels maps delivery_info.delivery_product_info onto parcels. A parcel of deliver_type 3
// (virtual goods, no logistics) carries neither carrier nor tracking number; whether the order
// may ship so, and every other parcel rule, is the order's (order.FromPlatform).
func (d *decoder) parcels(vp *path, ws []wireDeliveryPackage) ([]order.Parcel, []ParcelDetails) {
	if len(ws) == 0 {
		return nil, nil
	}
	lp := vp.at("delivery_product_info")
	if len(ws) > order.MaxParcels {
		d.fail(&lp, fmt.Sprint(len(ws)), fmt.Errorf("%w: more than %d parcels", ErrMalformed, order.MaxParcels))
		return nil, nil
	}
	out := make([]order.Parcel, 0, len(ws))
	details := make([]ParcelDetails, len(ws))
	for i := range ws {
		w := &ws[i]
		ep := lp.elem(i)
		tp, stp := ep.at("deliver_type"), ep.at("delivery_time")
		details[i] = ParcelDetails{CarrierName: w.DeliveryName, ShippedAt: d.unix(&stp, w.DeliveryTime, false)}
		pc := order.Parcel{Carrier: w.DeliveryID, TrackingNumber: w.WaybillID}
		switch t := d.int(&tp, w.DeliverType, false); {
		case t == 0:
		case !knownDeliverType(t):
			d.fail(&tp, fmt.Sprint(t), &enum.UnknownError{Type: "deliver_type", Value: fmt.Sprint(t)})
		case t == deliverVirtual && !pc.NoLogistics():
			d.fail(&tp, fmt.Sprint(t), fmt.Errorf("%w: deliver_type 3 (no logistics) with a delivery_id or waybill_id", ErrInconsistent))
		}
		ip := ep.at("product_infos")
		if len(w.Products) == 0 {
			d.missing(&ip)
		}
		for j := range w.Products {
			it := &w.Products[j]
			jp := ip.elem(j)
			pp, sp, cp := jp.at("product_id"), jp.at("sku_id"), jp.at("product_cnt")
			pc.Items = append(pc.Items, order.Item{
				ProductID: d.id(&pp, it.ProductID, true),
				SKUID:     d.id(&sp, it.SKUID, true),
				Quantity:  d.positive(&cp, it.ProductCnt, true),
			})
		}
		if d.err != nil {
			return nil, nil
		}
		out = append(out, pc)
	}
	return out, details
}

// Delivery types (deliver_type) of the delivery API and of an order's parcels.
const (
	deliverExpress        = 1 // 自寄快递: the merchant's own express waybill
	deliverOnlineContract = 2 // 在线签约快递单: an online waybill under contract
	deliverVirtual        = 3 // 虚拟商品无需物流: virtual goods, no logistics
	deliverOnlineSingle   = 4 // 在线快递散单: a one-off online waybill
)

func knownDeliverType(t int64) bool { return t >= deliverExpress && t <= deliverOnlineSingle }
