package order_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestShipInTwoParcels(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	p1 := parcel("SF1", item("a", 2))
	at1 := t0.Add(2 * time.Hour)
	ev, err := o.Ship(p1, at1)
	require.NoError(t, err)
	assert.Equal(t, order.Shipped{OrderID: o.ID(), Parcel: p1, Finished: false,
		From: order.StatusPendingShipment, To: order.StatusPartiallyShipped, At: at1}, ev)
	assert.Equal(t, 2, o.Shipped("a"))
	assert.Zero(t, o.Remaining("a"))
	assert.Equal(t, 3, o.Remaining("c"))

	p2 := parcel("SF2", item("b", 1), item("c", 3))
	at2 := t0.Add(3 * time.Hour)
	ev, err = o.Ship(p2, at2)
	require.NoError(t, err)
	assert.True(t, ev.Finished)
	assert.Equal(t, order.StatusPartiallyShipped, ev.From)
	assert.Equal(t, order.StatusShipped, o.Status())
	assert.Equal(t, []order.Parcel{p1, p2}, o.Parcels())
	_, ok := o.ShipBy()
	assert.False(t, ok, "nothing left to ship")
	assert.False(t, o.Overdue(t0.Add(1000*time.Hour)))

	// The order keeps its own copy of the parcel.
	p2.Items[0].Quantity = 99
	assert.Equal(t, 1, o.Parcels()[1].Items[0].Quantity)
	got := o.Parcels()
	got[0].Items[0].Quantity = 42
	assert.Equal(t, 2, o.Parcels()[0].Items[0].Quantity)
}

func TestShipEverythingAtOnce(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	ev, err := o.Ship(parcel("SF1", item("a", 2), item("b", 1), item("c", 3)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	assert.True(t, ev.Finished)
	assert.Equal(t, order.StatusPendingShipment, ev.From)
	assert.Equal(t, order.StatusShipped, o.Status())
}

func TestShipRejections(t *testing.T) {
	t.Parallel()
	at := t0.Add(2 * time.Hour)
	cases := []struct {
		name   string
		order  func(testing.TB) *order.Order
		parcel order.Parcel
		target error
		code   int
	}{
		{"unpaid", newOrder, parcel("X", item("a", 2)), order.ErrNotShippable, 0},
		{"fully shipped", shippedOrder, parcel("X", item("a", 2)), order.ErrNotShippable, 109001},
		{"no carrier", paidOrder, order.Parcel{TrackingNumber: "X", Items: []order.Item{item("a", 2)}}, order.ErrMissingTracking, 40097},
		{"no tracking number", paidOrder, order.Parcel{Carrier: "SF", Items: []order.Item{item("a", 2)}}, order.ErrMissingTracking, 40097},
		{"empty parcel", paidOrder, parcel("X"), order.ErrEmptyParcel, 109002},
		{"zero quantity", paidOrder, parcel("X", item("a", 0)), order.ErrBadQuantity, 109000},
		{"unknown sku", paidOrder, parcel("X", item("z", 1)), order.ErrUnknownSKU, 606031},
		{"wrong product", paidOrder, parcel("X", order.Item{ProductID: "p2", SKUID: "a", Quantity: 2}), order.ErrUnknownSKU, 606031},
		{"over-shipment", paidOrder, parcel("X", item("a", 3)), order.ErrOverShipment, 109000},
		{"part of a sku", paidOrder, parcel("X", item("c", 2)), order.ErrSplitSKU, 606030},
		{"sku twice in a parcel", paidOrder, parcel("X", item("c", 1), item("c", 2)), order.ErrSplitSKU, 606030},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := c.order(t)
			var err error
			rejected(t, o, c.target, func() error { _, err = o.Ship(c.parcel, at); return err })
			se, ok := errors.AsType[*order.ShipmentError](err)
			require.True(t, ok)
			assert.Equal(t, c.code, se.Code())
			assert.Contains(t, se.Error(), "order: ")
		})
	}
}

func TestShipNotShippableIsATransitionError(t *testing.T) {
	t.Parallel()
	o := newOrder(t)
	_, err := o.Ship(parcel("X", item("a", 2)), t0)
	te, ok := errors.AsType[*order.TransitionError](err)
	require.True(t, ok)
	assert.Equal(t, order.StatusPendingPayment, te.From)
	assert.ErrorIs(t, err, order.ErrInvalidTransition)
}

func TestShipRejectsTrackingNumberUsedBefore(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	rejected(t, o, order.ErrDuplicateTracking, func() error {
		_, err := o.Ship(parcel("SF1", item("b", 1)), t0.Add(3*time.Hour))
		return err
	})
}

func TestShipRejectsShippedAgainAsOverShipment(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	rejected(t, o, order.ErrOverShipment, func() error {
		_, err := o.Ship(parcel("SF2", item("a", 1)), t0.Add(3*time.Hour))
		return err
	})
}

func TestShipRespectsAfterSale(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	_, err := o.HoldForAfterSale([]order.Item{item("c", 1)}, at)
	require.NoError(t, err)
	rejected(t, o, order.ErrOnAfterSale, func() error { _, err := o.Ship(parcel("X", item("c", 3)), at); return err })

	_, err = o.ReleaseAfterSale([]order.Item{item("c", 1)}, true, at)
	require.NoError(t, err)
	assert.Equal(t, 2, o.Remaining("c"), "a refunded unit never ships")
	rejected(t, o, order.ErrRefundedUnits, func() error { _, err := o.Ship(parcel("X", item("c", 3)), at); return err })
	_, err = o.Ship(parcel("X", item("c", 2)), at)
	require.NoError(t, err)
}

func TestShipmentProblemsReportsEverythingInOrder(t *testing.T) {
	t.Parallel()
	o := newOrder(t) // unpaid: not shippable either
	before := state(t, o)
	parcels := []order.Parcel{
		{Carrier: "SF", Items: []order.Item{item("a", 3), item("z", 1)}},
		parcel("T2"),
		parcel("T3", item("b", 0), item("a", 1), item("c", 1)),
	}
	var got []order.ShipmentError
	for e := range o.ShipmentProblems(parcels, true) {
		got = append(got, *e)
	}
	st := order.StatusPendingPayment
	want := []order.ShipmentError{
		{Rule: order.RuleNotShippable, Status: st, Parcel: -1},
		{Rule: order.RuleMissingTracking, Status: st, Parcel: 0},
		{Rule: order.RuleOverShipment, Status: st, Parcel: 0, SKUID: "a", Want: 2, Got: 3},
		{Rule: order.RuleUnknownSKU, Status: st, Parcel: 0, SKUID: "z", Got: 1},
		{Rule: order.RuleEmptyParcel, Status: st, Parcel: 1, TrackingNumber: "T2"},
		{Rule: order.RuleBadQuantity, Status: st, Parcel: 2, SKUID: "b", Want: 1, Got: 0, TrackingNumber: "T3"},
		{Rule: order.RuleSplitSKU, Status: st, Parcel: 2, SKUID: "a", Got: 1, TrackingNumber: "T3"},
		{Rule: order.RuleSplitSKU, Status: st, Parcel: 2, SKUID: "c", Want: 3, Got: 1, TrackingNumber: "T3"},
		{Rule: order.RuleIncomplete, Status: st, Parcel: -1, SKUID: "b", Want: 1, Got: 0},
		{Rule: order.RuleIncomplete, Status: st, Parcel: -1, SKUID: "c", Want: 3, Got: 1},
	}
	assert.Equal(t, want, got)
	assert.Equal(t, before, state(t, o), "ShipmentProblems changes nothing")

	// Stopping early is honoured.
	n := 0
	for range o.ShipmentProblems(parcels, true) {
		n++
		break
	}
	assert.Equal(t, 1, n)

	// Ship reports all of them joined, each reachable with errors.Is.
	_, err := o.Ship(parcels[2], t0)
	for _, target := range []error{order.ErrNotShippable, order.ErrBadQuantity, order.ErrSplitSKU} {
		assert.ErrorIs(t, err, target)
	}
}

func TestShipmentProblemsCleanRequest(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	req := []order.Parcel{parcel("T1", item("a", 2)), parcel("T2", item("b", 1), item("c", 3))}
	assert.Empty(t, slices.Collect(o.ShipmentProblems(req, true)))
	assert.Empty(t, slices.Collect(o.ShipmentProblems(req[:1], false)))
	incomplete := slices.Collect(o.ShipmentProblems(req[:1], true))
	require.Len(t, incomplete, 2)
	assert.ErrorIs(t, incomplete[0], order.ErrIncompleteShipment)
	dup := slices.Collect(o.ShipmentProblems([]order.Parcel{parcel("T1", item("a", 2)), parcel("T1", item("b", 1))}, false))
	require.Len(t, dup, 1)
	assert.Equal(t, order.RuleDuplicateTracking, dup[0].Rule)
	assert.Equal(t, 1, dup[0].Parcel)
}
