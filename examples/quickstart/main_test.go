package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/story.golden from the current output")

// TestStory runs the whole story and compares it with the golden transcript: any change in what
// the SDK decides or prints shows up here as a readable diff.
func TestStory(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))

	golden := filepath.Join("testdata", "story.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
}
