package wxapi

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// The after-sale commands a merchant sends (POST /channels/ec/aftersale/...). Each takes the
// after-sale order's ID, (*aftersale.Case).ID(), as after_sale_order_id, and answers
// {errcode, errmsg}: read it with DecodeResponse. Sources: the pages under
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/ (api_acceptapply,
// api_rejectapply) and https://developers.weixin.qq.com/doc/store/API/aftersale/ (the others).
const (
	payloadAcceptApply          = "aftersale/acceptapply"
	payloadRejectApply          = "aftersale/rejectapply"
	payloadRefundCertificate    = "aftersale/uploadrefundcertificate"
	payloadAcceptExchangeReship = "aftersale/acceptexchangereship"
	payloadRejectExchangeReship = "aftersale/rejectexchangereship"
)

// accept_type codes of aftersale/acceptapply, the platform's names for the two domain actions
// that answer a request: (*aftersale.Case).Accept and (*aftersale.Case).Refund.
const (
	acceptReturn = 1 // 同意退货: a return or an exchange; not for a refund only
	acceptRefund = 2 // 同意退款: a refund only, or a return whose goods arrived; not for an exchange
)

// AcceptApply is the merchant agreeing to an after-sale (aftersale/acceptapply).
type AcceptApply struct {
	// AfterSaleID is after_sale_order_id: (*aftersale.Case).ID().
	AfterSaleID string
	// AddressID is the return address (address_id, from the merchant's address book) the buyer
	// sends the goods to. Optional, but accepting a return without one makes the platform
	// refuse the steps that need the address.
	AddressID string
	// Action says what is agreed to (accept_type): aftersale.ActionAccept takes the goods back
	// (同意退货, 1: a return or an exchange), aftersale.ActionRefund pays the money (同意退款,
	// 2: a refund only, or a return whose goods arrived). Zero leaves accept_type out and the
	// platform picks from the case's status; a refund only has one scene, so it needs none.
	Action aftersale.Action
}

type wireAcceptApply struct {
	AfterSaleOrderID string `json:"after_sale_order_id"`
	AddressID        string `json:"address_id,omitempty"`
	AcceptType       int    `json:"accept_type,omitempty"`
}

// EncodeAcceptApply returns the body of POST /channels/ec/aftersale/acceptapply (同意售后).
// An action other than zero, aftersale.ActionAccept and aftersale.ActionRefund is refused.
func EncodeAcceptApply(a AcceptApply) ([]byte, error) {
	d := decoder{payload: payloadAcceptApply}
	ip, ap, tp := root("after_sale_order_id"), root("address_id"), root("accept_type")
	body := wireAcceptApply{AfterSaleOrderID: d.outID(&ip, a.AfterSaleID), AddressID: d.outToken(&ap, a.AddressID, maxCode, false)}
	switch a.Action {
	case 0:
	case aftersale.ActionAccept:
		body.AcceptType = acceptReturn
	case aftersale.ActionRefund:
		body.AcceptType = acceptRefund
	default:
		if !a.Action.IsValid() {
			v := strconv.Itoa(int(a.Action))
			d.fail(&tp, v, &enum.UnknownError{Type: "aftersale.Action", Value: v})
			break
		}
		d.fail(&tp, a.Action.String(), fmt.Errorf("%w: only accept (同意退货) or refund (同意退款) answers a request", ErrMalformed))
	}
	return d.marshal(body)
}

// RejectApply is the merchant refusing an after-sale (aftersale/rejectapply).
type RejectApply struct {
	// AfterSaleID is after_sale_order_id: (*aftersale.Case).ID().
	AfterSaleID string
	// Reason is the text the buyer sees (reject_reason): optional (the platform then shows the
	// reason's default wording), at most MaxTextLength characters, no control characters but
	// line feeds.
	Reason string
	// ReasonType is reject_reason_type, required: a value from aftersale/rejectreason/get
	// (platform data, fetched at runtime; pick one whose reject_scene fits the case).
	ReasonType int
}

type wireRejectApply struct {
	AfterSaleOrderID string `json:"after_sale_order_id"`
	RejectReason     string `json:"reject_reason,omitempty"`
	RejectReasonType int    `json:"reject_reason_type"`
}

// EncodeRejectApply returns the body of POST /channels/ec/aftersale/rejectapply (拒绝售后).
// The platform may refuse to reject before the merchant negotiated (10021068): see
// EncodeMerchantUpdateAfterSale.
func EncodeRejectApply(r RejectApply) ([]byte, error) {
	d := decoder{payload: payloadRejectApply}
	ip, rp, tp := root("after_sale_order_id"), root("reject_reason"), root("reject_reason_type")
	return d.marshal(wireRejectApply{
		AfterSaleOrderID: d.outID(&ip, r.AfterSaleID),
		RejectReason:     d.outText(&rp, r.Reason, false),
		RejectReasonType: d.outCode(&tp, r.ReasonType, true),
	})
}

// RefundCertificate is proof of a refund paid outside the platform
// (aftersale/uploadrefundcertificate), after the platform's refund failed and the after-sale
// order asks for an offline refund.
type RefundCertificate struct {
	// AfterSaleID is after_sale_order_id: (*aftersale.Case).ID().
	AfterSaleID string
	// MediaIDs are the proof images' media IDs (refund_certificates, from the image upload API
	// with data type 0): 1 to MaxMediaIDs. The platform's own limit is UNCONFIRMED.
	MediaIDs []string
	// Description is desc, required.
	Description string
}

type wireRefundCertificate struct {
	AfterSaleOrderID   string   `json:"after_sale_order_id"`
	RefundCertificates []string `json:"refund_certificates"`
	Desc               string   `json:"desc"`
}

// EncodeUploadRefundCertificate returns the body of POST
// /channels/ec/aftersale/uploadrefundcertificate (上传退款凭证).
func EncodeUploadRefundCertificate(c RefundCertificate) ([]byte, error) {
	d := decoder{payload: payloadRefundCertificate}
	ip, mp, dp := root("after_sale_order_id"), root("refund_certificates"), root("desc")
	return d.marshal(wireRefundCertificate{
		AfterSaleOrderID:   d.outID(&ip, c.AfterSaleID),
		RefundCertificates: d.outMediaIDs(&mp, c.MediaIDs, true),
		Desc:               d.outText(&dp, c.Description, true),
	})
}

// ExchangeReship is the merchant sending the exchange goods of an exchange
// (aftersale/acceptexchangereship), once the returned goods arrived: the domain's
// (*aftersale.Case).SendGoods with the same aftersale.Waybill.
type ExchangeReship struct {
	// AfterSaleID is after_sale_order_id: (*aftersale.Case).ID().
	AfterSaleID string
	// Waybill is the parcel's carrier (delivery_id; "OTHER" for a carrier off the list) and
	// tracking number (waybill_id), both required.
	Waybill aftersale.Waybill
}

type wireExchangeReship struct {
	AfterSaleOrderID string `json:"after_sale_order_id"`
	WaybillID        string `json:"waybill_id"`
	DeliveryID       string `json:"delivery_id"`
}

// EncodeAcceptExchangeReship returns the body of POST
// /channels/ec/aftersale/acceptexchangereship (换货发货). The carrier and the tracking number
// are checked by the order's rules for every parcel (order.CarrierCodeValid,
// order.TrackingProblemOf); a refusal matches the same order.Rule as a refused shipment.
func EncodeAcceptExchangeReship(x ExchangeReship) ([]byte, error) {
	d := decoder{payload: payloadAcceptExchangeReship}
	ip, cp, wp := root("after_sale_order_id"), root("delivery_id"), root("waybill_id")
	body := wireExchangeReship{AfterSaleOrderID: d.outID(&ip, x.AfterSaleID),
		WaybillID: x.Waybill.TrackingNumber, DeliveryID: x.Waybill.Carrier}
	pc := order.Parcel{Carrier: x.Waybill.Carrier, TrackingNumber: x.Waybill.TrackingNumber}
	if pc.NoLogistics() {
		d.fail(&cp, "", errNoCarrier) // exchange goods always travel with a waybill
	}
	d.logistics(&cp, &wp, pc, false)
	return d.marshal(body)
}

// RejectExchangeReship is the merchant refusing to send exchange goods
// (aftersale/rejectexchangereship).
type RejectExchangeReship struct {
	// AfterSaleID is after_sale_order_id: (*aftersale.Case).ID().
	AfterSaleID string
	// Reason is the text the buyer sees (reject_reason), optional; as RejectApply.Reason.
	Reason string
	// ReasonType is reject_reason_type, optional (zero leaves it out): a value from
	// aftersale/rejectreason/get whose reject_scene is 6 (拒绝换货发出新商品).
	ReasonType int
	// Certificates are proof images' media IDs (reject_certificates), optional: at most
	// MaxMediaIDs.
	Certificates []string
}

type wireRejectExchangeReship struct {
	AfterSaleOrderID   string   `json:"after_sale_order_id"`
	RejectReason       string   `json:"reject_reason,omitempty"`
	RejectReasonType   int      `json:"reject_reason_type,omitempty"`
	RejectCertificates []string `json:"reject_certificates,omitempty"`
}

// EncodeRejectExchangeReship returns the body of POST
// /channels/ec/aftersale/rejectexchangereship (换货拒绝发货). As with rejectapply, the
// platform may ask for a negotiation first (10021068).
func EncodeRejectExchangeReship(r RejectExchangeReship) ([]byte, error) {
	d := decoder{payload: payloadRejectExchangeReship}
	ip, rp, tp, cp := root("after_sale_order_id"), root("reject_reason"), root("reject_reason_type"), root("reject_certificates")
	return d.marshal(wireRejectExchangeReship{
		AfterSaleOrderID:   d.outID(&ip, r.AfterSaleID),
		RejectReason:       d.outText(&rp, r.Reason, false),
		RejectReasonType:   d.outCode(&tp, r.ReasonType, false),
		RejectCertificates: d.outMediaIDs(&cp, r.Certificates, false),
	})
}

// marshal returns body as JSON, or the first failure recorded while building it: nothing is
// half-encoded.
func (d *decoder) marshal(body any) ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}
