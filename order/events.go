package order

import (
	"time"

	"github.com/shopspring/decimal"
)

// Event is a fact an accepted command caused, returned as a value for the host to persist or
// publish. The library never dispatches events. The set is closed: Paid, AwaitingShipment,
// Cancelled, Shipped, Reshipped, ShipByExtended, Completed, Settled, AfterSaleHeld,
// AfterSaleReleased.
type Event interface {
	// EventName is a stable snake_case name ("order_paid").
	EventName() string
	isEvent()
}

// Paid: the buyer paid (10 → 20). ShipBy is the earliest line deadline. Like the platform's
// channels_ec_order_pay event it carries no amount: payment does not change it, and
// Order.Total() has it.
type Paid struct {
	OrderID string `json:"order_id"`
	// To is the status the payment led to: 20, or 12 for a gift and 13 for a group buy, whose
	// ShipBy is zero until they await shipment.
	To     Status    `json:"to"`
	ShipBy time.Time `json:"ship_by,omitzero"`
	At     time.Time `json:"at"`
}

// AwaitingShipment: a gift was accepted or a group buy's group formed (12 or 13 → 20). ShipBy
// is the earliest line deadline, which runs from At.
type AwaitingShipment struct {
	OrderID string    `json:"order_id"`
	From    Status    `json:"from"`
	ShipBy  time.Time `json:"ship_by,omitzero"`
	At      time.Time `json:"at"`
}

// Cancelled: the order was cancelled (→ 250, 190 or 200), with the reason.
type Cancelled struct {
	OrderID string       `json:"order_id"`
	Reason  CancelReason `json:"reason"`
	From    Status       `json:"from"`
	To      Status       `json:"to"`
	At      time.Time    `json:"at"`
}

// Shipped: a parcel left (20/21 → 21 or 30). Finished is the platform's finish_delivery:
// nothing is left to ship.
type Shipped struct {
	OrderID  string    `json:"order_id"`
	Parcel   Parcel    `json:"parcel"`
	Finished bool      `json:"finished,omitzero"`
	From     Status    `json:"from"`
	To       Status    `json:"to"`
	At       time.Time `json:"at"`
}

// Reshipped: a re-shipment (补发) left; the status does not change. Count is the number of
// re-shipments on the order, this one included.
type Reshipped struct {
	OrderID string       `json:"order_id"`
	Reason  ReshipReason `json:"reason"`
	Parcel  Parcel       `json:"parcel"`
	Count   int          `json:"count"`
	At      time.Time    `json:"at"`
}

// ShipByExtended: a delivery negotiation moved the ship-by deadline from From to To. Count is
// the number of negotiations on the order, this one included.
type ShipByExtended struct {
	OrderID string            `json:"order_id"`
	Reason  NegotiationReason `json:"reason"`
	From    time.Time         `json:"from"`
	To      time.Time         `json:"to"`
	Count   int               `json:"count"`
	At      time.Time         `json:"at"`
}

// Completed: receipt was confirmed (30 → 100), by the buyer or on timeout.
type Completed struct {
	OrderID string      `json:"order_id"`
	Kind    ConfirmKind `json:"kind"`
	At      time.Time   `json:"at"`
}

// AfterSaleHeld: units were put on hold for an after-sale case (on_aftersale_sku_cnt grew).
type AfterSaleHeld struct {
	OrderID string    `json:"order_id"`
	Items   []Item    `json:"items"`
	At      time.Time `json:"at"`
}

// AfterSaleReleased: units left after-sale. Refunded says they were refunded, and Amount is
// the money RefundAfterSale recorded for them; Done says an exchange or re-send delivered them
// (CompleteAfterSale); neither means the case ended without either (ReleaseAfterSale) and the
// units are eligible again. When the release refunded the last units that were
// still to ship of a partially shipped order, the order is now fully shipped: From is 21, To is
// 30 and Finished is true.
type AfterSaleReleased struct {
	OrderID  string          `json:"order_id"`
	Items    []Item          `json:"items"`
	Refunded bool            `json:"refunded,omitzero"`
	Amount   decimal.Decimal `json:"amount,omitzero"`
	Done     bool            `json:"done,omitzero"`
	Finished bool            `json:"finished,omitzero"`
	From     Status          `json:"from"`
	To       Status          `json:"to"`
	At       time.Time       `json:"at"`
}

// Settled: the platform settled the completed order with the merchant (结算).
type Settled struct {
	OrderID string    `json:"order_id"`
	At      time.Time `json:"at"`
}

// EventName implements Event.
func (Paid) EventName() string { return "order_paid" }

// EventName implements Event.
func (Settled) EventName() string { return "order_settled" }

// EventName implements Event.
func (AwaitingShipment) EventName() string { return "order_awaiting_shipment" }

// EventName implements Event.
func (Cancelled) EventName() string { return "order_cancelled" }

// EventName implements Event.
func (Shipped) EventName() string { return "order_shipped" }

// EventName implements Event.
func (Reshipped) EventName() string { return "order_reshipped" }

// EventName implements Event.
func (ShipByExtended) EventName() string { return "order_ship_by_extended" }

// EventName implements Event.
func (Completed) EventName() string { return "order_completed" }

// EventName implements Event.
func (AfterSaleHeld) EventName() string { return "order_after_sale_held" }

// EventName implements Event.
func (AfterSaleReleased) EventName() string { return "order_after_sale_released" }

func (Paid) isEvent()              {}
func (AwaitingShipment) isEvent()  {}
func (Settled) isEvent()           {}
func (Cancelled) isEvent()         {}
func (Shipped) isEvent()           {}
func (Reshipped) isEvent()         {}
func (ShipByExtended) isEvent()    {}
func (Completed) isEvent()         {}
func (AfterSaleHeld) isEvent()     {}
func (AfterSaleReleased) isEvent() {}
