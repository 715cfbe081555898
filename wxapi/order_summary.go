package wxapi

import (
	"strconv"

	"github.com/wxshop-go/wxshop/aftersale"
)

// AfterSaleSummary is what order/get says about the order's after-sale orders
// (aftersale_detail): how many are unfinished, by the platform's own count, and the id and
// status of each. Fetch aftersale/getaftersaleorder (DecodeAfterSale) for a full case.
type AfterSaleSummary struct {
	// Unfinished is on_aftersale_order_cnt: the platform's count of after-sale orders not yet
	// finished. While it is above zero the platform refuses to ship (108009).
	Unfinished int `json:"unfinished"`
	// Orders lists the after-sale orders, in the platform's order.
	Orders []AfterSaleRef `json:"orders,omitempty"`
}

// AfterSaleRef is one after-sale order of an order: its id and status. A status the platform
// sent as a legacy number (13) is converted (MERCHANT_REFUND_SUCCESS). The platform may list an
// after-sale order by its id alone: Status is then zero, and the case is to be fetched
// (aftersale/getaftersaleorder, DecodeAfterSale) to learn where it stands.
type AfterSaleRef struct {
	ID     string           `json:"id"`
	Status aftersale.Status `json:"status,omitzero"`
}

// BlocksShipping reports whether, by the platform's own data, an after-sale blocks shipping:
// the unfinished count is above zero, or a listed after-sale order is OPEN or SEMI
// (aftersale.Class). The platform's count is authoritative; the statuses are the fallback for
// a payload that leaves the count out.
func (s AfterSaleSummary) BlocksShipping() bool {
	if s.Unfinished > 0 {
		return true
	}
	for _, r := range s.Orders {
		if c := r.Status.Class(); c == aftersale.ClassOpen || c == aftersale.ClassSemi {
			return true
		}
	}
	return false
}

// finishedByExchange reports whether the listed after-sale orders that finished all ended with
// the goods delivered (MERCHANT_EXCHANGE_SUCCESS: an exchange or a re-send) and none with a
// refund. Only then are the units of finish_aftersale_sku_cnt known not to be refunded; an
// after-sale order listed without its status leaves the question open, so they count as
// refunded.
func (s AfterSaleSummary) finishedByExchange() bool {
	exchanged := false
	for _, r := range s.Orders {
		switch {
		case r.Status == 0 || r.Status.Refunded():
			return false
		case r.Status == aftersale.StatusMerchantExchangeSuccess:
			exchanged = true
		}
	}
	return exchanged
}

// afterSaleSummary converts aftersale_detail.
func (d *decoder) afterSaleSummary(p *path, w *wireOrderAfterSale) AfterSaleSummary {
	if w == nil {
		return AfterSaleSummary{}
	}
	cp := p.at("on_aftersale_order_cnt")
	s := AfterSaleSummary{Unfinished: d.count(&cp, w.OnAfterSaleOrderCnt, false)}
	lp := p.at("aftersale_order_list")
	for i := range w.Orders {
		ep := lp.elem(i)
		ip, sp := ep.at("aftersale_order_id"), ep.at("status")
		s.Orders = append(s.Orders, AfterSaleRef{
			ID:     d.id(&ip, w.Orders[i].ID, true),
			Status: d.afterSaleStatus(&sp, w.Orders[i].Status, false),
		})
	}
	return s
}

// afterSaleStatus reads a status sent as the platform's string or as a legacy number.
func (d *decoder) afterSaleStatus(p *path, c jcode, req bool) aftersale.Status {
	switch {
	case !c.set:
		if req {
			d.missing(p)
		}
		return 0
	case c.flaw != flawNone:
		d.flaw(p, c.raw, c.flaw)
		return 0
	}
	var (
		s   aftersale.Status
		err error
	)
	if c.number {
		var n int
		n, err = strconv.Atoi(c.s)
		if err == nil {
			s, err = aftersale.StatusFromLegacyCode(n)
		} else {
			err = errOutOfRange
		}
	} else {
		s, err = aftersale.ParseStatus(c.s)
	}
	if err != nil {
		value := c.s
		if !c.number {
			value = strconv.Quote(c.s)
		}
		d.fail(p, value, err)
		return 0
	}
	return s
}
