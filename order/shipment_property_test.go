package order_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// shipmentErrors returns the *ShipmentError values an error of Ship carries: the error itself,
// or each of the errors it joins (errors.As over every one of them).
func shipmentErrors(err error) []*order.ShipmentError {
	if err == nil {
		return nil
	}
	var out []*order.ShipmentError
	if se, ok := err.(*order.ShipmentError); ok {
		return append(out, se)
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		if se, ok := errors.AsType[*order.ShipmentError](err); ok {
			out = append(out, se)
		}
		return out
	}
	for _, e := range joined.Unwrap() {
		var se *order.ShipmentError
		if errors.As(e, &se) {
			out = append(out, se)
		}
	}
	return out
}

func ruleSet(errs []*order.ShipmentError) map[order.Rule]bool {
	set := map[order.Rule]bool{}
	for _, e := range errs {
		set[e.Rule] = true
	}
	return set
}

// TestShipAgreesWithShipmentProblems is a property test: on random orders (paid or not,
// virtual or not, partly shipped, with units held or refunded by after-sale, cancelled or
// fully shipped), for random single parcels (SKUs, quantities, tracking numbers, carriers,
// with or without logistics), Ship fails exactly when ShipmentProblems yields something, the
// rules in Ship's error are the rules yielded (in the same order), and a refused parcel changes
// nothing while an accepted one is recorded.
func TestShipAgreesWithShipmentProblems(t *testing.T) {
	t.Parallel()
	accepted, refused := 0, 0
	seen := map[order.Rule]bool{}
	for seed := range uint64(600) {
		rng := rand.New(rand.NewPCG(seed, 99))
		o := randomOrder(t, rng)
		at := o.UpdatedAt().Add(time.Hour)
		for step := range 8 {
			p := randomParcel(rng, o)
			problems := slices.Collect(o.ShipmentProblems([]order.Parcel{p}, false))
			before := state(t, o)
			parcels := len(o.Parcels())
			_, err := o.Ship(p, at)
			got := shipmentErrors(err)
			if len(problems) == 0 {
				require.NoError(t, err, "seed %d step %d: %+v", seed, step, p)
				require.Len(t, o.Parcels(), parcels+1)
				left := 0
				for _, l := range o.All() {
					left += l.Remaining()
				}
				require.Equal(t, left == 0, o.Status() == order.StatusShipped, "seed %d step %d: status %s with %d units left", seed, step, o.Status(), left)
				accepted++
				continue
			}
			refused++
			require.Error(t, err, "seed %d step %d: %+v", seed, step, p)
			require.Equal(t, before, state(t, o), "seed %d step %d: a refused parcel changed the order", seed, step)
			require.Equal(t, ruleSet(problems), ruleSet(got), "seed %d step %d: %+v", seed, step, p)
			require.Len(t, got, len(problems), "seed %d step %d", seed, step)
			for i := range problems {
				require.Equal(t, *problems[i], *got[i], "seed %d step %d: problem %d", seed, step, i)
				require.ErrorIs(t, err, problems[i].Rule)
				seen[problems[i].Rule] = true
			}
		}
	}
	require.Positive(t, accepted)
	require.Positive(t, refused)
	// The generator reaches every rule a single parcel can break.
	for _, r := range order.Rules() {
		switch r {
		case order.RuleInvalidRequest, order.RuleSKUDrift, order.RuleLateShipment, order.RuleShipmentIncomplete:
			continue // shipping's rules, a warning, and a rule of complete requests
		}
		require.True(t, seen[r], "no random parcel broke %s", r)
	}
}

// randomOrder is an order of 1 to 8 lines in any status a shipment can meet.
func randomOrder(t *testing.T, rng *rand.Rand) *order.Order {
	t.Helper()
	n := 1 + rng.IntN(8)
	if rng.IntN(10) == 0 {
		n = 17 + rng.IntN(30) // the line index
	}
	lines := make([]order.LineParams, n)
	for i := range lines {
		q := 1 + rng.IntN(3)
		s := mustSnapshot(fmt.Sprintf("p%d", i%2), fmt.Sprintf("s%d", i), "T", d("1.00"))
		lines[i] = order.LineParams{Snapshot: s, Quantity: q, UnitPrice: s.Price(), Paid: decimal.New(int64(100*q), -2)}
	}
	waits := rng.IntN(12)
	o, err := order.New(order.NewParams{ID: "o", Seller: shop.WeChatShop, Buyer: "b", Lines: lines,
		Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: t0, Virtual: rng.IntN(4) == 0,
		Gift: waits == 2, GroupBuy: waits == 3})
	require.NoError(t, err)
	at := t0.Add(time.Hour)
	switch waits {
	case 0:
		return o // unpaid
	case 1:
		_, err = o.Cancel(order.CancelByBuyer, at)
		require.NoError(t, err)
		return o
	case 2:
		_, err = o.Pay(at) // a gift its recipient has not accepted
		require.NoError(t, err)
		return o
	case 3:
		_, err = o.Pay(at) // a group buy whose group has not formed
		require.NoError(t, err)
		return o
	}
	_, err = o.Pay(at)
	require.NoError(t, err)
	if rng.IntN(10) == 0 {
		_, err = o.Cancel(order.CancelOversold, at)
		require.NoError(t, err)
		return o
	}
	for i := range n {
		l, _ := o.LineAt(i)
		it := []order.Item{{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: 1}}
		switch rng.IntN(6) {
		case 0:
			it[0].Quantity = l.Remaining()
			_, _ = o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("T%d", i), Items: it}, at)
		case 1:
			if _, err := o.HoldForAfterSale(it, at); err == nil {
				refundAll(t, o, it, at)
			}
		case 2:
			_, _ = o.HoldForAfterSale(it, at)
		}
	}
	if rng.IntN(6) == 0 {
		return withSKUChange(t, o, rng)
	}
	return o
}

// withSKUChange is o restored with a SKU change request on a line that has not shipped: pending
// (it holds the line) or answered (it does not).
func withSKUChange(t *testing.T, o *order.Order, rng *rand.Rand) *order.Order {
	t.Helper()
	s := o.State()
	for i, l := range s.Lines {
		if l.Shipped > 0 {
			continue
		}
		c := order.SKUChange{From: l.Snapshot.SKUID(), To: fmt.Sprintf("new-%d", i), State: order.SKUChangePending}
		if rng.IntN(3) == 0 {
			c.State = order.SKUChangeRejected
		}
		s.SKUChanges = append(s.SKUChanges, c)
		back, err := order.Restore(s)
		require.NoError(t, err)
		return back
	}
	return o
}

// randomParcel is one parcel for o: mostly a line's units left to ship, with every kind of
// mistake now and then.
func randomParcel(rng *rand.Rand, o *order.Order) order.Parcel {
	p := order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("T%d", rng.IntN(60))}
	switch rng.IntN(16) {
	case 0:
		p.Carrier, p.TrackingNumber = "", ""
	case 1:
		p.Carrier = ""
	case 2:
		p.TrackingNumber = ""
	case 3:
		p.Carrier = "S F"
	case 4:
		p.TrackingNumber = "SF 123"
	case 5:
		p.TrackingNumber = "T1😀"
	case 6:
		p.TrackingNumber = strings.Repeat("7", order.MaxTrackingLength+1)
	case 7:
		p.TrackingNumber = fmt.Sprintf("T%d", rng.IntN(4)) // likely used by the order
	}
	n := o.NumLines()
	for range rng.IntN(4) {
		l, _ := o.LineAt(rng.IntN(n))
		it := order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.Remaining()}
		switch rng.IntN(10) {
		case 0:
			it.Quantity = rng.IntN(3) - 1
		case 1:
			it.Quantity = l.Quantity() + 1
		case 2:
			it.ProductID = "other"
		case 3:
			it.SKUID = "unknown"
		case 4:
			it.Quantity = l.Quantity() - l.Shipped() // refunded units too
		}
		p.Items = append(p.Items, it)
	}
	return p
}
