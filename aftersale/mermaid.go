package aftersale

import (
	"github.com/wxshop-go/wxshop/internal/mermaid"
)

// Mermaid renders kind k's transition table as a Mermaid state diagram a host can paste into
// its docs: MERCHANT_PROCESSING is where every case starts, the statuses with no way out are
// final, and an edge with a guard says so in brackets. An unknown kind renders an empty diagram.
func Mermaid(k Kind) string {
	var (
		es       []mermaid.Edge
		terminal []string
		seen     [numStatuses]bool
		leaves   [numStatuses]bool // has an edge to another status
	)
	for _, e := range edges {
		if e.kind != k {
			continue
		}
		label := e.action.String()
		if g := e.guard.String(); g != "" {
			label += " [" + g + "]"
		}
		es = append(es, mermaid.Edge{From: e.from.String(), Trigger: label, To: e.to.String()})
		seen[e.from], seen[e.to] = true, true
		if e.to != e.from {
			leaves[e.from] = true
		}
	}
	if len(es) == 0 {
		return mermaid.Diagram(nil, nil, nil)
	}
	for s := Status(1); s < numStatuses; s++ {
		if seen[s] && !leaves[s] {
			terminal = append(terminal, s.String())
		}
	}
	return mermaid.Diagram([]string{StatusMerchantProcessing.String()}, es, terminal)
}

// DisputeMermaid renders the dispute's machine as a Mermaid state diagram.
func DisputeMermaid() string {
	var (
		es                []mermaid.Edge
		initial, terminal []string
		leaves            [numDisputeStatuses]bool
	)
	for _, e := range disputeEdges {
		leaves[e.from] = true
		if e.from == 0 {
			initial = append(initial, e.to.String())
			continue
		}
		es = append(es, mermaid.Edge{From: e.from.String(), Trigger: e.action.String(), To: e.to.String()})
	}
	for s := DisputeStatus(1); s < numDisputeStatuses; s++ {
		if !leaves[s] {
			terminal = append(terminal, s.String())
		}
	}
	return mermaid.Diagram(initial, es, terminal)
}
