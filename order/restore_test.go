package order_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestRestoreReplaysParcelsWithShipsWalk: Restore judges stored parcels with the rules Ship
// applies, so a stored form can hold no parcel that Ship would have refused. Each case edits
// the State of a real shipped order (a: 2 units in SF1; b and c in SF2) and keeps the
// shipped counters consistent, so only the parcel rule can refuse it.
func TestRestoreReplaysParcelsWithShipsWalk(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(s *order.State)
		rule   order.Rule
	}{
		{"one SKU split over two parcels", func(s *order.State) {
			s.Parcels[0].Items[0].Quantity = 1
			s.Parcels[1].Items = append(s.Parcels[1].Items, item("a", 1))
		}, order.RuleSKUSplit},
		{"a tracking number used twice", func(s *order.State) { s.Parcels[1].TrackingNumber = "SF1" }, order.RuleTrackingDuplicate},
		{"a tracking number with a space", func(s *order.State) { s.Parcels[1].TrackingNumber = "SF 123" }, order.RuleTrackingInvalid},
		{"a tracking number with an emoji", func(s *order.State) { s.Parcels[0].TrackingNumber = "SF1📦" }, order.RuleTrackingInvalid},
		{"a carrier code no carrier has", func(s *order.State) { s.Parcels[0].Carrier = "顺丰" }, order.RuleCarrierUnknown},
		{"no logistics on physical goods", func(s *order.State) {
			s.Parcels[0].Carrier, s.Parcels[0].TrackingNumber = "", ""
		}, order.RuleDeliverTypeMismatch},
		{"an empty parcel", func(s *order.State) {
			s.Parcels = append(s.Parcels, order.Parcel{Carrier: "SF", TrackingNumber: "SF3"})
		}, order.RuleParcelEmpty},
		{"a parcel of another product", func(s *order.State) { s.Parcels[0].Items[0].ProductID = "p2" }, order.RuleSKUUnknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := shippedOrder(t).State()
			c.mutate(&s)
			o, err := order.Restore(s)
			require.ErrorIs(t, err, order.ErrInvalidOrder)
			require.ErrorIs(t, err, c.rule)
			assert.Nil(t, o)
			se, ok := errors.AsType[*order.ShipmentError](err)
			require.True(t, ok)
			assert.Equal(t, c.rule, se.Rule)
		})
	}

	// A re-shipment is judged with Reship's walk.
	s := shippedOrder(t).State()
	s.Reshipments = []order.Reshipment{{Reason: order.ReshipGift, Parcel: parcel("SF2", item("b", 1)), At: s.UpdatedAt}}
	_, err := order.Restore(s)
	require.ErrorIs(t, err, order.RuleTrackingDuplicate, "a re-shipment's number is one of a parcel")
	s.Reshipments[0].Parcel = order.Parcel{Items: []order.Item{item("b", 1)}}
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.RuleDeliverTypeMismatch, "a re-shipment goes by express")
	s.Reshipments[0].Parcel = parcel("R1", item("b", 2))
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.RuleOverShipment, "more than the line's quantity")
	s.Reshipments[0].Parcel = parcel("R1", item("b", 1))
	_, err = order.Restore(s)
	require.NoError(t, err)
}

// TestRestoreChecksWhatTheCommandsKeep: counters, deadlines, negotiations, times and refunded
// money that no sequence of commands can produce are refused.
func TestRestoreChecksWhatTheCommandsKeep(t *testing.T) {
	t.Parallel()
	// partial: a shipped (SF1, t0+2h); b and c still to ship.
	partial := func(t testing.TB) *order.Order {
		o := paidOrder(t)
		_, err := o.Ship(parcel("SF1", item("a", 2)), t0.Add(2*time.Hour))
		require.NoError(t, err)
		return o
	}
	// negotiated: the deadline t0+49h moved to t0+60h at t0+2h.
	negotiated := func(t testing.TB) *order.Order {
		o := paidOrder(t)
		_, err := o.ExtendShipBy(t0.Add(60*time.Hour), order.NegotiateStockShortage, t0.Add(2*time.Hour))
		require.NoError(t, err)
		return o
	}
	// refunded: one unit of a refunded with its whole share, 10.10.
	refunded := func(t testing.TB) *order.Order {
		o := shippedOrder(t)
		_, err := o.HoldForAfterSale([]order.Item{item("a", 1)}, t0.Add(4*time.Hour))
		require.NoError(t, err)
		refundAll(t, o, []order.Item{item("a", 1)}, t0.Add(4*time.Hour))
		return o
	}
	cases := []struct {
		name   string
		from   func(testing.TB) *order.Order
		mutate func(s *order.State)
		target error
	}{
		{"after-sale done units above the shipped ones", partial, func(s *order.State) {
			s.Lines[2].AfterSaleDone, s.Lines[2].AfterSaleAttempts = 1, 1
		}, order.ErrInvalidOrder},
		{"a ship-by deadline before the payment", paidOrder, func(s *order.State) {
			s.Lines[1].ShipBy = s.PaidAt.Add(-time.Minute)
		}, order.ErrInvalidOrder},
		{"a negotiation sent less than the lead before its deadline", negotiated, func(s *order.State) {
			at := s.Negotiations[0].From.Add(-3 * time.Hour) // the lead is 4 h
			s.Negotiations[0].At, s.UpdatedAt = at, at
		}, order.ErrInvalidOrder},
		{"a negotiation that shortens the deadline", negotiated, func(s *order.State) {
			s.Negotiations[0].To = s.Negotiations[0].From.Add(-time.Hour)
		}, order.ErrInvalidOrder},
		{"a negotiation before the payment", negotiated, func(s *order.State) { s.Negotiations[0].At = t0 }, order.ErrTimeOrder},
		{"a negotiation after the last change", negotiated, func(s *order.State) {
			s.Negotiations[0].At = s.UpdatedAt.Add(time.Minute)
		}, order.ErrTimeOrder},
		{"refunded money above the share of the refunded units", refunded, func(s *order.State) {
			s.Lines[0].RefundedAmount = d("10.11") // ⌈20.20 × 1/2⌉ = 10.10
		}, order.ErrRefundTooLarge},
		{"a last change before the end", shippedOrder, func(s *order.State) { s.UpdatedAt = t0.Add(2 * time.Hour) }, order.ErrTimeOrder},
		{"a re-shipment after the last change", shippedOrder, func(s *order.State) {
			s.Reshipments = []order.Reshipment{{Reason: order.ReshipGift, Parcel: parcel("R1", item("a", 1)), At: s.UpdatedAt.Add(time.Hour)}}
		}, order.ErrTimeOrder},
		{"a shipped line that is not whole", partial, func(s *order.State) {
			s.Lines[0].Shipped = 1
			s.Parcels[0].Items[0].Quantity = 1
		}, order.ErrInvalidOrder},
		{"a ship-by after the year 9999", paidOrder, func(s *order.State) {
			s.Lines[0].ShipBy = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}, order.ErrInvalidOrder},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := c.from(t).State()
			_, err := order.Restore(s)
			require.NoError(t, err, "the unedited state restores")
			c.mutate(&s)
			o, err := order.Restore(s)
			require.ErrorIs(t, err, c.target)
			assert.Nil(t, o)
		})
	}
}

// TestRestoreFillsUpdatedAt: a stored form without UpdatedAt (written before it existed) gets
// the latest time it carries, and the order then refuses commands dated before it.
func TestRestoreFillsUpdatedAt(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(9 * time.Hour)
	_, err := o.Reship(order.ReshipDamaged, parcel("R1", item("c", 1)), at)
	require.NoError(t, err)
	s := o.State()
	s.UpdatedAt = time.Time{}
	r, err := order.Restore(s)
	require.NoError(t, err)
	assert.Equal(t, at, r.UpdatedAt(), "the re-shipment is the latest time")
	rejected(t, r, order.ErrTimeOrder, func() error { _, err := r.ConfirmReceipt(order.ConfirmAuto, at.Add(-time.Second)); return err })
}

// TestRestoreParcelsInAnyOrder: Restore replays stored parcels whatever lines they ship and in
// whatever order, for a small order (its parcels kept next to it) and a large one (a SKU index
// and a tracking-number set), and still refuses a number used twice or a SKU split over two
// parcels when they come late in the list.
func TestRestoreParcelsInAnyOrder(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, 4, 30, 100} {
		for seed := range uint64(20) {
			rng := rand.New(rand.NewPCG(seed, uint64(n)))
			o, err := order.New(benchParams(n))
			require.NoError(t, err)
			_, err = o.Pay(t0.Add(time.Hour))
			require.NoError(t, err)
			lines := rng.Perm(n)
			for k := 0; len(lines) > 0; k++ {
				take := min(len(lines), 1+rng.IntN(3))
				p := order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("SF%d", 1000+k)}
				for _, li := range lines[:take] {
					l, _ := o.LineAt(li)
					p.Items = append(p.Items, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.Quantity()})
				}
				lines = lines[take:]
				_, err = o.Ship(p, t0.Add(2*time.Hour))
				require.NoError(t, err)
			}
			s := o.State()
			back, err := order.Restore(s)
			require.NoError(t, err, "n=%d seed=%d", n, seed)
			assert.Equal(t, s, back.State())
			data, err := o.MarshalJSON()
			require.NoError(t, err)
			fromJSON, err := order.RestoreJSON(data)
			require.NoError(t, err)
			assert.Equal(t, s, fromJSON.State())

			if len(s.Parcels) < 2 {
				continue
			}
			last := len(s.Parcels) - 1
			dup := o.State()
			dup.Parcels[last].TrackingNumber = dup.Parcels[0].TrackingNumber
			_, err = order.Restore(dup)
			require.ErrorIs(t, err, order.RuleTrackingDuplicate, "n=%d seed=%d", n, seed)

			split := o.State()
			moved := split.Parcels[0].Items[0]
			moved.Quantity = 1
			split.Parcels[0].Items[0].Quantity--
			split.Parcels[last].Items = append(split.Parcels[last].Items, moved)
			_, err = order.Restore(split)
			require.ErrorIs(t, err, order.RuleSKUSplit, "n=%d seed=%d", n, seed)
		}
	}
}
