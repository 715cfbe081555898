package wxapi

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/shipping"
)

const payloadCarrierList = "order/deliverycompanylist/new/get"

// maxCarriers bounds company_list: the platform lists a few hundred delivery companies.
const maxCarriers = 1000

// Wire shape of POST /channels/ec/order/deliverycompanylist/new/get
// (https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-delivery/delivery/api_getdeliverycompanylistnew.html)
// and of the older order/deliverycompanylist/get, which answers the same.
type wireCarrierListQuery struct {
	EwaybillOnly bool `json:"ewaybill_only"`
}

type wireCarrierList struct {
	envelope
	Companies []wireCompany `json:"company_list"`
}

// delivery_id is read as a jcode so that a value of the wrong JSON type is reported at its
// own path (company_list[3].delivery_id), not at encoding/json's path without the index.
type wireCompany struct {
	DeliveryID   jcode  `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
}

// EncodeCarrierList returns the body of POST /channels/ec/order/deliverycompanylist/new/get
// (获取快递公司列表): ewaybillOnly asks only for the companies that support electronic waybills
// (电子面单). The field is always sent, as the platform's reference marks it required. The
// older order/deliverycompanylist/get takes no body. The error is always nil; it is there
// for the shape every encoder shares.
func EncodeCarrierList(ewaybillOnly bool) ([]byte, error) {
	return json.Marshal(wireCarrierListQuery{EwaybillOnly: ewaybillOnly})
}

// DecodeCarrierList decodes the answer of order/deliverycompanylist/new/get, or of the older
// order/deliverycompanylist/get (errors name the new one), into the carrier set
// shipping.Check takes: company_list[]{delivery_id, delivery_name} becomes Carrier{Code, Name}
// through shipping.NewCarriers, which owns the rules for carrier codes.
//
// Errors are an *APIError when errcode is not 0, or a *FieldError: an empty or absent
// company_list (a Carriers that knows no carrier makes every shipment check fail), more than
// a thousand companies, a missing delivery_id, and what NewCarriers refuses, at the entry it
// refuses (company_list[3].delivery_id for a malformed or repeated code), wrapping
// ErrMalformed and the *shipping.CarrierError.
func DecodeCarrierList(body []byte) (shipping.Carriers, error) {
	d := decoder{payload: payloadCarrierList}
	var w wireCarrierList
	if err := d.response(body, &w, &w.envelope); err != nil {
		return shipping.Carriers{}, err
	}
	lp := root("company_list")
	switch n := len(w.Companies); {
	case n == 0:
		d.missing(&lp)
		return shipping.Carriers{}, d.err
	case n > maxCarriers:
		d.fail(&lp, strconv.Itoa(n), fmt.Errorf("%w: more than %d delivery companies", ErrMalformed, maxCarriers))
		return shipping.Carriers{}, d.err
	}
	list := make([]shipping.Carrier, len(w.Companies))
	for i, c := range w.Companies {
		ep := lp.elem(i)
		ip := ep.at("delivery_id")
		list[i] = shipping.Carrier{Code: d.carrierCode(&ip, c.DeliveryID), Name: c.DeliveryName}
	}
	if d.err != nil {
		return shipping.Carriers{}, d.err
	}
	cs, err := shipping.NewCarriers(list...)
	if err != nil {
		d.blameCarrier(&lp, list, err)
		return shipping.Carriers{}, d.err
	}
	return cs, nil
}

// carrierCode reads a delivery_id: a JSON string, required. Its form is shipping's to judge.
func (d *decoder) carrierCode(p *path, c jcode) string {
	switch {
	case !c.set:
		d.missing(p)
		return ""
	case c.flaw != flawNone:
		d.flaw(p, c.raw, c.flaw)
		return ""
	case c.number:
		d.fail(p, c.s, fmt.Errorf("%w: want a string", errWrongType))
		return ""
	}
	return c.s
}

// blameCarrier records err, NewCarriers' refusal of list, at the entry it refused.
// NewCarriers checks entries in order, each on its own and then against those before it, so
// the entry is the first that fails alone or repeats an earlier code.
func (d *decoder) blameCarrier(lp *path, list []shipping.Carrier, err error) {
	first := make(map[string]int, len(list))
	for i, c := range list {
		ep := lp.elem(i)
		ip, np := ep.at("delivery_id"), ep.at("delivery_name")
		if _, codeErr := shipping.NewCarriers(shipping.Carrier{Code: c.Code}); codeErr != nil {
			d.fail(&ip, text.Quote(c.Code), fmt.Errorf("%w: %w", ErrMalformed, codeErr))
			return
		}
		if _, entryErr := shipping.NewCarriers(c); entryErr != nil {
			d.fail(&np, text.Quote(c.Name), fmt.Errorf("%w: %w", ErrMalformed, entryErr))
			return
		}
		if j, dup := first[c.Code]; dup {
			d.fail(&ip, text.Quote(c.Code), fmt.Errorf("%w: %w (first at company_list[%d])", ErrMalformed, err, j))
			return
		}
		first[c.Code] = i
	}
	// Not reached while the scan mirrors NewCarriers; never lose the refusal.
	d.fail(lp, "", fmt.Errorf("%w: %w", ErrMalformed, err))
}
