package shipping

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/order"
)

// TestEveryOrderRuleHasABlocker: every rule the order can yield becomes a blocker of that very
// rule (never a fallback), with the order's platform code, its words naming the values, the
// rule's advice, and the parcel counted from 1. The rules the order has no words for are
// those this package words itself (the request's shape, the late warning), so that a new order rule cannot reach a report as a
// bare title.
func TestEveryOrderRuleHasABlocker(t *testing.T) {
	t.Parallel()
	var unworded []order.Rule
	for _, r := range order.Rules() {
		e := &order.ShipmentError{Rule: r, Status: order.StatusPendingShipment, Parcel: 1, ProductID: "p", SKUID: "s",
			Want: 1, Got: 2, TrackingNumber: "SF1"}
		b := ruleBlocker(e)
		assert.Equal(t, r, b.Code)
		assert.Equal(t, r.PlatformCode(), b.PlatformCode, r)
		assert.Equal(t, e.Code(), b.PlatformCode, r)
		assert.Equal(t, 2, b.Parcel, "parcels count from 1 in a report")
		assert.Equal(t, "p", b.ProductID)
		assert.Equal(t, "s", b.SKU)
		assert.Equal(t, []int{1, 2}, []int{b.Want, b.Got})
		assert.Equal(t, r.Action(), b.Action)
		assert.Equal(t, r.ActionEN(), b.ActionEN)
		assert.Equal(t, e.Message(), b.Message)
		assert.Equal(t, e.MessageEN(), b.MessageEN)
		if b.Message == r.Label() || b.MessageEN == r.Title() {
			unworded = append(unworded, r)
		}
	}
	// The order words its own refusals, a zero Order's RuleInvalidRequest and drift included
	// (this package words drift again, with the live SKU's values); the late warning only
	// this package finds.
	allowed := []order.Rule{order.RuleLateShipment}
	assert.ElementsMatch(t, allowed, unworded, "the order yields every other rule with words of its own")
	assert.Equal(t, 0, ruleBlocker(&order.ShipmentError{Rule: order.RuleParcelEmpty, Parcel: -1}).Parcel,
		"an order-level problem concerns no parcel")
}
