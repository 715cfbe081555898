package wxapi

import (
	"strconv"
	"strings"

	"github.com/wxshop-go/wxshop/shop"
)

// The String and GoString methods below keep personal data out of logs: names keep their
// first character, phone numbers their first three and last four digits, openids their first
// four characters; the street address, house number, notes and virtual numbers are left out.
// fmt uses them for %v, %+v, %s and %#v, also for these values inside a larger one.

// String returns the address masked: "王** 138****8000 广东省深圳市南山区".
func (a Address) String() string {
	if a.IsZero() {
		return "no address"
	}
	parts := make([]string, 0, 3)
	if a.Name != "" {
		parts = append(parts, shop.MaskName(a.Name))
	}
	if a.Phone != "" {
		parts = append(parts, shop.MaskPhone(a.Phone))
	}
	if region := a.Province + a.City + a.County; region != "" {
		parts = append(parts, region)
	}
	return strings.Join(parts, " ")
}

// GoString is String, so that %#v masks too.
func (a Address) GoString() string { return "wxapi.Address(" + strconv.Quote(a.String()) + ")" }

// String returns the virtual number masked.
func (v VirtualNumber) String() string {
	if v.Number == "" {
		return "no virtual number"
	}
	return "virtual number " + shop.MaskPhone(v.Number)
}

// GoString is String.
func (v VirtualNumber) GoString() string {
	return "wxapi.VirtualNumber(" + strconv.Quote(v.String()) + ")"
}

// String returns the giver, masked: "gift from o9Ag****".
func (g Gift) String() string {
	if g.IsZero() {
		return "no gift"
	}
	return "gift from " + shop.MaskID(g.GiverOpenID)
}

// GoString is String.
func (g Gift) GoString() string { return "wxapi.Gift(" + strconv.Quote(g.String()) + ")" }

// String summarises the details without personal data: where the order ships (masked), and
// how many lines and parcels it has.
func (d OrderDetails) String() string {
	var b strings.Builder
	b.WriteString("ships to ")
	b.WriteString(d.Address.String())
	if !d.AddressChange.IsZero() {
		b.WriteString(" (change asked: " + d.AddressChange.String() + ")")
	}
	if d.IsGift {
		b.WriteString(", " + d.Gift.String())
	}
	b.WriteString(", " + strconv.Itoa(len(d.Lines)) + " lines, " + strconv.Itoa(len(d.Parcels)) + " parcels")
	return b.String()
}

// GoString is String.
func (d OrderDetails) GoString() string {
	return "wxapi.OrderDetails(" + strconv.Quote(d.String()) + ")"
}
