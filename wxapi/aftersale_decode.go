package wxapi

import (
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

const payloadAfterSaleGet = "aftersale/getaftersaleorder"

// AfterSaleResult is a decoded aftersale/getaftersaleorder answer: the case, restored through
// aftersale.Restore, and the platform's facts the case does not keep.
type AfterSaleResult struct {
	// Case is the restored case.
	Case *aftersale.Case
	// RefundAmount is refund_info.amount: what is (or, before the refund, would be) paid back.
	RefundAmount decimal.Decimal
	// RefundReason is refund_info.refund_reason; zero when the payload has none.
	RefundReason RefundReason
	// CompensationLiability is compensation_liability_amount (商责额外赔付): what the platform
	// paid the buyer on top, at the merchant's expense.
	CompensationLiability decimal.Decimal
	// ComplaintID links the dispute (纠纷单), when there is one.
	ComplaintID string
}

// DecodeAfterSale decodes a POST /channels/ec/aftersale/getaftersaleorder answer into an
// after-sale case.
//
// The case covers product_info's count units of its SKU. It opened at create_time and last
// changed at update_time. The payload has no time for every step, so update_time stands in
// where the case needs one: the rejection of a SEMI status (which starts the buyer's 7-day
// escalation window), and the close of a FINAL one (complete_time when the payload has it). The
// refunded amount is refund_info.amount, kept on the case only once the status says the money
// went back; RefundAmount reports it in every status. The buyer's words are details.desc, or
// reason_text.
//
// Errors: an *APIError when errcode is not 0; otherwise a *FieldError naming the field, with
// ErrInconsistent (and aftersale.Restore's error) for data the case model refuses as a whole.
func DecodeAfterSale(body []byte) (AfterSaleResult, error) {
	d := decoder{payload: payloadAfterSaleGet}
	var w wireAfterSaleGet
	if err := d.response(body, &w, &w.envelope); err != nil {
		return AfterSaleResult{}, err
	}
	p := root("after_sale_order")
	if w.AfterSale == nil {
		d.missing(&p)
		return AfterSaleResult{}, d.err
	}
	snap, res := d.afterSale(&p, w.AfterSale)
	if d.err != nil {
		return AfterSaleResult{}, d.err
	}
	c, err := aftersale.Restore(snap)
	if err != nil {
		return AfterSaleResult{}, &FieldError{Payload: d.payload, Field: "after_sale_order", Value: snap.ID,
			Err: fmt.Errorf("%w: %w", ErrInconsistent, err)}
	}
	res.Case = c
	return res, nil
}

func (d *decoder) afterSale(p *path, w *wireAfterSale) (aftersale.State, AfterSaleResult) {
	ip, op, cp, up := p.at("after_sale_order_id"), p.at("order_id"), p.at("create_time"), p.at("update_time")
	sp, kp, rp := p.at("status"), p.at("type"), p.at("reason")
	s := aftersale.State{
		ID:        d.id(&ip, w.ID, true),
		OrderID:   d.id(&op, w.OrderID, true),
		Kind:      parseText(d, &kp, w.Type, aftersale.ParseKind),
		Status:    d.afterSaleStatus(&sp, w.Status, true),
		Reason:    parseText(d, &rp, w.Reason, aftersale.ParseReason),
		OpenedAt:  d.unix(&cp, w.CreateTime, true),
		ChangedAt: d.unix(&up, w.UpdateTime, false),
		Detail:    w.ReasonText,
	}
	if s.ChangedAt.IsZero() {
		s.ChangedAt = s.OpenedAt
	}
	if w.Details != nil && w.Details.Desc != "" {
		s.Detail = w.Details.Desc
	}
	s.Items = d.afterSaleItems(p, w.Product)

	var res AfterSaleResult
	if w.Refund != nil {
		rp := p.at("refund_info")
		ap, np := rp.at("amount"), rp.at("refund_reason")
		res.RefundAmount = d.fen(&ap, w.Refund.Amount, false)
		if n := d.int(&np, w.Refund.RefundReason, false); n != 0 {
			if r := RefundReason(min(max(n, 0), 255)); r.IsValid() && int64(r) == n {
				res.RefundReason = r
			} else {
				d.fail(&np, strconv.FormatInt(n, 10), &enum.UnknownError{Type: "refund_reason", Value: strconv.FormatInt(n, 10)})
			}
		}
	}
	lp, mp := p.at("compensation_liability_amount"), p.at("complaint_id")
	res.CompensationLiability = d.fen(&lp, w.CompensationLiability, false)
	res.ComplaintID = d.id(&mp, w.ComplaintID, false)
	if w.Return != nil && w.Return.DeliveryID != "" && w.Return.WaybillID != "" {
		s.ReturnWaybill = aftersale.Waybill{Carrier: w.Return.DeliveryID, TrackingNumber: w.Return.WaybillID}
	}
	tp := p.at("complete_time")
	completed := d.unix(&tp, w.CompleteTime, false)
	var rejection string
	if w.MerchantUpload != nil {
		rejection = w.MerchantUpload.RejectReason
	}
	d.afterSaleMarks(&s, res.RefundAmount, completed, rejection)
	return s, res
}

// afterSaleMarks sets what the status implies: when and why the case was rejected, when it was
// refunded and closed.
func (d *decoder) afterSaleMarks(s *aftersale.State, refund decimal.Decimal, completed time.Time, rejection string) {
	if d.err != nil {
		return
	}
	switch s.Status.Class() {
	case aftersale.ClassSemi:
		s.RejectedAt = s.ChangedAt
		s.Rejection = rejection
	case aftersale.ClassFinal:
		s.ClosedAt = s.ChangedAt
		if !completed.IsZero() {
			s.ClosedAt = completed
		}
		if s.ClosedAt.After(s.ChangedAt) {
			s.ChangedAt = s.ClosedAt // the case changed, at the latest, when it completed
		}
		if s.Status.Refunded() {
			s.Refund, s.RefundedAt = refund, s.ClosedAt
		}
	}
}

// parseText reads a required code the platform sends as a string, with the domain's parser.
func parseText[T any](d *decoder, p *path, s string, parse func(string) (T, error)) T {
	var zero T
	if d.text(p, s, true) == "" {
		return zero
	}
	v, err := parse(s)
	if err != nil {
		d.fail(p, strconv.Quote(s), err)
		return zero
	}
	return v
}

// afterSaleItems reads product_info: the one SKU an after-sale order covers.
func (d *decoder) afterSaleItems(p *path, w *wireAfterSaleProduct) []order.Item {
	ip := p.at("product_info")
	if w == nil {
		d.missing(&ip)
		return nil
	}
	pp, sp, cp := ip.at("product_id"), ip.at("sku_id"), ip.at("count")
	return []order.Item{{
		ProductID: d.id(&pp, w.ProductID, true),
		SKUID:     d.id(&sp, w.SKUID, true),
		Quantity:  d.positive(&cp, w.Count, true),
	}}
}
