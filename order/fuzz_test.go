package order_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// FuzzNext compares the table with the hand-written reference for any pair of bytes.
func FuzzNext(f *testing.F) {
	f.Add(uint8(10), uint8(1))
	f.Add(uint8(30), uint8(9))
	f.Add(uint8(0), uint8(0))
	want := map[[2]uint8]order.Status{}
	for _, r := range reference {
		want[[2]uint8{uint8(r.from), uint8(r.trigger)}] = r.to
	}
	f.Fuzz(func(t *testing.T, s, tr uint8) {
		got, err := order.Next(order.Status(s), order.Trigger(tr))
		exp, ok := want[[2]uint8{s, tr}]
		if ok != (err == nil) || got != exp {
			t.Fatalf("Next(%d, %d) = %d, %v; reference says %d, %t", s, tr, got, err, exp, ok)
		}
	})
}

// script turns fuzz bytes into commands; every byte read past the end is 0.
type script struct {
	b []byte
	i int
}

func (s *script) next() int {
	if s.i >= len(s.b) {
		return 0
	}
	s.i++
	return int(s.b[s.i-1])
}

func (s *script) items() []order.Item {
	n := s.next() % 4
	skus := []string{"a", "b", "c", "z"}
	var out []order.Item
	for range n {
		out = append(out, item(skus[s.next()%4], s.next()%5-1))
	}
	return out
}

// amount is a refund of 0.00 to 25.50, now and then with three decimals.
func (s *script) amount() decimal.Decimal {
	amount := decimal.New(int64(s.next()*10), -2)
	if s.next()%8 == 0 {
		amount = decimal.New(int64(s.next()), -3)
	}
	return amount
}

func (s *script) parcel() order.Parcel {
	tn := ""
	if k := s.next() % 6; k > 0 {
		tn = fmt.Sprintf("T%d", k)
	}
	carrier := "SF"
	switch s.next() % 8 {
	case 1:
		carrier, tn = "", "" // no logistics
	case 2:
		tn += " 1" // malformed
	}
	return order.Parcel{Carrier: carrier, TrackingNumber: tn, Items: s.items()}
}

// FuzzCommands applies random command sequences to an order and checks the invariants after
// every step: a rejected command changed nothing; an accepted one moved UpdatedAt to its time,
// and none is dated before it; shipped ≤ ordered and the after-sale counters fit in every
// line; refunded money stays within what each line paid; the status agrees with the
// quantities; the state restores and round-trips.
func FuzzCommands(f *testing.F) {
	f.Add([]byte{0, 3, 1, 1, 0, 2, 1, 3, 3, 1, 1, 2, 1, 2, 1, 3, 6, 1})
	f.Add([]byte{0, 1, 7, 1, 1, 2, 3, 8, 1, 1, 2, 3, 1, 8, 0})
	f.Add([]byte{0, 1, 4, 2, 5, 200, 1, 0, 6, 1})
	f.Add([]byte{1, 0, 2, 4})
	f.Add([]byte{0, 0, 1, 7, 1, 2, 2, 1, 10, 1, 2, 2, 50, 1, 1, 7, 1, 2, 2, 1, 11, 1, 2, 2}) // refund 5.00, then an exchange
	f.Fuzz(func(t *testing.T, data []byte) {
		// Short scripts keep each input cheap: the fuzzer minimises interesting inputs with a
		// number of runs that grows with the square of their length.
		if len(data) > 96 {
			return
		}
		o, err := order.New(threeLines())
		require.NoError(t, err)
		s := &script{b: data}
		at := t0
		for step := 0; s.i < len(s.b) && step < 40; step++ {
			at = at.Add(time.Duration(s.next()%50) * time.Hour)
			before := state(t, o)
			var err error
			switch s.next() % 12 {
			case 0:
				_, err = o.Pay(at)
			case 1:
				_, err = o.Ship(s.parcel(), at)
			case 2:
				_, err = o.Cancel(order.CancelReason(s.next()%6), at)
			case 3:
				_, err = o.ConfirmReceipt(order.ConfirmKind(s.next()%3), at)
			case 4:
				_, err = o.Reship(order.ReshipReason(s.next()%6), s.parcel(), at)
			case 5:
				_, err = o.ExtendShipBy(at.Add(time.Duration(s.next()%100)*time.Hour), order.NegotiationReason(s.next()%5), at)
			case 6:
				_, err = o.CloseByAfterSale(at)
			case 7:
				_, err = o.HoldForAfterSale(s.items(), at)
			case 8:
				// The case ends without a refund, or with a refund of everything the units may
				// return.
				its := s.items()
				if s.next()%2 == 0 {
					limit, capErr := o.RefundCap(its)
					if capErr != nil {
						limit = decimal.Zero
					}
					_, err = o.RefundAfterSale(its, limit, at)
				} else {
					_, err = o.ReleaseAfterSale(its, at)
				}
			case 9:
				at = at.Add(-time.Duration(s.next()) * time.Hour) // commands in the past
				continue
			case 10:
				_, err = o.RefundAfterSale(s.items(), s.amount(), at)
			case 11:
				_, err = o.CompleteAfterSale(s.items(), at)
			}
			after := state(t, o)
			if err != nil && after != before {
				t.Fatalf("step %d: rejected command (%v) changed the order\nbefore %s\nafter  %s", step, err, before, after)
			}
			if err == nil && !o.UpdatedAt().Equal(at) {
				t.Fatalf("step %d: an accepted command at %s left UpdatedAt at %s", step, at, o.UpdatedAt())
			}
			checkInvariants(t, o)
		}
	})
}

func checkInvariants(t *testing.T, o *order.Order) {
	t.Helper()
	shippedAny, left := false, 0
	for _, l := range o.Lines() {
		if l.Shipped() < 0 || l.Shipped() > l.Quantity() {
			t.Fatalf("sku %s shipped %d of %d", l.SKUID(), l.Shipped(), l.Quantity())
		}
		if l.OnAfterSale() < 0 || l.Refunded() < 0 || l.AfterSaleDone() < 0 || l.OnAfterSale()+l.Refunded()+l.AfterSaleDone() > l.Quantity() {
			t.Fatalf("sku %s after-sale counters %d + %d + %d of %d", l.SKUID(), l.OnAfterSale(), l.Refunded(), l.AfterSaleDone(), l.Quantity())
		}
		if l.AfterSaleDone() > l.Shipped() {
			t.Fatalf("sku %s: %d units exchanged, %d shipped", l.SKUID(), l.AfterSaleDone(), l.Shipped())
		}
		if l.RefundedAmount().IsNegative() || l.RefundedAmount().GreaterThan(l.Paid()) {
			t.Fatalf("sku %s refunded %s of %s paid", l.SKUID(), l.RefundedAmount(), l.Paid())
		}
		// The refunded units are worth at most ⌈Paid × Refunded / Quantity⌉.
		paid := l.Paid().Shift(2).IntPart()
		if limit := (paid*int64(l.Refunded()) + int64(l.Quantity()) - 1) / int64(l.Quantity()); l.RefundedAmount().Shift(2).IntPart() > limit {
			t.Fatalf("sku %s refunded %s for %d of %d units of %s paid", l.SKUID(), l.RefundedAmount(), l.Refunded(), l.Quantity(), l.Paid())
		}
		shippedAny = shippedAny || l.Shipped() > 0
		left += max(0, l.Quantity()-l.Shipped()-l.Refunded())
	}
	var agrees bool
	switch o.Status() {
	case order.StatusPendingPayment, order.StatusGiftPending, order.StatusGroupForming, order.StatusCancelled,
		order.StatusPendingShipment, order.StatusCancelledOversold:
		agrees = !shippedAny
	case order.StatusPartiallyShipped:
		agrees = shippedAny && left > 0
	case order.StatusShipped, order.StatusCompleted:
		agrees = shippedAny && left == 0
	case order.StatusClosedByAfterSale:
		agrees = o.FullyRefunded()
	}
	if !agrees {
		t.Fatalf("status %s disagrees: shipped any %t, units left %d", o.Status(), shippedAny, left)
	}
	if _, paid := o.PaidAt(); !paid && shippedAny {
		t.Fatal("shipped before payment")
	}
	r, err := order.Restore(o.State())
	if err != nil {
		t.Fatalf("the state does not restore: %v", err)
	}
	if state(t, r) != state(t, o) {
		t.Fatal("restore changed the state")
	}
}

// jsonHoles are the values FuzzUnmarshalJSON replaces (first occurrence) in the JSON of a
// shipped order: one per kind of field Restore must judge (enums, amounts, counts, times,
// durations, tracking numbers). Fuzzing short values in a real document, instead of whole
// documents, keeps each input small, so the fuzzer's minimisation stays fast.
var jsonHoles = []struct{ key, value string }{
	{`"status":`, `"shipped"`},
	{`"freight":`, `"6.00"`},
	{`"unit_price":`, `"10.10"`},
	{`"quantity":`, `2`},
	{`"shipped":`, `2`},
	{`"refunded":`, `0`},
	{`"on_after_sale":`, `0`},
	{`"paid_at":`, `"2025-03-01T10:00:00Z"`},
	{`"in_stock":`, `"48h0m0s"`},
	{`"tracking_number":`, `"SF2"`},
	{`"sku_id":`, `"a"`},
	{`"stock":`, `"in_stock"`},
	{`"refunded_amount":`, `"7.00"`},
	{`"updated_at":`, `"2025-03-01T15:00:00Z"`},
	{`"carrier":`, `"SF"`},
	{`"after_sale_attempts":`, `1`},
}

// FuzzUnmarshalJSON decodes a stored order with fuzzed values in it: it never panics, and
// whatever it accepts keeps every invariant and marshals back to the same bytes after a
// second round. The order is shipped, and one unit of "a" was returned for 7.00.
func FuzzUnmarshalJSON(f *testing.F) {
	o := shippedOrder(f)
	returned := []order.Item{item("a", 1)}
	_, err := o.HoldForAfterSale(returned, t0.Add(5*time.Hour))
	require.NoError(f, err)
	_, err = o.RefundAfterSale(returned, d("7.00"), t0.Add(6*time.Hour))
	require.NoError(f, err)
	b, err := json.Marshal(o)
	require.NoError(f, err)
	doc := string(b)
	for _, h := range jsonHoles {
		require.Contains(f, doc, h.key+h.value)
	}
	f.Add(uint8(0), `"completed"`, uint8(1), `6`)
	f.Add(uint8(2), `"10.101"`, uint8(3), `-2`)
	f.Add(uint8(4), `3`, uint8(5), `1`)
	f.Add(uint8(7), `"2025-03-01T08:00:00Z"`, uint8(8), `"-1h"`)
	f.Add(uint8(9), `"SF1"`, uint8(10), `"z"`)
	f.Add(uint8(6), `1`, uint8(11), `"presale"`)
	f.Add(uint8(12), `"20.21"`, uint8(12), `"-0.01"`)
	f.Add(uint8(12), `"10.11"`, uint8(13), `"2025-03-01T12:00:00Z"`)
	f.Add(uint8(9), `"SF 2"`, uint8(14), `""`)
	f.Add(uint8(13), `"10000-01-01T00:00:00Z"`, uint8(15), `0`)
	f.Fuzz(func(t *testing.T, h1 uint8, v1 string, h2 uint8, v2 string) {
		in := doc
		for _, r := range []struct {
			h uint8
			v string
		}{{h1, v1}, {h2, v2}} {
			hole := jsonHoles[int(r.h)%len(jsonHoles)]
			in = strings.Replace(in, hole.key+hole.value, hole.key+r.v, 1)
		}
		var o order.Order
		if err := json.Unmarshal([]byte(in), &o); err != nil {
			return
		}
		b1, err := json.Marshal(&o)
		require.NoError(t, err)
		var back order.Order
		require.NoError(t, json.Unmarshal(b1, &back))
		b2, err := json.Marshal(&back)
		require.NoError(t, err)
		require.Equal(t, string(b1), string(b2))
		checkInvariants(t, &back)
	})
}
