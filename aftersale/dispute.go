package aftersale

import (
	"time"

	"github.com/wxshop-go/wxshop/compensation"
)

// Dispute is the non-shipment dispute (不发货纠纷) of a refund-only case, as a value: where the
// platform's investigation stands, the evidence it recorded and, once decided, its verdict.
// (*Case).Dispute returns it; a case holds at most one. It marshals to JSON with money as
// "10.10" and enums by name; a case without a dispute leaves it out.
type Dispute struct {
	Status   DisputeStatus `json:"status"`
	Evidence Evidence      `json:"evidence"`
	// Verdict is set once Status is DisputeDecided; DecidedAt says when.
	Verdict   Verdict   `json:"verdict,omitzero"`
	DecidedAt time.Time `json:"decided_at,omitzero"`
	// WithdrawnAt is set once the buyer cancelled the case during the dispute.
	WithdrawnAt time.Time `json:"withdrawn_at,omitzero"`
}

// Evidence is what the platform records when it intervenes and verifies a non-shipment
// dispute: which order and case, the timestamps that show whether the merchant shipped in
// time, and the verified cause.
type Evidence struct {
	OrderID string `json:"order_id"`
	CaseID  string `json:"case_id"`
	// PaidAt is when the buyer paid; ShipBy the earliest ship-by deadline of the case's lines
	// (zero when the order has none left, e.g. it was fully shipped).
	PaidAt time.Time `json:"paid_at,omitzero"`
	ShipBy time.Time `json:"ship_by,omitzero"`
	// RequestedAt is when the buyer asked for the refund (the case opened); IntervenedAt when
	// the platform stepped in.
	RequestedAt  time.Time `json:"requested_at"`
	IntervenedAt time.Time `json:"intervened_at"`
	// Units is how many units the case covers; Shipped how many units of the case's SKUs had
	// shipped when the platform intervened (a non-zero count means goods did leave).
	Units   int `json:"units"`
	Shipped int `json:"shipped"`
	// Overdue says whether the ship-by deadline had passed when the platform intervened.
	Overdue bool `json:"overdue"`
	// Cause is the verified cause, VerifiedAt when it was verified (zero until then).
	Cause      compensation.Cause `json:"cause,omitzero"`
	VerifiedAt time.Time          `json:"verified_at,omitzero"`
}
