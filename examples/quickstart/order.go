package main

import (
	"time"

	"github.com/wxshop-go/wxshop/order"
)

// orderChapter follows one order from checkout to receipt: the buyer orders two teas and pays,
// the merchant ships them in two parcels, the buyer confirms.
func orderChapter(s *story) error {
	s.printf("== Order: paid, shipped in two parcels (包裹), received ==\n")
	o, err := s.placeOrder("3725020335455738368",
		line{longjing, longjing250, 2},
		line{puerh, puerh357, 1},
	)
	if err != nil {
		return err
	}
	s.printf("order %s: %d %s, amount %s 元\n", o.ID(), o.Status().Code(), o.Status().Label(), o.Total().StringFixed(2))

	paid, err := o.Pay(s.at(2 * time.Minute))
	if err != nil {
		return err
	}
	s.printf("%s → %d %s, ship by %s\n", paid.EventName(), o.Status().Code(), o.Status().Label(), paid.ShipBy.Format(time.DateTime))

	parcels := []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF1234567890123", Items: []order.Item{{ProductID: longjing, SKUID: longjing250, Quantity: 2}}},
		{Carrier: "ZTO", TrackingNumber: "78123456789012", Items: []order.Item{{ProductID: puerh, SKUID: puerh357, Quantity: 1}}},
	}
	for _, p := range parcels {
		shipped, err := o.Ship(p, s.at(3*time.Hour))
		if err != nil {
			return err
		}
		for _, item := range p.Items {
			if err := s.catalog.Commit(item.ProductID, item.SKUID, item.Quantity); err != nil {
				return err
			}
		}
		s.printf("%s %s %s → %d %s (finish_delivery %t)\n", shipped.EventName(), p.Carrier, p.TrackingNumber,
			o.Status().Code(), o.Status().Label(), shipped.Finished)
	}

	done, err := o.ConfirmReceipt(order.ConfirmByBuyer, s.at(48*time.Hour))
	if err != nil {
		return err
	}
	s.printf("%s → %d %s\n", done.EventName(), o.Status().Code(), o.Status().Label())
	return nil
}
