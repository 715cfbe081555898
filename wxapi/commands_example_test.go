package wxapi_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// A course goes out without logistics on its virtual-goods order, with its validity and the
// mini-program page that serves it.
func ExampleEncodeShipmentWith() {
	res, err := wxapi.DecodeOrder([]byte(virtualOrder), wxapi.OrderOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	cst := time.FixedZone("CST", 8*3600)
	body, err := wxapi.EncodeShipmentWith(res.Order,
		[]order.Parcel{{Items: []order.Item{{ProductID: "10000903", SKUID: "1000090301", Quantity: 1}}}},
		wxapi.SendOptions{Extras: []wxapi.ParcelExtras{{Course: wxapi.CourseInfo{
			Start: time.Date(2024, 7, 1, 0, 0, 0, 0, cst),
			End:   time.Date(2025, 6, 30, 23, 59, 59, 0, cst),
			Path:  wxapi.CoursePath{Type: 1, AppID: "wx8f3c2a1b9d7e6054", Page: "pages/course/detail?course_id=88021"},
		}}}})
	fmt.Println(string(body), err)
	// Output:
	// {"order_id":"3725022873019482112","delivery_list":[{"deliver_type":3,"product_infos":[{"product_id":"10000903","sku_id":"1000090301","product_cnt":1}],"course_info":{"start_time":1719763200,"end_time":1751299199,"course_path":{"type":1,"wxa_appid":"wx8f3c2a1b9d7e6054","wxa_path":"pages/course/detail?course_id=88021"}}}]} <nil>
}

// A national-subsidy (国补) phone ships only with its serial number: the first parcel carries
// it, the second (phone cases) carries none.
func ExampleEncodeDeliverySendWith() {
	body, err := wxapi.EncodeDeliverySendWith("3725024106655443322", []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF1432198770021", Items: []order.Item{{ProductID: "10001201", SKUID: "1000120103", Quantity: 1}}},
		{Carrier: "SF", TrackingNumber: "SF1432198770038", Items: []order.Item{{ProductID: "10001207", SKUID: "1000120702", Quantity: 2}}},
	}, wxapi.SendOptions{Extras: []wxapi.ParcelExtras{
		{SN: wxapi.SNInfo{Code: "F2LZK7QNP0D9", IMEI1: "356789104523198"}},
	}})
	fmt.Println(string(body), err)

	_, err = wxapi.EncodeDeliverySendWith("3725024106655443322", []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF1432198770021", Items: []order.Item{{ProductID: "10001201", SKUID: "1000120103", Quantity: 1}}},
	}, wxapi.SendOptions{Extras: []wxapi.ParcelExtras{{SN: wxapi.SNInfo{Code: "F2LZ K7QN"}}}})
	fmt.Println(err)
	// Output:
	// {"order_id":"3725024106655443322","delivery_list":[{"delivery_id":"SF","waybill_id":"SF1432198770021","deliver_type":1,"product_infos":[{"product_id":"10001201","sku_id":"1000120103","product_cnt":1}],"sn_info":{"sn_code":"F2LZK7QNP0D9","imei1":"356789104523198"}},{"delivery_id":"SF","waybill_id":"SF1432198770038","deliver_type":1,"product_infos":[{"product_id":"10001207","sku_id":"1000120702","product_cnt":2}]}]} <nil>
	// wxapi: order/delivery/send: delivery_list[0].sn_info.sn_code = "F2LZ K7QN": malformed payload: not 1 to 64 printable ASCII characters without spaces
}

// An order shipped in one parcel went with another carrier than recorded: its whole
// logistics are replaced.
func ExampleEncodeDeliveryInfoUpdate() {
	body, err := wxapi.EncodeDeliveryInfoUpdate("3725020335455738368", []order.Parcel{{Carrier: "YTO", TrackingNumber: "YT7512309876601",
		Items: []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 2}, {ProductID: "10000345", SKUID: "1000034502", Quantity: 1}}}})
	fmt.Println(string(body), err)
	// Output:
	// {"order_id":"3725020335455738368","delivery_list":[{"delivery_id":"YTO","waybill_id":"YT7512309876601","deliver_type":1,"product_infos":[{"product_id":"10000211","sku_id":"1000021104","product_cnt":2},{"product_id":"10000345","sku_id":"1000034502","product_cnt":1}]}]} <nil>
}

// One parcel of a split shipment is corrected; the other stays as it is. A tracking number
// the order's rules refuse is refused here too, with the same order.Rule.
func ExampleEncodeDeliveryInfoChange() {
	items := []order.Item{{ProductID: "10000778", SKUID: "1000077802", Quantity: 1}}
	old := order.Parcel{Carrier: "ZTO", TrackingNumber: "78291034567123", Items: items}
	body, err := wxapi.EncodeDeliveryInfoChange("3725021154689773056", []wxapi.ParcelChange{
		{Old: old, New: order.Parcel{Carrier: "YTO", TrackingNumber: "YT7512309876550", Items: items}},
	})
	fmt.Println(string(body), err)

	_, err = wxapi.EncodeDeliveryInfoChange("3725021154689773056", []wxapi.ParcelChange{
		{Old: old, New: order.Parcel{Carrier: "YTO", TrackingNumber: "YT 7512309876550", Items: items}},
	})
	fmt.Println(errors.Is(err, order.RuleTrackingInvalid))
	// Output:
	// {"order_id":"3725021154689773056","change_infos":[{"old":{"delivery_id":"ZTO","waybill_id":"78291034567123","product_infos":[{"product_id":"10000778","sku_id":"1000077802","product_cnt":1}]},"new":{"delivery_id":"YTO","waybill_id":"YT7512309876550","product_infos":[{"product_id":"10000778","sku_id":"1000077802","product_cnt":1}]}}]} <nil>
	// true
}

// Agreeing to a return names the return address; accept_type says what is agreed to, from
// the domain action.
func ExampleEncodeAcceptApply() {
	body, err := wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: "2000000490112233", AddressID: "101005", Action: aftersale.ActionAccept})
	fmt.Println(string(body), err)
	body, err = wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: "2000000489876543", Action: aftersale.ActionRefund})
	fmt.Println(string(body), err)
	// Output:
	// {"after_sale_order_id":"2000000490112233","address_id":"101005","accept_type":1} <nil>
	// {"after_sale_order_id":"2000000489876543","accept_type":2} <nil>
}

// A rejection needs one of the platform's reason types (from aftersale/rejectreason/get); the
// text is the merchant's own.
func ExampleEncodeRejectApply() {
	body, err := wxapi.EncodeRejectApply(wxapi.RejectApply{AfterSaleID: "2000000490556677", Reason: "吊牌已剪，影响二次销售", ReasonType: 20})
	fmt.Println(string(body), err)
	_, err = wxapi.EncodeRejectApply(wxapi.RejectApply{AfterSaleID: "2000000490556677", Reason: "吊牌已剪"})
	fmt.Println(err)
	// Output:
	// {"after_sale_order_id":"2000000490556677","reject_reason":"吊牌已剪，影响二次销售","reject_reason_type":20} <nil>
	// wxapi: aftersale/rejectapply: reject_reason_type: missing required field
}

// After the platform's refund failed, the merchant refunds offline and uploads the proof.
func ExampleEncodeUploadRefundCertificate() {
	body, err := wxapi.EncodeUploadRefundCertificate(wxapi.RefundCertificate{AfterSaleID: "2000000489876543",
		MediaIDs: []string{"MTQ4NjYxMDk4OV9yZWZ1bmRfcHJvb2ZfMDE"}, Description: "已银行转账退款89.00元"})
	fmt.Println(string(body), err)
	// Output:
	// {"after_sale_order_id":"2000000489876543","refund_certificates":["MTQ4NjYxMDk4OV9yZWZ1bmRfcHJvb2ZfMDE"],"desc":"已银行转账退款89.00元"} <nil>
}

// A negotiation proposes a refund of 45.50 yuan, sent in fen; an amount with a fraction of a
// fen is refused, never rounded.
func ExampleEncodeMerchantUpdateAfterSale() {
	n := wxapi.Negotiation{AfterSaleID: "2000000489876543", Kind: aftersale.KindRefund, Amount: decimal.RequireFromString("45.50"),
		Description: "仅退差价，商品无需寄回", ReasonType: 10, Type: wxapi.NegotiationModifyRequest}
	body, err := wxapi.EncodeMerchantUpdateAfterSale(n)
	fmt.Println(string(body), err)

	n.Amount = decimal.RequireFromString("45.505")
	_, err = wxapi.EncodeMerchantUpdateAfterSale(n)
	fmt.Println(errors.Is(err, wxapi.ErrInvalidAmount))
	// Output:
	// {"after_sale_order_id":"2000000489876543","type":1,"amount":4550,"merchant_update_desc":"仅退差价，商品无需寄回","update_reason_type":10,"merchant_update_type":3} <nil>
	// true
}

// The exchange goods go out with a waybill the order's carrier and tracking rules accept.
func ExampleEncodeAcceptExchangeReship() {
	body, err := wxapi.EncodeAcceptExchangeReship(wxapi.ExchangeReship{AfterSaleID: "2000000490112233",
		Waybill: aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF1432198799001"}})
	fmt.Println(string(body), err)
	_, err = wxapi.EncodeAcceptExchangeReship(wxapi.ExchangeReship{AfterSaleID: "2000000490112233",
		Waybill: aftersale.Waybill{Carrier: "顺丰", TrackingNumber: "SF1432198799001"}})
	fmt.Println(errors.Is(err, order.RuleCarrierUnknown))
	// Output:
	// {"after_sale_order_id":"2000000490112233","waybill_id":"SF1432198799001","delivery_id":"SF"} <nil>
	// true
}

// Refusing to send exchange goods: everything but the after-sale ID is optional.
func ExampleEncodeRejectExchangeReship() {
	body, err := wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{AfterSaleID: "2000000490112233",
		Reason: "换货尺码已断货", ReasonType: 26})
	fmt.Println(string(body), err)
	// Output:
	// {"after_sale_order_id":"2000000490112233","reject_reason":"换货尺码已断货","reject_reason_type":26} <nil>
}

// Fifty units arrive: add them (diff_type 1) rather than set the count, which races with
// orders placed meanwhile.
func ExampleEncodeStockUpdate() {
	body, err := wxapi.EncodeStockUpdate("10000211", "1000021104", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 50})
	fmt.Println(string(body), err)
	_, err = wxapi.EncodeStockUpdate("10000211", "1000021104", catalog.StockAdjustment{Diff: catalog.DiffSubtract})
	fmt.Println(err)
	// Output:
	// {"product_id":"10000211","sku_id":"1000021104","diff_type":1,"num":50} <nil>
	// wxapi: product/stock/update: num = 0: malformed payload: not in 1..1000000000
}

// A product whose review passed goes on sale.
func ExampleEncodeListing() {
	body, err := wxapi.EncodeListing("10000211")
	fmt.Println(string(body), err)
	// Output:
	// {"product_id":"10000211"} <nil>
}

// A product comes off sale; the same body serves a gift product.
func ExampleEncodeDelisting() {
	body, err := wxapi.EncodeDelisting("10000345")
	fmt.Println(string(body), err)
	// Output:
	// {"product_id":"10000345"} <nil>
}

// Without review: a SKU's code and its move to a presale that ships within 3 days of the
// presale's end, and a limit of 3 units a week for the product.
func ExampleEncodeAuditFree() {
	cst := time.FixedZone("CST", 8*3600)
	body, err := wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{
		Limit: &catalog.PurchaseLimit{Period: catalog.LimitWeekly, Units: 3},
		SKUs: []catalog.NoReviewSKU{{ID: "1000021103", Code: "TEE-CC-WH-M", Delivery: &catalog.DeliveryTerms{
			Stock: catalog.StockPresale, Ship: catalog.ShipAfterPresale, Days: 3,
			PresaleBegin: time.Date(2024, 11, 1, 0, 0, 0, 0, cst), PresaleEnd: time.Date(2024, 11, 11, 0, 0, 0, 0, cst)}}},
	})
	fmt.Println(string(body), err)
	// Output:
	// {"product_id":"10000211","skus":[{"sku_id":"1000021103","sku_code":"TEE-CC-WH-M","sku_deliver_info":{"stock_type":1,"full_payment_presale_delivery_type":1,"presale_begin_time":1730390400,"presale_end_time":1731254400,"full_payment_presale_delivery_time":3}}],"limited_info":{"period_type":2,"limited_buy_num":3}} <nil>
}
