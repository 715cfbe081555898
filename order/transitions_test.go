package order_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// reference is the status machine written out by hand from the platform reference (§1), one
// edge per row. The table in the package must say exactly this, no more and no less.
var reference = []struct {
	from    order.Status
	trigger order.Trigger
	to      order.Status
}{
	{order.StatusPendingPayment, order.TriggerPay, order.StatusPendingShipment},
	{order.StatusPendingPayment, order.TriggerCancel, order.StatusCancelled},
	{order.StatusPendingPayment, order.TriggerPayGift, order.StatusGiftPending},
	{order.StatusPendingPayment, order.TriggerPayGroup, order.StatusGroupForming},

	// A gift waits for its recipient, a group buy for its group; either may never come.
	{order.StatusGiftPending, order.TriggerCancel, order.StatusCancelled},
	{order.StatusGiftPending, order.TriggerAfterSale, order.StatusGiftPending},
	{order.StatusGiftPending, order.TriggerCloseByAfterSale, order.StatusClosedByAfterSale},
	{order.StatusGiftPending, order.TriggerGiftAccepted, order.StatusPendingShipment},
	{order.StatusGroupForming, order.TriggerCancel, order.StatusCancelled},
	{order.StatusGroupForming, order.TriggerAfterSale, order.StatusGroupForming},
	{order.StatusGroupForming, order.TriggerCloseByAfterSale, order.StatusClosedByAfterSale},
	{order.StatusGroupForming, order.TriggerGroupFormed, order.StatusPendingShipment},

	{order.StatusPendingShipment, order.TriggerCancelOversold, order.StatusCancelledOversold},
	{order.StatusPendingShipment, order.TriggerShipPart, order.StatusPartiallyShipped},
	{order.StatusPendingShipment, order.TriggerShipAll, order.StatusShipped},
	{order.StatusPendingShipment, order.TriggerNegotiateShipBy, order.StatusPendingShipment},
	{order.StatusPendingShipment, order.TriggerAfterSale, order.StatusPendingShipment},
	{order.StatusPendingShipment, order.TriggerCloseByAfterSale, order.StatusClosedByAfterSale},

	{order.StatusPartiallyShipped, order.TriggerShipPart, order.StatusPartiallyShipped},
	{order.StatusPartiallyShipped, order.TriggerShipAll, order.StatusShipped},
	{order.StatusPartiallyShipped, order.TriggerNegotiateShipBy, order.StatusPartiallyShipped},
	{order.StatusPartiallyShipped, order.TriggerAfterSale, order.StatusPartiallyShipped},
	{order.StatusPartiallyShipped, order.TriggerCloseByAfterSale, order.StatusClosedByAfterSale},

	{order.StatusShipped, order.TriggerReship, order.StatusShipped},
	{order.StatusShipped, order.TriggerAfterSale, order.StatusShipped},
	{order.StatusShipped, order.TriggerConfirmReceipt, order.StatusCompleted},
	{order.StatusShipped, order.TriggerCloseByAfterSale, order.StatusClosedByAfterSale},

	{order.StatusCompleted, order.TriggerReship, order.StatusCompleted},
	{order.StatusCompleted, order.TriggerAfterSale, order.StatusCompleted},
}

func TestTransitionTableExhaustive(t *testing.T) {
	t.Parallel()
	want := map[[2]uint8]order.Status{}
	for _, r := range reference {
		want[[2]uint8{uint8(r.from), uint8(r.trigger)}] = r.to
	}
	for _, s := range order.Statuses() {
		for _, tr := range order.Triggers() {
			got, err := order.Next(s, tr)
			exp, ok := want[[2]uint8{uint8(s), uint8(tr)}]
			if ok {
				require.NoError(t, err, "%s on %s", s, tr)
				assert.Equal(t, exp, got, "%s on %s", s, tr)
				assert.True(t, s.Accepts(tr))
				continue
			}
			require.Error(t, err, "%s must reject %s", s, tr)
			assert.ErrorIs(t, err, order.ErrInvalidTransition)
			te, isTE := errors.AsType[order.TransitionError](err)
			require.True(t, isTE)
			assert.Equal(t, s, te.From)
			assert.Equal(t, tr, te.Trigger)
			assert.Zero(t, got)
			assert.False(t, s.Accepts(tr))
		}
	}
	// Transitions() lists exactly the reference, in code order.
	got := order.Transitions()
	require.Len(t, got, len(reference))
	for i, r := range reference {
		assert.Equal(t, order.Transition{From: r.from, Trigger: r.trigger, To: r.to}, got[i])
	}
}

func TestNextRejectsUnknownValues(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s  order.Status
		tr order.Trigger
	}{{0, order.TriggerPay}, {11, order.TriggerPay}, {255, order.TriggerPay},
		{order.StatusPendingPayment, 0}, {order.StatusPendingPayment, 200}} {
		_, err := order.Next(c.s, c.tr)
		assert.ErrorIs(t, err, order.ErrInvalidTransition, "%d/%d", c.s, c.tr)
	}
}

func TestTerminalStatuses(t *testing.T) {
	t.Parallel()
	terminal := map[order.Status]bool{order.StatusCancelledOversold: true,
		order.StatusClosedByAfterSale: true, order.StatusCancelled: true}
	for _, s := range order.Statuses() {
		assert.Equal(t, terminal[s], s.Terminal(), s.String())
		if s.Terminal() {
			for _, tr := range order.Triggers() {
				assert.False(t, s.Accepts(tr), "%s accepts %s", s, tr)
			}
		}
	}
	assert.False(t, order.Status(0).Terminal())
}

func TestEveryStatusReachableFromPendingPayment(t *testing.T) {
	t.Parallel()
	seen := map[order.Status]bool{order.StatusPendingPayment: true}
	queue := []order.Status{order.StatusPendingPayment}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, tr := range order.Triggers() {
			if to, err := order.Next(s, tr); err == nil && !seen[to] {
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
	for _, s := range order.Statuses() {
		assert.True(t, seen[s], "%s not reachable from pending_payment", s)
	}
	for _, e := range order.Transitions() {
		assert.True(t, e.To.IsValid(), "edge to an unknown status: %+v", e)
	}
}

func TestTransitionsAllocateNothing(t *testing.T) {
	valid := testing.AllocsPerRun(1000, func() {
		sink, _ = order.Next(order.StatusPendingShipment, order.TriggerShipPart)
	})
	assert.Zero(t, valid, "valid transition")
	var err error
	rejected := testing.AllocsPerRun(1000, func() {
		sink, err = order.Next(order.StatusCompleted, order.TriggerPay)
	})
	assert.Zero(t, rejected, "rejected transition")
	require.ErrorIs(t, err, order.ErrInvalidTransition)

	// Through the aggregate: a rejected command that fails on the table allocates nothing.
	o := newOrder(t)
	cmd := testing.AllocsPerRun(1000, func() {
		_, err = o.ConfirmReceipt(order.ConfirmByBuyer, t0)
	})
	assert.Zero(t, cmd, "rejected command")
	require.ErrorIs(t, err, order.ErrInvalidTransition)
}

func TestMermaidGolden(t *testing.T) {
	got := order.Mermaid()
	path := filepath.Join("testdata", "order.mmd")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestMermaidGolden -update to create it")
	assert.Equal(t, string(want), got)
	for _, e := range order.Transitions() {
		assert.Contains(t, got, e.From.String()+" --> "+e.To.String()+" : "+e.Trigger.String())
	}
}
