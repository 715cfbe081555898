package wxapi

import (
	"time"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/order"
)

// EventKind is the kind of a push, named by the platform's Event string.
type EventKind uint8

// Event kinds. The zero value is not a valid kind.
const (
	EventOrderPlaced      EventKind = iota + 1 // channels_ec_order_new 订单下单
	EventOrderPaid                             // channels_ec_order_pay 订单支付成功
	EventOrderShipped                          // channels_ec_order_deliver 订单发货
	EventOrderCancelled                        // channels_ec_order_cancel 订单取消
	EventOrderConfirmed                        // channels_ec_order_confirm 订单确认收货
	EventAfterSaleUpdated                      // channels_ec_aftersale_update 售后单更新
)

var eventKinds = enum.New("wxapi.EventKind",
	enum.Spec[EventKind]{Value: EventOrderPlaced, Name: "channels_ec_order_new", Label: "订单下单"},
	enum.Spec[EventKind]{Value: EventOrderPaid, Name: "channels_ec_order_pay", Label: "订单支付成功"},
	enum.Spec[EventKind]{Value: EventOrderShipped, Name: "channels_ec_order_deliver", Label: "订单发货"},
	enum.Spec[EventKind]{Value: EventOrderCancelled, Name: "channels_ec_order_cancel", Label: "订单取消"},
	enum.Spec[EventKind]{Value: EventOrderConfirmed, Name: "channels_ec_order_confirm", Label: "订单确认收货"},
	enum.Spec[EventKind]{Value: EventAfterSaleUpdated, Name: "channels_ec_aftersale_update", Label: "售后单状态更新"},
)

// EventKinds returns every kind DecodeEvent understands.
func EventKinds() []EventKind { return eventKinds.Values() }

// String returns the platform's Event name ("channels_ec_order_pay").
func (k EventKind) String() string { return eventKinds.Name(k) }

// Label returns the Chinese name (订单支付成功).
func (k EventKind) Label() string { return eventKinds.Label(k) }

// IsValid reports whether k is a known kind.
func (k EventKind) IsValid() bool { return eventKinds.Valid(k) }

// MarshalText renders the platform's Event name.
func (k EventKind) MarshalText() ([]byte, error) { return eventKinds.MarshalText(k) }

// UnmarshalText parses a platform Event name and leaves k unchanged on error.
func (k *EventKind) UnmarshalText(b []byte) error { return eventKinds.UnmarshalText(k, b) }

// SubjectKind says whether an event is about an order or an after-sale order.
type SubjectKind uint8

// Subject kinds.
const (
	SubjectOrder     SubjectKind = 1 // 订单
	SubjectAfterSale SubjectKind = 2 // 售后单
)

// Subject is what an event is about: events about the same subject are ordered and
// de-duplicated together (see Dedupe). It is comparable and can be a map key.
type Subject struct {
	Kind SubjectKind
	ID   string // order_id or after_sale_order_id
}

// String renders "order 3725020335455738368" or "after-sale 1234".
func (s Subject) String() string {
	if s.Kind == SubjectAfterSale {
		return "after-sale " + s.ID
	}
	return "order " + s.ID
}

// Event is one decoded push. The concrete types are OrderPlaced, OrderPaid, OrderShipped,
// OrderCancelled, OrderConfirmed and AfterSaleUpdated; a host switches on the type. The set is
// closed: only this package implements Event.
type Event interface {
	// Kind is the push's Event name.
	Kind() EventKind
	// Subject is the order or after-sale order the push is about.
	Subject() Subject
	// Time is when the platform created the push (CreateTime): retries keep it, so it orders
	// events and tells a retry from a new event.
	Time() time.Time
	// identity is what tells a retry from a new event, and a newer event from an older one.
	identity() identity
}

// identity is an event's fingerprint for Dedupe. Two pushes with equal identities are the same
// event. rank orders events created in the same second: it is the status the event moves its
// subject to, so a later step of the lifecycle ranks higher.
type identity struct {
	kind   EventKind
	at     int64
	rank   int
	detail string
}

// OrderPlaced is channels_ec_order_new: the buyer placed the order (status 10).
type OrderPlaced struct {
	OrderID string    `json:"order_id"`
	At      time.Time `json:"at"` // CreateTime
}

// OrderPaid is channels_ec_order_pay: the buyer paid (status 10 → 20).
type OrderPaid struct {
	OrderID string    `json:"order_id"`
	At      time.Time `json:"at"`               // CreateTime
	PaidAt  time.Time `json:"paid_at,omitzero"` // pay_time; zero when the push does not carry it
}

// OrderShipped is channels_ec_order_deliver: parcels were sent. The push does not say which;
// fetch order/get and decode it to learn the parcels.
type OrderShipped struct {
	OrderID string    `json:"order_id"`
	At      time.Time `json:"at"` // CreateTime
	// Complete is finish_delivery = 1: every item has shipped (status → 30). False means a
	// partial shipment (status → 21).
	Complete bool `json:"complete"`
}

// OrderCancelled is channels_ec_order_cancel. Reason is the platform's cancel_type:
// order.CancelByBuyer (1), order.CancelTimeout (2) or order.CancelAfterSale (3: every item
// went through after-sale; status → 200).
type OrderCancelled struct {
	OrderID string             `json:"order_id"`
	At      time.Time          `json:"at"` // CreateTime
	Reason  order.CancelReason `json:"reason"`
}

// OrderConfirmed is channels_ec_order_confirm: receipt was confirmed (status 30 → 100).
type OrderConfirmed struct {
	OrderID string    `json:"order_id"`
	At      time.Time `json:"at"` // CreateTime
	// ConfirmType is the platform's confirm_type as sent. Its values are undocumented, so it is
	// kept as a number and not interpreted.
	ConfirmType int `json:"confirm_type"`
}

// Kind implements Event.
func (OrderPlaced) Kind() EventKind { return EventOrderPlaced }

// Kind implements Event.
func (OrderPaid) Kind() EventKind { return EventOrderPaid }

// Kind implements Event.
func (OrderShipped) Kind() EventKind { return EventOrderShipped }

// Kind implements Event.
func (OrderCancelled) Kind() EventKind { return EventOrderCancelled }

// Kind implements Event.
func (OrderConfirmed) Kind() EventKind { return EventOrderConfirmed }

// Subject implements Event.
func (e OrderPlaced) Subject() Subject { return Subject{SubjectOrder, e.OrderID} }

// Subject implements Event.
func (e OrderPaid) Subject() Subject { return Subject{SubjectOrder, e.OrderID} }

// Subject implements Event.
func (e OrderShipped) Subject() Subject { return Subject{SubjectOrder, e.OrderID} }

// Subject implements Event.
func (e OrderCancelled) Subject() Subject { return Subject{SubjectOrder, e.OrderID} }

// Subject implements Event.
func (e OrderConfirmed) Subject() Subject { return Subject{SubjectOrder, e.OrderID} }

// Time implements Event.
func (e OrderPlaced) Time() time.Time { return e.At }

// Time implements Event.
func (e OrderPaid) Time() time.Time { return e.At }

// Time implements Event.
func (e OrderShipped) Time() time.Time { return e.At }

// Time implements Event.
func (e OrderCancelled) Time() time.Time { return e.At }

// Time implements Event.
func (e OrderConfirmed) Time() time.Time { return e.At }

func (e OrderPlaced) identity() identity {
	return identity{kind: EventOrderPlaced, at: e.At.Unix(), rank: int(order.StatusPendingPayment)}
}

func (e OrderPaid) identity() identity {
	return identity{kind: EventOrderPaid, at: e.At.Unix(), rank: int(order.StatusPendingShipment)}
}

func (e OrderShipped) identity() identity {
	if e.Complete {
		return identity{kind: EventOrderShipped, at: e.At.Unix(), rank: int(order.StatusShipped), detail: "complete"}
	}
	return identity{kind: EventOrderShipped, at: e.At.Unix(), rank: int(order.StatusPartiallyShipped), detail: "partial"}
}

func (e OrderCancelled) identity() identity {
	rank := order.StatusCancelled
	if e.Reason == order.CancelAfterSale {
		rank = order.StatusClosedByAfterSale
	}
	return identity{kind: EventOrderCancelled, at: e.At.Unix(), rank: int(rank), detail: e.Reason.String()}
}

func (e OrderConfirmed) identity() identity {
	return identity{kind: EventOrderConfirmed, at: e.At.Unix(), rank: int(order.StatusCompleted)}
}
