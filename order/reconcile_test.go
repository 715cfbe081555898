package order_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// fromPlatform is platformOrder changed by mutate and rebuilt by FromPlatform.
func fromPlatform(t *testing.T, mutate func(p *order.PlatformOrder)) *order.Order {
	t.Helper()
	p := platformOrder()
	if mutate != nil {
		mutate(&p)
	}
	o, err := order.FromPlatform(p)
	require.NoError(t, err)
	return o
}

// eventNames are the names of events, in order.
func eventNames(events []order.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.EventName())
	}
	return out
}

func TestReconcile(t *testing.T) {
	t.Parallel()
	unpaid := func(p *order.PlatformOrder) { p.Status, p.PaidAt = order.StatusPendingPayment, time.Time{} }
	partial := func(p *order.PlatformOrder) {
		p.Status, p.UpdatedAt = order.StatusPartiallyShipped, t0.Add(2*time.Hour)
		p.Parcels = []order.Parcel{parcel("SF1", item("a", 2))}
	}
	completed := func(p *order.PlatformOrder) {
		shippedAll(p, order.StatusCompleted)
		p.ConfirmedAt, p.UpdatedAt = t0.Add(5*24*time.Hour), t0.Add(5*24*time.Hour)
	}
	cases := []struct {
		name          string
		stored, fresh func(p *order.PlatformOrder)
		events        []string
	}{
		{"nothing changed", nil, nil, nil},
		{"paid", unpaid, nil, []string{"order_paid"}},
		{"a parcel left", nil, partial, []string{"order_shipped"}},
		{"from unpaid to completed", unpaid, completed, []string{"order_paid", "order_shipped", "order_shipped", "order_completed"}},
		{"a unit held by after-sale", nil, func(p *order.PlatformOrder) {
			p.Lines[1].OnAfterSale, p.UpdatedAt = 1, t0.Add(3*time.Hour)
		}, []string{"order_after_sale_held"}},
		{"the held unit refunded", func(p *order.PlatformOrder) { p.Lines[1].OnAfterSale = 1 }, func(p *order.PlatformOrder) {
			p.Lines[1].FinishedAfterSale, p.UpdatedAt = 1, t0.Add(3*time.Hour)
		}, []string{"order_after_sale_released"}},
		{"settled", completed, func(p *order.PlatformOrder) {
			completed(p)
			p.SettledAt, p.UpdatedAt = t0.Add(12*24*time.Hour), t0.Add(12*24*time.Hour)
		}, []string{"order_settled"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			stored, fresh := fromPlatform(t, c.stored), fromPlatform(t, c.fresh)
			events, err := stored.Reconcile(fresh)
			require.NoError(t, err)
			assert.Equal(t, c.events, eventNames(events))
			assert.Equal(t, state(t, fresh), state(t, stored), "the stored order is the platform's")
			again, err := stored.Reconcile(fresh)
			require.NoError(t, err)
			assert.Empty(t, again, "reconciling twice changes nothing")
		})
	}
}

// TestReconcileKeepsWhatOnlyTheHostKnows: a negotiation, who confirmed and a refund's amount
// survive a reconcile with an order/get that does not carry them.
func TestReconcileKeepsWhatOnlyTheHostKnows(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.ExtendShipBy(t0.Add(60*time.Hour), order.NegotiateStockShortage, t0.Add(2*time.Hour))
	require.NoError(t, err)
	all := []order.Item{item("a", 2), item("b", 1), item("c", 3)}
	_, err = o.Ship(parcel("SF1", all...), t0.Add(3*time.Hour))
	require.NoError(t, err)
	_, err = o.HoldForAfterSale([]order.Item{item("a", 1)}, t0.Add(4*time.Hour))
	require.NoError(t, err)
	refundAll(t, o, []order.Item{item("a", 1)}, t0.Add(5*time.Hour))
	_, err = o.ConfirmReceipt(order.ConfirmByBuyer, t0.Add(6*time.Hour))
	require.NoError(t, err)

	// The platform's view: the same order, with confirmation and refunds it cannot attribute.
	s := o.State()
	p := order.PlatformOrder{ID: s.ID, Buyer: s.Buyer, Status: s.Status, CreatedAt: s.CreatedAt, UpdatedAt: t0.Add(7 * time.Hour),
		PaidAt: s.PaidAt, ShipDoneAt: s.ShipDoneAt, ConfirmedAt: s.EndedAt, Parcels: s.Parcels, Freight: s.Freight}
	for _, l := range s.Lines {
		p.Lines = append(p.Lines, order.PlatformLine{Snapshot: l.Snapshot, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
			Paid: nd(l.Paid.StringFixed(2)), FinishedAfterSale: l.Refunded, ShipBy: l.ShipBy})
	}
	fresh, err := order.FromPlatform(p)
	require.NoError(t, err)
	assert.Equal(t, order.ConfirmUnknown, fresh.Confirm())

	events, err := o.Reconcile(fresh)
	require.NoError(t, err)
	assert.Empty(t, events)
	assert.Equal(t, order.ConfirmByBuyer, o.Confirm())
	assert.Len(t, o.Negotiations(), 1)
	a, _ := o.Line("a")
	assert.Equal(t, "10.10", a.RefundedAmount().StringFixed(2))
	assert.Equal(t, t0.Add(7*time.Hour), o.UpdatedAt())
}

// TestReconcileRefusesWhatCannotBeReached: a regression or a contradiction is an error naming
// the fields, and the stored order stays as it was.
func TestReconcileRefusesWhatCannotBeReached(t *testing.T) {
	t.Parallel()
	shipped := func(p *order.PlatformOrder) { shippedAll(p, order.StatusShipped) }
	cases := []struct {
		name          string
		stored, fresh func(p *order.PlatformOrder)
		fields        []string
	}{
		{"a status that goes back", shipped, nil, []string{"Status: shipped → pending_shipment", "ShipDoneAt: 2025-03-01T12:00:00Z → absent",
			"Lines[0].Shipped: 2 → 0", "Lines[1].Shipped: 1 → 0", "Parcels[0]: SF1 → absent", "Parcels[1]: SF2 → absent"}},
		{"another quantity", nil, func(p *order.PlatformOrder) {
			p.Lines[0].Quantity, p.Lines[0].Paid = 1, nd("10.10")
		}, []string{"Lines[0].Quantity: 2 → 1"}},
		{"another payment time", nil, func(p *order.PlatformOrder) { p.PaidAt = t0.Add(30 * time.Minute) },
			[]string{"PaidAt: 2025-03-01T10:00:00Z → 2025-03-01T09:30:00Z"}},
		{"a parcel the platform no longer reports", shipped, func(p *order.PlatformOrder) {
			shipped(p)
			p.Status, p.ShipDoneAt = order.StatusPartiallyShipped, time.Time{}
			p.Parcels = p.Parcels[:1]
		}, []string{"Status: shipped → partially_shipped", "ShipDoneAt: 2025-03-01T12:00:00Z → absent",
			"Lines[1].Shipped: 1 → 0", "Parcels[1]: SF2 → absent"}},
		{"another order", nil, func(p *order.PlatformOrder) { p.ID = "1" }, []string{"ID: 3725020335455738368 → 1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			stored, fresh := fromPlatform(t, c.stored), fromPlatform(t, c.fresh)
			before := state(t, stored)
			events, err := stored.Reconcile(fresh)
			require.ErrorIs(t, err, order.ErrUnreachable)
			assert.Nil(t, events)
			var re *order.ReconcileError
			require.True(t, errors.As(err, &re))
			assert.Equal(t, c.fields, re.Fields)
			assert.Equal(t, before, state(t, stored), "a refused reconcile changes nothing")
		})
	}
	_, err := fromPlatform(t, nil).Reconcile(nil)
	require.Error(t, err)
}
