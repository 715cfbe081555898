package main

import (
	"errors"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

// carriers is what the host fetched from the platform's carrier list, with what it knows of
// their tracking numbers.
var carriers = shipping.MustCarriers(
	shipping.Carrier{Code: "SF", Name: "顺丰速运", Pattern: `SF[0-9]{13}`},
	shipping.Carrier{Code: "ZTO", Name: "中通快速", MinLength: 12, MaxLength: 14},
)

// shippingChapter: the merchant tries to ship the rest of the exchange order and is told why
// not; after a no-review price change another order is refused for SKU drift; once the causes
// are gone, both ship and the delivery/send body is printed.
func shippingChapter(s *story) error {
	s.printf("== Shipping (发货): the pre-flight check ==\n")
	rest := order.Parcel{Carrier: "ZTO", TrackingNumber: "781234567890",
		Items: []order.Item{{ProductID: baihao, SKUID: baihao100, Quantity: 1}}}
	report := s.check(s.exchangeOrder, []*aftersale.Case{s.exchangeCase}, rest)
	s.printf("The merchant tries to ship the 白毫银针 of order %s; the check says it cannot go, and writes the ticket for support:\n",
		s.exchangeOrder.ID())
	if report.OK() {
		return errors.New("the exchange still open should block the shipment")
	}
	s.printf("%s", report.SupportTicket())

	drifted, err := s.placeOrder("3725020335455738403", line{longjing, longjing250, 2})
	if err != nil {
		return err
	}
	if _, err := drifted.Pay(s.at(time.Minute)); err != nil {
		return err
	}
	err = s.catalog.UpdateWithoutReview(longjing, catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: longjing250, Price: decimal.NewNullDecimal(decimal.RequireFromString("118.00"))},
	}})
	if err != nil {
		return err
	}
	parcel := order.Parcel{Carrier: "SF", TrackingNumber: "SF1234567890125",
		Items: []order.Item{{ProductID: longjing, SKUID: longjing250, Quantity: 2}}}
	report = s.check(drifted, nil, parcel)
	if !errors.Is(report.Err(), order.RuleSKUDrift) {
		return errors.New("a price changed after the order should block its shipment")
	}
	s.printf("The merchant lowers the price of 西湖龙井 without review; order %s, placed before, now cannot ship:\n", drifted.ID())
	for _, b := range report.Blockers {
		s.printf("  [%s %d] %s\n  → %s\n", b.Code, b.PlatformCode, b.Message, b.Action)
	}

	s.printf("The merchant puts the price back, and the exchange runs its course:\n")
	err = s.catalog.UpdateWithoutReview(longjing, catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
		{ID: longjing250, Price: decimal.NewNullDecimal(decimal.RequireFromString("128.00"))},
	}})
	if err != nil {
		return err
	}
	if err := s.finishExchange(); err != nil {
		return err
	}
	for _, send := range []struct {
		o      *order.Order
		cases  []*aftersale.Case
		parcel order.Parcel
	}{{s.exchangeOrder, []*aftersale.Case{s.exchangeCase}, rest}, {drifted, nil, parcel}} {
		if report := s.check(send.o, send.cases, send.parcel); !report.OK() {
			return report.Err()
		}
		body, err := wxapi.EncodeShipment(send.o, []order.Parcel{send.parcel})
		if err != nil {
			return err
		}
		shipped, err := send.o.Ship(send.parcel, s.at(time.Minute))
		if err != nil {
			return err
		}
		s.printf("Order %s passes the check and ships at %s: it is %s. The body sent to order/delivery/send:\n  %s\n",
			send.o.ID(), when(shipped.At), send.o.Status().Label(), body)
	}
	return nil
}

// finishExchange walks the open exchange to its end: the buyer returns the tin, the merchant
// receives it and sends a new one, the buyer receives it.
func (s *story) finishExchange() error {
	c, o := s.exchangeCase, s.exchangeOrder
	steps := []func() (aftersale.Event, error){
		func() (aftersale.Event, error) {
			return c.ReturnGoods(aftersale.Waybill{Carrier: "ZTO", TrackingNumber: "781234567891"}, s.at(time.Hour))
		},
		func() (aftersale.Event, error) { return c.ConfirmReceipt(s.at(24 * time.Hour)) },
		func() (aftersale.Event, error) {
			return c.SendGoods(aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF1234567890126"}, s.at(time.Hour))
		},
		func() (aftersale.Event, error) { return c.ReceiveGoods(o, s.at(48*time.Hour)) },
	}
	for _, step := range steps {
		ev, err := step()
		if err != nil {
			return err
		}
		s.printf("  %s at %s: %s.\n", ev.Action.Label(), when(ev.At), ev.To.Label())
	}
	return nil
}

// check runs the pre-flight check for one parcel that completes the order.
func (s *story) check(o *order.Order, cases []*aftersale.Case, parcel order.Parcel) shipping.Report {
	return shipping.Check(shipping.Request{
		Order: o, Cases: cases, SKUs: s.catalog, Carriers: carriers, At: s.at(time.Hour),
		Parcels: []order.Parcel{parcel}, Complete: true,
	})
}
