package aftersale

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// Event is the fact an accepted command caused, returned for the host to persist or publish;
// the library never dispatches it. Action names the fact; From and To are the case's status
// before and after (From is zero for ActionOpen, and equal to To for a command that keeps the
// status, such as confirming receipt or verifying a dispute's cause). The other fields are set
// by the actions they concern and zero otherwise, and left out of its JSON. An Event is a
// value: it shares nothing with the case.
type Event struct {
	Action  Action    `json:"action"`
	CaseID  string    `json:"case_id"`
	OrderID string    `json:"order_id"`
	Kind    Kind      `json:"kind"`
	From    Status    `json:"from,omitzero"`
	To      Status    `json:"to"`
	At      time.Time `json:"at"`

	// Items: ActionOpen, the units the case holds (a copy).
	Items []order.Item `json:"items,omitempty"`
	// Reason: ActionOpen, the buyer's reason.
	Reason Reason `json:"reason,omitzero"`
	// Rejection: ActionReject, the merchant's reason.
	Rejection string `json:"rejection,omitempty"`
	// Waybill: ActionReturnGoods and ActionSendGoods.
	Waybill Waybill `json:"waybill,omitzero"`
	// Refund: ActionRefund and ActionDecide, the amount refunded to the buyer.
	Refund decimal.Decimal `json:"refund,omitzero"`
	// Payout: ActionDecide, the compensation paid on top of the refund (zero when the
	// merchant is not liable).
	Payout decimal.Decimal `json:"payout,omitzero"`
	// Cause: ActionVerify and ActionDecide, the cause the platform verified.
	Cause compensation.Cause `json:"cause,omitzero"`
	// Order is the order's own event when the command changed the order too: an
	// order.AfterSaleHeld when the case opened, an order.AfterSaleReleased when it ended (its
	// Refunded says whether the units now count as refunded). Nil otherwise.
	Order order.Event `json:"order,omitempty"`
	// OrderClosable: after this command every unit of the order is refunded, so the host may
	// close it (order status 200, see CanCloseOrder).
	OrderClosable bool `json:"order_closable,omitzero"`
}
