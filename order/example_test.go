package order_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// exampleOrder places an order for two SKUs: 2 × 59.90 (paid 109.80 after a 10.00 discount)
// and 1 × 19.90, with 8.00 freight.
func exampleOrder() *order.Order {
	placed := time.Date(2025, 6, 18, 20, 0, 0, 0, time.UTC)
	tee, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "10001", SKUID: "tee-red-m", Title: "T-shirt", Price: decimal.RequireFromString("59.90")})
	if err != nil {
		panic(err)
	}
	hat, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "10002", SKUID: "cap-black", Title: "Cap", Price: decimal.RequireFromString("19.90")})
	if err != nil {
		panic(err)
	}
	o, err := order.New(order.NewParams{
		ID:     "3725020335455738368",
		Seller: shop.WeChatShop,
		Buyer:  "o6_bmjrPTlm6_2sgVt7hMZOPfL2M",
		Lines: []order.LineParams{
			{Snapshot: tee, Quantity: 2, UnitPrice: tee.Price(), Paid: decimal.RequireFromString("109.80")},
			{Snapshot: hat, Quantity: 1, UnitPrice: hat.Price(), Paid: hat.Price()},
		},
		Freight:   decimal.RequireFromString("8.00"),
		Discount:  decimal.RequireFromString("10.00"),
		CreatedAt: placed,
	})
	if err != nil {
		panic(err)
	}
	return o
}

// The happy path: the buyer pays, the merchant ships everything, the buyer confirms.
func Example() {
	o := exampleOrder()
	at := o.CreatedAt()

	paid, _ := o.Pay(at.Add(time.Minute))
	fmt.Println(o.Status().Code(), o.Status().Label(), "paid", o.Total().StringFixed(2), "ship by", paid.ShipBy.Format(time.DateTime))

	shipped, _ := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1234567890", Items: []order.Item{
		{ProductID: "10001", SKUID: "tee-red-m", Quantity: 2},
		{ProductID: "10002", SKUID: "cap-black", Quantity: 1},
	}}, at.Add(20*time.Hour))
	fmt.Println(o.Status().Code(), o.Status().Label(), "finished:", shipped.Finished)

	done, _ := o.ConfirmReceipt(order.ConfirmByBuyer, at.Add(72*time.Hour))
	fmt.Println(o.Status().Code(), o.Status().Label(), done.EventName())
	// Output:
	// 20 待发货 paid 137.70 ship by 2025-06-20 20:01:00
	// 30 待收货 finished: true
	// 100 已完成 order_completed
}

// A split shipment: one parcel per SKU. The first moves the order to 21 (部分发货), the last to
// 30 with finish_delivery set.
func Example_splitShipment() {
	o := exampleOrder()
	at := o.CreatedAt()
	_, _ = o.Pay(at)

	parcels := []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF001", Items: []order.Item{{ProductID: "10001", SKUID: "tee-red-m", Quantity: 2}}},
		{Carrier: "ZTO", TrackingNumber: "ZTO002", Items: []order.Item{{ProductID: "10002", SKUID: "cap-black", Quantity: 1}}},
	}
	for i, p := range parcels {
		ev, err := o.Ship(p, at.Add(time.Duration(i+1)*time.Hour))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %d %s -> %d %s, finished %t\n", p.TrackingNumber, ev.From, ev.From.Label(), ev.To, ev.To.Label(), ev.Finished)
	}
	fmt.Println("cap left to ship:", o.Remaining("cap-black"))
	// Output:
	// SF001: 20 待发货 -> 21 部分发货, finished false
	// ZTO002: 21 部分发货 -> 30 待收货, finished true
	// cap left to ship: 0
}

// A rejected over-shipment: three T-shirts in a parcel for an order of two. Ship changes
// nothing; ShipmentProblems lists every problem of a request at once, with platform codes.
func Example_overShipment() {
	o := exampleOrder()
	_, _ = o.Pay(o.CreatedAt())

	bad := order.Parcel{Carrier: "SF", TrackingNumber: "SF001", Items: []order.Item{
		{ProductID: "10001", SKUID: "tee-red-m", Quantity: 3},
		{ProductID: "10001", SKUID: "tee-blue-l", Quantity: 1},
	}}
	_, err := o.Ship(bad, o.CreatedAt().Add(time.Hour))
	fmt.Println(errors.Is(err, order.RuleOverShipment), errors.Is(err, order.RuleSKUUnknown), o.Status())

	for p := range o.ShipmentProblems([]order.Parcel{bad}, true) {
		fmt.Println(p.Code(), p.Rule, p.SKUID, "want", p.Want, "got", p.Got)
	}
	// Output:
	// true true pending_shipment
	// 109000 over_shipment tee-red-m want 2 got 3
	// 606031 sku_unknown tee-blue-l want 0 got 1
	// 0 shipment_incomplete cap-black want 1 got 0
}

// A refusal says, in Chinese and in English, what is wrong and what the merchant should do.
func ExampleShipmentError() {
	o := exampleOrder()
	_, _ = o.Pay(o.CreatedAt())
	_, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF 0012", Items: []order.Item{
		{ProductID: "10001", SKUID: "tee-red-m", Quantity: 2},
	}}, o.CreatedAt().Add(time.Hour))
	var se *order.ShipmentError
	if errors.As(err, &se) {
		fmt.Println(se.Code(), se.Rule, errors.Is(err, order.RuleTrackingInvalid))
		fmt.Println(se.Message())
		fmt.Println(se.Rule.Action())
		fmt.Println(err)
	}
	// Output:
	// 606005 tracking_invalid true
	// 包裹1 的快递单号 "SF 0012"：快递单号含有非法字符
	// 从快递面单上重新抄写单号，去掉空格和其他符号
	// order: tracking_invalid: parcel 1: tracking number "SF 0012": bad_character
}

// The rules behind one platform errcode: 40097 (invalid args) is a missing carrier or a
// missing tracking number, never a carrier the platform does not know (606004).
func ExampleRulesForPlatform() {
	for _, code := range []int{40097, 606004, 606031} {
		fmt.Println(code, order.RulesForPlatform(code))
	}
	// Output:
	// 40097 [carrier_missing tracking_missing]
	// 606004 [carrier_unknown]
	// 606031 [sku_drift sku_unknown]
}

// The status machine as a Mermaid diagram, ready to paste into a host's docs.
func ExampleMermaid() {
	lines := strings.Split(order.Mermaid(), "\n")
	for _, l := range lines[:5] {
		fmt.Println(l)
	}
	// Output:
	// stateDiagram-v2
	//     [*] --> pending_payment
	//     pending_payment --> pending_shipment : pay
	//     pending_payment --> cancelled : cancel
	//     pending_payment --> gift_pending : pay_gift
}

// A transition the table rejects is a TransitionError that names the status and trigger.
func ExampleNext() {
	to, _ := order.Next(order.StatusPendingShipment, order.TriggerShipPart)
	fmt.Println(to)
	_, err := order.Next(order.StatusCompleted, order.TriggerPay)
	var te order.TransitionError
	fmt.Println(errors.As(err, &te), te.From, te.Trigger)
	fmt.Println(err)
	// Output:
	// partially_shipped
	// true completed pay
	// order: status completed (100) does not accept pay
}

// Delivery negotiation (发货协商) moves the ship-by deadline, at least 4 hours before it.
func ExampleOrder_ExtendShipBy() {
	o := exampleOrder()
	at := o.CreatedAt()
	_, _ = o.Pay(at)
	ev, err := o.ExtendShipBy(at.Add(96*time.Hour), order.NegotiateStockShortage, at.Add(40*time.Hour))
	fmt.Println(ev.From.Format(time.DateTime), "->", ev.To.Format(time.DateTime), ev.Reason.Label(), err)
	_, err = o.ExtendShipBy(at.Add(120*time.Hour), order.NegotiateBuyerRequest, at.Add(93*time.Hour))
	fmt.Println(errors.Is(err, order.ErrNegotiationTooLate))
	// Output:
	// 2025-06-20 20:00:00 -> 2025-06-22 20:00:00 商品库存不足 <nil>
	// true
}
