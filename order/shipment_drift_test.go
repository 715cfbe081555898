package order_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
)

// driftBy is a DriftSource in which the SKUs it lists drifted as said, and counts its calls.
type driftBy struct {
	drift map[string]catalog.Drift
	calls *int
}

func (s driftBy) DriftOf(snap *catalog.Snapshot) catalog.Drift {
	*s.calls++
	return s.drift[snap.SKUID()]
}

// TestShipmentProblemsIn: drift rides the shipment walk. A drifted line yields RuleSKUDrift
// once, at the first item that ships units of it and names its product, ahead of that item's
// other problems; nothing else changes, and without a source the walk is ShipmentProblems.
func TestShipmentProblemsIn(t *testing.T) {
	t.Parallel()
	type problem struct {
		Rule   order.Rule
		Parcel int
		SKU    string
		Drift  catalog.Drift
	}
	tests := []struct {
		name    string
		parcels []order.Parcel
		drift   map[string]catalog.Drift
		want    []problem
		calls   int // DriftOf calls: one per item that ships units of a line of the order
	}{
		{"nothing drifted", []order.Parcel{parcel("SF1", item("a", 2), item("b", 1), item("c", 3))}, nil, nil, 3},
		{"one line drifted", []order.Parcel{parcel("SF1", item("a", 2), item("b", 1), item("c", 3))},
			map[string]catalog.Drift{"b": catalog.DriftPrice},
			[]problem{{order.RuleSKUDrift, 0, "b", catalog.DriftPrice}}, 3},
		{"drift comes before the item's own problem",
			[]order.Parcel{parcel("SF1", item("a", 1))},
			map[string]catalog.Drift{"a": catalog.DriftAttrs | catalog.DriftPrice},
			[]problem{{order.RuleSKUDrift, 0, "a", catalog.DriftAttrs | catalog.DriftPrice}, {order.RuleSKUSplit, 0, "a", 0}}, 1},
		{"a split line is reported once, at its first parcel",
			[]order.Parcel{parcel("SF1", item("a", 1)), parcel("SF2", item("a", 1))},
			map[string]catalog.Drift{"a": catalog.DriftDeleted},
			[]problem{{order.RuleSKUDrift, 0, "a", catalog.DriftDeleted}, {order.RuleSKUSplit, 0, "a", 0}, {order.RuleSKUSplit, 1, "a", 0}}, 2},
		{"an item of no units is not compared; a later one is",
			[]order.Parcel{parcel("SF1", item("a", 0)), parcel("SF2", item("a", 2))},
			map[string]catalog.Drift{"a": catalog.DriftPrice},
			[]problem{{order.RuleQuantityInvalid, 0, "a", 0}, {order.RuleSKUDrift, 1, "a", catalog.DriftPrice}, {order.RuleSKUSplit, 1, "a", 0}}, 1},
		{"an item naming another product is not compared",
			[]order.Parcel{parcel("SF1", order.Item{ProductID: "p9", SKUID: "a", Quantity: 2})},
			map[string]catalog.Drift{"a": catalog.DriftPrice},
			[]problem{{order.RuleSKUUnknown, 0, "a", 0}}, 0},
		{"out of order items are compared too",
			[]order.Parcel{parcel("SF1", item("c", 3), item("a", 2))},
			map[string]catalog.Drift{"a": catalog.DriftPrice, "c": catalog.DriftAttrs},
			[]problem{{order.RuleSKUDrift, 0, "c", catalog.DriftAttrs}, {order.RuleSKUDrift, 0, "a", catalog.DriftPrice}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := paidOrder(t)
			before := state(t, o)
			calls := 0
			var got []problem
			for e := range o.ShipmentProblemsIn(driftBy{tt.drift, &calls}, tt.parcels, false) {
				got = append(got, problem{e.Rule, e.Parcel, e.SKUID, e.Drift})
				if e.Rule == order.RuleSKUDrift {
					assert.Equal(t, 606031, e.Code())
					assert.Contains(t, e.MessageEN(), e.Drift.String())
					assert.Contains(t, e.Message(), e.Drift.Label())
				}
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.calls, calls)
			assert.Equal(t, before, state(t, o), "a check changes nothing")

			var plain, withNone []order.ShipmentError
			for e := range o.ShipmentProblems(tt.parcels, false) {
				plain = append(plain, *e)
			}
			for e := range o.ShipmentProblemsIn(nil, tt.parcels, false) {
				withNone = append(withNone, *e)
			}
			assert.Equal(t, plain, withNone, "without a source the walk is ShipmentProblems")
		})
	}
}

// TestShipmentProblemsInSkipsTheChangedSKU: a line that ships the SKU the buyer changed to is
// not compared: its snapshot describes the SKU ordered.
func TestShipmentProblemsInSkipsTheChangedSKU(t *testing.T) {
	t.Parallel()
	p := platformOrder()
	p.Lines[0].SKUChange = order.SKUChange{From: "a", To: "a-blue", State: order.SKUChangeApproved}
	o, err := order.FromPlatform(p)
	require.NoError(t, err)
	calls := 0
	src := driftBy{map[string]catalog.Drift{"a": catalog.DriftAttrs, "a-blue": catalog.DriftAttrs}, &calls}
	for e := range o.ShipmentProblemsIn(src, []order.Parcel{parcel("SF1", item("a-blue", 2))}, false) {
		assert.NotEqual(t, order.RuleSKUDrift, e.Rule, "%v", e)
	}
	assert.Zero(t, calls)
}
