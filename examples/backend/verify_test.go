package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// verifyAPI compares every order and case the running backend serves with the platform's
// final state: same status, parcels, payment, settlement and after-sale counters (the
// stored order reconciles with the platform's to no event), same cases in the same statuses.
func verifyAPI(t *testing.T, base string, histories []*history) {
	t.Helper()
	waitHealthy(t, base)
	for _, h := range histories {
		resp, err := http.Get(base + "/orders/" + h.id)
		require.NoError(t, err)
		var v storedView
		err = json.NewDecoder(resp.Body).Decode(&v) // restoring runs every check of the order and its cases
		_ = resp.Body.Close()
		require.NoError(t, err, "order %s: the stored JSON restores", h.id)
		require.Equal(t, http.StatusOK, resp.StatusCode, "order %s", h.id)
		compareOrder(t, h, v.Order)
		require.Len(t, v.Cases, len(h.cases), "order %s: cases", h.id)
		for i, c := range h.cases {
			assert.Equal(t, c.ID(), v.Cases[i].ID(), "order %s", h.id)
			assert.Equal(t, c.Status(), v.Cases[i].Status(), "order %s case %s", h.id, c.ID())
			assert.Equal(t, c.Items(), v.Cases[i].Items(), "order %s case %s", h.id, c.ID())
		}
	}
}

// compareOrder checks the stored order against the platform's.
func compareOrder(t *testing.T, h *history, got *order.Order) {
	t.Helper()
	want := h.final
	require.NotNil(t, got, "order %s is stored", h.id)
	assert.Equal(t, want.Status(), got.Status(), "order %s: status", h.id)
	assert.ElementsMatch(t, want.Parcels(), got.Parcels(), "order %s: parcels", h.id)
	for _, mark := range []struct {
		name      string
		want, got func(*order.Order) (time.Time, bool)
	}{
		{"paid", (*order.Order).PaidAt, (*order.Order).PaidAt},
		{"shipped", (*order.Order).ShipDoneAt, (*order.Order).ShipDoneAt},
		{"settled", (*order.Order).SettledAt, (*order.Order).SettledAt},
	} {
		wt, wok := mark.want(want)
		gt, gok := mark.got(got)
		assert.Equal(t, wok, gok, "order %s: %s", h.id, mark.name)
		assert.True(t, wt.Equal(gt), "order %s: %s at %s, stored %s", h.id, mark.name, wt, gt)
	}
	for i, wl := range want.All() {
		gl, ok := got.LineAt(i)
		require.True(t, ok)
		assert.Equal(t, [3]int{wl.Shipped(), wl.OnAfterSale(), wl.Refunded()}, [3]int{gl.Shipped(), gl.OnAfterSale(), gl.Refunded()},
			"order %s line %d: shipped, on after-sale, refunded", h.id, i)
	}
	// Who confirmed and why it was cancelled come from the pushes; a push that arrived after
	// order/get had brought the order past it cannot add them, and the order says "unknown".
	if got.Confirm() != order.ConfirmUnknown {
		assert.Equal(t, want.Confirm(), got.Confirm(), "order %s: confirmed by", h.id)
	}
	if got.CancelReason() != order.CancelUnknown {
		assert.Equal(t, want.CancelReason(), got.CancelReason(), "order %s: cancel reason", h.id)
	}
	left, err := got.Reconcile(want)
	require.NoError(t, err, "order %s", h.id)
	assert.Empty(t, left, "order %s: the stored order is the platform's", h.id)
}

// waitHealthy waits for the backend to answer, after a restart.
func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		require.True(t, time.Now().Before(deadline), "the backend does not answer: %v", err)
		time.Sleep(10 * time.Millisecond)
	}
}

// verifyDatabase reads the stopped backend's database file directly: every row restores,
// and the events of each order tell its story once. An order's events start from the
// backend's order_created row (the order as order/get first showed it); from there, each
// payment, wait's end, parcel, completion, cancellation and settlement appears exactly once
// if it happened after that, never if it had happened before, and each case's creation and
// each of its steps at most once.
func verifyDatabase(t *testing.T, path string, histories []*history) {
	t.Helper()
	store, err := OpenStore(context.Background(), path)
	require.NoError(t, err)
	defer func() { require.NoError(t, store.Close()) }()
	db := store.db

	var orders, cases int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM orders`).Scan(&orders))
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM cases`).Scan(&cases))
	wantCases := 0
	for _, h := range histories {
		wantCases += len(h.cases)
	}
	require.Equal(t, len(histories), orders)
	require.Equal(t, wantCases, cases)
	restoresAll(t, db)

	for _, h := range histories {
		events := orderEvents(t, db, h.id)
		require.Len(t, events["order_created"], 1, "order %s: created once", h.id)
		var first order.Order
		require.NoError(t, json.Unmarshal(events["order_created"][0], &first), "order %s: order_created restores", h.id)
		once := func(name string, before, after bool) {
			want := 0
			if after && !before {
				want = 1
			}
			assert.Len(t, events[name], want, "order %s: %s", h.id, name)
		}
		_, paidBefore := first.PaidAt()
		_, paid := h.final.PaidAt()
		once("order_paid", paidBefore, paid)
		_, settledBefore := first.SettledAt()
		_, settled := h.final.SettledAt()
		once("order_settled", settledBefore, settled)
		once("order_completed", first.Status() == order.StatusCompleted, h.final.Status() == order.StatusCompleted)
		ended := func(s order.Status) bool { return s.Terminal() && s != order.StatusCompleted }
		once("order_cancelled", ended(first.Status()), ended(h.final.Status()))
		waited := func(o *order.Order) bool {
			_, paid := o.PaidAt()
			return (o.Gift() || o.GroupBuy()) && paid && o.Status() != order.StatusGiftPending && o.Status() != order.StatusGroupForming
		}
		if !waited(&first) && waited(h.final) && !ended(h.final.Status()) {
			assert.Len(t, events["order_awaiting_shipment"], 1, "order %s", h.id)
		} else {
			assert.LessOrEqual(t, len(events["order_awaiting_shipment"]), 1, "order %s", h.id)
		}

		tracking := map[string]int{}
		for _, body := range events["order_shipped"] {
			var e struct{ Parcel order.Parcel }
			require.NoError(t, json.Unmarshal(body, &e))
			tracking[e.Parcel.TrackingNumber]++
			assert.Equal(t, 1, tracking[e.Parcel.TrackingNumber], "order %s: parcel %s shipped twice", h.id, e.Parcel.TrackingNumber)
		}
		assert.Equal(t, len(h.final.Parcels()), len(first.Parcels())+len(events["order_shipped"]), "order %s: every parcel once", h.id)

		for _, c := range h.cases {
			steps := caseEvents(t, db, c.ID())
			for name, n := range steps {
				assert.Equal(t, 1, n, "order %s case %s: %s", h.id, c.ID(), name)
			}
			assert.Equal(t, 1, steps["after_sale_created"], "order %s case %s: created once", h.id, c.ID())
		}
	}
}

// restoresAll checks that every stored order and case restores from its JSON, and that the
// columns agree with it.
func restoresAll(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT id, status, state FROM orders`)
	require.NoError(t, err)
	for rows.Next() {
		var id, state string
		var status int
		require.NoError(t, rows.Scan(&id, &status, &state))
		var o order.Order
		require.NoError(t, json.Unmarshal([]byte(state), &o), "order %s restores", id)
		assert.Equal(t, o.Status().Code(), status, "order %s: the status column", id)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())

	rows, err = db.Query(`SELECT id, status, state FROM cases`)
	require.NoError(t, err)
	for rows.Next() {
		var id, status, state string
		require.NoError(t, rows.Scan(&id, &status, &state))
		var c aftersale.Case
		require.NoError(t, json.Unmarshal([]byte(state), &c), "case %s restores", id)
		assert.Equal(t, c.Status().String(), status, "case %s: the status column", id)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
}

// orderEvents returns the bodies of order id's own events, by name.
func orderEvents(t *testing.T, db *sql.DB, id string) map[string][][]byte {
	t.Helper()
	rows, err := db.Query(`SELECT name, body FROM events WHERE aggregate = 'order' AND aggregate_id = ? ORDER BY seq`, id)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string][][]byte{}
	for rows.Next() {
		var name, body string
		require.NoError(t, rows.Scan(&name, &body))
		out[name] = append(out[name], []byte(body))
	}
	require.NoError(t, rows.Err())
	return out
}

// caseEvents counts case id's events by name ("after_sale_replaced" rows are not steps).
func caseEvents(t *testing.T, db *sql.DB, id string) map[string]int {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM events WHERE aggregate = 'case' AND aggregate_id = ? AND name != 'after_sale_replaced'`, id)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		out[name]++
	}
	require.NoError(t, rows.Err())
	return out
}
