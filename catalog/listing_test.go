package catalog_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestStatusTransitions(t *testing.T) {
	t.Parallel()
	// Every pair of statuses: the command succeeds exactly when the table has the edge.
	for _, from := range catalog.ProductStatuses() {
		for _, to := range catalog.ProductStatuses() {
			c := catalog.New()
			require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
			require.NoError(t, c.AddProduct(cupParams()))
			require.NoError(t, driveTo(c, "cup", from), "reach %v", from)
			if from.CanTransition(to) {
				require.NoError(t, c.SetStatus("cup", to), "%v -> %v", from, to)
				p, _ := c.Product("cup")
				assert.Equal(t, to, p.Status())
				continue
			}
			err := requireUnchanged(t, c, func() error { return c.SetStatus("cup", to) })
			require.ErrorIs(t, err, catalog.ErrInvalidTransition, "%v -> %v", from, to)
		}
	}
}

// driveTo reaches status s along the table (a breadth-first search from never listed).
func driveTo(c *catalog.Catalog, id string, s catalog.ProductStatus) error {
	prev := map[catalog.ProductStatus]catalog.ProductStatus{}
	queue := []catalog.ProductStatus{catalog.StatusNeverListed}
	seen := map[catalog.ProductStatus]bool{catalog.StatusNeverListed: true}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, tr := range catalog.ProductTransitions() {
			if tr.From == cur && !seen[tr.To] {
				seen[tr.To], prev[tr.To] = true, cur
				queue = append(queue, tr.To)
			}
		}
	}
	var path []catalog.ProductStatus
	for x := s; x != catalog.StatusNeverListed; x = prev[x] {
		path = append([]catalog.ProductStatus{x}, path...)
	}
	for _, x := range path {
		if err := c.SetStatus(id, x); err != nil {
			return err
		}
	}
	return nil
}

func TestTablesWellFormed(t *testing.T) {
	t.Parallel()
	reach := map[catalog.ProductStatus]bool{catalog.StatusNeverListed: true}
	for changed := true; changed; {
		changed = false
		for _, tr := range catalog.ProductTransitions() {
			require.True(t, tr.From.IsValid() && tr.To.IsValid(), "%+v", tr)
			require.NotEmpty(t, tr.Trigger)
			if reach[tr.From] && !reach[tr.To] {
				reach[tr.To], changed = true, true
			}
		}
	}
	for _, s := range catalog.ProductStatuses() {
		assert.True(t, reach[s], "%v is reachable", s)
	}
	for _, tr := range catalog.ProductTransitions() {
		assert.NotEqual(t, catalog.StatusDeleted, tr.From, "deleted is terminal")
		assert.NotEqual(t, catalog.StatusBanned, tr.From, "banned is terminal")
	}
	for _, tr := range catalog.EditTransitions() {
		require.True(t, tr.From.IsValid() && tr.To.IsValid(), "%+v", tr)
	}
}

func TestSetStatusRejects(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.SetStatus("cup", 7) }), catalog.ErrUnknownCode)
	require.ErrorIs(t, requireUnchanged(t, c, func() error { return c.SetStatus("nope", catalog.StatusDelisted) }), catalog.ErrNotFound)
	err := requireUnchanged(t, c, func() error { return c.List("cup") })
	require.ErrorIs(t, err, catalog.ErrInvalidTransition)
	assert.EqualError(t, err, `catalog: cannot set status listed of product "cup" in state listed: invalid status transition`)

	// A product whose only SKU is deleted cannot be listed again.
	p := cupParams()
	p.SKUs = append(p.SKUs, catalog.SKUParams{ID: "cup-2", Attrs: attrs("颜色", "白"), Price: yuan("1")})
	p.ID, p.SKUs[0].ID = "cup2", "cup2-1"
	require.NoError(t, c.AddProduct(p))
	require.NoError(t, c.List("cup2"))
	require.NoError(t, c.UpdateWithoutReview("cup2", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "cup2-1", Delete: true}}}))
	require.NoError(t, c.Delist("cup2"))
	require.NoError(t, c.List("cup2"), "one SKU is left")
}

func TestMermaidGolden(t *testing.T) {
	t.Parallel()
	for file, got := range map[string]string{
		"product_status.mmd": catalog.ProductStatusMermaid(),
		"edit_status.mmd":    catalog.EditStatusMermaid(),
	} {
		path := filepath.Join("testdata", file)
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update to create %s", path)
		assert.Equal(t, string(want), got, file)
	}
}
