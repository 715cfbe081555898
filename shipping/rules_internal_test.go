package shipping

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
)

// TestEveryOrderRuleHasACode: every rule the order can yield maps to a code of its own (never
// the fallback), whose platform code agrees with the order's where both have one.
func TestEveryOrderRuleHasACode(t *testing.T) {
	t.Parallel()
	o, err := order.New(order.NewParams{ID: "o", Seller: catalog.SellerWeChatShop, Buyer: "b",
		Lines: []order.LineParams{{Snapshot: catalog.Snapshot{ProductID: "p", SKUID: "s", Price: decimal.NewFromInt(1)},
			Quantity: 1, UnitPrice: decimal.NewFromInt(1), Paid: decimal.NewFromInt(1)}},
		CreatedAt: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	parcels := []order.Parcel{{Carrier: "SF", Items: []order.Item{{ProductID: "p", SKUID: "s", Quantity: 1}}}}
	n := 0
	for r := order.Rule(1); r.IsValid(); r++ {
		n++
		e := &order.ShipmentError{Rule: r, Status: order.StatusPendingShipment, Parcel: 0, SKUID: "s", Want: 1, Got: 2}
		bs := appendRuleBlockers(nil, e, o, parcels)
		require.NotEmpty(t, bs, r)
		for _, b := range bs {
			assert.NotEqual(t, CodeInvalidRequest, b.Code, "rule %s falls back", r)
			if r.PlatformCode() != 0 && b.Code.PlatformCode() != 0 && r != order.RuleMissingTracking {
				assert.Equal(t, r.PlatformCode(), b.Code.PlatformCode(), "rule %s → %s", r, b.Code)
			}
		}
	}
	assert.Equal(t, 11, n, "a new order rule needs a case in appendRuleBlockers")
}
