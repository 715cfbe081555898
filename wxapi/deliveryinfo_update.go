package wxapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/wxshop-go/wxshop/order"
)

const payloadDeliveryInfoUpdate = "order/deliveryinfo/update"

// Wire shapes of POST /channels/ec/order/deliveryinfo/update (修改物流信息): either the whole
// order's logistics (delivery_list) or corrections of single parcels (change_infos). Which one
// the platform follows when a body carries both is UNCONFIRMED, so wxapi never sends both.
// Source: https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_changedeliveryinfo.html
type wireDeliveryInfoReplace struct {
	OrderID      string            `json:"order_id"`
	DeliveryList []wireSendPackage `json:"delivery_list"`
}

type wireDeliveryInfoChange struct {
	OrderID     string           `json:"order_id"`
	ChangeInfos []wireChangeInfo `json:"change_infos"`
}

type wireChangeInfo struct {
	Old wireChangedParcel `json:"old"`
	New wireChangedParcel `json:"new"`
}

// wireChangedParcel is a parcel in change_infos: a delivery_list entry without deliver_type.
type wireChangedParcel struct {
	DeliveryID   string            `json:"delivery_id"`
	WaybillID    string            `json:"waybill_id"`
	ProductInfos []wireSendProduct `json:"product_infos"`
}

// ParcelChange corrects one parcel of a shipment: Old is the parcel as the platform has it
// (its carrier, tracking number and items identify it), New what it should be.
type ParcelChange struct {
	Old order.Parcel
	New order.Parcel
}

// EncodeDeliveryInfoUpdate returns the body of POST /channels/ec/order/deliveryinfo/update
// that replaces the whole logistics of order orderID with parcels (delivery_list): every
// parcel by express (deliver_type 1), with a carrier and a tracking number the order's own
// rules accept, exactly as EncodeDeliverySend checks them. The platform documents this form as
// not supporting split shipments (不支持拆单): to correct one parcel of a split shipment, use
// EncodeDeliveryInfoChange.
func EncodeDeliveryInfoUpdate(orderID string, parcels []order.Parcel) ([]byte, error) {
	d := decoder{payload: payloadDeliveryInfoUpdate}
	op := root("order_id")
	body := wireDeliveryInfoReplace{OrderID: d.outID(&op, orderID)}
	body.DeliveryList = d.packages(parcels, false)
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// EncodeDeliveryInfoChange returns the body of POST /channels/ec/order/deliveryinfo/update
// that corrects parcels of order orderID one by one (change_infos, which supports split
// shipments): each change names the parcel as it was sent (Old) and as it should be (New).
// Both go by express and are checked as EncodeDeliverySend checks a parcel (carrier and
// tracking number by order.CarrierCodeValid and order.TrackingProblemOf, items with IDs and
// positive counts). A change that changes nothing, and two changes of the same old parcel,
// are refused (ErrInconsistent). At most order.MaxParcels changes.
func EncodeDeliveryInfoChange(orderID string, changes []ParcelChange) ([]byte, error) {
	d := decoder{payload: payloadDeliveryInfoUpdate}
	op := root("order_id")
	body := wireDeliveryInfoChange{OrderID: d.outID(&op, orderID)}
	lp := root("change_infos")
	switch {
	case len(changes) == 0:
		d.missing(&lp)
	case len(changes) > order.MaxParcels:
		d.fail(&lp, strconv.Itoa(len(changes))+" changes", fmt.Errorf("%w: more than %d parcels", ErrMalformed, order.MaxParcels))
		return nil, d.err
	}
	body.ChangeInfos = make([]wireChangeInfo, len(changes))
	seen := make(map[[2]string]int, len(changes))
	for i, c := range changes {
		ep := lp.elem(i)
		op, np := ep.at("old"), ep.at("new")
		body.ChangeInfos[i] = wireChangeInfo{Old: d.changedParcel(&op, c.Old), New: d.changedParcel(&np, c.New)}
		if d.err != nil {
			break
		}
		if sameParcel(c.Old, c.New) {
			d.fail(&np, "", fmt.Errorf("%w: the new parcel equals the old one", ErrInconsistent))
		}
		key := [2]string{c.Old.Carrier, c.Old.TrackingNumber}
		if j, dup := seen[key]; dup {
			wp := op.at("waybill_id")
			d.fail(&wp, strconv.Quote(c.Old.TrackingNumber), fmt.Errorf("%w: the parcel is changed twice (change_infos[%d])", ErrInconsistent, j))
		}
		seen[key] = i
	}
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// changedParcel checks a parcel of change_infos (at p) as an express parcel.
func (d *decoder) changedParcel(p *path, pc order.Parcel) wireChangedParcel {
	cp, wp, ip := p.at("delivery_id"), p.at("waybill_id"), p.at("product_infos")
	d.logistics(&cp, &wp, pc, false)
	return wireChangedParcel{DeliveryID: pc.Carrier, WaybillID: pc.TrackingNumber, ProductInfos: d.productInfos(&ip, pc.Items)}
}

// sameParcel reports whether two parcels have the same carrier, tracking number and items.
func sameParcel(a, b order.Parcel) bool {
	return a.Carrier == b.Carrier && a.TrackingNumber == b.TrackingNumber && slices.Equal(a.Items, b.Items)
}
