package wxapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmbeddedWireIsKnown: every struct embedded in a wire struct is in embeddedWire, so
// that no error path names a Go type where the JSON has no level.
func TestEmbeddedWireIsKnown(t *testing.T) {
	t.Parallel()
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	require.NoError(t, err)
	found := map[string]bool{}
	for _, pkg := range pkgs {
		ast.Inspect(pkg, func(n ast.Node) bool {
			spec, ok := n.(*ast.TypeSpec)
			if !ok || spec.Name.IsExported() {
				return true // the wire structs, which the decoders unmarshal into, are unexported
			}
			ast.Inspect(spec.Type, func(n ast.Node) bool {
				if st, ok := n.(*ast.StructType); ok {
					for _, f := range st.Fields.List {
						if id, ok := f.Type.(*ast.Ident); ok && len(f.Names) == 0 {
							found[id.Name] = true
						}
					}
				}
				return true
			})
			return false
		})
	}
	assert.Equal(t, embeddedWire, found)
}
