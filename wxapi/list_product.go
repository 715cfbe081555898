package wxapi

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/wxshop-go/wxshop/catalog"
)

const payloadProductList = "product/list/get"

// MaxProductPageSize is the largest page_size of POST /channels/ec/product/list/get
// (每页数量（默认10，不超过30）;
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-product/shop/api_getproductlist.html).
const MaxProductPageSize = 30

// ProductListQuery is a request for one page of product/list/get (获取商品列表).
type ProductListQuery struct {
	// Status is the online status to select (catalog.ProductStatus carries the platform's
	// codes); it is sent only when ByStatus is true.
	Status catalog.ProductStatus
	// ByStatus selects products by Status. Status 0 (never listed) is a real status, so the
	// zero query, ByStatus false, leaves status out and lists products of every status.
	ByStatus bool
	// PageSize is the number of IDs per page, 1 to MaxProductPageSize; 0 leaves it to the
	// platform (10).
	PageSize int
	// NextKey is the previous page's Page.NextKey; empty asks for the first page.
	NextKey string
}

// ProductPage is one page of product/list/get: the product IDs, the cursor, and total_num.
//
// The answer has no has_more. More is true when the page has IDs and a next_key, so a host
// stops at the first page without IDs or without a cursor, whichever the platform sends at
// the end of the list (which one it guarantees is not documented; this lenient rule costs at
// most one request for an empty page).
type ProductPage struct {
	Page
	// Total is total_num, the number of products the query selects (商品总数).
	Total int `json:"total"`
}

// Wire shape of the product/list/get request.
type wireProductListQuery struct {
	Status   *int   `json:"status,omitempty"`
	PageSize int    `json:"page_size,omitempty"`
	NextKey  string `json:"next_key,omitempty"`
}

// Wire shape of the product/list/get answer. product_ids are strings in the docs and numbers
// in some SDKs' models: jid takes both.
type wireProductList struct {
	envelope
	IDs      []jid  `json:"product_ids"`
	NextKey  string `json:"next_key"`
	TotalNum jint   `json:"total_num"`
}

// EncodeProductList returns the body of POST /channels/ec/product/list/get for q. Fields left
// unset are left out. A query the platform would refuse is a *FieldError naming the request
// field: a status that is not a platform code (ErrUnknownCode), a page size out of range, a
// cursor that is not valid UTF-8.
func EncodeProductList(q ProductListQuery) ([]byte, error) {
	d := decoder{payload: payloadProductList}
	var body wireProductListQuery
	if q.ByStatus {
		if err := q.Status.Check(); err != nil {
			sp := root("status")
			d.fail(&sp, strconv.Itoa(int(q.Status)), err)
		}
		s := int(q.Status)
		body.Status = &s
	}
	body.PageSize = d.outPageSize(q.PageSize, MaxProductPageSize)
	body.NextKey = d.outNextKey(q.NextKey)
	if d.err != nil {
		return nil, d.err
	}
	return json.Marshal(body)
}

// DecodeProductList decodes a POST /channels/ec/product/list/get answer: product_ids (JSON
// strings or numbers), next_key and total_num; see ProductPage for when the list ends. An
// absent product_ids is an empty page. Errors are an *APIError when errcode is not 0, or a
// *FieldError: an ID that is not a positive uint64 (product_ids[i]), more than a thousand IDs,
// a total_num that is negative or not an integer.
func DecodeProductList(body []byte) (ProductPage, error) {
	d := decoder{payload: payloadProductList}
	var w wireProductList
	if err := d.response(body, &w, &w.envelope); err != nil {
		return ProductPage{}, err
	}
	more := len(w.IDs) > 0 && w.NextKey != ""
	pg := ProductPage{Page: d.page("product_ids", w.IDs, w.NextKey, more)}
	tp := root("total_num")
	pg.Total = d.bounded(&tp, w.TotalNum, false, math.MaxInt32) // an int on every platform
	if d.err != nil {
		return ProductPage{}, d.err
	}
	return pg, nil
}
