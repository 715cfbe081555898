package order

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/instant"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/shop"
)

// PlatformOrder is an order as the platform reports it (order/get): what the payload says, in
// domain types, and nothing derived from it. Package wxapi fills it from the JSON; FromPlatform
// derives the rest (shipped counts, the discount, ship-by deadlines, end marks) and checks the
// whole as Restore does.
type PlatformOrder struct {
	ID string
	// Seller is who sells; zero means shop.WeChatShop.
	Seller shop.SellerKind
	// Buyer is the buyer's openid.
	Buyer  string
	Status Status
	// CreatedAt is create_time; UpdatedAt update_time (zero when absent); PaidAt pay_time;
	// ShipDoneAt ship_done_time; ConfirmedAt confirm_receipt_time. Zero means absent.
	CreatedAt, UpdatedAt, PaidAt, ShipDoneAt, ConfirmedAt time.Time
	// Virtual is deliver_method 1: virtual goods, shipped without logistics.
	Virtual bool
	// Gift is is_present; GroupBuy marks a group buy (一起买). Status 12 implies Gift and 13
	// GroupBuy; for an unpaid order they say where its payment leads (see NewParams).
	Gift, GroupBuy bool
	// SettledAt is settle_info.settle_time, when the platform settled the order (zero when
	// absent).
	SettledAt time.Time
	// Lines are product_infos, in order.
	Lines []PlatformLine
	// Parcels are delivery_product_info, in order; a parcel of deliver_type 3 has neither
	// carrier nor tracking number.
	Parcels []Parcel
	// Freight is price_info.freight; ChangedFreight is change_freight, when the merchant
	// changed the freight before payment (is_change_freight): then the buyer paid it.
	Freight        decimal.Decimal
	ChangedFreight decimal.NullDecimal
	// RefundedFreight is refund_info.refund_freight, the freight refunded so far: at most the
	// freight paid.
	RefundedFreight decimal.Decimal
	// ProductPrice is price_info.product_price and OrderPrice price_info.order_price (what the
	// buyer paid, freight included), when the payload has them: FromPlatform checks them
	// against the lines, and derives from OrderPrice a line's paid amount the payload leaves
	// out.
	ProductPrice, OrderPrice decimal.NullDecimal
	// Discounts are price_info's itemised discounts; each kind the lines itemise must add up
	// to the order's.
	Discounts Discounts
	// FinishedWithGoods says that the order's after-sales that finished all ended with the
	// goods delivered (an exchange or a re-send) and none with a refund: only then do the
	// units of finish_aftersale_sku_cnt count as done rather than refunded. Package wxapi reads
	// it from aftersale_detail.
	FinishedWithGoods bool
	// Policy is the shop's deadline policy; zero means DefaultDeadlinePolicy(). It gives a paid
	// line in stock without delivery_deadline its deadline, and bounds presale windows.
	Policy DeadlinePolicy
	// Confirm is who confirmed receipt of a completed order, if the host knows it (order/get
	// does not say); zero means ConfirmUnknown. Cancel is why a status-250 order was cancelled,
	// if the host learned it from the cancel push; zero means CancelUnknown.
	Confirm ConfirmKind
	Cancel  CancelReason
}

// PlatformLine is one line of a PlatformOrder (product_infos[]).
type PlatformLine struct {
	// Snapshot is the SKU as ordered: product_id, sku_id, title, sku_attrs, sale_price.
	Snapshot catalog.Snapshot
	// Quantity is sku_cnt.
	Quantity int
	// UnitPrice is sale_price; zero means the snapshot's price.
	UnitPrice decimal.Decimal
	// Paid is real_price, what the buyer paid for the line, when the payload has it. Without
	// it, the line paid the smaller of Estimated (estimate_price, after every discount) and
	// Changed (change_price, after a price change) where given, or what OrderPrice leaves for
	// it (see FromPlatform); nothing else is taken as a guess.
	Paid, Estimated, Changed decimal.NullDecimal
	// Discounts are the line's itemised discounts.
	Discounts Discounts
	// SKUChange is the buyer's request to change the line's SKU before shipment
	// (change_sku_info); zero when there is none. From must be the line's SKU, or To once the
	// request was approved and the platform names the new SKU.
	SKUChange SKUChange
	// OnAfterSale is on_aftersale_sku_cnt; FinishedAfterSale finish_aftersale_sku_cnt.
	OnAfterSale, FinishedAfterSale int
	// Stock is sku_deliver_info.stock_type.
	Stock StockType
	// ShipBy is delivery_deadline; PredictedDelivery sku_deliver_info.predict_delivery_time.
	// Zero means absent.
	ShipBy, PredictedDelivery time.Time
}

// PlatformError says which field of a PlatformOrder contradicts the rest, and why. Field is a
// Go path into PlatformOrder ("ShipDoneAt", "Lines[2].Paid", "Parcels[0].Items[1]"), or ""
// when the order as a whole breaks a rule (Err then says which). It unwraps to Err, which
// matches ErrInvalidOrder or a more specific sentinel.
type PlatformError struct {
	Field string
	Err   error
}

// Error implements error.
func (e *PlatformError) Error() string {
	if e.Field == "" {
		return e.Err.Error()
	}
	return e.Field + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *PlatformError) Unwrap() error { return e.Err }

// FromPlatform rebuilds an order from what the platform reports, deriving what the platform
// does not give:
//
//   - each line's shipped count, from the parcels;
//   - each line's refunded or done counts, from finish_aftersale_sku_cnt (see
//     FinishedWithGoods), and one after-sale attempt where a line has after-sale units;
//   - the discount: the lines' list totals minus what they paid;
//   - ship-by deadlines: delivery_deadline; a paid line in stock without one ships by the
//     policy's deadline from payment, a presale line by its predicted delivery; a presale
//     line's window is its deadline minus the payment (before payment, the predicted delivery
//     minus the creation);
//   - the end: a completed order ended when receipt was confirmed (else at update_time), a
//     cancelled or closed one at update_time; who confirmed and why it was cancelled are
//     Confirm and Cancel, or unknown, except for 190 (oversold) and 200 (after-sale);
//   - UpdatedAt, when update_time is absent: the latest time the order carries.
//
// Then it checks everything Restore checks. A contradiction the platform's own fields show (a
// total that is not the sum of the lines, a ship-done time on an order not shipped) is a
// *PlatformError naming the field; any other rule the order breaks is a *PlatformError with an
// empty Field.
func FromPlatform(p PlatformOrder) (*Order, error) {
	if len(p.Lines) > MaxLines {
		return nil, &PlatformError{Field: "Lines", Err: &LimitError{What: "lines", Max: MaxLines}}
	}
	if len(p.Parcels) > MaxParcels {
		return nil, &PlatformError{Field: "Parcels", Err: &LimitError{What: "parcels", Max: MaxParcels}}
	}
	o := allocOrder(len(p.Lines))
	o.id, o.seller, o.buyer, o.status, o.virtual = p.ID, p.Seller, p.Buyer, p.Status, p.Virtual
	o.gift, o.groupBuy, o.settledAt = p.Gift || p.Status == StatusGiftPending, p.GroupBuy || p.Status == StatusGroupForming, p.SettledAt
	o.createdAt, o.paidAt, o.shipDoneAt, o.updatedAt, o.policy = p.CreatedAt, p.PaidAt, p.ShipDoneAt, p.UpdatedAt, p.Policy
	if o.seller == 0 {
		o.seller = shop.WeChatShop
	}
	if o.policy.IsZero() {
		o.policy = DefaultDeadlinePolicy()
	}
	if err := o.checkPlatformTimes(p); err != nil {
		return nil, err
	}
	fail := func(field string, err error) (*Order, error) { return nil, &PlatformError{Field: field, Err: err} }
	for i := range p.Lines {
		if err := o.platformLine(i, &p.Lines[i], p.FinishedWithGoods); err != nil {
			return nil, err
		}
	}
	if err := o.platformMoney(&p); err != nil {
		return nil, err
	}
	var list, paid int64
	for i := range o.lines {
		list += o.lines[i].listFen()
		paid += o.lines[i].paid
	}
	if list < paid {
		return fail("Lines", fmt.Errorf("%w: the lines paid %s, more than their list total %s", ErrInvalidOrder, money.FormatFen(paid), money.FormatFen(list)))
	}
	o.discount = list - paid
	if err := o.checkPlatformTotals(p, list, paid); err != nil {
		return nil, err
	}
	if err := o.platformShipped(p.Parcels); err != nil {
		return nil, err
	}
	for i := range o.lines {
		l, field := &o.lines[i], "Lines["+strconv.Itoa(i)+"]"
		switch {
		case l.onAfterSale+l.refunded+l.afterSaleDone > l.quantity:
			return fail(field+".OnAfterSale", fmt.Errorf("%w: sku %s: %d units on after-sale and %d finished of %d ordered", ErrInvalidQuantity,
				l.skuID(), l.onAfterSale, l.refunded+l.afterSaleDone, l.quantity))
		case l.afterSaleDone > l.shipped:
			return fail(field+".FinishedAfterSale", fmt.Errorf("%w: sku %s: %d units exchanged or re-sent, %d shipped", ErrInvalidOrder, l.skuID(), l.afterSaleDone, l.shipped))
		}
	}
	if err := o.platformMarks(p); err != nil {
		return nil, err
	}
	if err := o.finishRestore(p.Parcels, nil); err != nil {
		var pe *PlatformError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, &PlatformError{Err: err}
	}
	return o, nil
}

// checkPlatformTimes checks the status, and the platform's times against it, before anything
// is derived from them.
func (o *Order) checkPlatformTimes(p PlatformOrder) error {
	if err := statuses.Check(o.status); err != nil {
		return &PlatformError{Field: "Status", Err: err}
	}
	switch s := o.status; {
	case payment(s) == always && p.PaidAt.IsZero():
		return &PlatformError{Field: "PaidAt", Err: fmt.Errorf("%w: status %s without pay_time", ErrInvalidOrder, s)}
	case payment(s) == never && !p.PaidAt.IsZero():
		return &PlatformError{Field: "PaidAt", Err: fmt.Errorf("%w: status %s with pay_time %s", ErrInvalidOrder, s, instant.Stamp(p.PaidAt))}
	case (s == StatusShipped || s == StatusCompleted) && p.ShipDoneAt.IsZero():
		return &PlatformError{Field: "ShipDoneAt", Err: fmt.Errorf("%w: status %s without ship_done_time", ErrInvalidOrder, s)}
	case !p.ShipDoneAt.IsZero() && s != StatusShipped && s != StatusCompleted && s != StatusClosedByAfterSale:
		return &PlatformError{Field: "ShipDoneAt", Err: fmt.Errorf("%w: status %s with ship_done_time %s", ErrInvalidOrder, s, instant.Stamp(p.ShipDoneAt))}
	case !p.ConfirmedAt.IsZero() && s != StatusCompleted:
		return &PlatformError{Field: "ConfirmedAt", Err: fmt.Errorf("%w: status %s with confirm_receipt_time %s", ErrInvalidOrder, s, instant.Stamp(p.ConfirmedAt))}
	}
	if !p.UpdatedAt.IsZero() {
		for _, t := range []time.Time{p.CreatedAt, p.PaidAt, p.ShipDoneAt, p.ConfirmedAt} {
			if p.UpdatedAt.Before(t) {
				return &PlatformError{Field: "UpdatedAt", Err: fmt.Errorf("%w: update_time %s is before %s, a time the order reports", ErrTimeOrder, instant.Stamp(p.UpdatedAt), instant.Stamp(t))}
			}
		}
	}
	return nil
}

// platformLine fills line i from what the platform says of it.
func (o *Order) platformLine(i int, pl *PlatformLine, withGoods bool) error {
	field := "Lines[" + strconv.Itoa(i) + "]"
	l := &o.lines[i]
	l.snap, l.quantity, l.stock, l.onAfterSale = pl.Snapshot, pl.Quantity, pl.Stock, pl.OnAfterSale
	if withGoods {
		l.afterSaleDone = pl.FinishedAfterSale
	} else {
		l.refunded = pl.FinishedAfterSale
	}
	var err error
	unit := pl.UnitPrice
	if unit.IsZero() && !pl.Snapshot.IsZero() {
		unit = pl.Snapshot.Price()
	}
	if l.unit, err = money.ToFen("sale_price", unit); err != nil {
		return &PlatformError{Field: field + ".UnitPrice", Err: err}
	}
	if c := pl.SKUChange; c != (SKUChange{}) {
		if c.From != l.skuID() && c.To != l.skuID() {
			return &PlatformError{Field: field + ".SKUChange", Err: fmt.Errorf("%w: a sku change from %s to %s on the line of sku %s",
				ErrInvalidOrder, c.From, c.To, l.skuID())}
		}
		if err := applySKUChange(l, c); err != nil {
			return &PlatformError{Field: field + ".SKUChange", Err: err}
		}
		o.skuChanges = append(o.skuChanges, c)
	}
	if o.paid() && l.onAfterSale+l.refunded+l.afterSaleDone > 0 {
		// The payload does not count after-sale requests per line; units held or finished
		// prove at least one. The platform enforces its own limit.
		l.afterSaleAttempts = 1
	}
	return o.platformDeadline(field, l, pl)
}

// platformDeadline sets a line's ship-by deadline and presale window.
func (o *Order) platformDeadline(field string, l *Line, pl *PlatformLine) error {
	switch {
	case !pl.ShipBy.IsZero():
		l.shipBy = pl.ShipBy
	case !o.paid() || o.status == StatusGiftPending || o.status == StatusGroupForming:
		// Before payment, and while a gift or a group buy waits, the deadlines have not
		// started.
	default:
		switch {
		case l.stock == StockInStock:
			l.shipBy = o.policy.deadline(o.paidAt, l.stock, 0)
		case !pl.PredictedDelivery.IsZero():
			l.shipBy = pl.PredictedDelivery
		default:
			return &PlatformError{Field: field + ".ShipBy", Err: fmt.Errorf("%w: a paid presale line without delivery_deadline or predict_delivery_time", ErrInvalidOrder)}
		}
	}
	if l.stock != StockPresale {
		return nil
	}
	switch {
	case o.paid() && !l.shipBy.IsZero():
		l.presale = l.shipBy.Sub(o.paidAt)
	case !pl.PredictedDelivery.IsZero():
		l.presale = pl.PredictedDelivery.Sub(o.createdAt)
	default:
		return &PlatformError{Field: field + ".PredictedDelivery", Err: fmt.Errorf("%w: an unpaid presale line without predict_delivery_time", ErrInvalidOrder)}
	}
	return nil
}

// checkPlatformTotals checks price_info's totals against the lines.
func (o *Order) checkPlatformTotals(p PlatformOrder, list, paid int64) error {
	check := func(field string, v decimal.NullDecimal, want int64, what string) error {
		if !v.Valid {
			return nil
		}
		got, err := money.ToFen(field, v.Decimal)
		if err != nil {
			return &PlatformError{Field: field, Err: err}
		}
		if got != want {
			return &PlatformError{Field: field, Err: fmt.Errorf("%w: %s is %s, but %s add up to %s", ErrInvalidOrder,
				field, money.FormatFen(got), what, money.FormatFen(want))}
		}
		return nil
	}
	if err := check("ProductPrice", p.ProductPrice, list, "the lines' sale price × quantity"); err != nil {
		return err
	}
	return check("OrderPrice", p.OrderPrice, paid+o.freight, "the lines' paid amounts and the freight")
}

// platformShipped sets each line's shipped count from the parcels.
func (o *Order) platformShipped(parcels []Parcel) error {
	f := lineFinder{o: o}
	if err := o.buildIndex(); err != nil {
		return &PlatformError{Field: "Lines", Err: err}
	}
	for pi := range parcels {
		for ii, it := range parcels[pi].Items {
			li := f.find(it.SKUID)
			field := "Parcels[" + strconv.Itoa(pi) + "].Items[" + strconv.Itoa(ii) + "]"
			switch {
			case li < 0 || o.lines[li].snap.ProductID() != it.ProductID:
				return &PlatformError{Field: field, Err: fmt.Errorf("%w: product %s sku %s", ErrUnknownSKU, it.ProductID, it.SKUID)}
			case it.Quantity <= 0 || it.Quantity > o.lines[li].quantity-o.lines[li].shipped:
				return &PlatformError{Field: field, Err: fmt.Errorf("%w: %d units of sku %s, %d ordered and not shipped before", ErrInvalidQuantity,
					it.Quantity, it.SKUID, o.lines[li].quantity-o.lines[li].shipped)}
			}
			o.lines[li].shipped += it.Quantity
		}
	}
	return nil
}

// platformMarks sets the marks each status implies.
func (o *Order) platformMarks(p PlatformOrder) error {
	end := p.UpdatedAt
	switch o.status {
	case StatusCompleted:
		if !p.ConfirmedAt.IsZero() {
			end = p.ConfirmedAt
		}
		o.confirm = p.Confirm
		if o.confirm == 0 {
			o.confirm = ConfirmUnknown
		}
	case StatusCancelled:
		o.cancel = p.Cancel
		if o.cancel == 0 {
			o.cancel = CancelUnknown
		}
	case StatusCancelledOversold:
		o.cancel = CancelOversold
	case StatusClosedByAfterSale:
		o.cancel = CancelAfterSale
	default:
		return nil
	}
	if end.IsZero() {
		return &PlatformError{Field: "UpdatedAt", Err: fmt.Errorf("%w: status %s ended, and the payload says neither when receipt was confirmed nor update_time", ErrInvalidOrder, o.status)}
	}
	o.endedAt = end
	return nil
}
