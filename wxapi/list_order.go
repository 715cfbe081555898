package wxapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

const payloadOrderList = "order/list/get"

// Limits of POST /channels/ec/order/list/get
// (https://developers.weixin.qq.com/doc/store/API/order/list_get.html).
const (
	// MaxOrderPageSize is the largest page_size the platform accepts (每页数量，不超过100).
	MaxOrderPageSize = 100
	// MaxOrderListRange is the longest time window, for create time and for update time alike
	// (距离end_time不可超过7天).
	MaxOrderListRange = 7 * 24 * time.Hour
)

// orderListFilters are the statuses order/list/get filters by. 20 includes partially shipped
// orders (21), 30 includes orders shipped in part, and 250 every cancelled order (unpaid,
// after-sale and the rest): the platform has no filter for 190 or 200.
var orderListFilters = []order.Status{
	order.StatusPendingPayment, order.StatusGiftPending, order.StatusGroupForming,
	order.StatusPendingShipment, order.StatusPartiallyShipped, order.StatusShipped,
	order.StatusCompleted, order.StatusCancelled,
}

// OrderListQuery is a request for one page of order/list/get (获取订单列表). Set at least one
// time window; a window is [From, To], both set, To after From and at most
// MaxOrderListRange later. Times are sent in whole Unix seconds. Whether end_time is
// inclusive is not documented: windows that share an endpoint may list an order twice, so a
// host that walks consecutive windows keeps the IDs in a set.
type OrderListQuery struct {
	// CreatedFrom and CreatedTo select orders by creation time (create_time_range).
	CreatedFrom, CreatedTo time.Time
	// UpdatedFrom and UpdatedTo select orders by last update time (update_time_range).
	UpdatedFrom, UpdatedTo time.Time
	// Status selects orders in one status; 0 selects every status. The platform filters by
	// 10, 12, 13, 20 (which includes 21), 21, 30 (which includes orders shipped in part), 100
	// and 250 (every cancelled order, those closed by after-sale included); 190 and 200 are
	// not filters and are refused.
	Status order.Status
	// Buyer selects the orders of one buyer, by openid; empty selects every buyer.
	Buyer string
	// PageSize is the number of IDs per page, 1 to MaxOrderPageSize; 0 leaves it to the
	// platform (10).
	PageSize int
	// NextKey is the previous page's Page.NextKey; empty asks for the first page.
	NextKey string
}

// Wire shape of the order/list/get request.
type wireOrderListQuery struct {
	CreateTimeRange *wireTimeRange `json:"create_time_range,omitempty"`
	UpdateTimeRange *wireTimeRange `json:"update_time_range,omitempty"`
	Status          int            `json:"status,omitempty"`
	OpenID          string         `json:"openid,omitempty"`
	PageSize        int            `json:"page_size,omitempty"`
	NextKey         string         `json:"next_key,omitempty"`
}

type wireTimeRange struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
}

// Wire shape of the order/list/get answer.
type wireOrderList struct {
	envelope
	IDs     []jid  `json:"order_id_list"`
	NextKey string `json:"next_key"`
	HasMore bool   `json:"has_more"`
}

// EncodeOrderList returns the body of POST /channels/ec/order/list/get for q. Fields left
// unset are left out. A query the platform would refuse is a *FieldError naming the request
// field: no time window (create_time_range), half a window, a window that ends before it
// starts or is longer than MaxOrderListRange (ErrInconsistent), a status that is not a filter
// (ErrUnknownCode), a page size out of range, a buyer or cursor that is not valid UTF-8.
//
// Orders come back masked (脱敏); order/get gives each one in full.
func EncodeOrderList(q OrderListQuery) ([]byte, error) {
	d := decoder{payload: payloadOrderList}
	var body wireOrderListQuery
	cp, up := root("create_time_range"), root("update_time_range")
	body.CreateTimeRange = d.timeRange(&cp, q.CreatedFrom, q.CreatedTo)
	body.UpdateTimeRange = d.timeRange(&up, q.UpdatedFrom, q.UpdatedTo)
	if d.err == nil && body.CreateTimeRange == nil && body.UpdateTimeRange == nil {
		d.fail(&cp, "", fmt.Errorf("%w: set a create_time_range, an update_time_range or both", ErrMissingField))
	}
	body.Status = d.orderFilter(q.Status)
	if !text.Valid(q.Buyer) {
		bp := root("openid")
		d.fail(&bp, text.Quote(q.Buyer), fmt.Errorf("%w: not valid UTF-8", ErrMalformed))
	}
	body.OpenID = q.Buyer
	body.PageSize = d.outPageSize(q.PageSize, MaxOrderPageSize)
	body.NextKey = d.outNextKey(q.NextKey)
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// timeRange converts a window into {start_time, end_time} at p; nil when the window is unset.
func (d *decoder) timeRange(p *path, from, to time.Time) *wireTimeRange {
	sp, ep := p.at("start_time"), p.at("end_time")
	start, end, ok := d.outWindow(&sp, &ep, from, to, MaxOrderListRange)
	if !ok {
		return nil
	}
	return &wireTimeRange{StartTime: start, EndTime: end}
}

// orderFilter checks a status filter: 0 (any) or one of orderListFilters.
func (d *decoder) orderFilter(s order.Status) int {
	if s == 0 || slices.Contains(orderListFilters, s) {
		return int(s)
	}
	p := root("status")
	v := strconv.Itoa(int(s))
	if !s.IsValid() {
		d.fail(&p, v, &enum.UnknownError{Type: "order.Status", Value: v})
		return 0
	}
	d.fail(&p, v, fmt.Errorf("%w: order status %s (%s) is not a filter of order/list/get, which takes 10, 12, 13, 20, 21, 30, 100 and 250; "+
		"cancelled orders of every kind are listed under 250", ErrUnknownCode, v, s))
	return 0
}

// DecodeOrderList decodes a POST /channels/ec/order/list/get answer: order_id_list, next_key
// and has_more. An absent order_id_list is an empty page. Errors are an *APIError when errcode
// is not 0, or a *FieldError: an ID that is not a positive uint64 (order_id_list[i]), more
// than a thousand IDs, has_more without a next_key (ErrInconsistent).
func DecodeOrderList(body []byte) (Page, error) {
	d := decoder{payload: payloadOrderList}
	var w wireOrderList
	if err := d.response(body, &w, &w.envelope); err != nil {
		return Page{}, err
	}
	pg := d.page("order_id_list", w.IDs, w.NextKey, w.HasMore)
	if d.err != nil {
		return Page{}, d.err
	}
	return pg, nil
}
