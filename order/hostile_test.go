package order_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
)

// TestHostileAmounts: an amount built in code with an extreme exponent is refused where it
// enters, zero included (a zero coefficient used to pass, and json.Marshal of the order then
// expanded 10^(2^30) digits and hung).
func TestHostileAmounts(t *testing.T) {
	t.Parallel()
	for _, bad := range []decimal.Decimal{decimal.New(0, 1<<30), decimal.New(0, -(1 << 30)), decimal.New(1, 1<<30), decimal.New(7, -(1 << 30))} {
		for _, field := range []string{"freight", "discount", "unit", "paid"} {
			p := threeLines()
			switch field {
			case "freight":
				p.Freight = bad
			case "discount":
				p.Discount = bad
			case "unit":
				p.Lines[1].UnitPrice = bad
			case "paid":
				p.Lines[1].Paid = bad
			}
			done := make(chan error, 1)
			go func() { _, err := order.New(p); done <- err }()
			select {
			case err := <-done:
				require.ErrorIs(t, err, order.ErrInvalidAmount, "%s %s", field, bad.Exponent())
				assert.Less(t, len(err.Error()), 300, "the message does not expand the amount")
			case <-time.After(5 * time.Second):
				t.Fatalf("order.New with %s = coefficient %s exponent %d did not return", field, bad.Coefficient(), bad.Exponent())
			}
		}
	}
	// A refund is an amount too.
	o := paidOrder(t)
	_, err := o.HoldForAfterSale([]order.Item{item("b", 1)}, t0.Add(2*time.Hour))
	require.NoError(t, err)
	_, err = o.RefundAfterSale([]order.Item{item("b", 1)}, decimal.New(0, 1<<30), t0.Add(3*time.Hour))
	require.ErrorIs(t, err, order.ErrInvalidAmount)
}

// TestLongAmountText: an amount of a million digits in stored JSON is refused at once (the
// decimal parser took seconds and gigabytes for one).
func TestLongAmountText(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(newOrder(t))
	require.NoError(t, err)
	long := strings.Replace(string(b), `"freight":"6.00"`, `"freight":"`+strings.Repeat("6", 1_000_000)+`"`, 1)
	require.NotEqual(t, string(b), long)
	start := time.Now()
	var o order.Order
	err = json.Unmarshal([]byte(long), &o)
	require.ErrorIs(t, err, order.ErrInvalidAmount)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Less(t, len(err.Error()), 300)
}

// TestSizeLimits: an order has at most MaxLines lines, through every door.
func TestSizeLimits(t *testing.T) {
	t.Parallel()
	p := benchParams(order.MaxLines + 1)
	_, err := order.New(p)
	require.ErrorIs(t, err, order.ErrLimitReached)
	var le *order.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "lines", le.What)

	o, err := order.New(benchParams(3))
	require.NoError(t, err)
	st := o.State()
	for len(st.Lines) <= order.MaxLines {
		st.Lines = append(st.Lines, st.Lines[0])
	}
	_, err = order.Restore(st)
	require.ErrorIs(t, err, order.ErrLimitReached, "checked before anything else, duplicates included")
	st = o.State()
	st.Parcels = make([]order.Parcel, order.MaxParcels+1)
	_, err = order.Restore(st)
	require.ErrorIs(t, err, order.ErrLimitReached)
}

// TestRestoreCountersDoNotOverflow: counters near 2^63 are refused; the old check added three
// counters and wrapped, so such an order restored, and one refund later it could not restore
// from its own JSON.
func TestRestoreCountersDoNotOverflow(t *testing.T) {
	t.Parallel()
	st := paidOrder(t).State()
	st.Lines[0].OnAfterSale = math.MaxInt64 - 1
	st.Lines[0].Refunded = math.MaxInt64 - 1
	st.Lines[0].AfterSaleAttempts = 1
	_, err := order.Restore(st)
	require.ErrorIs(t, err, order.ErrInvalidQuantity)
	for _, big := range []int{math.MaxInt64, math.MinInt64, order.MaxQuantity + 1} {
		st := paidOrder(t).State()
		st.Lines[2].AfterSaleDone = big
		_, err := order.Restore(st)
		require.Error(t, err, "%d", big)
	}
}

// TestInvalidUTF8Refused: text that JSON cannot carry back unchanged is refused where it
// enters (it used to be accepted and written as U+FFFD, so two distinct SKU IDs became equal
// and the order no longer restored).
func TestInvalidUTF8Refused(t *testing.T) {
	t.Parallel()
	for _, edit := range []func(p *order.NewParams){
		func(p *order.NewParams) { p.ID = "372\xff" },
		func(p *order.NewParams) { p.Buyer = "open\xc3id" },
	} {
		p := threeLines()
		edit(&p)
		_, err := order.New(p)
		require.ErrorIs(t, err, order.ErrInvalidOrder)
	}
	_, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p1", SKUID: "a\xff", Price: d("1.00")})
	require.Error(t, err, "a snapshot, and so a line, cannot hold invalid UTF-8")
	o := paidOrder(t)
	_, err = o.Ship(parcel("SF\xff1", item("a", 2)), t0.Add(2*time.Hour))
	require.ErrorIs(t, err, order.RuleTrackingInvalid)
}

// TestRoundTripKeepsTheInput is the property behind the UTF-8 rule, compared against the
// input rather than against an earlier marshal: for random text (valid or not) in the order's
// ID, buyer, title and attributes, New either refuses it or the JSON round trip gives back
// exactly what went in.
func TestRoundTripKeepsTheInput(t *testing.T) {
	t.Parallel()
	pieces := []string{"", "a", "龙井", "\xff", "\xc3", "\u00e9", "\ufffd", "\x00", "  ", "\"", "\\", "\u2028", "e\u0301"}
	pick := func(i int) string { return pieces[i%len(pieces)] + pieces[(i/len(pieces))%len(pieces)] }
	for i := range len(pieces) * len(pieces) {
		id, buyer, title, attr := "o"+pick(i), "b"+pick(i+3), pick(i+5), pick(i+7)
		s, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p", SKUID: "s", Title: title,
			Attrs: []catalog.Attr{{Key: "k", Value: attr}}, Price: d("1.00")})
		if err != nil {
			require.False(t, utf8.ValidString(title) && utf8.ValidString(attr), "refused valid text %q %q: %v", title, attr, err)
			continue
		}
		p := threeLines()
		p.ID, p.Buyer = id, buyer
		p.Lines = []order.LineParams{{Snapshot: s, Quantity: 1, UnitPrice: d("1.00"), Paid: d("1.00")}}
		p.Discount = decimal.Zero
		o, err := order.New(p)
		if err != nil {
			require.False(t, utf8.ValidString(id) && utf8.ValidString(buyer), "refused valid text %q %q: %v", id, buyer, err)
			continue
		}
		b, err := json.Marshal(o)
		require.NoError(t, err)
		var back order.Order
		require.NoError(t, json.Unmarshal(b, &back), "%q", b)
		l, _ := back.LineAt(0)
		assert.Equal(t, id, back.ID())
		assert.Equal(t, buyer, back.Buyer())
		assert.Equal(t, title, l.Snapshot().Title())
		assert.Equal(t, []catalog.Attr{{Key: "k", Value: attr}}, l.Snapshot().Attrs())
	}
}

// TestTransitionErrorIsAValue: a caller that changes the error it got cannot change what
// another rejection reads (the old precomputed errors were shared pointers, and a data race).
func TestTransitionErrorIsAValue(t *testing.T) {
	t.Parallel()
	_, err := order.Next(order.StatusCompleted, order.TriggerPay)
	var te order.TransitionError
	require.True(t, errors.As(err, &te))
	te.From, te.Trigger = order.StatusCancelled, order.TriggerShipAll
	_, again := order.Next(order.StatusCompleted, order.TriggerPay)
	var fresh order.TransitionError
	require.True(t, errors.As(again, &fresh))
	assert.Equal(t, order.TransitionError{From: order.StatusCompleted, Trigger: order.TriggerPay}, fresh)
}

// TestShipOneParcelPerLineIsLinear: shipping an order of n lines one parcel at a time costs
// time linear in n (it was quadratic: 8,000 lines took 8.5 s).
func TestShipOneParcelPerLineIsLinear(t *testing.T) {
	t.Parallel()
	perLine := func(n int) time.Duration {
		best := time.Duration(math.MaxInt64)
		for range 3 {
			o, err := order.New(benchParams(n))
			require.NoError(t, err)
			_, err = o.Pay(t0.Add(time.Hour))
			require.NoError(t, err)
			parcels := onePerLine(n)
			start := time.Now()
			for _, p := range parcels {
				if _, err := o.Ship(p, t0.Add(2*time.Hour)); err != nil {
					t.Fatal(err)
				}
			}
			best = min(best, time.Since(start)/time.Duration(n))
		}
		return best
	}
	small, large := perLine(200), perLine(order.MaxLines)
	assert.Less(t, large, 8*small+2*time.Microsecond, "per line: %s at 200 lines, %s at %d", small, large, order.MaxLines)
}
