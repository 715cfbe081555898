package aftersale_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
)

// TestBlocksShipping: an OPEN case blocks shipping at any time; a SEMI one until the escalation
// window after its rejection closes (the deadline itself no longer blocks); a FINAL one never,
// not even at a time inside a window it once had. Checked on every status each kind can be in,
// at times before the case, around the deadline and at the end of time.
func TestBlocksShipping(t *testing.T) {
	t.Parallel()
	end := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	seen := map[aftersale.Status]bool{}
	rejectedFinal := 0
	for _, k := range aftersale.Kinds() {
		for _, st := range aftersale.Statuses() {
			s := everyStatusState(k, st)
			if st.Class() == aftersale.ClassFinal {
				// A final case that was once rejected, where the kind allows: its old window
				// must not matter.
				if _, err := aftersale.Restore(withRejection(s)); err == nil {
					s = withRejection(s)
					rejectedFinal++
				}
			}
			c, err := aftersale.Restore(s)
			if err != nil {
				continue // a status the kind never reaches
			}
			seen[st] = true
			deadline := s.RejectedAt.Add(aftersale.EscalationWindow)
			times := []struct {
				name string
				at   time.Time
				semi bool // what a SEMI case says at that time
			}{
				{"long before", time.Time{}, true},
				{"opened", s.OpenedAt, true},
				{"rejected", s.RejectedAt, true},
				{"just before the deadline", deadline.Add(-time.Nanosecond), true},
				{"the deadline", deadline, false},
				{"after the deadline", deadline.Add(time.Hour), false},
				{"the end of time", end, false},
			}
			for _, tm := range times {
				got := c.BlocksShipping(tm.at)
				switch st.Class() {
				case aftersale.ClassOpen:
					assert.True(t, got, "%s %s at %s", k, st, tm.name)
				case aftersale.ClassSemi:
					assert.Equal(t, tm.semi, got, "%s %s at %s", k, st, tm.name)
				case aftersale.ClassFinal:
					assert.False(t, got, "%s %s at %s", k, st, tm.name)
				}
			}
			dl, ok := c.EscalationDeadline()
			assert.Equal(t, st.Class() == aftersale.ClassSemi, ok, "%s %s", k, st)
			if ok {
				assert.Equal(t, deadline, dl)
			}
		}
	}
	assert.Len(t, seen, len(aftersale.Statuses()), "every status is checked")
	assert.Positive(t, rejectedFinal)
}

// withRejection is s as if the case had been rejected at hours(10) before it ended.
func withRejection(s aftersale.State) aftersale.State {
	s.Rejection, s.RejectedAt = "缺货", hours(10)
	return s
}

// TestBlocksShippingThroughCommands follows real cases: an open case blocks whatever the
// time, a rejection blocks until its window lapses, and each ending stops blocking at once.
func TestBlocksShippingThroughCommands(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("a", 1)), hours(2))
	assert.True(t, c.BlocksShipping(hours(2)))
	assert.True(t, c.BlocksShipping(hours(2).Add(100*aftersale.EscalationWindow)), "OPEN: no window")
	assert.True(t, c.BlocksShipping(time.Time{}))

	_, err := c.Reject("缺货", hours(3))
	require.NoError(t, err)
	deadline := hours(3).Add(aftersale.EscalationWindow)
	assert.True(t, c.BlocksShipping(hours(3)))
	assert.True(t, c.BlocksShipping(deadline.Add(-time.Nanosecond)))
	assert.False(t, c.BlocksShipping(deadline))

	_, err = c.Intervene(o, deadline.Add(-time.Hour))
	require.NoError(t, err)
	assert.True(t, c.BlocksShipping(deadline.Add(time.Hour)), "the platform's case blocks past the old window")

	_, err = c.Cancel(o, deadline)
	require.NoError(t, err)
	assert.False(t, c.BlocksShipping(deadline))
	assert.False(t, c.BlocksShipping(hours(3)), "FINAL: even inside the old window")
}
