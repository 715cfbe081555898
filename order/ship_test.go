package order_test

import (
	"errors"
	"slices"
	"strings"
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
	at := t0.Add(4 * time.Hour) // after shippedOrder's last parcel
	cases := []struct {
		name   string
		order  func(testing.TB) *order.Order
		parcel order.Parcel
		target order.Rule
		code   int
	}{
		{"unpaid", newOrder, parcel("X", item("a", 2)), order.RuleOrderUnpaid, 0},
		{"fully shipped", shippedOrder, parcel("X", item("a", 2)), order.RuleOrderShipped, 109001},
		{"cancelled", cancelledOrder, parcel("X", item("a", 2)), order.RuleOrderCancelled, 0},
		{"no logistics on physical goods", paidOrder, order.Parcel{Items: []order.Item{item("a", 2)}}, order.RuleDeliverTypeMismatch, 606008},
		{"no carrier", paidOrder, order.Parcel{TrackingNumber: "X", Items: []order.Item{item("a", 2)}}, order.RuleCarrierMissing, 40097},
		{"malformed carrier", paidOrder, order.Parcel{Carrier: "S F", TrackingNumber: "X", Items: []order.Item{item("a", 2)}}, order.RuleCarrierUnknown, 606004},
		{"no tracking number", paidOrder, order.Parcel{Carrier: "SF", Items: []order.Item{item("a", 2)}}, order.RuleTrackingMissing, 40097},
		{"tracking number with a space", paidOrder, parcel("SF 123", item("a", 2)), order.RuleTrackingInvalid, 606005},
		{"tracking number with an emoji", paidOrder, parcel("SF123📦", item("a", 2)), order.RuleTrackingInvalid, 606005},
		{"tracking number too long", paidOrder, parcel(strings.Repeat("9", order.MaxTrackingLength+1), item("a", 2)), order.RuleTrackingInvalid, 606005},
		{"empty parcel", paidOrder, parcel("X"), order.RuleParcelEmpty, 109002},
		{"zero quantity", paidOrder, parcel("X", item("a", 0)), order.RuleQuantityInvalid, 109000},
		{"huge quantity", paidOrder, parcel("X", item("a", order.MaxQuantity+1)), order.RuleQuantityInvalid, 109000},
		{"unknown sku", paidOrder, parcel("X", item("z", 1)), order.RuleSKUUnknown, 606031},
		{"wrong product", paidOrder, parcel("X", order.Item{ProductID: "p2", SKUID: "a", Quantity: 2}), order.RuleSKUUnknown, 606031},
		{"over-shipment", paidOrder, parcel("X", item("a", 3)), order.RuleOverShipment, 109000},
		{"part of a sku", paidOrder, parcel("X", item("c", 2)), order.RuleSKUSplit, 606030},
		{"sku twice in a parcel", paidOrder, parcel("X", item("c", 1), item("c", 2)), order.RuleSKUSplit, 606030},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := c.order(t)
			var err error
			rejected(t, o, c.target, func() error { _, err = o.Ship(c.parcel, at); return err })
			se, ok := errors.AsType[*order.ShipmentError](err)
			require.True(t, ok)
			assert.Equal(t, c.target, se.Rule)
			assert.Equal(t, c.code, se.Code())
			assert.Equal(t, c.code, c.target.PlatformCode())
			assert.Equal(t, "order: "+c.target.String()+": "+se.MessageEN(), se.Error())
			assert.NotEmpty(t, se.Message())
			assert.NotEqual(t, se.Message(), se.MessageEN())
		})
	}
}

func TestShipNotShippableIsATransitionError(t *testing.T) {
	t.Parallel()
	o := newOrder(t)
	_, err := o.Ship(parcel("X", item("a", 2)), t0)
	te, ok := errors.AsType[order.TransitionError](err)
	require.True(t, ok)
	assert.Equal(t, order.StatusPendingPayment, te.From)
	assert.ErrorIs(t, err, order.ErrInvalidTransition)
	assert.ErrorIs(t, err, order.RuleOrderUnpaid)

	// An unknown SKU is also ErrUnknownSKU, a bad quantity also ErrInvalidQuantity.
	p := paidOrder(t)
	_, err = p.Ship(parcel("X", item("z", 1)), t0.Add(2*time.Hour))
	assert.ErrorIs(t, err, order.ErrUnknownSKU)
	_, err = p.Ship(parcel("X", item("a", -1)), t0.Add(2*time.Hour))
	assert.ErrorIs(t, err, order.ErrInvalidQuantity)
}

func TestShipRejectsTrackingNumberUsedBefore(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	rejected(t, o, order.RuleTrackingDuplicate, func() error {
		_, err := o.Ship(parcel("SF1", item("b", 1)), t0.Add(3*time.Hour))
		return err
	})
}

func TestShipRejectsShippedAgainAsOverShipment(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(2*time.Hour))
	require.NoError(t, err)
	rejected(t, o, order.RuleOverShipment, func() error {
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
	rejected(t, o, order.RuleAfterSaleOpen, func() error { _, err := o.Ship(parcel("X", item("c", 3)), at); return err })

	refundAll(t, o, []order.Item{item("c", 1)}, at)
	assert.Equal(t, 2, o.Remaining("c"), "a refunded unit never ships")
	rejected(t, o, order.RuleUnitsRefunded, func() error { _, err := o.Ship(parcel("X", item("c", 3)), at); return err })
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
		{Rule: order.RuleOrderUnpaid, Status: st, Parcel: -1},
		{Rule: order.RuleTrackingMissing, Status: st, Parcel: 0},
		{Rule: order.RuleOverShipment, Status: st, Parcel: 0, ProductID: "p1", SKUID: "a", Want: 2, Got: 3},
		{Rule: order.RuleSKUUnknown, Status: st, Parcel: 0, ProductID: "p1", SKUID: "z", Got: 1},
		{Rule: order.RuleParcelEmpty, Status: st, Parcel: 1, TrackingNumber: "T2"},
		{Rule: order.RuleQuantityInvalid, Status: st, Parcel: 2, ProductID: "p1", SKUID: "b", Want: 1, Got: 0, TrackingNumber: "T3"},
		{Rule: order.RuleSKUSplit, Status: st, Parcel: 2, ProductID: "p1", SKUID: "a", Got: 1, TrackingNumber: "T3"},
		{Rule: order.RuleSKUSplit, Status: st, Parcel: 2, ProductID: "p1", SKUID: "c", Want: 3, Got: 1, TrackingNumber: "T3"},
		{Rule: order.RuleShipmentIncomplete, Status: st, Parcel: -1, ProductID: "p1", SKUID: "b", Want: 1, Got: 0},
		{Rule: order.RuleShipmentIncomplete, Status: st, Parcel: -1, ProductID: "p1", SKUID: "c", Want: 3, Got: 1},
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
	for _, target := range []error{order.RuleOrderUnpaid, order.ErrInvalidTransition, order.RuleQuantityInvalid, order.RuleSKUSplit} {
		assert.ErrorIs(t, err, target)
	}
	assert.NotErrorIs(t, err, order.RuleOverShipment)

	// No parcel at all is one order-level problem.
	p := paidOrder(t)
	none := slices.Collect(p.ShipmentProblems(nil, true))
	require.Len(t, none, 1)
	assert.Equal(t, order.ShipmentError{Rule: order.RuleParcelEmpty, Status: order.StatusPendingShipment, Parcel: -1}, *none[0])
	assert.Equal(t, "the request has no parcels", none[0].MessageEN())
}

func TestShipmentProblemsCleanRequest(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	req := []order.Parcel{parcel("T1", item("a", 2)), parcel("T2", item("b", 1), item("c", 3))}
	assert.Empty(t, slices.Collect(o.ShipmentProblems(req, true)))
	assert.Empty(t, slices.Collect(o.ShipmentProblems(req[:1], false)))
	incomplete := slices.Collect(o.ShipmentProblems(req[:1], true))
	require.Len(t, incomplete, 2)
	assert.ErrorIs(t, incomplete[0], order.RuleShipmentIncomplete)
	assert.Zero(t, incomplete[0].Code(), "the platform has no code for it")
	dup := slices.Collect(o.ShipmentProblems([]order.Parcel{parcel("T1", item("a", 2)), parcel("T1", item("b", 1))}, false))
	require.Len(t, dup, 1)
	assert.Equal(t, order.RuleTrackingDuplicate, dup[0].Rule)
	assert.Equal(t, 1, dup[0].Parcel)
}

// cancelledOrder is newOrder cancelled by the buyer.
func cancelledOrder(t testing.TB) *order.Order {
	t.Helper()
	o := newOrder(t)
	_, err := o.Cancel(order.CancelByBuyer, t0.Add(time.Minute))
	require.NoError(t, err)
	return o
}

// TestShipmentProblemsLogisticsOrder: the logistics rules of a parcel are judged in one order,
// and a parcel breaks at most one of them.
func TestShipmentProblemsLogisticsOrder(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	_, err := o.Reship(order.ReshipGift, parcel("R1", item("b", 1)), t0.Add(4*time.Hour))
	require.NoError(t, err)
	p := paidOrder(t)
	cases := []struct {
		carrier, tracking string
		want              order.Rule
	}{
		{"", "", order.RuleDeliverTypeMismatch},
		{"", "SF 1", order.RuleCarrierMissing},
		{"顺丰", "", order.RuleCarrierUnknown},
		{strings.Repeat("A", 65), "SF1", order.RuleCarrierUnknown},
		{strings.Repeat("A", 64), "SF9", 0},
		{"ZTO-EXPRESS_2", "", order.RuleTrackingMissing},
		{"SF", "SF\u200b1", order.RuleTrackingInvalid},
		{"SF", "SF-001", 0},
		{"SF", "SF1", order.RuleTrackingDuplicate},
		{"YTO", "R1", order.RuleTrackingDuplicate}, // a re-shipment's number
	}
	for _, c := range cases {
		pc := order.Parcel{Carrier: c.carrier, TrackingNumber: c.tracking, Items: []order.Item{item("a", 2)}}
		var got []order.Rule
		target := p
		if c.want == order.RuleTrackingDuplicate {
			target = o
		}
		for e := range target.ShipmentProblems([]order.Parcel{pc}, false) {
			if e.Parcel == 0 && e.SKUID == "" {
				got = append(got, e.Rule)
			}
		}
		if c.want == 0 {
			assert.Empty(t, got, "%q %q", c.carrier, c.tracking)
			continue
		}
		assert.Equal(t, []order.Rule{c.want}, got, "%q %q", c.carrier, c.tracking)
	}
	assert.True(t, order.CarrierCodeValid("OTHER"))
	assert.False(t, order.CarrierCodeValid(""))
	assert.False(t, order.CarrierCodeValid("S/F"))
}
