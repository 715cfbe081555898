package wxapi

import (
	"cmp"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

const payloadOrderGet = "order/get"

// OrderOptions carries what order/get does not say. The zero value uses the defaults.
type OrderOptions struct {
	// Seller is who sells; zero means catalog.SellerWeChatShop.
	Seller catalog.SellerKind
	// Policy is the shop's deadline policy; zero means order.DefaultDeadlinePolicy(). It is used
	// for a paid line without delivery_deadline, and to check presale deadlines.
	Policy order.DeadlinePolicy
	// Confirm is who confirmed receipt of a completed order (status 100), if the host knows it;
	// order/get does not say. Zero means order.ConfirmUnknown: wxapi does not guess. It is
	// used for status 100 only.
	Confirm order.ConfirmKind
	// Cancel is why a cancelled order (status 250) was cancelled, if the host learned it from
	// the cancel push (order.CancelByBuyer or order.CancelTimeout); order/get does not say.
	// Zero means order.CancelUnknown: wxapi does not guess. It is used for status 250 only,
	// where order.Restore refuses a reason that does not fit (ErrInconsistent).
	Cancel order.CancelReason
}

// OrderResult is a decoded order/get answer: the order, restored through order.Restore (so it
// keeps every invariant of the domain), and what the payload says about its after-sales.
type OrderResult struct {
	// Order is the restored order.
	Order *order.Order
	// AfterSales is aftersale_detail.
	AfterSales AfterSaleSummary
	// UpdatedAt is update_time (zero when absent).
	UpdatedAt time.Time
	// Virtual is delivery_info.deliver_method = 1: the order's goods ship without logistics.
	// It is the same as Order.Virtual().
	Virtual bool
}

// DecodeOrder decodes a POST /channels/ec/order/get answer into a domain order.
//
// Lines come from product_infos: sku_cnt units of sku_id at sale_price (fen → yuan), paid
// real_price for the line (sale_price × sku_cnt when absent), ship-by delivery_deadline, and
// on_aftersale_sku_cnt units held by after-sale. Each line's catalog snapshot has revision 0:
// it was not taken from a catalog, so drift checks compare its price and attributes. Parcels
// come from delivery_info.delivery_product_info; an order whose deliver_method is 1 sells
// virtual goods (order.Order.Virtual), and only its parcels may ship without logistics
// (deliver_type 3, no delivery_id or waybill_id). The payment time is pay_info.pay_time, the
// freight price_info.freight, and the discount is what the lines' list prices exceed their
// paid amounts by.
//
// finish_aftersale_sku_cnt counts units whose after-sale finished, without saying how. They
// count as refunded (order.Line.Refunded: they never ship) unless aftersale_detail lists
// finished exchanges or re-sends (MERCHANT_EXCHANGE_SUCCESS) and no finished refund
// (MERCHANT_REFUND_SUCCESS, MERCHANT_RETURN_SUCCESS): then the buyer has the goods and they
// count as done (order.Line.AfterSaleDone). When the list has both, the payload does not say
// which SKU had which, and they count as refunded. order/get carries no refunded money, so
// each line's RefundedAmount stays zero: the amounts are in the after-sale orders
// (DecodeAfterSale, refund_info.amount). A share of real_price would state refunds the
// platform may not have made (a partial or price-difference refund); with a zero ledger,
// package aftersale still caps each later refund by the share of the units not yet refunded,
// so the refunds recorded on the decoded order never add up to more than a line paid.
//
// order/get says neither who confirmed receipt (status 100) nor why a status-250 order was
// cancelled: the order carries what OrderOptions says, or order.ConfirmUnknown and
// order.CancelUnknown.
//
// Errors: an *APIError when errcode is not 0; otherwise a *FieldError naming the field — a
// missing or malformed field, an unknown status or type, a bad amount, or (ErrInconsistent)
// data the order model refuses as a whole, with order.Restore's error as the cause.
func DecodeOrder(body []byte, opts OrderOptions) (OrderResult, error) {
	d := decoder{payload: payloadOrderGet}
	var w wireOrderGet
	if err := d.response(body, &w, &w.envelope); err != nil {
		return OrderResult{}, err
	}
	p := root("order")
	if w.Order == nil {
		d.missing(&p)
		return OrderResult{}, d.err
	}
	snap, res := d.order(&p, w.Order, opts)
	if d.err != nil {
		return OrderResult{}, d.err
	}
	o, err := order.Restore(snap)
	if err != nil {
		return OrderResult{}, &FieldError{Payload: d.payload, Field: "order", Value: snap.ID,
			Err: fmt.Errorf("%w: %w", ErrInconsistent, err)}
	}
	res.Order = o
	return res, nil
}

// order converts the order object into a snapshot for order.Restore.
func (d *decoder) order(p *path, w *wireOrder, opts OrderOptions) (order.Snapshot, OrderResult) {
	ip, sp, cp, up, bp := p.at("order_id"), p.at("status"), p.at("create_time"), p.at("update_time"), p.at("openid")
	s := order.Snapshot{
		ID:        d.id(&ip, w.OrderID, true),
		Status:    d.orderStatus(&sp, w.Status),
		CreatedAt: d.unix(&cp, w.CreateTime, true),
		Buyer:     d.text(&bp, w.OpenID, true),
		Seller:    opts.Seller,
		Policy:    opts.Policy,
	}
	if s.Seller == 0 {
		s.Seller = catalog.SellerWeChatShop
	}
	if s.Policy.IsZero() {
		s.Policy = order.DefaultDeadlinePolicy()
	}
	res := OrderResult{UpdatedAt: d.unix(&up, w.UpdateTime, false)}
	ap := p.at("aftersale_detail")
	res.AfterSales = d.afterSaleSummary(&ap, w.AfterSale)

	dp := p.at("order_detail")
	if w.Detail == nil {
		d.missing(&dp)
		return s, res
	}
	det := w.Detail
	if det.Pay != nil {
		pp := dp.at("pay_info")
		tp := pp.at("pay_time")
		s.PaidAt = d.unix(&tp, det.Pay.PayTime, false)
	}
	s.Lines = d.lines(&dp, det.Products, &s, res.AfterSales.finishedByExchange())
	s.Discount = discount(s.Lines)
	d.price(&dp, det.Price, s.Lines, &s)
	d.delivery(&dp, det.Delivery, &s, &res)
	d.checkExchanged(&dp, s.Lines)
	var confirmed time.Time
	if det.Ext != nil {
		ep := dp.at("ext_info")
		tp := ep.at("confirm_receipt_time")
		confirmed = d.unix(&tp, det.Ext.ConfirmReceiptTime, false)
	}
	d.endMarks(p, &s, confirmed, res.UpdatedAt, opts)
	return s, res
}

// delivery reads delivery_info: whether the goods are virtual (deliver_method 1), the parcels
// already shipped (which give each line its shipped count), and when shipping finished.
func (d *decoder) delivery(dp *path, w *wireDeliveryInfo, s *order.Snapshot, res *OrderResult) {
	if w == nil {
		return
	}
	vp := dp.at("delivery_info")
	tp, mp := vp.at("ship_done_time"), vp.at("deliver_method")
	switch m := d.int(&mp, w.DeliverMethod, false); m {
	case 0, 1:
		s.Virtual, res.Virtual = m == 1, m == 1
	default:
		d.fail(&mp, fmt.Sprint(m), &enum.UnknownError{Type: "deliver_method", Value: fmt.Sprint(m)})
	}
	s.Parcels = d.parcels(&vp, w.Packages, s.Virtual)
	s.ShipDoneAt = d.unix(&tp, w.ShipDoneTime, false)
	for i := range s.Lines {
		l := &s.Lines[i]
		for _, pc := range s.Parcels {
			for _, it := range pc.Items {
				if it.SKUID == l.Snapshot.SKUID {
					l.Shipped += it.Quantity
				}
			}
		}
	}
}

// orderStatus reads order.status.
func (d *decoder) orderStatus(p *path, n jint) order.Status {
	v := d.int(p, n, true)
	if d.err != nil {
		return 0
	}
	st, err := order.StatusFromCode(int(min(max(v, -1), 256)))
	if err != nil {
		d.fail(p, fmt.Sprint(v), err)
	}
	return st
}

// endMarks sets what the end of an order implies: when it ended, who confirmed, why it was
// cancelled. order/get has no cancel time, so a cancelled or closed order ends at update_time.
// It says neither who confirmed nor why a 250 order was cancelled: what the host knows
// (opts), or the order's "unknown" values.
func (d *decoder) endMarks(p *path, s *order.Snapshot, confirmed, updated time.Time, opts OrderOptions) {
	end := updated
	switch s.Status {
	case order.StatusCompleted:
		if !confirmed.IsZero() {
			end = confirmed
		}
		s.Confirm = cmp.Or(opts.Confirm, order.ConfirmUnknown)
	case order.StatusCancelled:
		s.CancelReason = cmp.Or(opts.Cancel, order.CancelUnknown)
	case order.StatusCancelledOversold:
		s.CancelReason = order.CancelOversold
	case order.StatusClosedByAfterSale:
		s.CancelReason = order.CancelAfterSale
	default:
		return
	}
	if end.IsZero() {
		up := p.at("update_time")
		d.missing(&up)
	}
	s.EndedAt = end
}

// price reads price_info: the freight, and a cross-check of the product total against the
// lines.
func (d *decoder) price(dp *path, w *wirePriceInfo, lines []order.Line, s *order.Snapshot) {
	if w == nil {
		return
	}
	pp := dp.at("price_info")
	fp, tp := pp.at("freight"), pp.at("product_price")
	s.Freight = d.fen(&fp, w.Freight, false)
	total := d.fen(&tp, w.ProductPrice, false)
	if !w.ProductPrice.set || d.err != nil {
		return
	}
	list, _ := lineTotals(lines)
	if fen := total.Shift(2).IntPart(); fen != list {
		d.fail(&tp, fmt.Sprint(fen), fmt.Errorf("%w: the lines' sale_price × sku_cnt add up to %d fen", ErrInconsistent, list))
	}
}

// lineTotals returns the list total (sale price × quantity) and the paid total of lines, in
// fen. The decoder bounded every price and quantity, so the sums fit in int64.
func lineTotals(lines []order.Line) (list, paid int64) {
	for _, l := range lines {
		list += l.UnitPrice.Shift(2).IntPart() * int64(l.Quantity)
		paid += l.Paid.Shift(2).IntPart()
	}
	return list, paid
}

// discount is what the lines' list prices exceed their paid amounts by: the order's discount
// as order.Restore checks it. A negative or absurd difference is left at zero for Restore to
// refuse with its own words.
func discount(lines []order.Line) decimal.Decimal {
	list, paid := lineTotals(lines)
	if list < paid || list-paid > money.MaxFen {
		return decimal.Zero
	}
	return money.Yuan(list - paid)
}
