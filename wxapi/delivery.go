package wxapi

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

const (
	payloadDeliverySend         = "order/delivery/send"
	payloadDeliveryCompensation = "order/delivery/compensation"
)

// Wire shapes of the delivery requests (REFERENCE §3).
type wireDeliverySend struct {
	OrderID      string            `json:"order_id"`
	DeliveryList []wireSendPackage `json:"delivery_list"`
}

type wireDeliveryCompensation struct {
	OrderID      string            `json:"order_id"`
	Reason       int               `json:"reason"`
	DeliveryList []wireSendPackage `json:"delivery_list"`
}

type wireSendPackage struct {
	DeliveryID   string            `json:"delivery_id,omitempty"`
	WaybillID    string            `json:"waybill_id,omitempty"`
	DeliverType  int               `json:"deliver_type"`
	ProductInfos []wireSendProduct `json:"product_infos"`
	CourseInfo   *wireCourseInfo   `json:"course_info,omitempty"` // delivery/send only (ParcelExtras)
	SNInfo       *wireSNInfo       `json:"sn_info,omitempty"`     // delivery/send only (ParcelExtras)
}

type wireSendProduct struct {
	ProductID  string `json:"product_id"`
	SKUID      string `json:"sku_id"`
	ProductCnt int    `json:"product_cnt"`
}

// EncodeShipment returns the body of POST /channels/ec/order/delivery/send that ships parcels
// of order o: one delivery_list entry per parcel, its carrier as delivery_id, its tracking
// number as waybill_id, its items as product_infos with product_cnt.
//
// The delivery type agrees with the order. A parcel with a carrier and a tracking number ships
// by express (deliver_type 1). A parcel with neither ships without logistics (deliver_type 3)
// and only on a virtual-goods order (o.Virtual(), the platform's deliver_method 1); on any
// other order it is an error, as is a parcel with one and not the other.
//
// The encoder checks the shape the platform requires (IDs, a positive count, at least one item
// per parcel and one parcel, a well-formed carrier code and tracking number by the order's own
// rules: order.CarrierCodeValid, order.TrackingProblemOf), and names the offending field of the
// body in a *FieldError; a refusal of a parcel's logistics also matches the order.Rule that
// order.ShipmentProblems and shipping.Check report for it (errors.Is). It does not check the
// order's other rules (quantities left to ship, one parcel per SKU, open after-sales): run
// shipping.Check first.
func EncodeShipment(o *order.Order, parcels []order.Parcel) ([]byte, error) {
	return EncodeShipmentWith(o, parcels, SendOptions{})
}

// EncodeDeliverySend is EncodeShipment for a host that has only the order's ID: it does not
// know the order's deliver_method, so every parcel ships by express (deliver_type 1) and needs
// a carrier and a tracking number. Ship virtual goods with EncodeShipment.
func EncodeDeliverySend(orderID string, parcels []order.Parcel) ([]byte, error) {
	return EncodeDeliverySendWith(orderID, parcels, SendOptions{})
}

// encodeDeliverySend builds the delivery/send body; virtual allows parcels without logistics.
func encodeDeliverySend(orderID string, parcels []order.Parcel, virtual bool, opts SendOptions) ([]byte, error) {
	d := decoder{payload: payloadDeliverySend}
	op := root("order_id")
	body := wireDeliverySend{OrderID: d.outID(&op, orderID)}
	body.DeliveryList = d.packages(parcels, virtual)
	d.extras(body.DeliveryList, opts.Extras)
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// EncodeDeliveryCompensation returns the body of POST /channels/ec/order/delivery/compensation
// (订单补发货): a re-shipment of parcels for order orderID after its first shipment, for
// reason (商品漏发 1, 商品拆分包裹 2, 商品坏损 3, 赠品 4; order.ReshipReason carries the
// platform's codes). Re-shipments go by express: every parcel needs a carrier and a tracking
// number (deliver_type 1). The platform allows at most order.MaxReships per order; the order
// aggregate (Reship) enforces it.
func EncodeDeliveryCompensation(orderID string, reason order.ReshipReason, parcels []order.Parcel) ([]byte, error) {
	d := decoder{payload: payloadDeliveryCompensation}
	op := root("order_id")
	body := wireDeliveryCompensation{OrderID: d.outID(&op, orderID), Reason: int(reason)}
	if !reason.IsValid() {
		rp := root("reason")
		d.fail(&rp, strconv.Itoa(int(reason)), &enum.UnknownError{Type: "order.ReshipReason", Value: strconv.Itoa(int(reason))})
	}
	body.DeliveryList = d.packages(parcels, false)
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// packages converts parcels into delivery_list entries. virtual allows parcels with neither
// carrier nor tracking number (deliver_type 3).
func (d *decoder) packages(parcels []order.Parcel, virtual bool) []wireSendPackage {
	lp := root("delivery_list")
	if len(parcels) == 0 {
		d.missing(&lp)
		return nil
	}
	out := make([]wireSendPackage, len(parcels))
	for i, pc := range parcels {
		ep := lp.elem(i)
		cp, wp, ip := ep.at("delivery_id"), ep.at("waybill_id"), ep.at("product_infos")
		out[i] = wireSendPackage{DeliveryID: pc.Carrier, WaybillID: pc.TrackingNumber,
			DeliverType: d.logistics(&cp, &wp, pc, virtual), ProductInfos: d.productInfos(&ip, pc.Items)}
	}
	return out
}

// logistics checks a parcel's carrier (at cp) and tracking number (at wp) by the order's own
// rules and returns its deliver_type. virtual allows a parcel with neither (deliver_type 3).
func (d *decoder) logistics(cp, wp *path, pc order.Parcel, virtual bool) int {
	switch {
	case pc.NoLogistics() && virtual:
		return deliverVirtual
	case pc.NoLogistics():
		d.fail(cp, "", errNeedsLogistics)
	case pc.Carrier == "":
		d.fail(cp, "", errNoCarrier)
	case !order.CarrierCodeValid(pc.Carrier):
		d.fail(cp, strconv.Quote(pc.Carrier), fmt.Errorf("%w: not a carrier code (1 to 64 ASCII letters, digits, '_' or '-') (%w)", ErrMalformed, order.RuleCarrierUnknown))
	case pc.TrackingNumber == "":
		d.fail(wp, "", errNoTracking)
	default:
		if tp := order.TrackingProblemOf(pc.TrackingNumber); tp != 0 {
			d.fail(wp, strconv.Quote(pc.TrackingNumber), fmt.Errorf("%w: tracking number %s (%w)", ErrMalformed, tp, order.RuleTrackingInvalid))
		}
	}
	return deliverExpress
}

// productInfos converts a parcel's items (at ip) into product_infos: at least one.
func (d *decoder) productInfos(ip *path, items []order.Item) []wireSendProduct {
	if len(items) == 0 {
		d.missing(ip)
	}
	out := make([]wireSendProduct, len(items))
	for j, it := range items {
		jp := ip.elem(j)
		pp, sp, cp := jp.at("product_id"), jp.at("sku_id"), jp.at("product_cnt")
		out[j] = wireSendProduct{
			ProductID:  d.outID(&pp, it.ProductID),
			SKUID:      d.outID(&sp, it.SKUID),
			ProductCnt: d.outCount(&cp, it.Quantity),
		}
	}
	return out
}

// The encoder's logistics refusals. Each matches the order.Rule that order.ShipmentProblems
// and shipping.Check report for the same parcel, as a refusal of the platform does (APIError).
var (
	// errNeedsLogistics: a parcel without carrier and tracking number where deliver_type 3 is
	// not allowed (an order not known to be virtual, or a re-shipment).
	errNeedsLogistics = fmt.Errorf("%w: only the first shipment of a virtual-goods order (EncodeShipment) goes without carrier and waybill (%w)",
		ErrMissingField, order.RuleDeliverTypeMismatch)
	errNoCarrier  = fmt.Errorf("%w (%w)", ErrMissingField, order.RuleCarrierMissing)
	errNoTracking = fmt.Errorf("%w (%w)", ErrMissingField, order.RuleTrackingMissing)
)

// outID checks an ID about to be sent: a positive uint64 in canonical decimal.
func (d *decoder) outID(p *path, id string) string {
	switch f := checkID([]byte(id)); {
	case id == "":
		d.missing(p)
	case f != flawNone:
		d.fail(p, strconv.Quote(id), errBadID)
	}
	return id
}

// outCount checks a unit count about to be sent: 1 to order.MaxQuantity.
func (d *decoder) outCount(p *path, n int) int {
	if n < 1 || n > order.MaxQuantity {
		d.fail(p, strconv.Itoa(n), fmt.Errorf("%w: not in 1..%d", ErrMalformed, order.MaxQuantity))
	}
	return n
}
