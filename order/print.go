package order

import (
	"strconv"

	"github.com/wxshop-go/wxshop/shop"
)

// String is a short, readable summary that keeps the buyer's openid out of logs:
// "order 3725020335455738368 (pending_shipment, 3 lines, 6 units left to ship, buyer o9Xk****)".
// fmt uses it for %v, %+v and %s, and GoString for %#v; read the fields for the full values.
func (o *Order) String() string {
	if o == nil {
		return "order <nil>"
	}
	return "order " + o.id + " (" + o.status.String() + ", " + strconv.Itoa(len(o.lines)) + " lines, " +
		strconv.Itoa(o.toShip) + " units left to ship, buyer " + shop.MaskID(o.buyer) + ")"
}

// GoString is String, so that %#v masks the buyer too.
func (o *Order) GoString() string { return o.String() }

// String summarises the stored form as Order.String does, with the buyer masked.
func (s State) String() string {
	return "order state " + s.ID + " (" + s.Status.String() + ", " + strconv.Itoa(len(s.Lines)) + " lines, buyer " +
		shop.MaskID(s.Buyer) + ")"
}

// GoString is String.
func (s State) GoString() string { return s.String() }
