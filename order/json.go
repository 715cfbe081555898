package order

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/shop"
)

// The stored form's JSON is read and written in one pass of encoding/json: stateJSON and the
// types below are plain mirrors, money is money.Fen (whole fen, written "10.10") and a
// snapshot is catalog.SnapshotJSON, so no level calls json.Marshal or json.Unmarshal on the
// level below it. An *Order unmarshals straight into its fen fields, and a State reads and
// writes through the same mirror; an *Order writes through stateOut (json_write.go), whose
// fields are all text already.

type stateJSON struct {
	ID           string          `json:"id"`
	Seller       shop.SellerKind `json:"seller"`
	Buyer        string          `json:"buyer"`
	Status       Status          `json:"status"`
	CreatedAt    time.Time       `json:"created_at"`
	PaidAt       time.Time       `json:"paid_at,omitzero"`
	ShipDoneAt   time.Time       `json:"ship_done_at,omitzero"`
	EndedAt      time.Time       `json:"ended_at,omitzero"`
	UpdatedAt    time.Time       `json:"updated_at,omitzero"`
	Confirm      ConfirmKind     `json:"confirm,omitzero"`
	CancelReason CancelReason    `json:"cancel_reason,omitzero"`
	Virtual      bool            `json:"virtual,omitzero"`
	Gift         bool            `json:"gift,omitzero"`
	GroupBuy     bool            `json:"group_buy,omitzero"`
	SettledAt    time.Time       `json:"settled_at,omitzero"`
	Lines        []lineJSON      `json:"lines"`
	Freight      money.Fen       `json:"freight"`
	Discount     money.Fen       `json:"discount"`
	Policy       policyJSON      `json:"policy"`
	Parcels      []Parcel        `json:"parcels,omitempty"`
	Reshipments  []Reshipment    `json:"reshipments,omitempty"`
	Negotiations []Negotiation   `json:"negotiations,omitempty"`
	SKUChanges   []SKUChange     `json:"sku_changes,omitempty"`
}

type lineJSON struct {
	Snapshot          catalog.SnapshotJSON `json:"snapshot"`
	Quantity          int                  `json:"quantity"`
	UnitPrice         money.Fen            `json:"unit_price"`
	Paid              money.Fen            `json:"paid"`
	Stock             StockType            `json:"stock"`
	PresaleShipWithin durationJSON         `json:"presale_ship_within,omitzero"`
	ShipBy            time.Time            `json:"ship_by,omitzero"`
	Shipped           int                  `json:"shipped"`
	OnAfterSale       int                  `json:"on_after_sale"`
	Refunded          int                  `json:"refunded"`
	RefundedAmount    money.Fen            `json:"refunded_amount,omitzero"`
	AfterSaleDone     int                  `json:"after_sale_done,omitzero"`
	AfterSaleAttempts int                  `json:"after_sale_attempts"`
}

type policyJSON struct {
	InStock         durationJSON `json:"in_stock"`
	PresaleMin      durationJSON `json:"presale_min"`
	PresaleMax      durationJSON `json:"presale_max"`
	MaxNegotiations int          `json:"max_negotiations"`
	NegotiationLead durationJSON `json:"negotiation_lead"`
}

// UnmarshalJSON reads a stored form and restores it with every check of Restore, straight
// into the order; on error the order is left unchanged. RestoreJSON does the same and reads
// the input fewer times.
func (o *Order) UnmarshalJSON(b []byte) error {
	r, err := RestoreJSON(b)
	if err != nil {
		return err
	}
	*o = *r
	return nil
}

// RestoreJSON restores an order from its stored JSON (what MarshalJSON or json.Marshal wrote),
// with every check of Restore. It is json.Unmarshal into an *Order without encoding/json's two
// passes over the input before UnmarshalJSON is called: on a host's push path, where every push
// reads a stored order, that is about half the time of reading it.
func RestoreJSON(data []byte) (*Order, error) {
	j := mirrors.Get().(*stateJSON)
	defer j.release()
	if err := strict.Decode(data, j); err != nil {
		return nil, err
	}
	return j.restore()
}

// mirrors keeps read mirrors between calls of RestoreJSON, with room for their lines:
// encoding/json grows a slice one element at a time (doubling), so a fresh mirror of n lines
// cost about 2n lines' worth of allocation and copying, on every push.
var mirrors = sync.Pool{New: func() any { return new(stateJSON) }}

// maxPooledLines bounds the room a pooled mirror keeps: an order far larger than usual does not
// pin its mirror's memory.
const maxPooledLines = 256

// release empties j and puts it back in mirrors. Everything j read now belongs to an order
// (strings, parcels, snapshots' attributes) or is garbage; emptying every field, and every line
// of the room kept, makes sure the next decode writes into zero values and reaches none of it.
func (j *stateJSON) release() {
	lines := j.Lines[:cap(j.Lines)]
	if len(lines) > maxPooledLines {
		lines = nil
	}
	clear(lines)
	*j = stateJSON{Lines: lines[:0]}
	mirrors.Put(j)
}

// restore builds the order the mirror describes, with Restore's checks.
func (j *stateJSON) restore() (*Order, error) {
	if err := checkStoredSizes(len(j.Lines), len(j.Parcels), len(j.Reshipments)); err != nil {
		return nil, err
	}
	o := allocOrder(len(j.Lines))
	o.id, o.seller, o.buyer, o.status = j.ID, j.Seller, j.Buyer, j.Status
	o.createdAt, o.paidAt, o.shipDoneAt, o.endedAt, o.updatedAt = j.CreatedAt, j.PaidAt, j.ShipDoneAt, j.EndedAt, j.UpdatedAt
	o.confirm, o.cancel, o.virtual, o.policy = j.Confirm, j.CancelReason, j.Virtual, j.Policy.policy()
	o.gift, o.groupBuy, o.settledAt = j.Gift, j.GroupBuy, j.SettledAt
	o.freight, o.discount, o.negotiations, o.skuChanges = int64(j.Freight), int64(j.Discount), j.Negotiations, j.SKUChanges
	for i := range j.Lines {
		lj := &j.Lines[i]
		snap, err := lj.Snapshot.Snapshot()
		if err != nil {
			return nil, o.wrap(err)
		}
		o.lines[i] = Line{snap: snap, quantity: lj.Quantity, unit: int64(lj.UnitPrice), paid: int64(lj.Paid),
			stock: lj.Stock, presale: time.Duration(lj.PresaleShipWithin), shipBy: lj.ShipBy, shipped: lj.Shipped,
			onAfterSale: lj.OnAfterSale, refunded: lj.Refunded, refundedAmount: int64(lj.RefundedAmount),
			afterSaleDone: lj.AfterSaleDone, afterSaleAttempts: lj.AfterSaleAttempts}
	}
	if err := o.finishRestore(j.Parcels, j.Reshipments); err != nil {
		return nil, err
	}
	return o, nil
}

// MarshalJSON renders the stored form: snake_case keys, money as strings with two decimals
// ("10.10"), enums by name, times in RFC 3339, durations as Go duration strings ("48h0m0s").
// An amount the money rules refuse (more than two decimals, negative) is an error, never
// rounded.
func (s State) MarshalJSON() ([]byte, error) {
	j := stateJSON{
		ID: s.ID, Seller: s.Seller, Buyer: s.Buyer, Status: s.Status, CreatedAt: s.CreatedAt,
		PaidAt: s.PaidAt, ShipDoneAt: s.ShipDoneAt, EndedAt: s.EndedAt, UpdatedAt: s.UpdatedAt,
		Confirm: s.Confirm, CancelReason: s.CancelReason, Virtual: s.Virtual, Gift: s.Gift, GroupBuy: s.GroupBuy, SettledAt: s.SettledAt,
		Lines: make([]lineJSON, len(s.Lines)), Policy: s.Policy.json(),
		Parcels: s.Parcels, Reshipments: s.Reshipments, Negotiations: s.Negotiations, SKUChanges: s.SKUChanges,
	}
	var err error
	if j.Freight, err = money.FenOf("freight", s.Freight); err != nil {
		return nil, err
	}
	if j.Discount, err = money.FenOf("discount", s.Discount); err != nil {
		return nil, err
	}
	for i := range s.Lines {
		ls := &s.Lines[i]
		lj := lineJSON{Snapshot: ls.Snapshot.JSON(), Quantity: ls.Quantity, Stock: ls.Stock,
			PresaleShipWithin: durationJSON(ls.PresaleShipWithin), ShipBy: ls.ShipBy, Shipped: ls.Shipped,
			OnAfterSale: ls.OnAfterSale, Refunded: ls.Refunded, AfterSaleDone: ls.AfterSaleDone,
			AfterSaleAttempts: ls.AfterSaleAttempts}
		if lj.UnitPrice, err = money.FenOf("unit_price", ls.UnitPrice); err != nil {
			return nil, err
		}
		if lj.Paid, err = money.FenOf("paid", ls.Paid); err != nil {
			return nil, err
		}
		if lj.RefundedAmount, err = money.FenOf("refunded_amount", ls.RefundedAmount); err != nil {
			return nil, err
		}
		j.Lines[i] = lj
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, and stored forms of earlier versions (a
// snapshot's catalog_version is read and ignored). Unknown fields are refused: a stored order
// is the host's own data, and a misspelt field would otherwise be dropped without a word, as
// policy JSON refuses them too. It checks amounts and enum names; Restore checks the rest. On
// error s is left unchanged.
func (s *State) UnmarshalJSON(b []byte) error {
	var j stateJSON
	if err := strict.Decode(b, &j); err != nil {
		return err
	}
	out := State{
		ID: j.ID, Seller: j.Seller, Buyer: j.Buyer, Status: j.Status, CreatedAt: j.CreatedAt,
		PaidAt: j.PaidAt, ShipDoneAt: j.ShipDoneAt, EndedAt: j.EndedAt, UpdatedAt: j.UpdatedAt,
		Confirm: j.Confirm, CancelReason: j.CancelReason, Virtual: j.Virtual, Gift: j.Gift, GroupBuy: j.GroupBuy, SettledAt: j.SettledAt,
		Lines: make([]LineState, len(j.Lines)), Freight: j.Freight.Decimal(), Discount: j.Discount.Decimal(),
		Policy: j.Policy.policy(), Parcels: j.Parcels, Reshipments: j.Reshipments, Negotiations: j.Negotiations,
		SKUChanges: j.SKUChanges,
	}
	for i := range j.Lines {
		lj := &j.Lines[i]
		snap, err := lj.Snapshot.Snapshot()
		if err != nil {
			return err
		}
		out.Lines[i] = LineState{Snapshot: snap, Quantity: lj.Quantity, UnitPrice: lj.UnitPrice.Decimal(),
			Paid: lj.Paid.Decimal(), Stock: lj.Stock, PresaleShipWithin: time.Duration(lj.PresaleShipWithin),
			ShipBy: lj.ShipBy, Shipped: lj.Shipped, OnAfterSale: lj.OnAfterSale, Refunded: lj.Refunded,
			RefundedAmount: lj.RefundedAmount.Decimal(), AfterSaleDone: lj.AfterSaleDone, AfterSaleAttempts: lj.AfterSaleAttempts}
	}
	*s = out
	return nil
}

func (p DeadlinePolicy) json() policyJSON {
	return policyJSON{durationJSON(p.InStock), durationJSON(p.PresaleMin), durationJSON(p.PresaleMax),
		p.MaxNegotiations, durationJSON(p.NegotiationLead)}
}

func (j policyJSON) policy() DeadlinePolicy {
	return DeadlinePolicy{time.Duration(j.InStock), time.Duration(j.PresaleMin), time.Duration(j.PresaleMax),
		j.MaxNegotiations, time.Duration(j.NegotiationLead)}
}

// MarshalJSON renders durations as Go duration strings ("48h0m0s").
func (p DeadlinePolicy) MarshalJSON() ([]byte, error) { return json.Marshal(p.json()) }

// UnmarshalJSON decodes what MarshalJSON renders; unknown fields are refused.
func (p *DeadlinePolicy) UnmarshalJSON(b []byte) error {
	var j policyJSON
	if err := strict.Decode(b, &j); err != nil {
		return err
	}
	*p = j.policy()
	return nil
}

// durationJSON is a time.Duration in JSON as a Go duration string.
type durationJSON time.Duration

// MarshalText renders the duration as time.Duration.String does.
func (d durationJSON) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText parses a duration string of at most 32 bytes.
func (d *durationJSON) UnmarshalText(b []byte) error {
	if len(b) > 32 {
		return errors.New("order: a duration longer than 32 characters")
	}
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = durationJSON(v)
	return nil
}
