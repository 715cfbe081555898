package aftersale

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Dispute is the non-shipment dispute (不发货纠纷) of a refund-only case, as a value: where the
// platform's investigation stands, the evidence it recorded and, once decided, its verdict.
// (*Case).Dispute returns it; a case holds at most one. The zero Dispute means "no dispute".
type Dispute struct {
	Status   DisputeStatus
	Evidence Evidence
	// Verdict is set once Status is DisputeDecided; DecidedAt says when.
	Verdict   Verdict
	DecidedAt time.Time
	// WithdrawnAt is set once the buyer cancelled the case during the dispute.
	WithdrawnAt time.Time
}

// isZero reports whether d is the zero Dispute.
func (d Dispute) isZero() bool {
	return d.Status == 0 && d.Evidence == Evidence{} && d.Verdict.isZero() && d.DecidedAt.IsZero() && d.WithdrawnAt.IsZero()
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

// check checks a decided verdict against the case: the verified cause, the refund the case
// recorded, totals that add up, a payout no larger than what was paid and none when the
// merchant is not liable.
func (v Verdict) check(cause compensation.Cause, refund int64) error {
	var fen [4]int64
	for i, a := range [4]struct {
		name string
		d    decimal.Decimal
	}{{"paid", v.Paid}, {"refund", v.Refund}, {"payout", v.Payout}, {"total", v.Total}} {
		f, err := money.ToFen("verdict "+a.name, a.d)
		if err != nil {
			return err
		}
		fen[i] = f
	}
	paid, ref, payout, total := fen[0], fen[1], fen[2], fen[3]
	switch {
	case v.Cause != cause:
		return fmt.Errorf("verdict cause %s differs from the verified cause %s", v.Cause, cause)
	case ref != refund || paid != ref:
		return fmt.Errorf("verdict refunds %s of %s paid; the case refunded %s", money.FormatFen(ref), money.FormatFen(paid), money.FormatFen(refund))
	case total != ref+payout:
		return fmt.Errorf("verdict total %s is not refund %s plus payout %s", money.FormatFen(total), money.FormatFen(ref), money.FormatFen(payout))
	case payout > paid || !v.Liable && payout != 0:
		return fmt.Errorf("verdict payout %s (liable %t) on %s paid", money.FormatFen(payout), v.Liable, money.FormatFen(paid))
	case v.Form != 0 && !v.Form.IsValid():
		return fmt.Errorf("verdict form %d", uint8(v.Form))
	}
	return nil
}
