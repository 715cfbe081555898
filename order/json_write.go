package order

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
)

// An *Order writes its stored form through stateOut, stateJSON's mirror for writing: the same
// keys in the same order, with every amount, enum and duration already text. encoding/json
// writes a string field as it is, but for every field with a MarshalText it calls the method
// through an interface and copies the bytes it allocates; on an order of 20 lines that was
// half the cost of writing it. TestWriteMirrorsMatch holds the two mirrors to the same keys,
// and MarshalJSON to State.MarshalJSON's bytes.

type stateOut struct {
	ID           string        `json:"id"`
	Seller       string        `json:"seller"`
	Buyer        string        `json:"buyer"`
	Status       string        `json:"status"`
	CreatedAt    string        `json:"created_at"`
	PaidAt       string        `json:"paid_at,omitzero"`
	ShipDoneAt   string        `json:"ship_done_at,omitzero"`
	EndedAt      string        `json:"ended_at,omitzero"`
	UpdatedAt    string        `json:"updated_at,omitzero"`
	Confirm      string        `json:"confirm,omitzero"`
	CancelReason string        `json:"cancel_reason,omitzero"`
	Virtual      bool          `json:"virtual,omitzero"`
	Gift         bool          `json:"gift,omitzero"`
	GroupBuy     bool          `json:"group_buy,omitzero"`
	SettledAt    string        `json:"settled_at,omitzero"`
	Lines        []lineOut     `json:"lines"`
	Freight      string        `json:"freight"`
	Discount     string        `json:"discount"`
	Policy       policyOut     `json:"policy"`
	Parcels      []Parcel      `json:"parcels,omitempty"`
	Reshipments  []Reshipment  `json:"reshipments,omitempty"`
	Negotiations []Negotiation `json:"negotiations,omitempty"`
	SKUChanges   []SKUChange   `json:"sku_changes,omitempty"`
}

type lineOut struct {
	Snapshot          catalog.SnapshotText `json:"snapshot"`
	Quantity          int                  `json:"quantity"`
	UnitPrice         string               `json:"unit_price"`
	Paid              string               `json:"paid"`
	Stock             string               `json:"stock"`
	PresaleShipWithin string               `json:"presale_ship_within,omitzero"`
	ShipBy            string               `json:"ship_by,omitzero"`
	Shipped           int                  `json:"shipped"`
	OnAfterSale       int                  `json:"on_after_sale"`
	Refunded          int                  `json:"refunded"`
	RefundedAmount    string               `json:"refunded_amount,omitzero"`
	AfterSaleDone     int                  `json:"after_sale_done,omitzero"`
	AfterSaleAttempts int                  `json:"after_sale_attempts"`
}

type policyOut struct {
	InStock         string `json:"in_stock"`
	PresaleMin      string `json:"presale_min"`
	PresaleMax      string `json:"presale_max"`
	MaxNegotiations int    `json:"max_negotiations"`
	NegotiationLead string `json:"negotiation_lead"`
}

// MarshalJSON renders the order's stored form (see State.MarshalJSON), straight from the
// order. The zero Order, which has no seller and no status, is an error.
func (o *Order) MarshalJSON() ([]byte, error) {
	var w textWriter
	w.texts.Grow((3*len(o.lines)+2)*money.MaxFenText + (len(o.lines)+6)*len(time.RFC3339Nano))
	w.attrs = make([]catalog.Attr, 0, len(o.lines))
	j := stateOut{
		ID: o.id, Seller: name(&w, o.seller), Buyer: o.buyer, Status: name(&w, o.status), CreatedAt: w.time(o.createdAt),
		PaidAt: w.optionalTime(o.paidAt), ShipDoneAt: w.optionalTime(o.shipDoneAt), EndedAt: w.optionalTime(o.endedAt),
		UpdatedAt: w.optionalTime(o.updatedAt), Confirm: optionalName(&w, o.confirm), CancelReason: optionalName(&w, o.cancel),
		Virtual: o.virtual, Gift: o.gift, GroupBuy: o.groupBuy, SettledAt: w.optionalTime(o.settledAt),
		Lines: make([]lineOut, len(o.lines)), Freight: w.fen(o.freight), Discount: w.fen(o.discount),
		Policy: o.policy.out(), Parcels: o.parcels, Reshipments: o.reships, Negotiations: o.negotiations,
		SKUChanges: o.skuChanges,
	}
	for i := range o.lines {
		l := &o.lines[i]
		j.Lines[i] = lineOut{
			Quantity: l.quantity, UnitPrice: w.fen(l.unit), Paid: w.fen(l.paid),
			Stock: name(&w, l.stock), PresaleShipWithin: optionalDuration(l.presale), ShipBy: w.optionalTime(l.shipBy), Shipped: l.shipped,
			OnAfterSale: l.onAfterSale, Refunded: l.refunded, RefundedAmount: w.optionalFen(l.refundedAmount),
			AfterSaleDone: l.afterSaleDone, AfterSaleAttempts: l.afterSaleAttempts,
		}
		j.Lines[i].Snapshot, w.attrs = l.snap.AppendText(&w.texts, w.attrs)
	}
	if w.err != nil {
		return nil, w.err
	}
	return json.Marshal(j)
}

// out is the policy's stored form for writing. Nearly every order keeps the default policy,
// whose text is written once (defaultPolicyOut) rather than four allocations per order.
func (p DeadlinePolicy) out() policyOut {
	if p == DefaultDeadlinePolicy() {
		return defaultPolicyOut
	}
	return p.text()
}

var defaultPolicyOut = DefaultDeadlinePolicy().text()

// text writes the policy's durations out.
func (p DeadlinePolicy) text() policyOut {
	return policyOut{p.InStock.String(), p.PresaleMin.String(), p.PresaleMax.String(), p.MaxNegotiations,
		p.NegotiationLead.String()}
}

// textWriter turns an order's fields into text: its amounts and times go into one builder,
// its snapshots' attributes into one slice, and it keeps the first error met.
type textWriter struct {
	texts strings.Builder
	attrs []catalog.Attr
	err   error
}

// time is t as time.Time.MarshalJSON writes it (RFC 3339 with nanoseconds; AppendText writes
// the same), in w's builder. encoding/json would call MarshalJSON through an interface, copy
// what it allocates, and re-scan it. A time RFC 3339 cannot carry (a year outside 0..9999, a
// zone 24 hours or more away) is AppendText's error, kept in w.
func (w *textWriter) time(t time.Time) string {
	var buf [len(time.RFC3339Nano) + 8]byte
	b, err := t.AppendText(buf[:0])
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return ""
	}
	start := w.texts.Len()
	w.texts.Write(b)
	return w.texts.String()[start:]
}

// optionalTime is a time the stored form leaves out when it is zero.
func (w *textWriter) optionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return w.time(t)
}

// fen is the amount's text, in w's builder.
func (w *textWriter) fen(fen int64) string { return money.FenText(&w.texts, fen) }

// optionalFen is an amount the stored form leaves out when it is zero.
func (w *textWriter) optionalFen(fen int64) string {
	if fen == 0 {
		return ""
	}
	return w.fen(fen)
}

// enumValue is what the stored form writes by name: an enum of this module.
type enumValue interface {
	comparable
	IsValid() bool
	String() string
	MarshalText() ([]byte, error)
}

// name is v's stable name. A value outside its table is the error its MarshalText gives, kept
// in w: the stored form writes no name it could not read back.
func name[T enumValue](w *textWriter, v T) string {
	if v.IsValid() {
		return v.String()
	}
	if _, err := v.MarshalText(); err != nil && w.err == nil {
		w.err = err
	}
	return ""
}

// optionalName is name for an enum whose zero value means "not set", which the stored form
// leaves out.
func optionalName[T enumValue](w *textWriter, v T) string {
	var zero T
	if v == zero {
		return ""
	}
	return name(w, v)
}

// optionalDuration is a duration the stored form leaves out when it is zero.
func optionalDuration(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}
