package aftersale

import "github.com/wxshop-go/wxshop/internal/enum"

// Action is what happens to a case: the input of the transition tables and the name of every
// Event. Each command picks its action; the case's kind and status decide whether it is
// accepted. The values are wxshop's own; the platform has no codes for them. The zero value is
// not an action.
type Action uint8

// Actions, by who takes them.
const (
	ActionOpen           Action = iota + 1 // buyer: asks for an after-sale (发起售后); starts a case
	ActionAccept                           // merchant: agrees to take the goods back (同意退货)
	ActionReject                           // merchant: refuses, with a reason (拒绝)
	ActionReturnGoods                      // buyer: sends the goods back with a waybill (买家寄回)
	ActionConfirmReceipt                   // merchant: confirms the returned goods arrived (确认收货)
	ActionRefund                           // merchant: refunds the buyer (退款)
	ActionCancel                           // buyer: withdraws the request (撤销申请)
	ActionSendGoods                        // merchant: sends exchange or missing goods with a waybill (发出换货/补寄)
	ActionReceiveGoods                     // buyer: confirms the exchange or missing goods arrived (确认收货)
	ActionIntervene                        // platform: steps in, opening a dispute (平台介入)
	ActionVerify                           // platform: records the verified cause (核实原因); dispute only
	ActionDecide                           // platform: rules and refunds (平台裁决)
	ActionExpire                           // clock: the escalation window lapsed (维权期满)
	numActions
)

var actions = enum.New("aftersale.Action",
	enum.Spec[Action]{Value: ActionOpen, Name: "open", Label: "发起售后"},
	enum.Spec[Action]{Value: ActionAccept, Name: "accept", Label: "商家同意"},
	enum.Spec[Action]{Value: ActionReject, Name: "reject", Label: "商家拒绝"},
	enum.Spec[Action]{Value: ActionReturnGoods, Name: "return_goods", Label: "买家寄回"},
	enum.Spec[Action]{Value: ActionConfirmReceipt, Name: "confirm_receipt", Label: "商家确认收货"},
	enum.Spec[Action]{Value: ActionRefund, Name: "refund", Label: "商家退款"},
	enum.Spec[Action]{Value: ActionCancel, Name: "cancel", Label: "买家撤销"},
	enum.Spec[Action]{Value: ActionSendGoods, Name: "send_goods", Label: "商家发货"},
	enum.Spec[Action]{Value: ActionReceiveGoods, Name: "receive_goods", Label: "买家确认收货"},
	enum.Spec[Action]{Value: ActionIntervene, Name: "intervene", Label: "平台介入"},
	enum.Spec[Action]{Value: ActionVerify, Name: "verify", Label: "平台核实"},
	enum.Spec[Action]{Value: ActionDecide, Name: "decide", Label: "平台裁决"},
	enum.Spec[Action]{Value: ActionExpire, Name: "expire", Label: "介入期满"},
)

// Actions returns every action in value order.
func Actions() []Action { return actions.Values() }

// String returns the stable English name ("return_goods").
func (a Action) String() string { return actions.Name(a) }

// Label returns the Chinese term (买家寄回).
func (a Action) Label() string { return actions.Label(a) }

// IsValid reports whether a is a known action.
func (a Action) IsValid() bool { return a > 0 && a < numActions }

// MarshalText renders the stable name; an unknown action is an error.
func (a Action) MarshalText() ([]byte, error) { return actions.MarshalText(a) }

// UnmarshalText parses a stable name and leaves a unchanged on error.
func (a *Action) UnmarshalText(text []byte) error { return actions.UnmarshalText(a, text) }
