package aftersale

// The case machine is this list of edges, one block per kind: the commands, the tests,
// Transitions and Mermaid all read it. Self-loops are real edges: they say in which status a
// command that keeps the status (confirming receipt) is allowed.
//
// Statuses the platform reaches on its own — a refund in flight or failed, a negotiation, a
// parcel interception, a merchant-initiated request, an overdue merchant — are known to Status
// and classified, but no edge of wxshop's enters or leaves them: a host that sees one mirrors
// the platform with Restore.
//
// Modelling choices where the platform is silent: a lapsed escalation window closes a rejected
// case as MERCHANT_FAIL (售后关闭) and a RETURN_CLOSED case as USER_CANCELD (the platform's staff
// said so for the latter); a re-send (补寄), which has no success status of its own, ends like
// an exchange, in MERCHANT_EXCHANGE_SUCCESS; only a refund-only case goes to the platform
// (the non-shipment dispute).
var edges = []edge{
	// REFUND 仅退款: no goods leg. The merchant settles, refuses, or the platform steps in.
	{KindRefund, StatusMerchantProcessing, ActionRefund, StatusMerchantRefundSuccess, guardNone},
	{KindRefund, StatusMerchantProcessing, ActionReject, StatusMerchantRejectRefund, guardNone},
	{KindRefund, StatusMerchantProcessing, ActionCancel, StatusUserCancelled, guardNone},
	{KindRefund, StatusMerchantProcessing, ActionIntervene, StatusPlatformProcessing, guardNone},
	{KindRefund, StatusMerchantRejectRefund, ActionCancel, StatusUserCancelled, guardNone},
	{KindRefund, StatusMerchantRejectRefund, ActionIntervene, StatusPlatformProcessing, guardWindowOpen},
	{KindRefund, StatusMerchantRejectRefund, ActionExpire, StatusMerchantFail, guardWindowLapsed},
	{KindRefund, StatusPlatformProcessing, ActionCancel, StatusUserCancelled, guardNone},
	{KindRefund, StatusPlatformProcessing, ActionDecide, StatusMerchantRefundSuccess, guardNone},

	// RETURN 退货退款: the goods come back, the merchant confirms them, then refunds.
	{KindReturn, StatusMerchantProcessing, ActionAccept, StatusUserWaitReturn, guardNone},
	{KindReturn, StatusMerchantProcessing, ActionReject, StatusMerchantRejectReturn, guardNone},
	{KindReturn, StatusMerchantProcessing, ActionCancel, StatusUserCancelled, guardNone},
	{KindReturn, StatusUserWaitReturn, ActionReturnGoods, StatusMerchantWaitReceipt, guardNone},
	{KindReturn, StatusUserWaitReturn, ActionCancel, StatusUserCancelled, guardNone},
	{KindReturn, StatusMerchantWaitReceipt, ActionConfirmReceipt, StatusMerchantWaitReceipt, guardNotReceived},
	{KindReturn, StatusMerchantWaitReceipt, ActionRefund, StatusMerchantReturnSuccess, guardReceived},
	{KindReturn, StatusMerchantWaitReceipt, ActionReject, StatusReturnClosed, guardNone},
	{KindReturn, StatusMerchantRejectReturn, ActionCancel, StatusUserCancelled, guardNone},
	{KindReturn, StatusMerchantRejectReturn, ActionExpire, StatusMerchantFail, guardWindowLapsed},
	{KindReturn, StatusReturnClosed, ActionCancel, StatusUserCancelled, guardNone},
	{KindReturn, StatusReturnClosed, ActionExpire, StatusUserCancelled, guardWindowLapsed},

	// EXCHANGE 换货: the goods come back, and other goods go out to the buyer.
	{KindExchange, StatusMerchantProcessing, ActionAccept, StatusUserWaitReturn, guardNone},
	{KindExchange, StatusMerchantProcessing, ActionReject, StatusMerchantRejectExchange, guardNone},
	{KindExchange, StatusMerchantProcessing, ActionCancel, StatusUserCancelled, guardNone},
	{KindExchange, StatusUserWaitReturn, ActionReturnGoods, StatusMerchantWaitReceipt, guardNone},
	{KindExchange, StatusUserWaitReturn, ActionCancel, StatusUserCancelled, guardNone},
	{KindExchange, StatusMerchantWaitReceipt, ActionConfirmReceipt, StatusMerchantWaitReceipt, guardNotReceived},
	{KindExchange, StatusMerchantWaitReceipt, ActionSendGoods, StatusUserWaitReceipt, guardReceived},
	{KindExchange, StatusMerchantWaitReceipt, ActionReject, StatusMerchantRejectExchange, guardNone},
	{KindExchange, StatusUserWaitReceipt, ActionReceiveGoods, StatusMerchantExchangeSuccess, guardNone},
	{KindExchange, StatusMerchantRejectExchange, ActionCancel, StatusUserCancelled, guardNone},
	{KindExchange, StatusMerchantRejectExchange, ActionExpire, StatusMerchantFail, guardWindowLapsed},

	// RESHIP 补寄: nothing comes back; the missing goods go out.
	{KindReship, StatusMerchantProcessing, ActionSendGoods, StatusUserWaitReceipt, guardNone},
	{KindReship, StatusMerchantProcessing, ActionReject, StatusMerchantRejectReship, guardNone},
	{KindReship, StatusMerchantProcessing, ActionCancel, StatusUserCancelled, guardNone},
	{KindReship, StatusUserWaitReceipt, ActionReceiveGoods, StatusMerchantExchangeSuccess, guardNone},
	{KindReship, StatusMerchantRejectReship, ActionCancel, StatusUserCancelled, guardNone},
	{KindReship, StatusMerchantRejectReship, ActionExpire, StatusMerchantFail, guardWindowLapsed},
}

// edge is one line of the table above.
type edge struct {
	kind   Kind
	from   Status
	action Action
	to     Status
	guard  guard
}

// cell is what the array-indexed table holds for one (kind, status, action); to == 0 means
// "not accepted".
type cell struct {
	to    Status
	guard guard
}

// table is edges indexed for a lookup that allocates nothing.
var table = func() (t [numKinds][numStatuses][numActions]cell) {
	for _, e := range edges {
		t[e.kind][e.from][e.action] = cell{to: e.to, guard: e.guard}
	}
	return t
}()

// transitionErrs holds one boxed error per rejected (kind, status, action), so a rejection
// allocates nothing and still works with errors.As. Each holds a TransitionError value, which
// errors.As copies out: no caller can change what another reads.
var transitionErrs = func() (errs [numKinds][numStatuses][numActions]error) {
	for k := Kind(1); k < numKinds; k++ {
		for s := Status(1); s < numStatuses; s++ {
			for a := Action(1); a < numActions; a++ {
				if table[k][s][a].to == 0 {
					errs[k][s][a] = TransitionError{Kind: k, From: s, Action: a}
				}
			}
		}
	}
	return errs
}()

// lookup returns the cell for (k, s, a) or the TransitionError that rejects it.
func lookup(k Kind, s Status, a Action) (cell, error) {
	if !k.IsValid() || !s.IsValid() || !a.IsValid() {
		return cell{}, TransitionError{Kind: k, From: s, Action: a}
	}
	c := table[k][s][a]
	if c.to == 0 {
		return cell{}, transitionErrs[k][s][a]
	}
	return c, nil
}

// Next returns the status a case of kind k in status from moves to on action a, or a
// TransitionError (matching ErrInvalidTransition) when the table has no such edge. It reads
// the table only: the commands add their own rules (guards, quantities, amounts) on top. Lookups
// of known values allocate nothing, accepted or rejected.
func Next(k Kind, from Status, a Action) (Status, error) {
	c, err := lookup(k, from, a)
	return c.to, err
}

// Transition is one edge of a kind's table. Guard names the condition the edge needs beyond the
// status ("goods_received", "escalation_window_open", ...); empty when there is none.
type Transition struct {
	Kind   Kind   `json:"kind"`
	From   Status `json:"from"`
	Action Action `json:"action"`
	To     Status `json:"to"`
	Guard  string `json:"guard,omitempty"`
}

// Transitions returns every edge of kind k's table in the order the table lists them, or nil
// for an unknown kind.
func Transitions(k Kind) []Transition {
	var out []Transition
	for _, e := range edges {
		if e.kind == k {
			out = append(out, Transition{Kind: e.kind, From: e.from, Action: e.action, To: e.to, Guard: e.guard.String()})
		}
	}
	return out
}

// Accepts reports whether a case of kind k in status s has an edge for action a (guards aside).
func (k Kind) Accepts(s Status, a Action) bool {
	_, err := lookup(k, s, a)
	return err == nil
}
