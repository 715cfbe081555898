package aftersale

import "github.com/wxshop-go/wxshop/internal/enum"

// DisputeStatus is where a non-shipment dispute (不发货纠纷) stands. A dispute has its own
// machine, next to the case's: the case says what the platform shows the buyer
// (PLATFORM_PROCESSING, then MERCHANT_REFUND_SUCCESS); the dispute says how far the platform's
// investigation went. The values are wxshop's own; the zero value means "no dispute".
type DisputeStatus uint8

// Dispute statuses.
const (
	DisputeIntervened DisputeStatus = iota + 1 // 平台介入: the platform took the case over
	DisputeVerified                            // 已核实: the cause is verified and recorded
	DisputeDecided                             // 已裁决: the verdict is in and the buyer refunded
	DisputeWithdrawn                           // 买家撤诉: the buyer cancelled before the verdict
	numDisputeStatuses
)

var disputeStatuses = enum.New("aftersale.DisputeStatus",
	enum.Spec[DisputeStatus]{Value: DisputeIntervened, Name: "intervened", Label: "平台介入"},
	enum.Spec[DisputeStatus]{Value: DisputeVerified, Name: "verified", Label: "已核实"},
	enum.Spec[DisputeStatus]{Value: DisputeDecided, Name: "decided", Label: "已裁决"},
	enum.Spec[DisputeStatus]{Value: DisputeWithdrawn, Name: "withdrawn", Label: "买家撤诉"},
)

// DisputeStatuses returns every dispute status in value order.
func DisputeStatuses() []DisputeStatus { return disputeStatuses.Values() }

// String returns the stable English name ("verified").
func (s DisputeStatus) String() string { return disputeStatuses.Name(s) }

// Label returns the Chinese term (已核实).
func (s DisputeStatus) Label() string { return disputeStatuses.Label(s) }

// IsValid reports whether s is a known dispute status.
func (s DisputeStatus) IsValid() bool { return s > 0 && s < numDisputeStatuses }

// MarshalText renders the stable name; an unknown status is an error.
func (s DisputeStatus) MarshalText() ([]byte, error) { return disputeStatuses.MarshalText(s) }

// UnmarshalText parses a stable name and leaves s unchanged on error.
func (s *DisputeStatus) UnmarshalText(text []byte) error {
	return disputeStatuses.UnmarshalText(s, text)
}

// disputeEdges is the dispute's machine. Row 0 is "no dispute yet". The case's own table says
// which case statuses accept intervene, decide and cancel; these edges say where the dispute
// must stand for them.
var disputeEdges = []struct {
	from   DisputeStatus
	action Action
	to     DisputeStatus
}{
	{0, ActionIntervene, DisputeIntervened},
	{DisputeIntervened, ActionVerify, DisputeVerified},
	{DisputeIntervened, ActionCancel, DisputeWithdrawn},
	{DisputeVerified, ActionDecide, DisputeDecided},
	{DisputeVerified, ActionCancel, DisputeWithdrawn},
}

var disputeTable = func() (t [numDisputeStatuses][numActions]DisputeStatus) {
	for _, e := range disputeEdges {
		t[e.from][e.action] = e.to
	}
	return t
}()

var disputeErrs = func() (errs [numDisputeStatuses][numActions]error) {
	for s := range DisputeStatus(numDisputeStatuses) {
		for a := Action(1); a < numActions; a++ {
			if disputeTable[s][a] == 0 {
				errs[s][a] = DisputeTransitionError{From: s, Action: a}
			}
		}
	}
	return errs
}()

// NextDispute returns the status a dispute in from moves to on action a (from 0 = no dispute),
// or a DisputeTransitionError matching ErrInvalidTransition.
func NextDispute(from DisputeStatus, a Action) (DisputeStatus, error) {
	if from >= numDisputeStatuses || !a.IsValid() {
		return 0, DisputeTransitionError{From: from, Action: a}
	}
	if to := disputeTable[from][a]; to != 0 {
		return to, nil
	}
	return 0, disputeErrs[from][a]
}

// DisputeTransition is one edge of the dispute's machine; From is zero for the edge that
// opens the dispute.
type DisputeTransition struct {
	From   DisputeStatus `json:"from,omitzero"`
	Action Action        `json:"action"`
	To     DisputeStatus `json:"to"`
}

// DisputeTransitions returns every edge of the dispute's machine, in table order.
func DisputeTransitions() []DisputeTransition {
	out := make([]DisputeTransition, len(disputeEdges))
	for i, e := range disputeEdges {
		out[i] = DisputeTransition{From: e.from, Action: e.action, To: e.to}
	}
	return out
}

// DisputeTransitionError says that a dispute in status From (0: none yet) does not accept
// Action. It matches ErrInvalidTransition. It is a value, like TransitionError.
type DisputeTransitionError struct {
	From   DisputeStatus
	Action Action
}

// Error implements error.
func (e DisputeTransitionError) Error() string {
	if e.From == 0 {
		return "aftersale: no dispute to " + e.Action.String()
	}
	return "aftersale: a dispute " + e.From.String() + " cannot " + e.Action.String()
}

// Unwrap makes errors.Is(err, ErrInvalidTransition) true.
func (e DisputeTransitionError) Unwrap() error { return ErrInvalidTransition }
