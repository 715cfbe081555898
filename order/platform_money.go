package order

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
)

// Discounts itemises the discounts of an order or of one of its lines as the platform reports
// them (order/get's price_info and product_infos[], the *_discounted_price fields and
// deduction_price), in yuan. A zero field is a discount the payload does not report. Who funds
// a discount (the merchant, a creator, the platform, the state) decides who bears it, so a host
// reads them one by one; FromPlatform checks that the lines' discounts of each kind add up to
// the order's.
type Discounts struct {
	// Merchant is merchant_discounted_price, 商家优惠 (price_info.discounted_price says the same).
	Merchant decimal.Decimal
	// Creator is finder_discounted_price, 达人优惠: funded by the creator who sold it.
	Creator decimal.Decimal
	// VIP is vip_discounted_price, 会员权益优惠.
	VIP decimal.Decimal
	// GroupBuy is bulkbuy_discounted_price, 一起买优惠.
	GroupBuy decimal.Decimal
	// FlashSale is limited_discount_discounted_price, 限时抢购优惠.
	FlashSale decimal.Decimal
	// PlatformCoupon is cash_coupon_discounted_price, 平台券优惠: funded by the platform.
	PlatformCoupon decimal.Decimal
	// NationalSubsidy is national_subsidy_discounted_price, 国补优惠: funded by the state.
	NationalSubsidy decimal.Decimal
	// LocalSubsidy is national_subsidy_merchant_discounted_price, 地方补贴 funded by the merchant.
	LocalSubsidy decimal.Decimal
	// PlatformActivity is platform_activity_merchant_discounted_price, 活动商家补贴: what the
	// merchant gave up by entering a platform-subsidised campaign.
	PlatformActivity decimal.Decimal
	// Points is deduction_price, 会员积分抵扣.
	Points decimal.Decimal
}

// numDiscounts is the number of kinds in Discounts.
const numDiscounts = 10

// discountNames are Discounts' field names, in order: what a *PlatformError names.
var discountNames = [numDiscounts]string{"Merchant", "Creator", "VIP", "GroupBuy", "FlashSale",
	"PlatformCoupon", "NationalSubsidy", "LocalSubsidy", "PlatformActivity", "Points"}

// IsZero reports whether no discount is reported.
func (d Discounts) IsZero() bool {
	for _, v := range d.all() {
		if !v.IsZero() {
			return false
		}
	}
	return true
}

func (d *Discounts) all() [numDiscounts]decimal.Decimal {
	return [numDiscounts]decimal.Decimal{d.Merchant, d.Creator, d.VIP, d.GroupBuy, d.FlashSale,
		d.PlatformCoupon, d.NationalSubsidy, d.LocalSubsidy, d.PlatformActivity, d.Points}
}

// fen converts every kind to fen, each at most limit: a discount is never more than what it
// discounts. field prefixes the Go path of an error ("Lines[2].").
func (d *Discounts) fen(field string, limit int64) ([numDiscounts]int64, error) {
	var out [numDiscounts]int64
	for k, v := range d.all() {
		f, err := money.ToFen("discount", v)
		if err == nil && f > limit {
			err = fmt.Errorf("%w: a %s discount of %s, more than the %s it discounts", ErrInvalidOrder,
				strings.ToLower(discountNames[k]), money.FormatFen(f), money.FormatFen(limit))
		}
		if err != nil {
			return out, &PlatformError{Field: field + "Discounts." + discountNames[k], Err: err}
		}
		out[k] = f
	}
	return out, nil
}

// platformMoney sets the freight and every line's paid amount from what the platform reports,
// and checks price_info's figures against the lines. A line without real_price paid the
// smaller of estimate_price and change_price where the payload gives them; what is still
// unknown comes from order_price: the one line left paid what the others and the freight do
// not account for, or, when the lines left together paid their full list price (the only way
// they can account for it), each paid its own. Any other gap is ErrMissingAmount: no amount is
// guessed.
func (o *Order) platformMoney(p *PlatformOrder) error {
	fail := func(field string, err error) error { return &PlatformError{Field: field, Err: err} }
	var err error
	if o.freight, err = money.ToFen("freight", p.Freight); err != nil {
		return fail("Freight", err)
	}
	if p.ChangedFreight.Valid {
		// The merchant changed the freight before payment: the buyer paid change_freight.
		if o.freight, err = money.ToFen("change_freight", p.ChangedFreight.Decimal); err != nil {
			return fail("ChangedFreight", err)
		}
	}
	refunded, err := money.ToFen("refund_freight", p.RefundedFreight)
	if err == nil && refunded > o.freight {
		err = fmt.Errorf("%w: %s of freight refunded, %s paid", ErrRefundTooLarge, money.FormatFen(refunded), money.FormatFen(o.freight))
	}
	if err != nil {
		return fail("RefundedFreight", err)
	}
	var known, unknownList int64
	unknown := -1 // the first line without a paid amount
	missing := 0
	for i := range p.Lines {
		l, pl := &o.lines[i], &p.Lines[i]
		paid, ok, field, err := linePaid(pl)
		if err != nil {
			return fail("Lines["+strconv.Itoa(i)+"]."+field, err)
		}
		if !ok {
			if unknown < 0 {
				unknown = i
			}
			missing++
			unknownList += l.listFen()
			l.paid = -1
			continue
		}
		l.paid = paid
		known += paid
	}
	if missing > 0 {
		if err := o.derivePaid(p, unknown, missing, known, unknownList); err != nil {
			return err
		}
	}
	return o.checkDiscounts(p)
}

// linePaid is what a line paid, when the payload says it: real_price, else the smaller of
// estimate_price (after every discount) and change_price (after a price change). An amount
// money refuses is an error about the PlatformLine field it names.
func linePaid(pl *PlatformLine) (paid int64, ok bool, field string, err error) {
	if pl.Paid.Valid {
		f, err := money.ToFen("real_price", pl.Paid.Decimal)
		return f, err == nil, "Paid", err
	}
	for _, c := range []struct {
		field string
		v     decimal.NullDecimal
	}{{"Estimated", pl.Estimated}, {"Changed", pl.Changed}} {
		if !c.v.Valid {
			continue
		}
		f, err := money.ToFen(c.field, c.v.Decimal)
		if err != nil {
			return 0, false, c.field, err
		}
		if !ok || f < paid {
			paid, ok = f, true
		}
	}
	return paid, ok, "", nil
}

// listFen is the line's list total, sale price × quantity, or 0 when either is out of range
// (checkLines refuses them later).
func (l *Line) listFen() int64 {
	if l.quantity <= 0 || l.quantity > MaxQuantity || l.unit < 0 || l.unit > money.MaxFen/int64(l.quantity) {
		return 0
	}
	return l.unit * int64(l.quantity)
}

// derivePaid fills the paid amounts of the missing lines (paid −1) from order_price.
func (o *Order) derivePaid(p *PlatformOrder, first, missing int, known, unknownList int64) error {
	field := "Lines[" + strconv.Itoa(first) + "].Paid"
	if !p.OrderPrice.Valid {
		return &PlatformError{Field: field, Err: fmt.Errorf("%w: sku %s: no real_price, estimate_price or change_price, and no order_price to derive it from",
			ErrMissingAmount, o.lines[first].skuID())}
	}
	total, err := money.ToFen("order_price", p.OrderPrice.Decimal)
	if err != nil {
		return &PlatformError{Field: "OrderPrice", Err: err}
	}
	rest := total - o.freight - known
	switch {
	case rest < 0:
		return &PlatformError{Field: "OrderPrice", Err: fmt.Errorf("%w: order_price %s is less than the freight %s and the lines' paid amounts %s",
			ErrInvalidOrder, money.FormatFen(total), money.FormatFen(o.freight), money.FormatFen(known))}
	case missing > 1 && rest != unknownList:
		return &PlatformError{Field: field, Err: fmt.Errorf("%w: %d lines without real_price share %s of order_price, and nothing says how",
			ErrMissingAmount, missing, money.FormatFen(rest))}
	}
	if missing == 1 {
		if l := &o.lines[first]; rest > l.listFen() {
			return &PlatformError{Field: "OrderPrice", Err: fmt.Errorf("%w: order_price leaves %s for sku %s, which has no real_price, more than its list price %s",
				ErrInvalidOrder, money.FormatFen(rest), l.skuID(), money.FormatFen(l.listFen()))}
		}
		o.lines[first].paid = rest
		return nil
	}
	for i := range o.lines {
		if l := &o.lines[i]; l.paid < 0 {
			l.paid = l.listFen()
		}
	}
	return nil
}

// checkDiscounts checks the itemised discounts: none above what it discounts, and each kind
// the lines report adding up to the order's.
func (o *Order) checkDiscounts(p *PlatformOrder) error {
	var list int64
	var sum [numDiscounts]int64
	var reported [numDiscounts]bool
	for i := range p.Lines {
		l := &o.lines[i]
		lf := l.listFen()
		list += lf
		if p.Lines[i].Discounts.IsZero() {
			continue
		}
		d, err := p.Lines[i].Discounts.fen("Lines["+strconv.Itoa(i)+"].", lf)
		if err != nil {
			return err
		}
		for k, v := range d {
			sum[k] += v
			reported[k] = reported[k] || v != 0
		}
	}
	d, err := p.Discounts.fen("", list+o.freight)
	if err != nil {
		return err
	}
	for k := range d {
		if reported[k] && sum[k] != d[k] {
			return &PlatformError{Field: "Discounts." + discountNames[k], Err: fmt.Errorf("%w: the order's %s discount is %s, but the lines' add up to %s",
				ErrInvalidOrder, strings.ToLower(discountNames[k]), money.FormatFen(d[k]), money.FormatFen(sum[k]))}
		}
	}
	return nil
}

// discountsJSON is Discounts' JSON: snake_case keys, amounts as "10.10", zero ones left out.
type discountsJSON struct {
	Merchant         money.Fen `json:"merchant,omitzero"`
	Creator          money.Fen `json:"creator,omitzero"`
	VIP              money.Fen `json:"vip,omitzero"`
	GroupBuy         money.Fen `json:"group_buy,omitzero"`
	FlashSale        money.Fen `json:"flash_sale,omitzero"`
	PlatformCoupon   money.Fen `json:"platform_coupon,omitzero"`
	NationalSubsidy  money.Fen `json:"national_subsidy,omitzero"`
	LocalSubsidy     money.Fen `json:"local_subsidy,omitzero"`
	PlatformActivity money.Fen `json:"platform_activity,omitzero"`
	Points           money.Fen `json:"points,omitzero"`
}

// MarshalJSON writes the discounts with snake_case keys and amounts as "10.10", leaving out
// the zero ones; an amount the money rules refuse is an error.
func (d Discounts) MarshalJSON() ([]byte, error) {
	var f [numDiscounts]money.Fen
	for k, v := range d.all() {
		var err error
		if f[k], err = money.FenOf(discountNames[k], v); err != nil {
			return nil, err
		}
	}
	return json.Marshal(discountsJSON{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]})
}

// UnmarshalJSON reads what MarshalJSON writes; unknown keys are refused. On error d is left
// unchanged.
func (d *Discounts) UnmarshalJSON(b []byte) error {
	var j discountsJSON
	if err := strict.Decode(b, &j); err != nil {
		return err
	}
	*d = Discounts{j.Merchant.Decimal(), j.Creator.Decimal(), j.VIP.Decimal(), j.GroupBuy.Decimal(), j.FlashSale.Decimal(),
		j.PlatformCoupon.Decimal(), j.NationalSubsidy.Decimal(), j.LocalSubsidy.Decimal(), j.PlatformActivity.Decimal(), j.Points.Decimal()}
	return nil
}
