package wxapi_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// readTestdata returns testdata/name.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// mutate returns testdata/name with each old → new pair replaced once; each must apply.
func mutate(t testing.TB, name string, pairs ...string) []byte {
	t.Helper()
	body := string(readTestdata(t, name))
	for i := 0; i < len(pairs); i += 2 {
		require.Contains(t, body, pairs[i], "the mutation must apply")
		body = strings.Replace(body, pairs[i], pairs[i+1], 1)
	}
	return []byte(body)
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -run %s -update", t.Name())
	require.Equal(t, string(want), string(got), "output differs from %s; if the change is intended, rerun with -update", path)
}

// indentJSON renders v as indented JSON with a trailing newline.
func indentJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

// reindent normalises a JSON body for golden files.
func reindent(t testing.TB, body []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, json.Indent(&buf, body, "", "  "))
	buf.WriteByte('\n')
	return buf.Bytes()
}
