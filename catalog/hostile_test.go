package catalog_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// TestHostileAmounts: a price built in code with an extreme exponent is refused where it
// enters, a zero market price included (a zero coefficient used to pass, and formatting it
// later expanded 10^(2^30) digits).
func TestHostileAmounts(t *testing.T) {
	t.Parallel()
	for _, bad := range []decimal.Decimal{decimal.New(0, 1<<30), decimal.New(1, 1<<30), decimal.New(3, -(1 << 30))} {
		done := make(chan [3]error, 1)
		go func() {
			_, e1 := catalog.NewSKU("p", catalog.SKUParams{ID: "s", Price: decimal.RequireFromString("1.00"), MarketPrice: bad})
			_, e2 := catalog.NewSKU("p", catalog.SKUParams{ID: "s", Price: bad})
			_, e3 := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p", SKUID: "s", Price: bad})
			done <- [3]error{e1, e2, e3}
		}()
		select {
		case errs := <-done:
			for _, err := range errs {
				require.ErrorIs(t, err, catalog.ErrInvalidAmount)
				assert.Less(t, len(err.Error()), 300)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("an amount with exponent %d did not return", bad.Exponent())
		}
	}
}

// TestLongPriceText: a snapshot's price of a million digits is refused at once.
func TestLongPriceText(t *testing.T) {
	t.Parallel()
	start := time.Now()
	var s catalog.Snapshot
	err := json.Unmarshal([]byte(`{"product_id":"p","sku_id":"s","title":"t","price":"`+strings.Repeat("1", 1_000_000)+`","revision":1}`), &s)
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.True(t, s.IsZero(), "a refused snapshot leaves the target as it was")
}
