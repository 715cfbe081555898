package order_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

func items(its ...order.Item) []order.Item { return its }

func TestRefundAfterSaleKeepsTheLedger(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(5 * time.Hour)
	_, err := o.HoldForAfterSale(items(item("a", 1), item("c", 2)), at)
	require.NoError(t, err)
	// 11.10 is shared out in item order, each item up to its cap: a's unit is worth
	// ⌈20.20 × 1/2⌉ = 10.10, c's two units ⌈5.97 × 2/3⌉ = 3.98, so a takes 10.10 and c 1.00.
	ev, err := o.RefundAfterSale(items(item("a", 1), item("c", 2)), d("11.10"), at)
	require.NoError(t, err)
	assert.True(t, ev.Refunded)
	assert.False(t, ev.Done)
	assert.Equal(t, "11.10", ev.Amount.StringFixed(2))
	assert.Equal(t, []order.Item{item("a", 1), item("c", 2)}, ev.Items)
	a, _ := o.Line("a")
	assert.Equal(t, 1, a.Refunded())
	assert.Equal(t, "10.10", a.RefundedAmount().StringFixed(2))
	c, _ := o.Line("c")
	assert.Equal(t, "1.00", c.RefundedAmount().StringFixed(2))

	// A partial refund, then the rest of the line: the ledger adds up to what was paid.
	_, err = o.HoldForAfterSale(items(item("a", 1)), at)
	require.NoError(t, err)
	_, err = o.RefundAfterSale(items(item("a", 1)), d("10.10"), at)
	require.NoError(t, err)
	a, _ = o.Line("a")
	assert.Equal(t, "20.20", a.RefundedAmount().StringFixed(2))
	assert.True(t, a.RefundedAmount().Equal(a.Paid()))

	r, err := order.Restore(o.State())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, r))
	assert.Contains(t, state(t, o), `"refunded_amount":"20.20"`)
}

func TestRefundAfterSaleRefusals(t *testing.T) {
	t.Parallel()
	at := t0.Add(5 * time.Hour)
	// held: a and b held, one unit of a already refunded with its whole share (10.10), so the
	// caps left are a: 10.10 and b: 4.00.
	held := func(t testing.TB) *order.Order {
		o := shippedOrder(t)
		_, err := o.HoldForAfterSale(items(item("a", 2), item("b", 1)), at)
		require.NoError(t, err)
		_, err = o.RefundAfterSale(items(item("a", 1)), d("10.10"), at)
		require.NoError(t, err)
		return o
	}
	cases := []struct {
		name   string
		items  []order.Item
		amount string
		target error
	}{
		{"above what the line paid", items(item("b", 1)), "4.01", order.ErrRefundTooLarge},
		{"above with what was refunded", items(item("b", 1), item("a", 1)), "14.11", order.ErrRefundTooLarge},
		{"zero for paid units", items(item("b", 1)), "0", order.ErrInvalidAmount},
		{"three decimals", items(item("b", 1)), "1.001", order.ErrInvalidAmount},
		{"negative", items(item("b", 1)), "-1", order.ErrInvalidAmount},
		{"not held", items(item("c", 1)), "1.00", order.ErrNotHeld},
		{"more than held", items(item("a", 2)), "1.00", order.ErrNotHeld},
		{"no items", nil, "1.00", order.ErrInvalidQuantity},
		{"sku twice", items(item("b", 1), item("b", 1)), "1.00", order.ErrDuplicateSKU},
		{"unknown sku", items(item("z", 1)), "1.00", order.ErrUnknownSKU},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o := held(t)
			rejected(t, o, c.target, func() error { _, err := o.RefundAfterSale(c.items, d(c.amount), at); return err })
		})
	}
	o := held(t)
	_, err := o.RefundAfterSale(items(item("b", 1)), d("4.01"), at)
	var amountErr *money.AmountError
	assert.False(t, errors.As(err, &amountErr), "over-refund is the ledger's rule, not a malformed amount")
	assert.Contains(t, err.Error(), "4.00")
	re, ok := errors.AsType[*order.RefundError](err)
	require.True(t, ok)
	assert.Equal(t, o.ID(), re.OrderID)
	assert.Equal(t, "4.01", re.Amount.StringFixed(2))
	assert.Equal(t, "4.00", re.Max.StringFixed(2))

	_, err = o.RefundAfterSale(items(item("b", 1), item("a", 1)), d("14.11"), at)
	re, ok = errors.AsType[*order.RefundError](err)
	require.True(t, ok)
	assert.Equal(t, "14.10", re.Max.StringFixed(2), "the cap of several items is the sum of theirs")
}

// TestReleaseRecordsNoMoney: a case that ends without a refund gives the units back and records
// nothing. (The old ReleaseAfterSale(items, true, at), "refunded without money", is gone: a
// refund goes through RefundAfterSale, and refunding paid units with nothing is refused.)
func TestReleaseRecordsNoMoney(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	_, err := o.HoldForAfterSale(items(item("c", 1)), at)
	require.NoError(t, err)
	rejected(t, o, order.ErrInvalidAmount, func() error {
		_, err := o.RefundAfterSale(items(item("c", 1)), decimal.Zero, at)
		return err
	})
	ev, err := o.ReleaseAfterSale(items(item("c", 1)), at)
	require.NoError(t, err)
	assert.False(t, ev.Refunded)
	assert.True(t, ev.Amount.IsZero())
	c, _ := o.Line("c")
	assert.Zero(t, c.Refunded())
	assert.Zero(t, c.OnAfterSale())
	assert.True(t, c.RefundedAmount().IsZero())
	assert.Equal(t, 3, c.Eligible())
}

func TestCompleteAfterSaleEndsEligibility(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	at := t0.Add(5 * time.Hour)
	_, err := o.HoldForAfterSale(items(item("c", 2)), at)
	require.NoError(t, err)
	ev, err := o.CompleteAfterSale(items(item("c", 2)), at)
	require.NoError(t, err)
	assert.True(t, ev.Done)
	assert.False(t, ev.Refunded)
	assert.Equal(t, order.StatusShipped, ev.To)
	c, _ := o.Line("c")
	assert.Equal(t, 2, c.AfterSaleDone())
	assert.Zero(t, c.OnAfterSale())
	assert.Equal(t, 1, o.EligibleForAfterSale("c"), "exchanged units take no new after-sale")
	rejected(t, o, order.ErrNotEligible, func() error {
		_, err := o.HoldForAfterSale(items(item("c", 2)), at)
		return err
	})
	rejected(t, o, order.ErrNotHeld, func() error { _, err := o.CompleteAfterSale(items(item("c", 1)), at); return err })
	assert.False(t, o.FullyRefunded())

	r, err := order.Restore(o.State())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, r))
	assert.Contains(t, state(t, o), `"after_sale_done":2`)
}

// TestCompleteAfterSaleNeedsShippedUnits: only units that shipped can be exchanged or re-sent.
func TestCompleteAfterSaleNeedsShippedUnits(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	at := t0.Add(2 * time.Hour)
	_, err := o.HoldForAfterSale(items(item("c", 1)), at)
	require.NoError(t, err)
	rejected(t, o, order.ErrNotEligible, func() error { _, err := o.CompleteAfterSale(items(item("c", 1)), at); return err })
}

func TestRestoreJudgesTheLedger(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(l *order.LineState)
		target error
	}{
		{"refunded above paid", func(l *order.LineState) {
			l.Refunded, l.AfterSaleAttempts, l.RefundedAmount = 1, 1, d("20.21")
		}, order.ErrRefundTooLarge},
		{"refunded above the share of the refunded units", func(l *order.LineState) {
			l.Refunded, l.AfterSaleAttempts, l.RefundedAmount = 1, 1, d("10.11")
		}, order.ErrRefundTooLarge},
		{"money without units", func(l *order.LineState) { l.RefundedAmount = d("1.00") }, order.ErrRefundTooLarge},
		{"bad amount", func(l *order.LineState) { l.Refunded, l.AfterSaleAttempts, l.RefundedAmount = 1, 1, d("0.001") }, order.ErrInvalidAmount},
		{"negative done", func(l *order.LineState) { l.AfterSaleDone = -1 }, order.ErrInvalidQuantity},
		{"done above quantity", func(l *order.LineState) { l.Refunded, l.AfterSaleDone = 1, 2 }, order.ErrInvalidQuantity},
		{"after-sale units without a request", func(l *order.LineState) { l.AfterSaleDone = 1 }, order.ErrInvalidOrder},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := shippedOrder(t).State()
			c.mutate(&s.Lines[0])
			o, err := order.Restore(s)
			require.ErrorIs(t, err, c.target)
			assert.Nil(t, o)
		})
	}
	s := newOrder(t).State()
	s.Lines[0].AfterSaleDone, s.Lines[0].AfterSaleAttempts = 1, 1
	_, err := order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "no after-sale before payment")

	s = shippedOrder(t).State()
	s.Lines[0].Refunded, s.Lines[0].AfterSaleAttempts, s.Lines[0].RefundedAmount = 2, 1, decimal.New(2020, -2)
	_, err = order.Restore(s)
	require.NoError(t, err, "a line refunded in full")
}

// centOrder is a paid order of one line of 2 units that paid 0.01 in all (list 0.02, discount
// 0.01).
func centOrder(t testing.TB) *order.Order {
	t.Helper()
	o, err := order.New(order.NewParams{ID: "cent", Seller: shop.WeChatShop, Buyer: "b", CreatedAt: t0,
		Lines: []order.LineParams{{Snapshot: mustSnapshot("p1", "a", "T", d("0.01")), Quantity: 2,
			UnitPrice: d("0.01"), Paid: d("0.01")}},
		Discount: d("0.01")})
	require.NoError(t, err)
	_, err = o.Pay(t0.Add(time.Hour))
	require.NoError(t, err)
	return o
}

// TestRefundCapOfACent: a line that paid 0.01 for 2 units has one unit worth the cent and one
// worth nothing; both can be refunded (the second with zero) and the order closed.
func TestRefundCapOfACent(t *testing.T) {
	t.Parallel()
	o := centOrder(t)
	at := t0.Add(2 * time.Hour)
	one := items(item("a", 1))
	first, err := o.RefundCap(one)
	require.NoError(t, err)
	assert.Equal(t, "0.01", first.StringFixed(2), "⌈1 × 1/2⌉ fen")
	both, err := o.RefundCap(items(item("a", 2)))
	require.NoError(t, err)
	assert.Equal(t, "0.01", both.StringFixed(2))

	_, err = o.HoldForAfterSale(items(item("a", 2)), at)
	require.NoError(t, err)
	rejected(t, o, order.ErrInvalidAmount, func() error { _, err := o.RefundAfterSale(one, decimal.Zero, at); return err })
	var re *order.RefundError
	rejected(t, o, order.ErrRefundTooLarge, func() error {
		_, err := o.RefundAfterSale(one, d("0.02"), at)
		require.ErrorAs(t, err, &re)
		return err
	})
	assert.Equal(t, "0.01", re.Max.StringFixed(2))
	ev, err := o.RefundAfterSale(one, d("0.01"), at)
	require.NoError(t, err)
	assert.Equal(t, "0.01", ev.Amount.StringFixed(2))

	next, err := o.RefundCap(one)
	require.NoError(t, err)
	assert.Equal(t, "0.00", next.StringFixed(2), "the next unit is worth nothing")
	rejected(t, o, order.ErrRefundTooLarge, func() error { _, err := o.RefundAfterSale(one, d("0.01"), at); return err })
	ev, err = o.RefundAfterSale(one, decimal.Zero, at)
	require.NoError(t, err, "a zero refund when the cap is zero")
	assert.True(t, ev.Amount.IsZero())
	a, _ := o.Line("a")
	assert.Equal(t, 2, a.Refunded())
	assert.Equal(t, "0.01", a.RefundedAmount().StringFixed(2))
	assert.True(t, o.FullyRefunded())

	closed, err := o.CloseByAfterSale(at)
	require.NoError(t, err)
	assert.Equal(t, order.StatusClosedByAfterSale, closed.To)
	r, err := order.Restore(o.State())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, r))
}

// TestRefundCapShares is the ledger's promise as a property: for random paid P (0 to 10⁶ fen)
// and quantity Q (1 to 50), the single-unit shares of any two units differ by at most one fen
// and add up to P; refunding the line in a random split (at most MaxAfterSaleAttempts
// refunds), each refund taking its whole cap, the caps add up to exactly P; and when refunds
// take less than their caps, the refunded money still never exceeds what the line paid.
func TestRefundCapShares(t *testing.T) {
	t.Parallel()
	for seed := range uint64(500) {
		rng := rand.New(rand.NewPCG(seed, 7))
		paid := rng.Int64N(1_000_001)
		if seed%8 == 0 {
			paid = rng.Int64N(60) // as few fen as units, or fewer
		}
		qty := 1 + rng.IntN(50)
		unit := max(1, (paid+int64(qty)-1)/int64(qty)) // the list total covers what was paid
		unitY := money.Yuan(unit)
		o, err := order.New(order.NewParams{ID: "prop", Seller: shop.WeChatShop, Buyer: "b", CreatedAt: t0,
			Lines:    []order.LineParams{{Snapshot: mustSnapshot("p1", "a", "T", unitY), Quantity: qty, UnitPrice: unitY, Paid: money.Yuan(paid)}},
			Discount: money.Yuan(unit*int64(qty) - paid)})
		require.NoError(t, err, "seed %d", seed)
		at := t0.Add(time.Hour)
		_, err = o.Pay(at)
		require.NoError(t, err)

		// The first k units are worth cap(k): unit k's share is cap(k) − cap(k−1).
		lo, hi, prev := int64(-1), int64(-1), int64(0)
		for k := 1; k <= qty; k++ {
			fen := capFen(t, o, k)
			share := fen - prev
			prev = fen
			if lo < 0 || share < lo {
				lo = share
			}
			hi = max(hi, share)
		}
		require.Equal(t, paid, prev, "seed %d: P=%d Q=%d: the units' shares add up to P", seed, paid, qty)
		require.LessOrEqual(t, hi-lo, int64(1), "seed %d: P=%d Q=%d: shares %d..%d", seed, paid, qty, lo, hi)

		short := seed%3 == 0 // refunds that take less than their cap
		var sum int64
		for _, n := range randomSplit(rng, qty, order.MaxAfterSaleAttempts) {
			limit := capFen(t, o, n)
			amount := limit
			if short && limit > 0 {
				amount = 1 + rng.Int64N(limit)
			}
			sum += limit
			_, err = o.HoldForAfterSale(items(item("a", n)), at)
			require.NoError(t, err)
			_, err = o.RefundAfterSale(items(item("a", n)), money.Yuan(amount), at)
			require.NoError(t, err, "seed %d: refund %d of cap %d", seed, amount, limit)
			l, _ := o.Line("a")
			require.False(t, l.RefundedAmount().GreaterThan(l.Paid()), "seed %d: refunded %s of %s", seed, l.RefundedAmount(), l.Paid())
		}
		l, _ := o.Line("a")
		require.Equal(t, qty, l.Refunded())
		if !short {
			require.Equal(t, paid, sum, "seed %d: P=%d Q=%d: the caps of the refunds add up to P", seed, paid, qty)
			require.True(t, l.RefundedAmount().Equal(l.Paid()), "seed %d", seed)
		}
		_, err = o.CloseByAfterSale(at)
		require.NoError(t, err, "seed %d", seed)
		_, err = order.Restore(o.State())
		require.NoError(t, err, "seed %d", seed)
	}
}

// capFen is RefundCap of n units of line a, in fen.
func capFen(t *testing.T, o *order.Order, n int) int64 {
	t.Helper()
	c, err := o.RefundCap(items(item("a", n)))
	require.NoError(t, err)
	require.True(t, c.Equal(c.Truncate(2)), "whole fen: %s", c)
	return c.Shift(2).IntPart()
}

// randomSplit splits q units into 1 to maxParts positive parts, in random order.
func randomSplit(rng *rand.Rand, q, maxParts int) []int {
	parts := 1 + rng.IntN(min(q, maxParts))
	out := make([]int, parts)
	for i := range out {
		out[i] = 1
	}
	for range q - parts {
		out[rng.IntN(parts)]++
	}
	return out
}

// ExampleOrder_RefundCap: three units that paid 10.00 are worth 3.34, 3.33 and 3.33 as they
// are refunded, so however a merchant splits the refunds, they add up to exactly 10.00.
func ExampleOrder_RefundCap() {
	at := time.Date(2025, 6, 18, 20, 0, 0, 0, time.UTC)
	o, _ := order.New(order.NewParams{ID: "o1", Seller: shop.WeChatShop, Buyer: "b", CreatedAt: at,
		Lines: []order.LineParams{{Snapshot: mustSnapshot("p1", "mug", "Mug", d("4.00")), Quantity: 3,
			UnitPrice: d("4.00"), Paid: d("10.00")}},
		Discount: d("2.00")})
	_, _ = o.Pay(at)
	mug := func(n int) []order.Item { return []order.Item{{ProductID: "p1", SKUID: "mug", Quantity: n}} }
	for _, n := range []int{1, 2} {
		limit, _ := o.RefundCap(mug(n))
		_, _ = o.HoldForAfterSale(mug(n), at)
		ev, err := o.RefundAfterSale(mug(n), limit, at)
		fmt.Println(n, "units:", ev.Amount.StringFixed(2), err)
	}
	l, _ := o.Line("mug")
	fmt.Println("refunded", l.RefundedAmount().StringFixed(2), "of", l.Paid().StringFixed(2))
	// Output:
	// 1 units: 3.34 <nil>
	// 2 units: 6.66 <nil>
	// refunded 10.00 of 10.00
}
