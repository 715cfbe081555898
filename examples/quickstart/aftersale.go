package main

import (
	"time"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// aftersaleChapter: one order is half shipped when its buyer asks to exchange what arrived
// (the exchange stays open for the shipping chapter); another is paid and never shipped, and
// goes through the non-shipment dispute (不发货纠纷) to a verdict with a payout.
func aftersaleChapter(s *story) error {
	s.printf("== After-sale (售后): an exchange, and an order that was never shipped ==\n")
	if err := exchangeStory(s); err != nil {
		return err
	}
	return disputeStory(s)
}

// exchangeStory ships the first tin of a two-tea order and opens an exchange on it.
func exchangeStory(s *story) error {
	o, err := s.placeOrder("3725020335455738401",
		line{longjing, longjing250, 1},
		line{baihao, baihao100, 1},
	)
	if err != nil {
		return err
	}
	if _, err := o.Pay(s.at(time.Minute)); err != nil {
		return err
	}
	first := order.Parcel{Carrier: "SF", TrackingNumber: "SF1234567890124",
		Items: []order.Item{{ProductID: longjing, SKUID: longjing250, Quantity: 1}}}
	if _, err := o.Ship(first, s.at(2*time.Hour)); err != nil {
		return err
	}
	s.printf("Order %s ships its 西湖龙井 but not yet its 白毫银针: it is %s.\n", o.ID(), o.Status().Label())

	c, opened, err := aftersale.Open(o, aftersale.Request{
		ID: "AS-8001", Kind: aftersale.KindExchange, Reason: aftersale.ReasonQualityIssue,
		Items: []order.Item{{ProductID: longjing, SKUID: longjing250, Quantity: 1}},
	}, s.at(24*time.Hour))
	if err != nil {
		return err
	}
	s.printf("The buyer asks to exchange the 西湖龙井 (%s) at %s: case %s is %s.\n", c.Kind().Label(), when(opened.At), c.ID(), opened.To.Label())
	accepted, err := c.Accept(s.at(time.Hour))
	if err != nil {
		return err
	}
	blocks := "it does not block shipping"
	if c.BlocksShipping(s.now) {
		blocks = "until it ends, the platform refuses to ship the rest of the order"
	}
	s.printf("The merchant accepts it: %s; %s.\n", accepted.To.Label(), blocks)
	s.exchangeOrder, s.exchangeCase = o, c
	return nil
}

// disputeStory leaves a paid order unshipped past its deadline; the buyer asks for a refund,
// the platform intervenes, verifies the cause and rules.
func disputeStory(s *story) error {
	o, err := s.placeOrder("3725020335455738402", line{puerh, puerh357, 1})
	if err != nil {
		return err
	}
	if _, err := o.Pay(s.at(time.Minute)); err != nil {
		return err
	}
	at := s.at(72 * time.Hour)
	shipBy, _ := o.ShipBy()
	s.printf("Order %s (%s 元) should have shipped by %s; at %s it is overdue: %s.\n", o.ID(), o.Total().StringFixed(2),
		when(shipBy), when(at), yesNo(o.Overdue(at)))

	c, _, err := aftersale.Open(o, aftersale.Request{
		ID: "AS-8002", Kind: aftersale.KindRefund, Reason: aftersale.ReasonNotDeliveredTooLong,
		Items: []order.Item{{ProductID: puerh, SKUID: puerh357, Quantity: 1}},
	}, at)
	if err != nil {
		return err
	}
	steps := []func() (aftersale.Event, error){
		func() (aftersale.Event, error) { return c.Intervene(o, s.at(48*time.Hour)) },
		func() (aftersale.Event, error) { return c.VerifyCause(compensation.StockShortage, s.at(6*time.Hour)) },
	}
	for _, step := range steps {
		ev, err := step()
		if err != nil {
			return err
		}
		s.printf("%s at %s: the case is %s.\n", ev.Action.Label(), when(ev.At), ev.To.Label())
	}
	verdict, _, err := c.Decide(o, compensation.Default(), s.at(time.Hour))
	if err != nil {
		return err
	}
	liable := "The merchant is not liable"
	if verdict.Liable {
		liable = "The merchant is liable for " + verdict.Cause.Label()
	}
	s.printf("%s: the buyer gets %s 元 back and %s 元 on top, %s 元 in all.\n", liable,
		verdict.Refund.StringFixed(2), verdict.Payout.StringFixed(2), verdict.Total.StringFixed(2))
	s.printf("  %s\n", verdict.Explanation)
	if !aftersale.CanCloseOrder(o) {
		return nil
	}
	closed, err := o.CloseByAfterSale(s.at(time.Minute))
	if err != nil {
		return err
	}
	s.printf("Every unit is refunded, so the merchant closes the order at %s: it is %s (%d).\n", when(closed.At), o.Status().Label(), o.Status().Code())
	return s.catalog.Release(puerh, puerh357, 1)
}
