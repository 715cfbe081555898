package wxapi

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// ErrUnsupportedEvent is matched (besides ErrUnknownCode) by the error DecodeEvent returns for a
// push whose Event wxapi does not decode (channels_ec_order_settle, product events, ...). A host
// that receives every push on one URL can acknowledge and skip those.
var ErrUnsupportedEvent = errors.New("unsupported event")

const payloadEvent = "event"

// DecodeEvent decodes one event push (JSON format; configure the push in JSON mode). It returns
// one of OrderPlaced, OrderPaid, OrderShipped, OrderCancelled, OrderConfirmed or
// AfterSaleUpdated, or a *FieldError. The push is decoded as sent: whether to apply it is
// Dedupe's question.
func DecodeEvent(body []byte) (Event, error) {
	d := decoder{payload: payloadEvent}
	var w wireEvent
	if !d.unmarshal(body, &w) {
		return nil, d.err
	}
	p := root("Event")
	if w.Event == "" {
		d.missing(&p)
		return nil, d.err
	}
	kind, err := eventKinds.Parse(w.Event)
	if err != nil {
		d.fail(&p, strconv.Quote(w.Event), fmt.Errorf("%w: %w", ErrUnsupportedEvent, err))
		return nil, d.err
	}
	if w.MsgType != "" && w.MsgType != "event" {
		mp := root("MsgType")
		d.fail(&mp, strconv.Quote(w.MsgType), &enum.UnknownError{Type: "MsgType", Value: strconv.Quote(w.MsgType)})
		return nil, d.err
	}
	tp := root("CreateTime")
	at := d.unix(&tp, w.CreateTime, true)
	if kind == EventAfterSaleUpdated {
		return d.afterSaleEvent(w.AfterSale, at)
	}
	ip := root("order_info")
	if w.Order == nil {
		d.missing(&ip)
		return nil, d.err
	}
	op := ip.at("order_id")
	id := d.id(&op, w.Order.OrderID, true)
	var ev Event
	switch kind {
	case EventOrderPlaced:
		ev = OrderPlaced{OrderID: id, At: at}
	case EventOrderPaid:
		pp := ip.at("pay_time")
		ev = OrderPaid{OrderID: id, At: at, PaidAt: d.unix(&pp, w.Order.PayTime, false)}
	case EventOrderShipped:
		fp := ip.at("finish_delivery")
		ev = OrderShipped{OrderID: id, At: at, Complete: d.finishDelivery(&fp, w.Order.FinishDelivery)}
	case EventOrderCancelled:
		cp := ip.at("cancel_type")
		ev = OrderCancelled{OrderID: id, At: at, Reason: d.cancelType(&cp, w.Order.CancelType)}
	default: // EventOrderConfirmed
		cp := ip.at("confirm_type")
		ev = OrderConfirmed{OrderID: id, At: at, ConfirmType: int(d.int(&cp, w.Order.ConfirmType, false))}
	}
	if d.err != nil {
		return nil, d.err
	}
	return ev, nil
}

// finishDelivery reads finish_delivery: 0 not everything shipped yet, 1 everything shipped.
func (d *decoder) finishDelivery(p *path, n jint) bool {
	v := d.int(p, n, true)
	if d.err == nil && v != 0 && v != 1 {
		d.fail(p, fmt.Sprint(v), &enum.UnknownError{Type: "finish_delivery", Value: fmt.Sprint(v)})
	}
	return v == 1
}

// cancelType reads cancel_type: 1 buyer cancelled, 2 unpaid timeout, 3 every item went through
// after-sale. They are order.CancelReason's codes; 4 (oversold) is wxshop's own and never sent.
func (d *decoder) cancelType(p *path, n jint) order.CancelReason {
	v := d.int(p, n, true)
	if d.err != nil {
		return 0
	}
	if v >= int64(order.CancelByBuyer) && v <= int64(order.CancelAfterSale) {
		return order.CancelReason(v)
	}
	d.fail(p, fmt.Sprint(v), &enum.UnknownError{Type: "cancel_type", Value: fmt.Sprint(v)})
	return 0
}
