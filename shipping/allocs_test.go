//go:build !race

// The race detector's instrumentation allocates where the plain build does not, so the promise
// that Check allocates nothing is checked without it (go test ./shipping/ runs it; go test -race
// leaves this file out).

package shipping_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shipping"
)

// TestCheckAllocatesNothing: on the OK path of the benchmarks' request (lines in order, 4
// parcels, 2 closed cases), Check allocates nothing, whatever the size, and on the platform's
// path too.
func TestCheckAllocatesNothing(t *testing.T) { // not parallel: AllocsPerRun counts the whole process
	for _, n := range benchSizes {
		req := benchRequest(t, n)
		dec := req
		dec.Order = decoded(t, req.Order)
		for name, req := range map[string]shipping.Request{"built": req, "decoded": dec} {
			require.True(t, shipping.Check(req).OK(), "%s, %d lines", name, n)
			allocs := testing.AllocsPerRun(5, func() { _ = shipping.Check(req) })
			assert.Zero(t, allocs, "%s, %d lines: allocations per Check", name, n)
		}
	}
}
