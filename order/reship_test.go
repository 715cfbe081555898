package order_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestReship(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(50 * time.Hour)
	p := parcel("R1", item("c", 1))
	ev, err := o.Reship(order.ReshipDamaged, p, at)
	require.NoError(t, err)
	assert.Equal(t, order.Reshipped{OrderID: o.ID(), Reason: order.ReshipDamaged, Parcel: p, Count: 1, At: at}, ev)
	assert.Equal(t, order.StatusShipped, o.Status(), "a re-shipment does not change the status")
	assert.Equal(t, 3, o.Shipped("c"), "nor the shipped counters")
	require.Len(t, o.Reshipments(), 1)
	assert.Equal(t, order.Reshipment{Reason: order.ReshipDamaged, Parcel: p, At: at}, o.Reshipments()[0])

	// Also after completion.
	_, err = o.ConfirmReceipt(order.ConfirmByBuyer, at)
	require.NoError(t, err)
	_, err = o.Reship(order.ReshipGift, parcel("R2", item("a", 1)), at)
	require.NoError(t, err)
}

func TestReshipRejections(t *testing.T) {
	t.Parallel()
	at := t0.Add(50 * time.Hour)
	cases := []struct {
		name   string
		order  func(testing.TB) *order.Order
		reason order.ReshipReason
		parcel order.Parcel
		target error
	}{
		{"before full shipment", paidOrder, order.ReshipMissingItem, parcel("R", item("a", 1)), order.ErrInvalidTransition},
		{"unknown reason", shippedOrder, 0, parcel("R", item("a", 1)), order.ErrInvalidReason},
		{"reason 5", shippedOrder, 5, parcel("R", item("a", 1)), order.ErrInvalidReason},
		{"tracking of a parcel", shippedOrder, order.ReshipMissingItem, parcel("SF1", item("a", 1)), order.RuleTrackingDuplicate},
		{"no tracking", shippedOrder, order.ReshipMissingItem, order.Parcel{Carrier: "SF", Items: []order.Item{item("a", 1)}}, order.RuleTrackingMissing},
		{"no carrier", shippedOrder, order.ReshipMissingItem, order.Parcel{TrackingNumber: "R", Items: []order.Item{item("a", 1)}}, order.RuleCarrierMissing},
		{"no logistics", shippedOrder, order.ReshipMissingItem, order.Parcel{Items: []order.Item{item("a", 1)}}, order.RuleDeliverTypeMismatch},
		{"malformed tracking", shippedOrder, order.ReshipMissingItem, parcel("R 1", item("a", 1)), order.RuleTrackingInvalid},
		{"sku twice", shippedOrder, order.ReshipMissingItem, parcel("R", item("a", 1), item("a", 1)), order.RuleSKUSplit},
		{"empty", shippedOrder, order.ReshipMissingItem, parcel("R"), order.RuleParcelEmpty},
		{"unknown sku", shippedOrder, order.ReshipMissingItem, parcel("R", item("z", 1)), order.RuleSKUUnknown},
		{"more than ordered", shippedOrder, order.ReshipMissingItem, parcel("R", item("a", 3)), order.RuleOverShipment},
		{"bad quantity", shippedOrder, order.ReshipMissingItem, parcel("R", item("a", -1)), order.RuleQuantityInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := c.order(t)
			rejected(t, o, c.target, func() error { _, err := o.Reship(c.reason, c.parcel, at); return err })
		})
	}
}

func TestReshipAtMostTenTimes(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(50 * time.Hour)
	for i := range order.MaxReships {
		ev, err := o.Reship(order.ReshipSplitPackage, parcel(fmt.Sprintf("R%d", i), item("a", 1)), at)
		require.NoError(t, err)
		assert.Equal(t, i+1, ev.Count)
	}
	var err error
	rejected(t, o, order.ErrLimitReached, func() error {
		_, err = o.Reship(order.ReshipSplitPackage, parcel("R10", item("a", 1)), at)
		return err
	})
	assert.Contains(t, err.Error(), "10")
	rejected(t, o, order.RuleTrackingDuplicate, func() error {
		_, err := o.Ship(parcel("R3", item("a", 1)), at) // not shippable either; the number is taken
		return err
	})
	_, err = o.Ship(parcel("R3", item("a", 1)), at)
	assert.ErrorIs(t, err, order.RuleOrderShipped)
}
