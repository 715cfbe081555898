package order

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
)

// MarshalJSON renders the order's Snapshot.
func (o *Order) MarshalJSON() ([]byte, error) { return json.Marshal(o.Snapshot()) }

// UnmarshalJSON decodes a Snapshot and restores it (with every check of Restore); on error the
// order is left unchanged.
func (o *Order) UnmarshalJSON(b []byte) error {
	var s Snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	r, err := Restore(s)
	if err != nil {
		return err
	}
	*o = *r
	return nil
}

type snapshotJSON struct {
	ID           string             `json:"id"`
	Seller       catalog.SellerKind `json:"seller"`
	Buyer        string             `json:"buyer"`
	Status       Status             `json:"status"`
	CreatedAt    time.Time          `json:"created_at"`
	PaidAt       time.Time          `json:"paid_at,omitzero"`
	ShipDoneAt   time.Time          `json:"ship_done_at,omitzero"`
	EndedAt      time.Time          `json:"ended_at,omitzero"`
	Confirm      ConfirmKind        `json:"confirm,omitzero"`
	CancelReason CancelReason       `json:"cancel_reason,omitzero"`
	Virtual      bool               `json:"virtual,omitzero"`
	Lines        []Line             `json:"lines"`
	Freight      money.Text         `json:"freight"`
	Discount     money.Text         `json:"discount"`
	Policy       DeadlinePolicy     `json:"policy"`
	Parcels      []Parcel           `json:"parcels,omitempty"`
	Reshipments  []Reshipment       `json:"reshipments,omitempty"`
	Negotiations []Negotiation      `json:"negotiations,omitempty"`
}

// MarshalJSON renders money as "10.10" and enums by name.
func (s Snapshot) MarshalJSON() ([]byte, error) {
	return json.Marshal(snapshotJSON{
		ID: s.ID, Seller: s.Seller, Buyer: s.Buyer, Status: s.Status, CreatedAt: s.CreatedAt,
		PaidAt: s.PaidAt, ShipDoneAt: s.ShipDoneAt, EndedAt: s.EndedAt, Confirm: s.Confirm,
		CancelReason: s.CancelReason, Virtual: s.Virtual, Lines: s.Lines, Freight: money.Text(s.Freight),
		Discount: money.Text(s.Discount), Policy: s.Policy, Parcels: s.Parcels,
		Reshipments: s.Reshipments, Negotiations: s.Negotiations,
	})
}

// UnmarshalJSON decodes what MarshalJSON renders. It checks amounts and enum names; Restore
// checks the rest.
func (s *Snapshot) UnmarshalJSON(b []byte) error {
	var j snapshotJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = Snapshot{
		ID: j.ID, Seller: j.Seller, Buyer: j.Buyer, Status: j.Status, CreatedAt: j.CreatedAt,
		PaidAt: j.PaidAt, ShipDoneAt: j.ShipDoneAt, EndedAt: j.EndedAt, Confirm: j.Confirm,
		CancelReason: j.CancelReason, Virtual: j.Virtual, Lines: j.Lines, Freight: decimal.Decimal(j.Freight),
		Discount: decimal.Decimal(j.Discount), Policy: j.Policy, Parcels: j.Parcels,
		Reshipments: j.Reshipments, Negotiations: j.Negotiations,
	}
	return nil
}

type lineJSON struct {
	Snapshot          catalog.Snapshot `json:"snapshot"`
	Quantity          int              `json:"quantity"`
	UnitPrice         money.Text       `json:"unit_price"`
	Paid              money.Text       `json:"paid"`
	Stock             StockType        `json:"stock"`
	PresaleShipWithin durationJSON     `json:"presale_ship_within,omitzero"`
	ShipBy            time.Time        `json:"ship_by,omitzero"`
	Shipped           int              `json:"shipped"`
	OnAfterSale       int              `json:"on_after_sale"`
	Refunded          int              `json:"refunded"`
	RefundedAmount    money.Text       `json:"refunded_amount,omitzero"`
	AfterSaleDone     int              `json:"after_sale_done,omitzero"`
	AfterSaleAttempts int              `json:"after_sale_attempts"`
}

// MarshalJSON renders money as "10.10".
func (l Line) MarshalJSON() ([]byte, error) {
	return json.Marshal(lineJSON{
		Snapshot: l.Snapshot, Quantity: l.Quantity, UnitPrice: money.Text(l.UnitPrice),
		Paid: money.Text(l.Paid), Stock: l.Stock, PresaleShipWithin: durationJSON(l.PresaleShipWithin),
		ShipBy: l.ShipBy, Shipped: l.Shipped, OnAfterSale: l.OnAfterSale, Refunded: l.Refunded,
		RefundedAmount: money.Text(l.RefundedAmount), AfterSaleDone: l.AfterSaleDone,
		AfterSaleAttempts: l.AfterSaleAttempts,
	})
}

// UnmarshalJSON decodes what MarshalJSON renders, validating the amounts.
func (l *Line) UnmarshalJSON(b []byte) error {
	var j lineJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*l = Line{
		Snapshot: j.Snapshot, Quantity: j.Quantity, UnitPrice: decimal.Decimal(j.UnitPrice),
		Paid: decimal.Decimal(j.Paid), Stock: j.Stock, PresaleShipWithin: time.Duration(j.PresaleShipWithin),
		ShipBy: j.ShipBy, Shipped: j.Shipped, OnAfterSale: j.OnAfterSale, Refunded: j.Refunded,
		RefundedAmount: decimal.Decimal(j.RefundedAmount), AfterSaleDone: j.AfterSaleDone,
		AfterSaleAttempts: j.AfterSaleAttempts,
	}
	return nil
}

type policyJSON struct {
	InStock         durationJSON `json:"in_stock"`
	PresaleMin      durationJSON `json:"presale_min"`
	PresaleMax      durationJSON `json:"presale_max"`
	MaxNegotiations int          `json:"max_negotiations"`
	NegotiationLead durationJSON `json:"negotiation_lead"`
}

// MarshalJSON renders durations as Go duration strings ("48h0m0s").
func (p DeadlinePolicy) MarshalJSON() ([]byte, error) {
	return json.Marshal(policyJSON{durationJSON(p.InStock), durationJSON(p.PresaleMin),
		durationJSON(p.PresaleMax), p.MaxNegotiations, durationJSON(p.NegotiationLead)})
}

// UnmarshalJSON decodes what MarshalJSON renders.
func (p *DeadlinePolicy) UnmarshalJSON(b []byte) error {
	var j policyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*p = DeadlinePolicy{time.Duration(j.InStock), time.Duration(j.PresaleMin),
		time.Duration(j.PresaleMax), j.MaxNegotiations, time.Duration(j.NegotiationLead)}
	return nil
}

// durationJSON is a time.Duration in JSON as a Go duration string.
type durationJSON time.Duration

// MarshalText renders the duration as time.Duration.String does.
func (d durationJSON) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText parses a duration string.
func (d *durationJSON) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = durationJSON(v)
	return nil
}
