package aftersale_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}

func TestMermaidGolden(t *testing.T) {
	for _, k := range aftersale.Kinds() {
		t.Run(k.String(), func(t *testing.T) {
			got := aftersale.Mermaid(k)
			golden(t, strings.ToLower(k.String())+".mmd", got)
			// Every edge of the table is drawn.
			for _, tr := range aftersale.Transitions(k) {
				assert.Contains(t, got, tr.From.String()+" --> "+tr.To.String()+" : "+tr.Action.String())
			}
		})
	}
	t.Run("dispute", func(t *testing.T) {
		golden(t, "dispute.mmd", aftersale.DisputeMermaid())
	})
	assert.Equal(t, "stateDiagram-v2\n", aftersale.Mermaid(0))
}
