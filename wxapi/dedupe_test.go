package wxapi_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

var t0 = time.Date(2024, 6, 1, 8, 0, 0, 0, time.UTC)

func TestDedupe(t *testing.T) {
	t.Parallel()
	const id = "3725020335455738368"
	placed := wxapi.OrderPlaced{OrderID: id, At: t0}
	paid := wxapi.OrderPaid{OrderID: id, At: t0.Add(time.Minute), PaidAt: t0.Add(time.Minute)}
	part := wxapi.OrderShipped{OrderID: id, At: t0.Add(time.Hour)}
	part2 := wxapi.OrderShipped{OrderID: id, At: t0.Add(2 * time.Hour)}
	all := wxapi.OrderShipped{OrderID: id, At: t0.Add(2 * time.Hour), Complete: true}

	var d wxapi.Dedupe
	assert.Equal(t, wxapi.Apply, d.Check(placed))
	require.NoError(t, d.Record(placed))
	assert.Equal(t, wxapi.Duplicate, d.Check(placed), "a retry of the same push")
	require.NoError(t, d.Record(paid))
	require.NoError(t, d.Record(part))
	require.NoError(t, d.Record(part2), "a second partial shipment is a new event")
	require.NoError(t, d.Record(all), "same second as part2, but a later step")

	assert.Equal(t, wxapi.Duplicate, d.Check(paid), "a late retry is still a duplicate")
	lateOther := wxapi.OrderPaid{OrderID: id, At: t0.Add(30 * time.Second)}
	assert.Equal(t, wxapi.Stale, d.Check(lateOther))
	sameSecondEarlierStep := wxapi.OrderShipped{OrderID: id, At: t0.Add(2 * time.Hour), Complete: false}
	assert.Equal(t, wxapi.Duplicate, d.Check(sameSecondEarlierStep))

	err := d.Record(lateOther)
	require.ErrorIs(t, err, wxapi.ErrStaleEvent)
	var ee *wxapi.EventError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, wxapi.Stale, ee.Decision)
	assert.Equal(t, t0.Add(2*time.Hour), ee.Newest)
	assert.Contains(t, err.Error(), "stale")
	assert.ErrorIs(t, d.Record(paid), wxapi.ErrDuplicateEvent)
	assert.Contains(t, d.Record(paid).Error(), "duplicate")

	// Another subject is independent; an after-sale order is a subject of its own.
	other := wxapi.OrderPaid{OrderID: "3725020417822203904", At: t0}
	assert.Equal(t, wxapi.Apply, d.Check(other))
	as := wxapi.AfterSaleUpdated{AfterSaleID: "2000000488156432", OrderID: id, At: t0, Status: aftersale.StatusMerchantProcessing}
	assert.Equal(t, wxapi.Apply, d.Check(as))
	assert.Equal(t, 1, d.Len())

	d.Forget(placed.Subject())
	assert.Equal(t, 0, d.Len())
	assert.Equal(t, wxapi.Apply, d.Check(paid), "forgotten")
}

func TestDedupe_SameSecondRank(t *testing.T) {
	t.Parallel()
	const id = "1"
	var d wxapi.Dedupe
	require.NoError(t, d.Record(wxapi.OrderPaid{OrderID: id, At: t0}))
	// Placed in the same second as the payment but pushed later: a step back.
	assert.Equal(t, wxapi.Stale, d.Check(wxapi.OrderPlaced{OrderID: id, At: t0}))
	// Two different after-sale statuses in one second are both applied.
	as := wxapi.AfterSaleUpdated{AfterSaleID: "7", OrderID: id, At: t0, Status: aftersale.StatusMerchantProcessing}
	require.NoError(t, d.Record(as))
	as.Status = aftersale.StatusUserWaitReturn
	assert.Equal(t, wxapi.Apply, d.Check(as))
}

func TestDecision_String(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "apply", wxapi.Apply.String())
	assert.Equal(t, "duplicate", wxapi.Duplicate.String())
	assert.Equal(t, "stale", wxapi.Stale.String())
	assert.Equal(t, "wxapi.Decision(0)", wxapi.Decision(0).String())
}

// TestDedupe_ErrDecision: Err is Check as an error. It is nil exactly when the Decision is
// Apply; otherwise an *EventError carries the Decision and matches the sentinel of that
// Decision only.
func TestDedupe_ErrDecision(t *testing.T) {
	t.Parallel()
	const id = "3725020335455738368"
	paid := wxapi.OrderPaid{OrderID: id, At: t0.Add(time.Minute), PaidAt: t0.Add(time.Minute)}
	var d wxapi.Dedupe
	require.NoError(t, d.Record(wxapi.OrderPlaced{OrderID: id, At: t0}))
	require.NoError(t, d.Record(paid))
	tests := []struct {
		name     string
		ev       wxapi.Event
		decision wxapi.Decision
		is, not  error
	}{
		{"new", wxapi.OrderShipped{OrderID: id, At: t0.Add(time.Hour)}, wxapi.Apply, nil, nil},
		{"retry", paid, wxapi.Duplicate, wxapi.ErrDuplicateEvent, wxapi.ErrStaleEvent},
		{"older", wxapi.OrderPlaced{OrderID: id, At: t0.Add(-time.Second)}, wxapi.Stale, wxapi.ErrStaleEvent, wxapi.ErrDuplicateEvent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Check(tt.ev)
			assert.Equal(t, tt.decision, got)
			err := d.Err(tt.ev)
			if tt.decision == wxapi.Apply {
				assert.NoError(t, err)
				return
			}
			var ee *wxapi.EventError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, tt.decision, ee.Decision)
			assert.Equal(t, tt.ev.Kind(), ee.Kind)
			assert.Equal(t, tt.ev.Subject(), ee.Subject)
			assert.Equal(t, t0.Add(time.Minute), ee.Newest)
			assert.ErrorIs(t, err, tt.is)
			assert.NotErrorIs(t, err, tt.not)
			assert.Contains(t, err.Error(), tt.decision.String())
		})
	}
}

// TestDedupe_Property delivers a history of events with retries, in random order, and checks
// the promise: every distinct event is recorded at most once, and what is recorded for a
// subject never moves backwards in time.
func TestDedupe_Property(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 11))
	for round := 0; round < 200; round++ {
		var history []wxapi.Event
		for o := 0; o < 3; o++ {
			id := string(rune('1' + o))
			at := t0
			history = append(history, wxapi.OrderPlaced{OrderID: id, At: at})
			at = at.Add(time.Duration(rng.IntN(3)) * time.Second)
			history = append(history, wxapi.OrderPaid{OrderID: id, At: at})
			for s := rng.IntN(3); s > 0; s-- {
				at = at.Add(time.Duration(rng.IntN(2)) * time.Hour)
				history = append(history, wxapi.OrderShipped{OrderID: id, At: at, Complete: s == 1})
			}
			if rng.IntN(2) == 0 {
				history = append(history, wxapi.OrderCancelled{OrderID: id, At: at.Add(time.Hour), Reason: order.CancelAfterSale})
			}
		}
		// Retries: every push is delivered one to three times, in a shuffled order.
		var pushes []wxapi.Event
		for _, ev := range history {
			for n := 1 + rng.IntN(3); n > 0; n-- {
				pushes = append(pushes, ev)
			}
		}
		rng.Shuffle(len(pushes), func(i, j int) { pushes[i], pushes[j] = pushes[j], pushes[i] })

		var d wxapi.Dedupe
		applied := map[wxapi.Event]int{}
		last := map[wxapi.Subject]time.Time{}
		for _, ev := range pushes {
			if d.Check(ev) != wxapi.Apply {
				require.Error(t, d.Record(ev))
				continue
			}
			require.NoError(t, d.Record(ev))
			applied[ev]++
			require.Equal(t, 1, applied[ev], "applied twice: %#v", ev)
			require.False(t, ev.Time().Before(last[ev.Subject()]), "moved backwards: %#v", ev)
			last[ev.Subject()] = ev.Time()
		}
		require.NotEmpty(t, applied)
	}
}

func TestDedupe_AfterSaleClassRank(t *testing.T) {
	t.Parallel()
	var d wxapi.Dedupe
	final := wxapi.AfterSaleUpdated{AfterSaleID: "7", OrderID: "1", At: t0, Status: aftersale.StatusMerchantRefundSuccess}
	require.NoError(t, d.Record(final))
	// An OPEN status pushed in the same second after the FINAL one was applied is a step back.
	open := wxapi.AfterSaleUpdated{AfterSaleID: "7", OrderID: "1", At: t0, Status: aftersale.StatusPlatformRefunding}
	assert.Equal(t, wxapi.Stale, d.Check(open))
}
