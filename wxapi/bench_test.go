package wxapi_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// nLineOrder is an order/get answer with n lines, paid, the first half shipped in parcels of
// two lines: the shape of real baskets, 20 lines being a large one.
func nLineOrder(n int) []byte {
	var lines, parcels []string
	var total int64
	for i := range n {
		price := int64(1990 + 100*i)
		qty := 1 + i%3
		total += price * int64(qty)
		lines = append(lines, fmt.Sprintf(`{"product_id":"%d","sku_id":"%d","sku_cnt":%d,"title":"商品 %d",
			"thumb_img":"https://img.example.cn/p/%d.jpg","sku_attrs":[{"attr_key":"颜色","attr_value":"色 %d"},{"attr_key":"规格","attr_value":"标准"}],
			"sale_price":%d,"market_price":%d,"real_price":%d,"on_aftersale_sku_cnt":0,"finish_aftersale_sku_cnt":0,
			"sku_deliver_info":{"stock_type":0},"delivery_deadline":1717373100,"product_unique_id":"3725020335455738368_%03d"}`,
			10000100+i, 1000010000+i, qty, i, i, i, price, price+1000, price*int64(qty), i+1))
	}
	for p := range n / 4 {
		var items []string
		for i := 2 * p; i < 2*p+2; i++ {
			items = append(items, fmt.Sprintf(`{"product_id":"%d","sku_id":"%d","product_cnt":%d}`, 10000100+i, 1000010000+i, 1+i%3))
		}
		parcels = append(parcels, fmt.Sprintf(`{"waybill_id":"SF1432198765%04d","delivery_id":"SF","delivery_name":"顺丰速运","delivery_time":1717290000,"deliver_type":1,"product_infos":[%s]}`,
			p, strings.Join(items, ",")))
	}
	status := 20
	if len(parcels) > 0 {
		status = 21
	}
	return fmt.Appendf(nil, `{"errcode":0,"errmsg":"ok","order":{"order_id":"3725020335455738368","status":%d,
		"create_time":1717200000,"update_time":1717290000,"openid":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs",
		"order_detail":{"product_infos":[%s],"pay_info":{"pay_time":1717200300,"transaction_id":"4200002201202406011234567890","payment_method":1},
		"price_info":{"product_price":%d,"order_price":%d,"freight":0,"discounted_price":0},
		"delivery_info":{"address_info":{"user_name":"陈先生","province_name":"广东省","city_name":"深圳市","county_name":"南山区",
		"detail_info":"科技园南区 8 栋 15 楼","tel_number":"13700000000"},"delivery_product_info":[%s],"ship_done_time":0,"deliver_method":0},
		"ext_info":{"customer_notes":"","merchant_notes":""}},
		"aftersale_detail":{"on_aftersale_order_cnt":0,"aftersale_order_list":[]}}}`,
		status, strings.Join(lines, ","), total, total, strings.Join(parcels, ","))
}

func TestNLineOrder(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 20, 200} {
		res, err := wxapi.DecodeOrder(nLineOrder(n), wxapi.OrderOptions{})
		require.NoError(t, err)
		require.Len(t, res.Order.Lines(), n)
		require.Len(t, res.Details.Lines, n)
		checkOrder(t, res.Order)
		var m mirrorOrderGet
		require.NoError(t, json.Unmarshal(nLineOrder(n), &m))
		require.Len(t, m.Order.Detail.Products, n, "the baseline reads the same body")
	}
}

var (
	sinkOrder  wxapi.OrderResult
	sinkMirror mirrorOrderGet
)

// orderSizes are the basket sizes of the order/get benchmarks: one line, a large basket, and
// far beyond any real one.
var orderSizes = []int{1, 20, 200}

// BenchmarkDecodeOrder: order/get → the checked domain order and its details.
func BenchmarkDecodeOrder(b *testing.B) {
	for _, n := range orderSizes {
		body := nLineOrder(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				res, err := wxapi.DecodeOrder(body, wxapi.OrderOptions{})
				if err != nil {
					b.Fatal(err)
				}
				sinkOrder = res
			}
		})
	}
}

// BenchmarkDecodeOrderMirror is the baseline: the same bodies through plain encoding/json into
// a mirror of the fields DecodeOrder reads, what a wire-only SDK does (no checks, no domain).
func BenchmarkDecodeOrderMirror(b *testing.B) {
	for _, n := range orderSizes {
		body := nLineOrder(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var m mirrorOrderGet
				if err := json.Unmarshal(body, &m); err != nil {
					b.Fatal(err)
				}
				sinkMirror = m
			}
		})
	}
}

func BenchmarkDecodeEvent(b *testing.B) {
	body := readTestdata(b, "event/order_deliver_partial.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wxapi.DecodeEvent(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeDeliverySend(b *testing.B) {
	parcels := []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{{ProductID: "10000777", SKUID: "1000077701", Quantity: 2}}},
		{Carrier: "ZTO", TrackingNumber: "78291034567123", Items: []order.Item{{ProductID: "10000778", SKUID: "1000077802", Quantity: 1}}},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wxapi.EncodeDeliverySend("3725021154689773056", parcels); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeOrderLinear decodes order/get at 100 and 10,000 lines and reports ns/line,
// which stays about flat between the two: the decode is linear in lines and parcels.
func BenchmarkDecodeOrderLinear(b *testing.B) {
	for _, n := range []int{100, 10_000} {
		body := nLineOrder(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := wxapi.DecodeOrder(body, wxapi.OrderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}
