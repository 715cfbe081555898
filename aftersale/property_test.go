package aftersale_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/compensation"
	"github.com/wxshop-go/wxshop/order"
)

// TestRandomActionSequences drives one order and its cases with random commands, accepted or
// not, and checks the promises after every step:
//   - a refused command leaves the case and the order exactly as they were;
//   - an accepted one moves the case along its kind's table, and its event says so;
//   - per line, units held by open cases plus units refunded never exceed the units bought,
//     and the order's counters agree with the cases;
//   - per line, the money refunded never exceeds what the line paid, and the order's ledger
//     (Line.RefundedAmount) adds up to what the cases refunded;
//   - units whose exchange or re-send finished count as done on the order, and are not
//     eligible again.
func TestRandomActionSequences(t *testing.T) {
	t.Parallel()
	accepted := map[aftersale.Action]int{}
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		runSequence(t, rng, seed, accepted, nil)
	}
	// The sequences are not vacuous: every command was accepted many times.
	for _, a := range aftersale.Actions() {
		assert.Greater(t, accepted[a], 20, "%s accepted %d times", a, accepted[a])
	}
}

type world struct {
	o     *order.Order
	cases []*aftersale.Case
	at    time.Time
}

// runSequence drives one order and its cases for 80 random steps; after, when not nil, is
// called after every step with the case the step opened or commanded (accepted or not).
func runSequence(t *testing.T, rng *rand.Rand, seed uint64, accepted map[aftersale.Action]int, after func(w *world, c *aftersale.Case, step int)) {
	t.Helper()
	w := &world{o: paidOrder(t), at: hours(2)}
	if rng.IntN(3) > 0 { // most orders ship some SKUs first
		_, err := w.o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1", Items: items(item("a", 2), item("u", 3))}, w.at)
		require.NoError(t, err)
	}
	skus := []string{"a", "b", "u", "zz"}
	for step := range 80 {
		w.at = w.at.Add(time.Duration(rng.IntN(4*24)) * time.Hour)
		if len(w.cases) == 0 || rng.IntN(4) == 0 {
			var its []order.Item
			for _, s := range skus {
				if rng.IntN(3) == 0 && (s != "zz" || rng.IntN(4) == 0) {
					its = append(its, item(s, rng.IntN(4))) // 0 is a bad quantity
				}
			}
			r := request("c", aftersale.Kinds()[rng.IntN(4)], its...)
			orderBefore := w.o.State()
			c, ev, err := aftersale.Open(w.o, r, w.at)
			if err != nil {
				require.Equal(t, orderBefore, w.o.State(), "seed %d step %d: refused Open changed the order", seed, step)
			} else {
				require.Equal(t, aftersale.StatusMerchantProcessing, ev.To)
				w.cases = append(w.cases, c)
				accepted[aftersale.ActionOpen]++
				if after != nil {
					after(w, c, step)
				}
			}
			checkInvariants(t, w, seed, step)
			continue
		}
		c := w.cases[rng.IntN(len(w.cases))]
		before, orderBefore := c.State(), w.o.State()
		action, ev, err := randomCommand(rng, w, c)
		if err != nil {
			require.Equal(t, before, c.State(), "seed %d step %d: refused %s changed the case", seed, step, action)
			require.Equal(t, orderBefore, w.o.State(), "seed %d step %d: refused %s changed the order", seed, step, action)
		} else {
			accepted[action]++
			require.Equal(t, action, ev.Action)
			require.Equal(t, before.Status, ev.From)
			require.Equal(t, c.Status(), ev.To)
			if action != aftersale.ActionVerify {
				want, nerr := aftersale.Next(c.Kind(), before.Status, action)
				require.NoError(t, nerr, "seed %d step %d: accepted %s without an edge", seed, step, action)
				require.Equal(t, want, ev.To)
			}
		}
		checkInvariants(t, w, seed, step)
		if after != nil {
			after(w, c, step)
		}
	}
}

// randomCommand applies one random command to c, with inputs that are sometimes wrong.
func randomCommand(rng *rand.Rand, w *world, c *aftersale.Case) (aftersale.Action, aftersale.Event, error) {
	at := w.at
	if rng.IntN(10) == 0 {
		at = c.ChangedAt().Add(-time.Minute) // a command from the past
	}
	wb := waybill
	if rng.IntN(8) == 0 {
		wb = aftersale.Waybill{}
	}
	var ev aftersale.Event
	var err error
	a := aftersale.Action(2 + rng.IntN(12)) // every action but open
	if rng.IntN(3) > 0 {                    // mostly an action the case's table accepts, to reach deep statuses
		var ok []aftersale.Action
		for _, tr := range aftersale.Transitions(c.Kind()) {
			if tr.From == c.Status() {
				ok = append(ok, tr.Action)
			}
		}
		if d, has := c.Dispute(); has && d.Status == aftersale.DisputeIntervened {
			ok = append(ok, aftersale.ActionVerify, aftersale.ActionVerify)
		}
		if len(ok) > 0 {
			a = ok[rng.IntN(len(ok))]
		}
	}
	switch a {
	case aftersale.ActionAccept:
		ev, err = c.Accept(at)
	case aftersale.ActionReject:
		reason := "理由"
		if rng.IntN(6) == 0 {
			reason = ""
		}
		ev, err = c.Reject(reason, at)
	case aftersale.ActionReturnGoods:
		ev, err = c.ReturnGoods(wb, at)
	case aftersale.ActionConfirmReceipt:
		ev, err = c.ConfirmReceipt(at)
	case aftersale.ActionRefund:
		max := decimal.New(30, 0)
		if m, merr := c.PaidFor(w.o); merr == nil {
			max = m
		}
		// from nothing to a little more than the cap, in fen
		amount := decimal.New(rng.Int64N(max.Shift(2).IntPart()+3), -2)
		ev, err = c.Refund(w.o, amount, at)
	case aftersale.ActionCancel:
		ev, err = c.Cancel(w.o, at)
	case aftersale.ActionSendGoods:
		ev, err = c.SendGoods(wb, at)
	case aftersale.ActionReceiveGoods:
		ev, err = c.ReceiveGoods(w.o, at)
	case aftersale.ActionIntervene:
		ev, err = c.Intervene(w.o, at)
	case aftersale.ActionVerify:
		ev, err = c.VerifyCause(compensation.Cause(rng.IntN(6)), at)
	case aftersale.ActionDecide:
		p := compensation.Default()
		if rng.IntN(6) == 0 {
			p = nil
		}
		_, ev, err = c.Decide(w.o, p, at)
	case aftersale.ActionExpire:
		ev, err = c.Expire(w.o, at)
	}
	return a, ev, err
}

func checkInvariants(t *testing.T, w *world, seed uint64, step int) {
	t.Helper()
	held := map[string]int{}
	done := map[string]int{}
	refundedUnits := map[string]int{}
	refundedFen := map[string]int64{}
	for _, c := range w.cases {
		amount, _ := c.Refunded()
		for _, it := range c.Items() {
			switch {
			case c.Status().Refunded():
				refundedUnits[it.SKUID] += it.Quantity
			case c.Status() == aftersale.StatusMerchantExchangeSuccess:
				done[it.SKUID] += it.Quantity
			case c.Status().Class() != aftersale.ClassFinal:
				held[it.SKUID] += it.Quantity
			}
		}
		if c.Status().Refunded() {
			// Per line for single-line cases, per order for all of them.
			refundedFen["*"] += amount.Shift(2).IntPart()
			if len(c.Items()) == 1 {
				refundedFen[c.Items()[0].SKUID] += amount.Shift(2).IntPart()
			}
		} else {
			assert.True(t, amount.IsZero(), "seed %d step %d: refund on a case not refunded", seed, step)
		}
	}
	var paidFen, ledgerFen int64
	for _, l := range w.o.Lines() {
		sku := l.SKUID()
		assert.Equal(t, held[sku], l.OnAfterSale(), "seed %d step %d sku %s: held units", seed, step, sku)
		assert.Equal(t, refundedUnits[sku], l.Refunded(), "seed %d step %d sku %s: refunded units", seed, step, sku)
		assert.Equal(t, done[sku], l.AfterSaleDone(), "seed %d step %d sku %s: exchanged units", seed, step, sku)
		assert.LessOrEqual(t, l.OnAfterSale()+l.Refunded()+l.AfterSaleDone(), l.Quantity(), "seed %d step %d sku %s", seed, step, sku)
		if w.o.Status().Accepts(order.TriggerAfterSale) {
			assert.Equal(t, l.Quantity()-l.OnAfterSale()-l.Refunded()-l.AfterSaleDone(), w.o.EligibleForAfterSale(sku),
				"seed %d step %d sku %s: eligible units", seed, step, sku)
		}
		lineFen := l.Paid().Shift(2).IntPart()
		paidFen += lineFen
		ledger := l.RefundedAmount().Shift(2).IntPart()
		ledgerFen += ledger
		assert.LessOrEqual(t, ledger, lineFen, "seed %d step %d sku %s: the ledger refunded more than paid", seed, step, sku)
		assert.LessOrEqual(t, refundedFen[sku], lineFen, "seed %d step %d sku %s: refunded more than paid", seed, step, sku)
	}
	assert.Equal(t, refundedFen["*"], ledgerFen, "seed %d step %d: the order's ledger disagrees with the cases", seed, step)
	assert.LessOrEqual(t, refundedFen["*"], paidFen, "seed %d step %d: refunded more than paid", seed, step)
}
