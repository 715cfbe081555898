package wxapi

import (
	"time"

	"github.com/wxshop-go/wxshop/order"
)

// The order pushes (body "order_info"; REFERENCE §5 and the platform's order_callback pages).
// Each Header's Subject is the order.

// OrderPlaced is channels_ec_order_new: the buyer placed the order (status 10).
type OrderPlaced struct {
	Header
}

// OrderPaid is channels_ec_order_pay: the buyer paid.
type OrderPaid struct {
	Header
	// PaidAt is pay_time; zero when the push does not carry it.
	PaidAt time.Time `json:"paid_at,omitzero"`
}

// OrderWaiting is channels_ec_order_wait_shipping: the order awaits shipment (20), which for a
// gift means its recipient accepted it and for a group buy that its group formed.
type OrderWaiting struct {
	Header
}

// OrderShipped is channels_ec_order_deliver: parcels were sent. The push does not say which:
// order/get says (ReconcileOrder).
type OrderShipped struct {
	Header
	// Complete is finish_delivery 1: every item has shipped (status → 30). False is a partial
	// shipment (→ 21).
	Complete bool `json:"complete"`
}

// OrderConfirmed is channels_ec_order_confirm: receipt was confirmed (30 → 100), by the buyer
// (confirm_type 1) or on timeout (2).
type OrderConfirmed struct {
	Header
	Confirm order.ConfirmKind `json:"confirm"`
}

// OrderCancelled is channels_ec_order_cancel, with the platform's cancel_type: 1 the buyer, 2
// an unpaid timeout, 3 every item went through after-sale (→ 200), 4 the merchant cancelled
// an oversold order.
type OrderCancelled struct {
	Header
	Reason order.CancelReason `json:"reason"`
}

// OrderSettled is channels_ec_order_settle: the platform settled the order with the merchant.
type OrderSettled struct {
	Header
	// SettledAt is settle_time; zero when the push does not carry it.
	SettledAt time.Time `json:"settled_at,omitzero"`
}

// OrderInfoUpdated is channels_ec_order_ext_info_update: something besides the status changed
// (an address, a note, a SKU change request, a delivery negotiation's answer, ...). Change
// says what; order/get has the new values.
type OrderInfoUpdated struct {
	Header
	Change OrderChange `json:"change"`
}
