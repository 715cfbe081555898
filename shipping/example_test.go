package shipping_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/shop"
)

var cst = time.FixedZone("CST", 8*3600)

// exampleShop is a tea shop with two SKUs, and a paid order for one of each.
func exampleShop() (*catalog.Catalog, *order.Order) {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	c := catalog.New()
	must(c.AddCategory(catalog.CategoryParams{ID: "tea", Name: "茶叶"}))
	must(c.AddProduct(catalog.ProductParams{ID: "longjing", Title: "西湖龙井", CategoryID: "tea", Images: []string{"lj.jpg"},
		SKUs: []catalog.SKUParams{
			{ID: "lj-250", Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}}, Price: decimal.RequireFromString("128"), Stock: 10},
			{ID: "lj-500", Attrs: []catalog.Attr{{Key: "规格", Value: "500g"}}, Price: decimal.RequireFromString("238"), Stock: 10},
		}}))
	must(c.List("longjing"))
	var lines []order.LineParams
	for _, sku := range []string{"lj-250", "lj-500"} {
		snap, err := c.Snapshot("longjing", sku)
		must(err)
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: 1, UnitPrice: snap.Price(), Paid: snap.Price()})
	}
	placed := time.Date(2025, 3, 1, 9, 0, 0, 0, cst)
	o, err := order.New(order.NewParams{ID: "3725020335455738368", Seller: shop.WeChatShop, Buyer: "openid",
		Lines: lines, CreatedAt: placed})
	must(err)
	_, err = o.Pay(placed.Add(10 * time.Minute))
	must(err)
	return c, o
}

var exampleCarriers = shipping.MustCarriers(
	shipping.Carrier{Code: "SF", Name: "顺丰速运", Pattern: `SF[0-9]{13}`},
	shipping.Carrier{Code: "ZTO", Name: "中通快速", MinLength: 12, MaxLength: 12},
)

// A refused shipment: the 250g tin went out and the buyer asked to exchange it; meanwhile the
// merchant cut the 500g price through the no-review path. Shipping the 500g tin now fails
// twice over, and the report says so in one go, with the ticket to paste to support.
func ExampleCheck() {
	c, o := exampleShop()
	at := time.Date(2025, 3, 1, 15, 0, 0, 0, cst)
	if _, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1234567890123",
		Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}}, at.Add(-4*time.Hour)); err != nil {
		panic(err)
	}
	exchange, _, err := aftersale.Open(o, aftersale.Request{ID: "AS-7", Kind: aftersale.KindExchange,
		Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}, Reason: aftersale.ReasonQualityIssue}, at.Add(-time.Hour))
	if err != nil {
		panic(err)
	}
	_ = c.UpdateWithoutReview("longjing", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: "lj-500", Price: decimal.NewNullDecimal(decimal.RequireFromString("218"))},
	}})

	r := shipping.Check(shipping.Request{
		Order: o, Cases: []*aftersale.Case{exchange}, SKUs: c, Carriers: exampleCarriers, At: at,
		Parcels: []order.Parcel{{Carrier: "ZTO", TrackingNumber: "75512345678",
			Items: []order.Item{{ProductID: "longjing", SKUID: "lj-500", Quantity: 1}}}},
	})
	fmt.Println("ok:", r.OK(), "| exchange open:", errors.Is(r.Err(), order.RuleAfterSaleOpen))
	fmt.Print(r.SupportTicket())
	// Output:
	// ok: false | exchange open: true
	// 发货失败，请协助处理 / Shipment refused, please help
	// 订单号 / Order ID: 3725020335455738368
	// 发货时间 / Attempted at: 2025-03-01 15:00 北京时间 / 2025-03-01T07:00:00Z
	// 问题 / Blockers (3):
	// 1. [aftersale_open 108009] 售后单 AS-7（换货，商家受理中）尚未完成
	//    after-sale case AS-7 (EXCHANGE, MERCHANT_PROCESSING) is unfinished
	// 2. [sku_drift 606031] 商品 西湖龙井（SKU lj-500）下单后已变更：价格由 238.00 元改为 218.00 元
	//    西湖龙井 (SKU lj-500) changed after the order: price changed from 238.00 to 218.00 yuan
	// 3. [tracking_invalid 606005] 包裹1 的快递单号 "75512345678"：快递单号长度与快递公司不符
	//    parcel 1: tracking number "75512345678": wrong_length (11 characters, carrier expects exactly 12)
}

// A split shipment in two calls: check, then ship, one parcel per SKU. The order goes from
// 待发货 to 部分发货 to 待收货; the second call says it completes the order.
func Example_splitShipment() {
	c, o := exampleShop()
	at := time.Date(2025, 3, 1, 15, 0, 0, 0, cst)
	send := func(p order.Parcel, complete bool) {
		r := shipping.Check(shipping.Request{Order: o, SKUs: c, Carriers: exampleCarriers, At: at,
			Parcels: []order.Parcel{p}, Complete: complete})
		if !r.OK() {
			fmt.Println("refused:", r.Err())
			return
		}
		if _, err := o.Ship(p, at); err != nil {
			panic(err) // an OK report means Ship succeeds
		}
		fmt.Println("shipped", p.Items[0].SKUID, "→", o.Status().Label())
	}
	p1 := order.Parcel{Carrier: "SF", TrackingNumber: "SF1000000000001", Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}}
	p2 := order.Parcel{Carrier: "ZTO", TrackingNumber: "755123456789", Items: []order.Item{{ProductID: "longjing", SKUID: "lj-500", Quantity: 1}}}
	send(p1, true) // not everything: refused as a complete shipment
	send(p1, false)
	send(p2, true)
	// Output:
	// refused: shipping: order "3725020335455738368" cannot ship: shipment_incomplete
	// shipped lj-250 → 部分发货
	// shipped lj-500 → 待收货
}

// Mapping a refusal the platform sent back onto the rules it can mean, and a report's blockers
// onto the platform's errcodes: the rules are the order's (order.Rule), so are their codes.
func Example_platformCodes() {
	for _, errcode := range []int{108009, 606031, 109000, 40097} {
		fmt.Println(errcode, order.RulesForPlatform(errcode))
	}
	fmt.Println(order.RuleSKUSplit.PlatformCode(), order.RuleSKUSplit.Label())

	c, o := exampleShop()
	r := shipping.Check(shipping.Request{Order: o, SKUs: c, Carriers: exampleCarriers, At: time.Date(2025, 3, 1, 15, 0, 0, 0, cst),
		Parcels: []order.Parcel{{TrackingNumber: "SF1000000000001", Items: []order.Item{{ProductID: "longjing", SKUID: "lj-250", Quantity: 1}}}}})
	for _, b := range r.Blockers {
		fmt.Println(b.Code, b.PlatformCode, errors.Is(r.Err(), b.Code))
	}
	// Output:
	// 108009 [aftersale_open]
	// 606031 [sku_drift sku_unknown]
	// 109000 [quantity_invalid over_shipment units_refunded tracking_duplicate]
	// 40097 [carrier_missing tracking_missing]
	// 606030 同一商品规格被拆到多个包裹
	// carrier_missing 40097 true
}

// Carriers are data from the platform's carrier list, with what the host knows of their
// tracking numbers.
func ExampleCarriers_ValidateTracking() {
	fmt.Println(exampleCarriers.ValidateTracking("SF", "SF1234567890123"))
	fmt.Println(exampleCarriers.ValidateTracking("SF", "SF 123"))
	fmt.Println(exampleCarriers.ValidateTracking("SF", "1234567890123"))
	// Output:
	// <nil>
	// shipping: tracking number "SF 123" for carrier "SF": bad_character: character ' ' at byte 2
	// shipping: tracking number "1234567890123" for carrier "SF": wrong_pattern: does not match SF[0-9]{13}
}
