package order

import "github.com/wxshop-go/wxshop/internal/mermaid"

// The status machine is this one table: code, tests, Transitions() and Mermaid() all read it.
// Rows are indexed by a dense status index (statusIndex maps the sparse platform code to it),
// columns by Trigger; a zero Status means "not accepted". Self-loops are real edges: they say in
// which statuses a command that keeps the status (a reship, a negotiation) is allowed.
//
// Edges marked UNCONFIRMED follow the platform reference's inferences: 20 → 190 (oversold
// cancel), 30 → 200 (every unit refunded after shipping), after-sale and re-shipment after
// completion. A gift (12) and a group buy (13) are paid and wait before they await shipment:
// the platform's list says they come before 20; the gift's recipient or the group may never
// come, so they end cancelled (250) or closed by after-sale (200).
const numStatuses = 11 // 10 statuses + the unused index 0

var table = [numStatuses][numTriggers]Status{
	1: { // StatusPendingPayment
		TriggerPay:      StatusPendingShipment,
		TriggerPayGift:  StatusGiftPending,
		TriggerPayGroup: StatusGroupForming,
		TriggerCancel:   StatusCancelled,
	},
	2: { // StatusGiftPending
		TriggerGiftAccepted:     StatusPendingShipment,
		TriggerCancel:           StatusCancelled,
		TriggerAfterSale:        StatusGiftPending,
		TriggerCloseByAfterSale: StatusClosedByAfterSale,
	},
	3: { // StatusGroupForming
		TriggerGroupFormed:      StatusPendingShipment,
		TriggerCancel:           StatusCancelled,
		TriggerAfterSale:        StatusGroupForming,
		TriggerCloseByAfterSale: StatusClosedByAfterSale,
	},
	4: { // StatusPendingShipment
		TriggerCancelOversold:   StatusCancelledOversold,
		TriggerShipPart:         StatusPartiallyShipped,
		TriggerShipAll:          StatusShipped,
		TriggerNegotiateShipBy:  StatusPendingShipment,
		TriggerAfterSale:        StatusPendingShipment,
		TriggerCloseByAfterSale: StatusClosedByAfterSale,
	},
	5: { // StatusPartiallyShipped
		TriggerShipPart:         StatusPartiallyShipped,
		TriggerShipAll:          StatusShipped,
		TriggerNegotiateShipBy:  StatusPartiallyShipped,
		TriggerAfterSale:        StatusPartiallyShipped,
		TriggerCloseByAfterSale: StatusClosedByAfterSale,
	},
	6: { // StatusShipped
		TriggerReship:           StatusShipped,
		TriggerAfterSale:        StatusShipped,
		TriggerConfirmReceipt:   StatusCompleted,
		TriggerCloseByAfterSale: StatusClosedByAfterSale,
	},
	7: { // StatusCompleted
		TriggerReship:    StatusCompleted,
		TriggerAfterSale: StatusCompleted,
	},
	// 8 StatusCancelledOversold, 9 StatusClosedByAfterSale, 10 StatusCancelled: terminal.
}

// statusIndex maps a platform code to its row in table; 0 means "not a status". Indexing a
// [256] array with a uint8 needs no bounds check.
var statusIndex = [256]uint8{
	StatusPendingPayment:    1,
	StatusGiftPending:       2,
	StatusGroupForming:      3,
	StatusPendingShipment:   4,
	StatusPartiallyShipped:  5,
	StatusShipped:           6,
	StatusCompleted:         7,
	StatusCancelledOversold: 8,
	StatusClosedByAfterSale: 9,
	StatusCancelled:         10,
}

// statusByIndex is the inverse of statusIndex, in code order.
var statusByIndex = [numStatuses]Status{0, StatusPendingPayment, StatusGiftPending, StatusGroupForming,
	StatusPendingShipment, StatusPartiallyShipped, StatusShipped, StatusCompleted, StatusCancelledOversold,
	StatusClosedByAfterSale, StatusCancelled}

// transitionErrs holds one boxed error per rejected (status, trigger) pair, so a rejection
// allocates nothing and still works with errors.As. Each holds a TransitionError value:
// errors.As copies it out, so no caller can change what another one reads.
var transitionErrs = func() (errs [numStatuses][numTriggers]error) {
	for i := 1; i < numStatuses; i++ {
		for t := Trigger(1); t < numTriggers; t++ {
			if table[i][t] == 0 {
				errs[i][t] = TransitionError{From: statusByIndex[i], Trigger: t}
			}
		}
	}
	return errs
}()

// Next returns the status an order in from moves to on t, or a TransitionError (matching
// ErrInvalidTransition) when from does not accept t. It reads the table only: the commands add
// their own rules (quantities, counts, deadlines) on top. Valid and rejected lookups of known
// statuses and triggers allocate nothing.
func Next(from Status, t Trigger) (Status, error) {
	idx := statusIndex[from]
	if idx == 0 || t == 0 || t >= numTriggers {
		return 0, TransitionError{From: from, Trigger: t}
	}
	if to := table[idx][t]; to != 0 {
		return to, nil
	}
	return 0, transitionErrs[idx][t]
}

// Accepts reports whether status s accepts trigger t.
func (s Status) Accepts(t Trigger) bool {
	_, err := Next(s, t)
	return err == nil
}

// Transition is one edge of the status table.
type Transition struct {
	From    Status  `json:"from"`
	Trigger Trigger `json:"trigger"`
	To      Status  `json:"to"`
}

// Transitions returns every edge of the table, ordered by status code, then trigger.
func Transitions() []Transition {
	var out []Transition
	for i := 1; i < numStatuses; i++ {
		for t := Trigger(1); t < numTriggers; t++ {
			if to := table[i][t]; to != 0 {
				out = append(out, Transition{From: statusByIndex[i], Trigger: t, To: to})
			}
		}
	}
	return out
}

// Mermaid renders the table as a Mermaid state diagram a host can paste into its docs.
// PendingPayment is the initial state; statuses without an edge to another status are final.
func Mermaid() string {
	edges := Transitions()
	me := make([]mermaid.Edge, len(edges))
	for i, e := range edges {
		me[i] = mermaid.Edge{From: e.From.String(), Trigger: e.Trigger.String(), To: e.To.String()}
	}
	var final []string
	for i := 1; i < numStatuses; i++ {
		leaves := false
		for _, to := range table[i] {
			if to != 0 && to != statusByIndex[i] {
				leaves = true
			}
		}
		if !leaves {
			final = append(final, statusByIndex[i].String())
		}
	}
	return mermaid.Diagram([]string{StatusPendingPayment.String()}, me, final)
}
