package logvalue

import (
	"log/slog"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
	"github.com/wxshop-go/wxshop/wxapi"
)

// Order logs o as a group: id, status, seller, the buyer masked, the number of lines, the
// total in yuan ("10.10"), and, while it waits to ship, its ship-by deadline.
func Order(o *order.Order) slog.LogValuer { return orderValue{o} }

type orderValue struct{ o *order.Order }

// LogValue implements slog.LogValuer.
func (v orderValue) LogValue() slog.Value {
	o := v.o
	if o == nil || o.ID() == "" {
		return slog.StringValue("no order")
	}
	attrs := []slog.Attr{
		slog.String("id", o.ID()),
		slog.String("status", o.Status().String()),
		slog.String("seller", o.Seller().String()),
		slog.String("buyer", shop.MaskID(o.Buyer())),
		slog.Int("lines", o.NumLines()),
		slog.String("total", money.Format(o.Total())),
	}
	if by, ok := o.ShipBy(); ok {
		attrs = append(attrs, slog.Time("ship_by", by))
	}
	return slog.GroupValue(attrs...)
}

// Case logs c as a group: id, order id, kind, status, reason, and the amount refunded once
// there is one. The buyer's own words (Detail) are left out.
func Case(c *aftersale.Case) slog.LogValuer { return caseValue{c} }

type caseValue struct{ c *aftersale.Case }

// LogValue implements slog.LogValuer.
func (v caseValue) LogValue() slog.Value {
	c := v.c
	if c == nil || c.ID() == "" {
		return slog.StringValue("no case")
	}
	attrs := []slog.Attr{
		slog.String("id", c.ID()),
		slog.String("order_id", c.OrderID()),
		slog.String("kind", c.Kind().String()),
		slog.String("status", c.Status().String()),
		slog.String("reason", c.Reason().String()),
	}
	if amount, at := c.Refunded(); !at.IsZero() {
		attrs = append(attrs, slog.String("refunded", money.Format(amount)))
	}
	return slog.GroupValue(attrs...)
}

// Address logs a masked: the name's first character, the phone's first three and last four
// digits, and the region (province, city, county); the street and house number are left out.
func Address(a wxapi.Address) slog.LogValuer { return addressValue{a} }

type addressValue struct{ a wxapi.Address }

// LogValue implements slog.LogValuer.
func (v addressValue) LogValue() slog.Value {
	a := v.a
	if a.IsZero() {
		return slog.StringValue("no address")
	}
	return slog.GroupValue(
		slog.String("name", shop.MaskName(a.Name)),
		slog.String("phone", maskPhone(a.Phone)),
		slog.String("region", a.Province+a.City+a.County),
	)
}

func maskPhone(p string) string {
	if p == "" {
		return ""
	}
	return shop.MaskPhone(p)
}

// OrderDetails logs d without personal data: the address masked (see Address), the address
// change the buyer asked for, if any, whether it is a gift (the giver masked), and the numbers
// of lines and parcels. The notes, the payment and the unionid are left out.
func OrderDetails(d wxapi.OrderDetails) slog.LogValuer { return detailsValue{d} }

type detailsValue struct{ d wxapi.OrderDetails }

// LogValue implements slog.LogValuer.
func (v detailsValue) LogValue() slog.Value {
	d := v.d
	attrs := []slog.Attr{slog.Any("address", Address(d.Address))}
	if !d.AddressChange.IsZero() {
		attrs = append(attrs, slog.Any("address_change", Address(d.AddressChange)))
	}
	if d.IsGift {
		attrs = append(attrs, slog.String("gift_from", shop.MaskID(d.Gift.GiverOpenID)))
	}
	attrs = append(attrs, slog.Int("lines", len(d.Lines)), slog.Int("parcels", len(d.Parcels)))
	return slog.GroupValue(attrs...)
}
