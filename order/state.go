package order

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/shop"
)

// State is an order's stored form: what a host persists and Restore rebuilds from. It is a
// plain value with exported fields; it marshals to JSON with money as "10.10" and enums by name
// (see MarshalJSON), and whatever Restore accepts marshals and restores back equal.
type State struct {
	ID        string
	Seller    shop.SellerKind
	Buyer     string
	Status    Status
	CreatedAt time.Time
	// PaidAt is zero before payment.
	PaidAt time.Time
	// ShipDoneAt is when nothing was left to ship (ship_done_time), zero until then.
	ShipDoneAt time.Time
	// EndedAt is when the order completed or was cancelled or closed, zero until then.
	EndedAt time.Time
	// UpdatedAt is when the order last changed; zero means "the latest of the times above and
	// of the re-shipments and negotiations" (stored forms written before it existed).
	UpdatedAt time.Time
	// Confirm is set once receipt was confirmed; CancelReason once cancelled or closed. A host
	// that restores an order without knowing who confirmed (status 100) or why it was cancelled
	// (250) uses ConfirmUnknown or CancelUnknown.
	Confirm      ConfirmKind
	CancelReason CancelReason
	// Virtual marks a virtual-goods order (deliver_method 1); see NewParams.Virtual.
	Virtual bool
	// Gift and GroupBuy: see NewParams.
	Gift, GroupBuy bool
	// SettledAt is when the platform settled the order with the merchant, zero before.
	SettledAt    time.Time
	Lines        []LineState
	Freight      decimal.Decimal
	Discount     decimal.Decimal
	Policy       DeadlinePolicy
	Parcels      []Parcel
	Reshipments  []Reshipment
	Negotiations []Negotiation
	// SKUChanges are the buyer's SKU change requests (see SKUChange), one per line at most.
	SKUChanges []SKUChange
}

// LineState is one line's stored form; the fields mean what Line's getters of the same names
// return.
type LineState struct {
	Snapshot          catalog.Snapshot
	Quantity          int
	UnitPrice         decimal.Decimal
	Paid              decimal.Decimal
	Stock             StockType
	PresaleShipWithin time.Duration
	ShipBy            time.Time
	Shipped           int
	OnAfterSale       int
	Refunded          int
	RefundedAmount    decimal.Decimal
	AfterSaleDone     int
	AfterSaleAttempts int
}

// State returns the order's stored form, sharing no memory with the order.
func (o *Order) State() State {
	s := State{
		ID: o.id, Seller: o.seller, Buyer: o.buyer, Status: o.status, CreatedAt: o.createdAt,
		PaidAt: o.paidAt, ShipDoneAt: o.shipDoneAt, EndedAt: o.endedAt, UpdatedAt: o.updatedAt,
		Confirm: o.confirm, CancelReason: o.cancel, Virtual: o.virtual, Gift: o.gift, GroupBuy: o.groupBuy, SettledAt: o.settledAt,
		Lines: make([]LineState, len(o.lines)), Freight: money.Yuan(o.freight), Discount: money.Yuan(o.discount),
		Policy: o.policy, Parcels: cloneParcels(o.parcels), Reshipments: cloneReships(o.reships),
		Negotiations: slices.Clone(o.negotiations), SKUChanges: slices.Clone(o.skuChanges),
	}
	for i := range o.lines {
		l := &o.lines[i]
		s.Lines[i] = LineState{
			Snapshot: l.snap, Quantity: l.quantity, UnitPrice: money.Yuan(l.unit), Paid: money.Yuan(l.paid),
			Stock: l.stock, PresaleShipWithin: l.presale, ShipBy: l.shipBy, Shipped: l.shipped,
			OnAfterSale: l.onAfterSale, Refunded: l.refunded, RefundedAmount: money.Yuan(l.refundedAmount),
			AfterSaleDone: l.afterSaleDone, AfterSaleAttempts: l.afterSaleAttempts,
		}
	}
	return s
}

// Restore rebuilds an order from its stored form. What the commands can never produce, it
// refuses, and it checks with the commands' own rules: New's rules for the lines and amounts,
// Ship's walk for the parcels (one parcel per SKU, unique well-formed tracking numbers, units
// that add up to the shipped counters), Reship's for the re-shipments, the ledger's caps for
// the refunded money, the status table and the time rule (no time after UpdatedAt, none before
// the step it follows). It emits no events. Errors match ErrInvalidOrder or a more specific
// sentinel. The order shares no memory with s.
func Restore(s State) (*Order, error) {
	if err := checkStoredSizes(len(s.Lines), len(s.Parcels), len(s.Reshipments)); err != nil {
		return nil, err
	}
	o := allocOrder(len(s.Lines))
	o.id, o.seller, o.buyer, o.status = s.ID, s.Seller, s.Buyer, s.Status
	o.createdAt, o.paidAt, o.shipDoneAt, o.endedAt, o.updatedAt = s.CreatedAt, s.PaidAt, s.ShipDoneAt, s.EndedAt, s.UpdatedAt
	o.confirm, o.cancel, o.virtual, o.policy = s.Confirm, s.CancelReason, s.Virtual, s.Policy
	o.gift, o.groupBuy, o.settledAt = s.Gift, s.GroupBuy, s.SettledAt
	o.negotiations = slices.Clone(s.Negotiations)
	o.skuChanges = slices.Clone(s.SKUChanges)
	var err error
	if o.freight, err = money.ToFen("freight", s.Freight); err != nil {
		return nil, o.wrap(err)
	}
	if o.discount, err = money.ToFen("discount", s.Discount); err != nil {
		return nil, o.wrap(err)
	}
	for i, ls := range s.Lines {
		l := &o.lines[i]
		*l = Line{snap: ls.Snapshot, quantity: ls.Quantity, stock: ls.Stock, presale: ls.PresaleShipWithin, shipBy: ls.ShipBy,
			shipped: ls.Shipped, onAfterSale: ls.OnAfterSale, refunded: ls.Refunded, afterSaleDone: ls.AfterSaleDone,
			afterSaleAttempts: ls.AfterSaleAttempts}
		if l.unit, err = money.ToFen("unit_price", ls.UnitPrice); err != nil {
			return nil, o.lineErr(i, err)
		}
		if l.paid, err = money.ToFen("paid", ls.Paid); err != nil {
			return nil, o.lineErr(i, err)
		}
		if l.refundedAmount, err = money.ToFen("refunded_amount", ls.RefundedAmount); err != nil {
			return nil, o.lineErr(i, err)
		}
	}
	if err := o.finishRestore(s.Parcels, s.Reshipments); err != nil {
		return nil, err
	}
	return o, nil
}

// checkStoredSizes refuses a stored form of more lines, parcels or re-shipments than an order
// holds, before any work on it.
func checkStoredSizes(lines, parcels, reships int) error {
	switch {
	case lines > MaxLines:
		return &LimitError{What: "lines", Max: MaxLines}
	case parcels > MaxParcels:
		return &LimitError{What: "parcels", Max: MaxParcels}
	case reships > MaxReships:
		return &LimitError{What: "reships", Max: MaxReships}
	}
	return nil
}

// finishRestore checks an order built from a stored form, with what New checks and then what
// the commands keep true (checkState), and stores its parcels and re-shipments.
func (o *Order) finishRestore(parcels []Parcel, reships []Reshipment) error {
	if err := o.checkHeader(); err != nil {
		return err
	}
	if o.updatedAt.IsZero() {
		o.updatedAt = latestTime(o, reships)
	}
	return o.checkState(parcels, reships)
}

// latestTime is the latest time the order and its history carry: what UpdatedAt is when a
// stored form does not say.
func latestTime(o *Order, reships []Reshipment) time.Time {
	t := o.createdAt
	for _, u := range []time.Time{o.paidAt, o.shipDoneAt, o.endedAt, o.settledAt} {
		if u.After(t) {
			t = u
		}
	}
	for _, r := range reships {
		if r.At.After(t) {
			t = r.At
		}
	}
	for _, n := range o.negotiations {
		if n.At.After(t) {
			t = n.At
		}
	}
	return t
}
