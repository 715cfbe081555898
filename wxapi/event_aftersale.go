package wxapi

import (
	"time"

	"github.com/wxshop-go/wxshop/aftersale"
)

// AfterSaleUpdated is channels_ec_aftersale_update: an after-sale order changed status. Its
// body is "finder_shop_aftersale_status_update". The push carries the new status only; fetch
// aftersale/getaftersaleorder (DecodeAfterSale) for the rest of the case.
type AfterSaleUpdated struct {
	AfterSaleID string           `json:"after_sale_id"`
	OrderID     string           `json:"order_id"`
	At          time.Time        `json:"at"` // CreateTime
	Status      aftersale.Status `json:"status"`
}

// Kind implements Event.
func (AfterSaleUpdated) Kind() EventKind { return EventAfterSaleUpdated }

// Subject implements Event: events about one after-sale order are ordered together.
func (e AfterSaleUpdated) Subject() Subject { return Subject{SubjectAfterSale, e.AfterSaleID} }

// Time implements Event.
func (e AfterSaleUpdated) Time() time.Time { return e.At }

// identity ranks after-sale statuses by class: within one second an OPEN status comes before
// a SEMI one (a rejection), which comes before a FINAL one.
func (e AfterSaleUpdated) identity() identity {
	return identity{kind: EventAfterSaleUpdated, at: e.At.Unix(), rank: int(e.Status.Class()), detail: e.Status.String()}
}

func (d *decoder) afterSaleEvent(w *wireEventAfterSale, at time.Time) (Event, error) {
	p := root("finder_shop_aftersale_status_update")
	if w == nil {
		d.missing(&p)
		return nil, d.err
	}
	ap, op, sp := p.at("after_sale_order_id"), p.at("order_id"), p.at("status")
	ev := AfterSaleUpdated{
		AfterSaleID: d.id(&ap, w.AfterSaleID, true),
		OrderID:     d.id(&op, w.OrderID, true),
		At:          at,
		Status:      parseText(d, &sp, w.Status, aftersale.ParseStatus),
	}
	if d.err != nil {
		return nil, d.err
	}
	return ev, nil
}
