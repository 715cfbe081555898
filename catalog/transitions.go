package catalog

import "github.com/wxshop-go/wxshop/internal/mermaid"

// Transition is one edge of a status machine: from a status, by a named action, to a status.
type Transition[S ~uint8] struct {
	From    S
	Trigger string
	To      S
}

// productTransitions is THE table of online product status changes. The platform does not
// publish its own; this table is the model's reading of the platform's status list: the
// merchant lists, delists, recycles, restores and deletes; the platform delists for selling out,
// violations, deposit and brand problems, and bans. Banned and deleted are terminal.
var productTransitions = []Transition[ProductStatus]{
	{StatusNeverListed, "list", StatusListed},
	{StatusDelisted, "list", StatusListed},
	{StatusSoldOut, "list", StatusListed},
	{StatusViolation, "list", StatusListed},
	{StatusDepositShort, "list", StatusListed},
	{StatusBrandExpired, "list", StatusListed},
	{StatusListed, "delist", StatusDelisted},
	{StatusListed, "sell_out", StatusSoldOut},
	{StatusListed, "violation", StatusViolation},
	{StatusListed, "deposit_short", StatusDepositShort},
	{StatusListed, "brand_expired", StatusBrandExpired},
	{StatusListed, "ban", StatusBanned},
	{StatusDelisted, "ban", StatusBanned},
	{StatusNeverListed, "recycle", StatusRecycleBin},
	{StatusDelisted, "recycle", StatusRecycleBin},
	{StatusSoldOut, "recycle", StatusRecycleBin},
	{StatusViolation, "recycle", StatusRecycleBin},
	{StatusDepositShort, "recycle", StatusRecycleBin},
	{StatusBrandExpired, "recycle", StatusRecycleBin},
	{StatusRecycleBin, "restore", StatusDelisted},
	{StatusRecycleBin, "delete", StatusDeleted},
}

// ProductTransitions returns a copy of the product status transition table.
func ProductTransitions() []Transition[ProductStatus] {
	return append([]Transition[ProductStatus](nil), productTransitions...)
}

// CanTransition reports whether the table has an edge from s to to.
func (s ProductStatus) CanTransition(to ProductStatus) bool {
	for _, t := range productTransitions {
		if t.From == s && t.To == to {
			return true
		}
	}
	return false
}

// ProductStatusMermaid renders the product status table as a Mermaid state diagram.
func ProductStatusMermaid() string {
	return diagram(productTransitions, []ProductStatus{StatusNeverListed}, []ProductStatus{StatusDeleted, StatusBanned})
}

// editTransitions is THE table of draft status changes: the review workflow (product/update,
// submission, product/audit/cancel, the review's outcome). The platform's asynchronous states
// (writing, uploading, upload failed) have no command here: a product is in one only when the
// host restores it so (RestoreProduct); from upload failed the merchant edits again.
var editTransitions = []Transition[EditStatus]{
	{EditInitial, "edit", EditEditing},
	{EditEditing, "edit", EditEditing},
	{EditReviewFailed, "edit", EditEditing},
	{EditReviewPassed, "edit", EditEditing},
	{EditUploadFailed, "edit", EditEditing},
	{EditEditing, "submit", EditUnderReview},
	{EditReviewFailed, "submit", EditUnderReview},
	{EditUnderReview, "cancel_review", EditEditing},
	{EditUnderReview, "approve", EditReviewPassed},
	{EditUnderReview, "reject", EditReviewFailed},
}

// EditTransitions returns a copy of the draft status transition table.
func EditTransitions() []Transition[EditStatus] {
	return append([]Transition[EditStatus](nil), editTransitions...)
}

// EditStatusMermaid renders the draft status table as a Mermaid state diagram.
func EditStatusMermaid() string {
	return diagram(editTransitions, []EditStatus{EditInitial}, nil)
}

// editStep returns the draft status that trigger leads to from s.
func editStep(s EditStatus, trigger string) (EditStatus, bool) {
	for _, t := range editTransitions {
		if t.From == s && t.Trigger == trigger {
			return t.To, true
		}
	}
	return s, false
}

func diagram[S interface {
	~uint8
	String() string
}](table []Transition[S], initial, terminal []S) string {
	names := func(ss []S) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = s.String()
		}
		return out
	}
	edges := make([]mermaid.Edge, len(table))
	for i, t := range table {
		edges[i] = mermaid.Edge{From: t.From.String(), Trigger: t.Trigger, To: t.To.String()}
	}
	return mermaid.Diagram(names(initial), edges, names(terminal))
}
