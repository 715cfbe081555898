// Package mermaid renders a state machine's transition table as a Mermaid state diagram, the
// one rendering shared by every status enum in wxshop.
package mermaid

import "strings"

// Edge is one transition: from a state, on a trigger, to a state. States and triggers are given
// by their stable names.
type Edge struct {
	From, Trigger, To string
}

// Diagram renders a stateDiagram-v2. initial states get an arrow from [*], terminal states an
// arrow to [*]. Edges are written in the order given, so a table that iterates in a fixed order
// renders the same text every time (golden-file friendly).
func Diagram(initial []string, edges []Edge, terminal []string) string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	for _, s := range initial {
		b.WriteString("    [*] --> " + s + "\n")
	}
	for _, e := range edges {
		b.WriteString("    " + e.From + " --> " + e.To)
		if e.Trigger != "" {
			b.WriteString(" : " + e.Trigger)
		}
		b.WriteString("\n")
	}
	for _, s := range terminal {
		b.WriteString("    " + s + " --> [*]\n")
	}
	return b.String()
}
