package wxapi

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// lines maps order_detail.product_infos onto platform lines.
func (d *decoder) lines(dp *path, ws []wireOrderProduct) []order.PlatformLine {
	lp := dp.at("product_infos")
	if len(ws) == 0 {
		d.missing(&lp)
		return nil
	}
	if len(ws) > order.MaxLines {
		d.fail(&lp, fmt.Sprint(len(ws)), fmt.Errorf("%w: more than %d lines", ErrMalformed, order.MaxLines))
		return nil
	}
	lines := make([]order.PlatformLine, len(ws))
	for i := range ws {
		ep := lp.elem(i)
		lines[i] = d.line(&ep, &ws[i])
		if d.err != nil {
			return nil
		}
	}
	return lines
}

func (d *decoder) line(p *path, w *wireOrderProduct) order.PlatformLine {
	pid, sid, cnt := p.at("product_id"), p.at("sku_id"), p.at("sku_cnt")
	sale, real := p.at("sale_price"), p.at("real_price")
	on, fin, dl := p.at("on_aftersale_sku_cnt"), p.at("finish_aftersale_sku_cnt"), p.at("delivery_deadline")
	l := order.PlatformLine{
		Quantity:          d.positive(&cnt, w.SKUCnt, true),
		UnitPrice:         d.fen(&sale, w.SalePrice, true),
		OnAfterSale:       d.count(&on, w.OnAfterSaleCnt, false),
		FinishedAfterSale: d.count(&fin, w.FinishAfterSale, false),
		ShipBy:            d.unix(&dl, w.DeliveryDeadline, false),
	}
	productID, skuID := d.id(&pid, w.ProductID, true), d.id(&sid, w.SKUID, true)
	attrs := d.attrs(p, w.SKUAttrs)
	if d.err != nil {
		return l
	}
	snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: productID, SKUID: skuID, Title: w.Title,
		Attrs: attrs, Price: l.UnitPrice})
	if err != nil {
		d.fail(p, productID+"/"+skuID, err)
		return l
	}
	l.Snapshot = snap
	if w.RealPrice.set {
		l.Paid = d.fen(&real, w.RealPrice, false)
	} else {
		l.Paid = l.UnitPrice.Mul(decimal.NewFromInt(int64(l.Quantity)))
	}
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
	return l
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
func (d *decoder) parcels(vp *path, ws []wireDeliveryPackage) []order.Parcel {
	if len(ws) == 0 {
		return nil
	}
	lp := vp.at("delivery_product_info")
	if len(ws) > order.MaxParcels {
		d.fail(&lp, fmt.Sprint(len(ws)), fmt.Errorf("%w: more than %d parcels", ErrMalformed, order.MaxParcels))
		return nil
	}
	out := make([]order.Parcel, 0, len(ws))
	for i := range ws {
		w := &ws[i]
		ep := lp.elem(i)
		tp := ep.at("deliver_type")
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
			return nil
		}
		out = append(out, pc)
	}
	return out
}

// Delivery types (deliver_type) of the delivery API and of an order's parcels.
const (
	deliverExpress        = 1 // 自寄快递: the merchant's own express waybill
	deliverOnlineContract = 2 // 在线签约快递单: an online waybill under contract
	deliverVirtual        = 3 // 虚拟商品无需物流: virtual goods, no logistics
	deliverOnlineSingle   = 4 // 在线快递散单: a one-off online waybill
)

func knownDeliverType(t int64) bool { return t >= deliverExpress && t <= deliverOnlineSingle }
