package aftersale

import (
	"time"

	"github.com/wxshop-go/wxshop/compensation"
)

// Dispute is the non-shipment dispute (不发货纠纷) of a refund-only case, as a value: where the
// platform's investigation stands, the evidence it recorded and, once decided, its verdict.
// (*Case).Dispute returns it; a case holds at most one.
type Dispute struct {
	Status   DisputeStatus
	Evidence Evidence
	// Verdict is set once Status is DisputeDecided; DecidedAt says when.
	Verdict   Verdict
	DecidedAt time.Time
	// WithdrawnAt is set once the buyer cancelled the case during the dispute.
	WithdrawnAt time.Time
}

// Evidence is what the platform records when it intervenes and verifies a non-shipment
// dispute: which order and case, the timestamps that show whether the merchant shipped in
// time, and the verified cause.
type Evidence struct {
	OrderID string
	CaseID  string
	// PaidAt is when the buyer paid; ShipBy the earliest ship-by deadline of the case's lines
	// (zero when the order has none left, e.g. it was fully shipped).
	PaidAt time.Time
	ShipBy time.Time
	// RequestedAt is when the buyer asked for the refund (the case opened); IntervenedAt when
	// the platform stepped in.
	RequestedAt  time.Time
	IntervenedAt time.Time
	// Units is how many units the case covers; Shipped how many units of the case's SKUs had
	// shipped when the platform intervened (a non-zero count means goods did leave).
	Units   int
	Shipped int
	// Overdue says whether the ship-by deadline had passed when the platform intervened.
	Overdue bool
	// Cause is the verified cause, VerifiedAt when it was verified (zero until then).
	Cause      compensation.Cause
	VerifiedAt time.Time
}
