package wxapi

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// ErrUnsupportedEvent is matched (besides ErrUnknownCode) by the error DecodeEvent returns for a
// push whose Event wxapi does not decode (a coupon, a membership, a sharer push, ...). The
// error is an *UnsupportedEventError inside the *FieldError: a host that receives every push
// on one URL reads its name, time and subject there, acknowledges it and moves on.
var ErrUnsupportedEvent = errors.New("unsupported event")

// UnsupportedEventError is a push of an Event wxapi does not decode: its name, CreateTime,
// and what it is about when the body says so the way order pushes do (order_info.order_id) or
// shop pushes do (appid); About is zero otherwise.
type UnsupportedEventError struct {
	Name  string
	At    time.Time
	About Subject
}

// Error implements error.
func (e *UnsupportedEventError) Error() string {
	return fmt.Sprintf("%s: %s", ErrUnsupportedEvent, strconv.Quote(e.Name))
}

// Unwrap returns ErrUnsupportedEvent and ErrUnknownCode.
func (e *UnsupportedEventError) Unwrap() []error { return []error{ErrUnsupportedEvent, ErrUnknownCode} }

const payloadEvent = "event"

// DecodeEvent decodes one push, as OpenPush returns it (JSON). It returns one of the event types
// of EventKinds, with the push's Header (kind, CreateTime, subject), or a *FieldError naming
// the field. A push of an Event wxapi does not decode is an error matching
// ErrUnsupportedEvent. The push is decoded as sent: ApplyToOrder and ApplyToCase decide what
// it changes.
func DecodeEvent(body []byte) (Event, error) {
	d := decoder{payload: payloadEvent}
	if len(body) > MaxPushBody {
		p := root("(body)")
		d.fail(&p, strconv.Itoa(len(body))+" bytes", fmt.Errorf("%w: longer than %d bytes", ErrMalformed, MaxPushBody))
		return nil, d.err
	}
	var w wireEvent
	if !d.unmarshal(body, &w) {
		return nil, d.err
	}
	p := root("Event")
	if w.Event == "" {
		d.missing(&p)
		return nil, d.err
	}
	if w.MsgType != "" && w.MsgType != "event" {
		mp := root("MsgType")
		d.fail(&mp, strconv.Quote(w.MsgType), &enum.UnknownError{Type: "MsgType", Value: strconv.Quote(w.MsgType)})
		return nil, d.err
	}
	tp := root("CreateTime")
	at := d.unix(&tp, w.CreateTime, true)
	if d.err != nil {
		return nil, d.err
	}
	kind, err := eventKinds.Parse(w.Event)
	if err != nil {
		d.fail(&p, strconv.Quote(w.Event), &UnsupportedEventError{Name: w.Event, At: at, About: unsupportedSubject(&w)})
		return nil, d.err
	}
	h := Header{Event: kind, At: at}
	var ev Event
	switch kind {
	case EventAfterSaleUpdated:
		ev = d.afterSaleEvent(h, w.AfterSale)
	case EventComplaintUpdated:
		ev = d.complaintEvent(h, w.Complaint)
	case EventProductAudited, EventProductListing, EventProductUpdated:
		ev = d.productEvent(h, &w)
	case EventCategoryAudited:
		ev = d.categoryEvent(h, w.CategoryAudit)
	case EventStockShortage:
		ev = d.stockEvent(h, w.Stock)
	case EventBrandUpdated:
		ev = d.brandEvent(h, w.Brand)
	case EventShopClosed, EventShopRenamed:
		ev = d.shopEvent(h, &w)
	default:
		ev = d.orderEvent(h, w.Order)
	}
	if d.err != nil {
		return nil, d.err
	}
	return ev, nil
}

// unsupportedSubject is what an unsupported push is about, when its body says it as order and
// shop pushes do.
func unsupportedSubject(w *wireEvent) Subject {
	switch {
	case w.Order != nil && w.Order.OrderID.set && w.Order.OrderID.flaw == flawNone:
		return Subject{Kind: SubjectOrder, ID: w.Order.OrderID.s, OrderID: w.Order.OrderID.s}
	case w.AppID.set && w.AppID.flaw == flawNone:
		return Subject{Kind: SubjectShop, ID: w.AppID.s}
	}
	return Subject{}
}

// body checks that the push's body object, key, is present.
func (d *decoder) body(key string, present bool) path {
	p := root(key)
	if !present {
		d.missing(&p)
	}
	return p
}

// small reads a code that fits a byte (a status, a type).
func (d *decoder) small(p *path, n jint, req bool) uint8 {
	return uint8(d.bounded(p, n, req, 255))
}

// ref reads an identifier sent as a string or a number (complaint_id, audit_id, brand_id).
func (d *decoder) ref(p *path, c jcode, req bool) string {
	switch {
	case !c.set:
		if req {
			d.missing(p)
		}
		return ""
	case c.flaw != flawNone:
		d.flaw(p, c.raw, c.flaw)
		return ""
	}
	return c.s
}

func (d *decoder) orderEvent(h Header, w *wireEventOrder) Event {
	p := d.body("order_info", w != nil)
	if w == nil {
		return nil
	}
	op := p.at("order_id")
	id := d.id(&op, w.OrderID, true)
	h.About = Subject{Kind: SubjectOrder, ID: id, OrderID: id}
	switch h.Event {
	case EventOrderPaid:
		pp := p.at("pay_time")
		return OrderPaid{Header: h, PaidAt: d.unix(&pp, w.PayTime, false)}
	case EventOrderWaiting:
		return OrderWaiting{Header: h}
	case EventOrderShipped:
		fp := p.at("finish_delivery")
		return OrderShipped{Header: h, Complete: d.finishDelivery(&fp, w.FinishDelivery)}
	case EventOrderConfirmed:
		cp := p.at("confirm_type")
		return OrderConfirmed{Header: h, Confirm: d.confirmType(&cp, w.ConfirmType)}
	case EventOrderCancelled:
		cp := p.at("cancel_type")
		return OrderCancelled{Header: h, Reason: d.cancelType(&cp, w.CancelType)}
	case EventOrderSettled:
		sp := p.at("settle_time")
		return OrderSettled{Header: h, SettledAt: d.unix(&sp, w.SettleTime, false)}
	case EventOrderInfoUpdated:
		tp := p.at("type")
		return OrderInfoUpdated{Header: h, Change: OrderChange(d.small(&tp, w.Type, true))}
	}
	return OrderPlaced{Header: h}
}

// finishDelivery reads finish_delivery: 0 not everything shipped yet, 1 everything shipped.
func (d *decoder) finishDelivery(p *path, n jint) bool {
	v := d.int(p, n, true)
	if d.err == nil && v != 0 && v != 1 {
		d.fail(p, fmt.Sprint(v), &enum.UnknownError{Type: "finish_delivery", Value: fmt.Sprint(v)})
	}
	return v == 1
}

// confirmType reads confirm_type: 1 the buyer confirmed, 2 the platform did on timeout. They
// are order.ConfirmKind's codes. A push without it leaves the kind unknown.
func (d *decoder) confirmType(p *path, n jint) order.ConfirmKind {
	v := d.int(p, n, false)
	switch {
	case d.err != nil:
		return 0
	case !n.set:
		return order.ConfirmUnknown
	case v == int64(order.ConfirmByBuyer), v == int64(order.ConfirmAuto):
		return order.ConfirmKind(v)
	}
	d.fail(p, fmt.Sprint(v), &enum.UnknownError{Type: "confirm_type", Value: fmt.Sprint(v)})
	return 0
}

// cancelType reads cancel_type: 1 the buyer cancelled, 2 an unpaid timeout, 3 every item went
// through after-sale, 4 the merchant cancelled an oversold order. They are order.CancelReason's
// codes.
func (d *decoder) cancelType(p *path, n jint) order.CancelReason {
	v := d.int(p, n, true)
	if d.err != nil {
		return 0
	}
	if v >= int64(order.CancelByBuyer) && v <= int64(order.CancelOversold) {
		return order.CancelReason(v)
	}
	d.fail(p, fmt.Sprint(v), &enum.UnknownError{Type: "cancel_type", Value: fmt.Sprint(v)})
	return 0
}

func (d *decoder) afterSaleEvent(h Header, w *wireEventAfterSale) Event {
	p := d.body("finder_shop_aftersale_status_update", w != nil)
	if w == nil {
		return nil
	}
	ap, op, sp := p.at("after_sale_order_id"), p.at("order_id"), p.at("status")
	h.About = Subject{Kind: SubjectAfterSale, ID: d.id(&ap, w.AfterSaleID, true), OrderID: d.id(&op, w.OrderID, true)}
	return AfterSaleUpdated{Header: h, Status: parseText(d, &sp, w.Status, aftersale.ParseStatus)}
}

func (d *decoder) complaintEvent(h Header, w *wireEventComplaint) Event {
	p := d.body("finder_shop_complaint", w != nil)
	if w == nil {
		return nil
	}
	cp, ap, op, sp := p.at("complaint_id"), p.at("after_sale_order_id"), p.at("order_id"), p.at("complaint_status")
	h.About = Subject{Kind: SubjectComplaint, ID: d.ref(&cp, w.ComplaintID, true), OrderID: d.id(&op, w.OrderID, true)}
	return ComplaintUpdated{Header: h, AfterSaleID: d.id(&ap, w.AfterSaleID, true),
		Status: ComplaintStatus(d.bounded(&sp, w.Status, true, 1<<16-1))}
}

func (d *decoder) productEvent(h Header, w *wireEvent) Event {
	key, body := "ProductSpuAudit", w.SPUAudit
	switch h.Event {
	case EventProductListing:
		key, body = "ProductSpuListing", w.SPUListing
	case EventProductUpdated:
		key, body = "ProductSpuUpdate", w.SPUUpdate
	}
	p := d.body(key, body != nil)
	if body == nil {
		return nil
	}
	ip, sp := p.at("product_id"), p.at("status")
	h.About = Subject{Kind: SubjectProduct, ID: d.id(&ip, body.ProductID, true)}
	status := d.small(&sp, body.Status, h.Event != EventProductUpdated)
	switch h.Event {
	case EventProductListing:
		return ProductListing{Header: h, Status: int(status), Reason: body.Reason}
	case EventProductUpdated:
		return ProductUpdated{Header: h, Operation: ProductOperation(status)}
	}
	return ProductAudited{Header: h, Result: ProductAudit(status), Reason: body.Reason}
}

func (d *decoder) categoryEvent(h Header, w *wireEventCategory) Event {
	p := d.body("ProductCategoryAudit", w != nil)
	if w == nil {
		return nil
	}
	ap, sp := p.at("audit_id"), p.at("status")
	h.About = Subject{Kind: SubjectCategoryAudit, ID: d.ref(&ap, w.AuditID, true)}
	return CategoryAudited{Header: h, Status: CategoryAudit(d.small(&sp, w.Status, true)), Reason: w.Reason}
}

func (d *decoder) stockEvent(h Header, w *wireEventStock) Event {
	p := d.body("channels_ec_stock_no_enough", w != nil)
	if w == nil {
		return nil
	}
	pp, sp, rp, cp := p.at("product_id"), p.at("sku_id"), p.at("remaining_stock_amount"), p.at("remaining_code_amount")
	h.About = Subject{Kind: SubjectProduct, ID: d.id(&pp, w.ProductID, true)}
	return StockShortage{Header: h, SKUID: d.id(&sp, w.SKUID, true), Remaining: d.count(&rp, w.Remaining, true),
		Codes: d.count(&cp, w.Codes, false)}
}

func (d *decoder) brandEvent(h Header, w *wireEventBrand) Event {
	p := d.body("BrandEvent", w != nil)
	if w == nil {
		return nil
	}
	bp, ap, sp := p.at("brand_id"), p.at("audit_id"), p.at("status")
	h.About = Subject{Kind: SubjectBrand, ID: d.ref(&bp, w.BrandID, true)}
	return BrandUpdated{Header: h, AuditID: d.ref(&ap, w.AuditID, false), Status: BrandStatus(d.small(&sp, w.Status, true)),
		Reason: w.Reason}
}

func (d *decoder) shopEvent(h Header, w *wireEvent) Event {
	ap := root("appid")
	h.About = Subject{Kind: SubjectShop, ID: d.ref(&ap, w.AppID, true)}
	if h.Event == EventShopRenamed {
		np := root("new_nickname")
		return ShopRenamed{Header: h, Old: w.OldNickname, New: d.text(&np, w.NewNickname, true)}
	}
	cp := root("close_timestamp")
	return ShopClosed{Header: h, ClosedAt: d.unix(&cp, w.CloseTimestamp, false)}
}
