package wxshop_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEExampleCompiles keeps the README's Go snippet identical to examples/readme/main.go,
// which go test compiles and checks against its expected output.
func TestREADMEExampleCompiles(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	program, err := os.ReadFile("examples/readme/main.go")
	require.NoError(t, err)

	_, rest, found := strings.Cut(string(readme), "```go\n")
	require.True(t, found, "README has a Go snippet")
	snippet, _, found := strings.Cut(rest, "```")
	require.True(t, found, "README's Go snippet is closed")
	assert.Equal(t, string(program), snippet)
}

// TestREADMECommands keeps the two set-up commands the README promises.
func TestREADMECommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), "go run ./examples/quickstart")
	assert.Contains(t, string(readme), "go test ./...")
}
