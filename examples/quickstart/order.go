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
	s.printf("A buyer orders two teas for %s 元 at %s: order %s is %s (%d).\n", o.Total().StringFixed(2), when(o.CreatedAt()),
		o.ID(), o.Status().Label(), o.Status().Code())

	paid, err := o.Pay(s.at(2 * time.Minute))
	if err != nil {
		return err
	}
	s.printf("They pay at %s: the order is %s and must ship by %s.\n", when(paid.At), o.Status().Label(), when(paid.ShipBy))

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
		rest := "more to follow"
		if shipped.Finished {
			rest = "nothing left to ship"
		}
		s.printf("A parcel leaves with %s, tracking number %s, at %s: %s, %s.\n", p.Carrier, p.TrackingNumber, when(shipped.At),
			o.Status().Label(), rest)
	}

	done, err := o.ConfirmReceipt(order.ConfirmByBuyer, s.at(48*time.Hour))
	if err != nil {
		return err
	}
	s.printf("The buyer confirms receipt at %s: the order is %s.\n", when(done.At), o.Status().Label())
	return nil
}
