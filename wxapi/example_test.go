package wxapi_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

// An order/get answer for a paid order of two SKUs (fields wxapi does not read are left out;
// it would ignore them).
const paidOrder = `{"errcode":0,"errmsg":"ok","order":{
  "order_id":"3725020335455738368","status":20,"create_time":1717200000,"update_time":1717200300,
  "openid":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs",
  "order_detail":{
    "product_infos":[
      {"product_id":"10000211","sku_id":"1000021104","sku_cnt":2,"title":"精梳棉圆领短袖T恤",
       "sku_attrs":[{"attr_key":"颜色","attr_value":"白色"},{"attr_key":"尺码","attr_value":"L"}],
       "sale_price":8900,"real_price":16000,"delivery_deadline":1717373100},
      {"product_id":"10000345","sku_id":"1000034502","sku_cnt":1,"title":"加厚帆布托特包",
       "sku_attrs":[{"attr_key":"颜色","attr_value":"米白"}],
       "sale_price":3900,"real_price":3900,"delivery_deadline":1717373100}],
    "pay_info":{"pay_time":1717200300},
    "price_info":{"product_price":21700,"freight":800},
    "delivery_info":{"deliver_method":0}},
  "aftersale_detail":{"on_aftersale_order_cnt":0}}}`

// liveCatalog is the host's catalog: the two SKUs, unchanged since the order.
func liveCatalog() *catalog.Catalog {
	c := catalog.New()
	_ = c.AddCategory(catalog.CategoryParams{ID: "7421", Name: "服饰"})
	_ = c.AddProduct(catalog.ProductParams{ID: "10000211", Title: "精梳棉圆领短袖T恤", CategoryID: "7421",
		Images: []string{"https://img.example.cn/p/10000211/head01.jpg"},
		SKUs: []catalog.SKUParams{{ID: "1000021104", Price: decimal.RequireFromString("89"), Stock: 10,
			Attrs: []catalog.Attr{{Key: "颜色", Value: "白色"}, {Key: "尺码", Value: "L"}}}}})
	_ = c.AddProduct(catalog.ProductParams{ID: "10000345", Title: "加厚帆布托特包", CategoryID: "7421",
		Images: []string{"https://img.example.cn/p/10000345/head01.jpg"},
		SKUs: []catalog.SKUParams{{ID: "1000034502", Price: decimal.RequireFromString("39"), Stock: 10,
			Attrs: []catalog.Attr{{Key: "颜色", Value: "米白"}}}}})
	return c
}

// Decode an order/get answer, check the shipment with shipping.Check, and build the
// delivery/send body for it.
func Example() {
	res, err := wxapi.DecodeOrder([]byte(paidOrder), wxapi.OrderOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := res.Order
	fmt.Println(o.ID(), o.Status(), o.Total().StringFixed(2))

	parcels := []order.Parcel{{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{
		{ProductID: "10000211", SKUID: "1000021104", Quantity: 2},
		{ProductID: "10000345", SKUID: "1000034502", Quantity: 1},
	}}}
	report := shipping.Check(shipping.Request{
		Order:    o,
		SKUs:     liveCatalog(),
		Parcels:  parcels,
		Complete: true,
		Carriers: shipping.MustCarriers(shipping.Carrier{Code: "SF", Name: "顺丰速运"}),
		At:       time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC),
	})
	fmt.Println("ok to ship:", report.OK())

	body, err := wxapi.EncodeShipment(o, parcels)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
	// Output:
	// 3725020335455738368 pending_shipment 207.00
	// ok to ship: true
	// {"order_id":"3725020335455738368","delivery_list":[{"delivery_id":"SF","waybill_id":"SF1432198765012","deliver_type":1,"product_infos":[{"product_id":"10000211","sku_id":"1000021104","product_cnt":2},{"product_id":"10000345","sku_id":"1000034502","product_cnt":1}]}]}
}

// An order/get answer for a virtual-goods order (deliver_method 1): the course went out without
// logistics (deliver_type 3), the replay of the live session is still to send.
const virtualOrder = `{"errcode":0,"errmsg":"ok","order":{
  "order_id":"3725022873019482112","status":21,"create_time":1717300000,"update_time":1717300120,
  "openid":"oT3mWq8Zr5Hk1Yb6Nc9Lx2Pv7Gd4",
  "order_detail":{
    "product_infos":[
      {"product_id":"10000901","sku_id":"1000090101","sku_cnt":1,"title":"咖啡拉花入门 线上课程",
       "sale_price":9900,"real_price":9900,"delivery_deadline":1717472860},
      {"product_id":"10000903","sku_id":"1000090301","sku_cnt":1,"title":"咖啡豆烘焙直播回放",
       "sale_price":1990,"real_price":1990,"delivery_deadline":1717472860}],
    "pay_info":{"pay_time":1717300060},
    "delivery_info":{"deliver_method":1,"delivery_product_info":[
      {"deliver_type":3,"delivery_time":1717300120,
       "product_infos":[{"product_id":"10000901","sku_id":"1000090101","product_cnt":1}]}]}}}}`

// The delivery type follows the order: a parcel without carrier and waybill goes as
// deliver_type 3 for a virtual-goods order, and is refused for any other.
func ExampleEncodeShipment() {
	res, err := wxapi.DecodeOrder([]byte(virtualOrder), wxapi.OrderOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := res.Order
	fmt.Println(o.Status(), "virtual:", o.Virtual())

	replay := []order.Parcel{{Items: []order.Item{{ProductID: "10000903", SKUID: "1000090301", Quantity: 1}}}}
	body, err := wxapi.EncodeShipment(o, replay)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))

	_, err = wxapi.EncodeDeliverySend(o.ID(), replay) // the order ID alone: express only
	fmt.Println(errors.Is(err, wxapi.ErrMissingField))
	// Output:
	// partially_shipped virtual: true
	// {"order_id":"3725022873019482112","delivery_list":[{"deliver_type":3,"product_infos":[{"product_id":"10000903","sku_id":"1000090301","product_cnt":1}]}]}
	// true
}

// A refusal from delivery/send matches the same order.Rule values as shipping.Check's report,
// so a host explains both the same way.
func ExampleDecodeResponse() {
	err := wxapi.DecodeResponse("order/delivery/send", []byte(`{"errcode":108009,"errmsg":"当前订单有未完成售后单，不允许发货"}`))
	fmt.Println(errors.Is(err, order.RuleAfterSaleOpen))
	var apiErr *wxapi.APIError
	if errors.As(err, &apiErr) {
		for _, c := range apiErr.Rules() {
			fmt.Println(c, c.Label())
		}
	}
	// Output:
	// true
	// aftersale_open 订单有未完成的售后单
}

// Decode an event push into a typed value.
func ExampleDecodeEvent() {
	ev, err := wxapi.DecodeEvent([]byte(`{"CreateTime":1717203600,"MsgType":"event","Event":"channels_ec_order_cancel",
		"order_info":{"order_id":"3725020417822203904","cancel_type":"2"}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ev.Kind(), ev.Subject(), ev.Time().Format(time.RFC3339))
	switch ev := ev.(type) {
	case wxapi.OrderCancelled:
		fmt.Println(ev.Reason, ev.Reason.Label())
	}
	// Output:
	// channels_ec_order_cancel order 3725020417822203904 2024-06-01T01:00:00Z
	// timeout 超时取消
}
