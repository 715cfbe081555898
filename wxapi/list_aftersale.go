package wxapi

import (
	"encoding/json"
	"fmt"
	"time"
)

const payloadAfterSaleList = "aftersale/getaftersalelist"

// MaxAfterSaleListRange is the longest time window of POST /channels/ec/aftersale/getaftersalelist,
// for create time and for update time alike (end − begin 不得大于24小时;
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-aftersale/api_getaftersalelist.html).
const MaxAfterSaleListRange = 24 * time.Hour

// AfterSaleListQuery is a request for one page of aftersale/getaftersalelist (获取售后单列表).
// Set at least one time window; a window is [From, To], both set, To after From and at most
// MaxAfterSaleListRange later. Times are sent in whole Unix seconds; as with
// OrderListQuery, windows that share an endpoint may list a case twice. The platform takes
// no page size.
//
// Whether the platform accepts both windows in one request is not documented (the text says
// only that each pair is used together); the encoder sends both when both are set.
type AfterSaleListQuery struct {
	// CreatedFrom and CreatedTo select after-sale orders by creation time
	// (begin_create_time, end_create_time).
	CreatedFrom, CreatedTo time.Time
	// UpdatedFrom and UpdatedTo select after-sale orders by last update time
	// (begin_update_time, end_update_time). Without them, status changes of older cases are
	// seen only through the channels_ec_aftersale_update push.
	UpdatedFrom, UpdatedTo time.Time
	// NextKey is the previous page's Page.NextKey; empty asks for the first page.
	NextKey string
}

// Wire shape of the aftersale/getaftersalelist request.
type wireAfterSaleListQuery struct {
	BeginCreateTime int64  `json:"begin_create_time,omitempty"`
	EndCreateTime   int64  `json:"end_create_time,omitempty"`
	BeginUpdateTime int64  `json:"begin_update_time,omitempty"`
	EndUpdateTime   int64  `json:"end_update_time,omitempty"`
	NextKey         string `json:"next_key,omitempty"`
}

// Wire shape of the aftersale/getaftersalelist answer.
type wireAfterSaleList struct {
	envelope
	IDs     []jid  `json:"after_sale_order_id_list"`
	HasMore bool   `json:"has_more"`
	NextKey string `json:"next_key"`
}

// EncodeAfterSaleList returns the body of POST /channels/ec/aftersale/getaftersalelist for q.
// Fields left unset are left out. A query the platform would refuse is a *FieldError naming
// the request field: no window (begin_create_time), half a window, a window that ends before
// it starts or is longer than MaxAfterSaleListRange (ErrInconsistent), a cursor that is not
// valid UTF-8.
func EncodeAfterSaleList(q AfterSaleListQuery) ([]byte, error) {
	d := decoder{payload: payloadAfterSaleList}
	var body wireAfterSaleListQuery
	bc, ec := root("begin_create_time"), root("end_create_time")
	bu, eu := root("begin_update_time"), root("end_update_time")
	var created, updated bool
	body.BeginCreateTime, body.EndCreateTime, created = d.outWindow(&bc, &ec, q.CreatedFrom, q.CreatedTo, MaxAfterSaleListRange)
	body.BeginUpdateTime, body.EndUpdateTime, updated = d.outWindow(&bu, &eu, q.UpdatedFrom, q.UpdatedTo, MaxAfterSaleListRange)
	if d.err == nil && !created && !updated {
		d.fail(&bc, "", fmt.Errorf("%w: set a create-time window, an update-time window or both", ErrMissingField))
	}
	body.NextKey = d.outNextKey(q.NextKey)
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// DecodeAfterSaleList decodes a POST /channels/ec/aftersale/getaftersalelist answer:
// after_sale_order_id_list, has_more and next_key. An absent list is an empty page. Errors are
// an *APIError when errcode is not 0, or a *FieldError: an ID that is not a positive uint64
// (after_sale_order_id_list[i]), more than a thousand IDs, has_more without a next_key
// (ErrInconsistent).
func DecodeAfterSaleList(body []byte) (Page, error) {
	d := decoder{payload: payloadAfterSaleList}
	var w wireAfterSaleList
	if err := d.response(body, &w, &w.envelope); err != nil {
		return Page{}, err
	}
	pg := d.page("after_sale_order_id_list", w.IDs, w.NextKey, w.HasMore)
	if d.err != nil {
		return Page{}, d.err
	}
	return pg, nil
}
