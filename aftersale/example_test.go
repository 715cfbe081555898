package aftersale_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// exampleOrder places and pays an order of qty units of one SKU at price each.
func exampleOrder(id, sku, price string, qty int, paidAt time.Time) *order.Order {
	p := decimal.RequireFromString(price)
	snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p1", SKUID: sku, Title: "帆布包", Price: p, Revision: 1})
	if err != nil {
		panic(err)
	}
	o, err := order.New(order.NewParams{
		ID: id, Seller: shop.WeChatShop, Buyer: "openid",
		Lines: []order.LineParams{{
			Snapshot: snap,
			Quantity: qty, UnitPrice: p, Paid: p.Mul(decimal.NewFromInt(int64(qty))),
		}},
		CreatedAt: paidAt.Add(-time.Minute),
	})
	if err != nil {
		panic(err)
	}
	if _, err := o.Pay(paidAt); err != nil {
		panic(err)
	}
	return o
}

// A refund-only case (仅退款): the buyer no longer wants one of two units that have not
// shipped; the merchant refunds part of it, and the unit will never ship.
func Example_refundOnly() {
	paid := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	o := exampleOrder("3725020335455738368", "bag-red", "59.90", 2, paid)

	c, _, err := aftersale.Open(o, aftersale.Request{
		ID: "as-1001", Kind: aftersale.KindRefund, Reason: aftersale.ReasonNoLongerWant,
		Items: []order.Item{{ProductID: "p1", SKUID: "bag-red", Quantity: 1}},
	}, paid.Add(2*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Kind(), c.Kind().Label(), c.Status(), "blocks shipping:", c.BlocksShipping(paid.Add(2*time.Hour)))
	limit, _ := c.PaidFor(o)
	fmt.Println("at most", limit.StringFixed(2))

	_, err = c.Refund(o, decimal.RequireFromString("70"), paid.Add(3*time.Hour))
	fmt.Println(err)

	ev, err := c.Refund(o, decimal.RequireFromString("50.00"), paid.Add(3*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ev.From, "→", ev.To, ev.Refund.StringFixed(2), "order closable:", ev.OrderClosable)
	fmt.Println("left to ship:", o.Remaining("bag-red"))
	line, _ := o.Line("bag-red")
	fmt.Println("refunded on the order:", line.RefundedAmount().StringFixed(2), "of", line.Paid().StringFixed(2))
	// Output:
	// REFUND 仅退款 MERCHANT_PROCESSING blocks shipping: true
	// at most 59.90
	// aftersale: case as-1001: order 3725020335455738368: refund 70.00 is above the 59.90 paid for the units
	// MERCHANT_PROCESSING → MERCHANT_REFUND_SUCCESS 50.00 order closable: false
	// left to ship: 1
	// refunded on the order: 50.00 of 119.80
}

// An exchange (换货): the buyer sends the bag back, the merchant confirms it arrived and sends
// another; the case ends when the buyer receives it. Nothing is refunded, and the exchanged
// unit takes no new after-sale.
func Example_exchange() {
	paid := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	o := exampleOrder("3725020335455738369", "bag-blue", "59.90", 1, paid)
	if _, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1001",
		Items: []order.Item{{ProductID: "p1", SKUID: "bag-blue", Quantity: 1}}}, paid.Add(time.Hour)); err != nil {
		fmt.Println(err)
		return
	}
	at := paid.Add(72 * time.Hour)
	c, _, err := aftersale.Open(o, aftersale.Request{
		ID: "as-2001", Kind: aftersale.KindExchange, Reason: aftersale.ReasonQualityIssue,
		Items: []order.Item{{ProductID: "p1", SKUID: "bag-blue", Quantity: 1}},
	}, at)
	if err != nil {
		fmt.Println(err)
		return
	}
	steps := []func() (aftersale.Event, error){
		func() (aftersale.Event, error) { return c.Accept(at.Add(1 * time.Hour)) },
		func() (aftersale.Event, error) {
			return c.ReturnGoods(aftersale.Waybill{Carrier: "ZTO", TrackingNumber: "ZT77"}, at.Add(5*time.Hour))
		},
		func() (aftersale.Event, error) { return c.ConfirmReceipt(at.Add(48 * time.Hour)) },
		func() (aftersale.Event, error) {
			return c.SendGoods(aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF2002"}, at.Add(49*time.Hour))
		},
		func() (aftersale.Event, error) { return c.ReceiveGoods(o, at.Add(96*time.Hour)) },
	}
	for _, step := range steps {
		ev, err := step()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-15s %s (%s)\n", ev.Action, ev.To, ev.To.Label())
	}
	line, _ := o.Line("bag-blue")
	fmt.Println("refunded units:", line.Refunded(), "blocks shipping:", c.BlocksShipping(at.Add(96*time.Hour)))
	fmt.Println("after-sale done:", line.AfterSaleDone(), "eligible:", o.EligibleForAfterSale("bag-blue"))
	// Output:
	// accept          USER_WAIT_RETURN (待买家退货)
	// return_goods    MERCHANT_WAIT_RECEIPT (待商家收货)
	// confirm_receipt MERCHANT_WAIT_RECEIPT (待商家收货)
	// send_goods      USER_WAIT_RECEIPT (待用户收货)
	// receive_goods   MERCHANT_EXCHANGE_SUCCESS (换货完成)
	// refunded units: 0 blocks shipping: false
	// after-sale done: 1 eligible: 0
}

// The non-shipment dispute (不发货纠纷): a paid order never ships; the buyer asks for a refund,
// the merchant does not settle, the platform intervenes, finds the shop oversold, and rules a
// full refund plus the published compensation.
func Example_nonShipmentDispute() {
	paid := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	o := exampleOrder("3725020335455738370", "kettle", "99.99", 1, paid)

	c, _, err := aftersale.Open(o, aftersale.Request{
		ID: "as-3001", Kind: aftersale.KindRefund, Reason: aftersale.ReasonNotDeliveredTooLong,
		Items: []order.Item{{ProductID: "p1", SKUID: "kettle", Quantity: 1}},
	}, paid.Add(50*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, _ := c.Intervene(o, paid.Add(74*time.Hour))
	fmt.Println("1-2.", ev.Action.Label(), ev.From, "→", ev.To)
	ev, _ = c.VerifyCause(compensation.StockShortage, paid.Add(80*time.Hour))
	fmt.Println("3.", ev.Action.Label(), ev.Cause.Label())
	d, _ := c.Dispute()
	fmt.Println("   evidence: order", d.Evidence.OrderID, "ship by", d.Evidence.ShipBy.Format(time.DateTime),
		"overdue:", d.Evidence.Overdue, "shipped:", d.Evidence.Shipped)

	v, ev, err := c.Decide(o, compensation.Default(), paid.Add(96*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("4.", ev.Action.Label(), ev.To)
	fmt.Println("   liable:", v.Liable, "tier from", v.Tier.From.StringFixed(2), "rate", v.Rate)
	fmt.Println("   refund", v.Refund.StringFixed(2), "+ payout", v.Payout.StringFixed(2), "=", v.Total.StringFixed(2))
	fmt.Println("  ", v.Explanation)
	fmt.Println("   order closable:", aftersale.CanCloseOrder(o))
	// Output:
	// 1-2. 平台介入 MERCHANT_PROCESSING → PLATFORM_PROCESSING
	// 3. 平台核实 库存不足
	//    evidence: order 3725020335455738370 ship by 2025-06-03 10:00:00 overdue: true shipped: 0
	// 4. 平台裁决 MERCHANT_REFUND_SUCCESS
	//    liable: true tier from 0.00 rate 0.5
	//    refund 99.99 + payout 50.00 = 149.99
	//    订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元
	//    order closable: true
}

// The tables are data: each kind renders as a Mermaid diagram.
func ExampleMermaid() {
	fmt.Print(aftersale.Mermaid(aftersale.KindReship))
	// Output:
	// stateDiagram-v2
	//     [*] --> MERCHANT_PROCESSING
	//     MERCHANT_PROCESSING --> USER_WAIT_RECEIPT : send_goods
	//     MERCHANT_PROCESSING --> MERCHANT_REJECT_RESHIP : reject
	//     MERCHANT_PROCESSING --> USER_CANCELD : cancel
	//     USER_WAIT_RECEIPT --> MERCHANT_EXCHANGE_SUCCESS : receive_goods
	//     MERCHANT_REJECT_RESHIP --> USER_CANCELD : cancel
	//     MERCHANT_REJECT_RESHIP --> MERCHANT_FAIL : expire [escalation_window_lapsed]
	//     USER_CANCELD --> [*]
	//     MERCHANT_EXCHANGE_SUCCESS --> [*]
	//     MERCHANT_FAIL --> [*]
}

// BlocksShipping tells a shipping check whether a rejected case still blocks the order.
func ExampleCase_BlocksShipping() {
	paid := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	o := exampleOrder("3725020335455738371", "mug", "19.90", 1, paid)
	c, _, _ := aftersale.Open(o, aftersale.Request{
		ID: "as-4001", Kind: aftersale.KindRefund, Reason: aftersale.ReasonIncorrectSelection,
		Items: []order.Item{{ProductID: "p1", SKUID: "mug", Quantity: 1}},
	}, paid.Add(time.Hour))
	_, _ = c.Reject("已联系买家，确认继续发货", paid.Add(2*time.Hour))
	deadline, _ := c.EscalationDeadline()
	fmt.Println(c.Status(), deadline.Format(time.DateTime))
	fmt.Println(c.BlocksShipping(deadline.Add(-time.Second)), c.BlocksShipping(deadline))
	// Output:
	// MERCHANT_REJECT_REFUND 2025-06-08 12:00:00
	// true false
}
