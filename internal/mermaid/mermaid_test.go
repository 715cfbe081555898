package mermaid_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/internal/mermaid"
)

func TestDiagram(t *testing.T) {
	t.Parallel()
	got := mermaid.Diagram(
		[]string{"pending"},
		[]mermaid.Edge{{From: "pending", Trigger: "pay", To: "paid"}, {From: "paid", To: "done"}},
		[]string{"done"},
	)
	want := "stateDiagram-v2\n" +
		"    [*] --> pending\n" +
		"    pending --> paid : pay\n" +
		"    paid --> done\n" +
		"    done --> [*]\n"
	assert.Equal(t, want, got)
}
