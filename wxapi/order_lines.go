package wxapi

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// lines converts order_detail.product_infos into order lines. s carries the order's status and
// times, which decide the ship-by deadline and the after-sale attempt count; exchanged says the
// finished after-sale units were exchanged or re-sent, not refunded (finishedByExchange).
func (d *decoder) lines(dp *path, ws []wireOrderProduct, s *order.Snapshot, exchanged bool) []order.Line {
	lp := dp.at("product_infos")
	if len(ws) == 0 {
		d.missing(&lp)
		return nil
	}
	lines := make([]order.Line, 0, len(ws))
	for i := range ws {
		ep := lp.elem(i)
		lines = append(lines, d.line(&ep, &ws[i], s, exchanged))
		if d.err != nil {
			return nil
		}
	}
	return lines
}

func (d *decoder) line(p *path, w *wireOrderProduct, s *order.Snapshot, exchanged bool) order.Line {
	pid, sid, cnt := p.at("product_id"), p.at("sku_id"), p.at("sku_cnt")
	sale, real := p.at("sale_price"), p.at("real_price")
	on, fin := p.at("on_aftersale_sku_cnt"), p.at("finish_aftersale_sku_cnt")
	l := order.Line{
		Snapshot: catalog.Snapshot{
			ProductID: d.id(&pid, w.ProductID, true),
			SKUID:     d.id(&sid, w.SKUID, true),
			Title:     w.Title,
			Attrs:     d.attrs(p, w.SKUAttrs),
			Price:     d.fen(&sale, w.SalePrice, true),
		},
		Quantity:    d.positive(&cnt, w.SKUCnt, true),
		OnAfterSale: d.count(&on, w.OnAfterSaleCnt, false),
	}
	if finished := d.count(&fin, w.FinishAfterSale, false); exchanged {
		l.AfterSaleDone = finished
	} else {
		l.Refunded = finished
	}
	l.UnitPrice = l.Snapshot.Price
	if w.RealPrice.set {
		l.Paid = d.fen(&real, w.RealPrice, false)
	} else {
		l.Paid = l.UnitPrice.Mul(decimal.NewFromInt(int64(l.Quantity)))
	}
	paid := !s.PaidAt.IsZero()
	if paid && l.OnAfterSale+l.Refunded+l.AfterSaleDone > 0 {
		// The payload does not count after-sale requests per line; units held or finished
		// prove at least one. The platform still enforces its own limit.
		l.AfterSaleAttempts = 1
	}
	d.deadline(p, w, s, &l)
	return l
}

// errExchangedUnshipped: finished after-sales read as exchanges or re-sends (finishedByExchange)
// on units that never shipped, which the platform takes only for shipped goods.
var errExchangedUnshipped = fmt.Errorf("%w: units exchanged or re-sent that never shipped", ErrInconsistent)

// checkExchanged refuses lines with more units exchanged or re-sent than shipped. It runs once
// the parcels have set the shipped counts.
func (d *decoder) checkExchanged(dp *path, lines []order.Line) {
	lp := dp.at("product_infos")
	for i := range lines {
		if l := &lines[i]; l.AfterSaleDone > l.Shipped {
			ep := lp.elem(i)
			fp := ep.at("finish_aftersale_sku_cnt")
			d.fail(&fp, fmt.Sprint(l.AfterSaleDone), errExchangedUnshipped)
		}
	}
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

// deadline sets the line's stock type, presale window and ship-by deadline. A paid line ships
// by delivery_deadline; without one, by the policy's deadline from the payment time. A presale
// line's window is its deadline minus the payment time (or, before payment, the predicted
// delivery time minus the creation time).
func (d *decoder) deadline(p *path, w *wireOrderProduct, s *order.Snapshot, l *order.Line) {
	dlp := p.at("delivery_deadline")
	deadline := d.unix(&dlp, w.DeliveryDeadline, false)
	var predicted time.Time
	if w.DeliverInfo != nil {
		ip := p.at("sku_deliver_info")
		tp, pp := ip.at("stock_type"), ip.at("predict_delivery_time")
		switch st := d.int(&tp, w.DeliverInfo.StockType, false); st {
		case int64(order.StockInStock), int64(order.StockPresale):
			l.Stock = order.StockType(st)
		default:
			d.fail(&tp, fmt.Sprint(st), &enum.UnknownError{Type: "stock_type", Value: fmt.Sprint(st)})
		}
		predicted = d.unix(&pp, w.DeliverInfo.PredictDeliveryTime, false)
	}
	paidAt := s.PaidAt
	switch {
	case d.err != nil:
		return
	case !paidAt.IsZero() && !deadline.IsZero():
		l.ShipBy = deadline
	case !paidAt.IsZero() && l.Stock == order.StockInStock:
		l.ShipBy = paidAt.Add(s.Policy.InStock)
	case !paidAt.IsZero():
		if predicted.IsZero() {
			d.missing(&dlp)
			return
		}
		l.ShipBy = predicted
	}
	if l.Stock != order.StockPresale {
		return
	}
	if !paidAt.IsZero() {
		l.PresaleShipWithin = l.ShipBy.Sub(paidAt)
		return
	}
	if predicted.IsZero() {
		ip := p.at("sku_deliver_info")
		pp := ip.at("predict_delivery_time")
		d.missing(&pp)
		return
	}
	l.PresaleShipWithin = predicted.Sub(s.CreatedAt)
}

// parcels converts delivery_info.delivery_product_info into the order's parcels. virtual is
// the order's deliver_method 1: only then may a parcel ship without logistics (deliver_type 3,
// no delivery_id or waybill_id). A parcel sent by a waybill (deliver_type 1, 2 or 4) needs
// both; a parcel without deliver_type is left to order.Restore, which applies the same rule.
func (d *decoder) parcels(vp *path, ws []wireDeliveryPackage, virtual bool) []order.Parcel {
	if len(ws) == 0 {
		return nil
	}
	lp := vp.at("delivery_product_info")
	out := make([]order.Parcel, 0, len(ws))
	for i := range ws {
		w := &ws[i]
		ep := lp.elem(i)
		tp, cp, wp := ep.at("deliver_type"), ep.at("delivery_id"), ep.at("waybill_id")
		switch t := d.int(&tp, w.DeliverType, false); {
		case t == 0:
		case !knownDeliverType(t):
			d.fail(&tp, fmt.Sprint(t), &enum.UnknownError{Type: "deliver_type", Value: fmt.Sprint(t)})
		case t == deliverVirtual && !virtual:
			d.fail(&tp, fmt.Sprint(t), errVirtualParcel)
		case t != deliverVirtual:
			d.text(&cp, w.DeliveryID, true)
			d.text(&wp, w.WaybillID, true)
		}
		pc := order.Parcel{Carrier: w.DeliveryID, TrackingNumber: w.WaybillID}
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

// errVirtualParcel: a parcel of virtual goods (deliver_type 3) on an order of physical goods;
// the platform refuses that delivery type for them (606008).
var errVirtualParcel = fmt.Errorf("%w: virtual goods without logistics on an order whose deliver_method is not 1", ErrInconsistent)
