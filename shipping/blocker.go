package shipping

import (
	"encoding/json"
	"time"

	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/order"
)

// Blocker is one reason the shipment would be refused: its rule (order.Rule, with a stable
// name in JSON), what it concerns (a parcel, a SKU, an after-sale case), the platform error
// code it corresponds to, a message in Chinese and in English that names the values involved,
// and what the merchant should do.
//
// A Blocker is a value. It is also an error that matches its rule (errors.Is(b,
// order.RuleSKUSplit)) and that errors.As finds inside Report.Err.
type Blocker struct {
	Code order.Rule `json:"code"`
	// PlatformCode is the delivery API's errcode for this refusal, or 0 when the platform has
	// none (see order.Rule.PlatformCode).
	PlatformCode int `json:"platform_code,omitempty"`
	// Parcel is the parcel concerned, counted from 1 as a merchant counts them, or 0 when the
	// blocker is not about one parcel.
	Parcel int `json:"parcel,omitempty"`
	// ProductID and SKU name the SKU concerned, if any.
	ProductID string `json:"product_id,omitempty"`
	SKU       string `json:"sku_id,omitempty"`
	// CaseID names the after-sale case concerned, if any.
	CaseID string `json:"aftersale_id,omitempty"`
	// Want and Got are the numbers a quantity rule compared (units allowed and units asked
	// for, units ordered and units shipped), when it is one.
	Want int `json:"want,omitempty"`
	Got  int `json:"got,omitempty"`
	// Message and MessageEN say what is wrong, with the values involved.
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
	// Action and ActionEN say what the merchant should do (the rule's advice).
	Action   string `json:"action"`
	ActionEN string `json:"action_en"`
}

// Error implements error with the English message, prefixed by the rule.
func (b Blocker) Error() string { return "shipping: " + b.Code.String() + ": " + b.MessageEN }

// Unwrap returns the rule, so errors.Is(b, order.RuleSKUSplit) works.
func (b Blocker) Unwrap() error { return b.Code }

// newBlocker fills in what follows from the rule.
func newBlocker(r order.Rule, zh, en string) Blocker {
	return Blocker{Code: r, PlatformCode: r.PlatformCode(), Message: zh, MessageEN: en, Action: r.Action(), ActionEN: r.ActionEN()}
}

// ruleBlocker is the blocker of one of the order's shipment problems: the order decides and
// words it; this is only where it goes in the report.
func ruleBlocker(e *order.ShipmentError) Blocker {
	b := newBlocker(e.Rule, e.Message(), e.MessageEN())
	b.Parcel, b.ProductID, b.SKU, b.Want, b.Got = e.Parcel+1, e.ProductID, e.SKUID, e.Want, e.Got
	return b
}

// Warning is something the merchant should know that does not block the shipment. The only
// warning today is order.RuleLateShipment.
type Warning struct {
	Code order.Rule
	// Deadline is the order's binding ship-by deadline (order.ShipBy: the earliest deadline of
	// the lines still to ship); Late is how long before the attempt it passed.
	Deadline time.Time
	Late     time.Duration
	// Message, MessageEN, Action and ActionEN are as in Blocker.
	Message   string
	MessageEN string
	Action    string
	ActionEN  string
}

// warningJSON is Warning's wire form: the delay in whole seconds and as text.
type warningJSON struct {
	Code        order.Rule `json:"code"`
	Deadline    time.Time  `json:"deadline"`
	LateSeconds int64      `json:"late_seconds"`
	Late        string     `json:"late"`
	Message     string     `json:"message"`
	MessageEN   string     `json:"message_en"`
	Action      string     `json:"action"`
	ActionEN    string     `json:"action_en"`
}

// MarshalJSON renders the delay as late_seconds and as text ("26h0m0s").
func (w Warning) MarshalJSON() ([]byte, error) {
	return json.Marshal(warningJSON{
		Code: w.Code, Deadline: w.Deadline,
		LateSeconds: int64(w.Late / time.Second), Late: w.Late.String(),
		Message: w.Message, MessageEN: w.MessageEN, Action: w.Action, ActionEN: w.ActionEN,
	})
}

// UnmarshalJSON reads what MarshalJSON writes, the delay exact (see Report.UnmarshalJSON); an
// unknown rule or field is an error and leaves w as it was.
func (w *Warning) UnmarshalJSON(data []byte) error {
	var v warningJSON
	if err := strict.Decode(data, &v); err != nil {
		return err
	}
	out, err := v.warning()
	if err != nil {
		return err
	}
	*w = out
	return nil
}
