package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestLineAccessors(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	want := o.Lines()
	require.Equal(t, len(want), o.NumLines())
	for i := range want {
		l, ok := o.LineAt(i)
		require.True(t, ok)
		assert.Equal(t, want[i], l)
	}
	for _, i := range []int{-1, len(want), 1 << 40} {
		l, ok := o.LineAt(i)
		assert.False(t, ok, "index %d", i)
		assert.Zero(t, l)
	}
	var got []order.Line
	for i, l := range o.All() {
		assert.Equal(t, len(got), i)
		got = append(got, l)
	}
	assert.Equal(t, want, got)
	n := 0
	for range o.All() {
		n++
		break
	}
	assert.Equal(t, 1, n, "All honours break")

	// A Line has no setters: what the order hands out are copies. Overwriting them changes
	// nothing in the order.
	got[0] = got[1]
	want[0] = order.Line{}
	first, _ := o.LineAt(0)
	assert.Equal(t, "a", first.SKUID(), "All and Lines hand out copies")
	assert.Equal(t, 2, first.Shipped())
	assert.Equal(t, 2, o.Shipped("a"))
}

func TestLineAccessorsAllocateNothing(t *testing.T) {
	o, _ := bigOrder(t, 1000)
	sum := 0
	allocs := testing.AllocsPerRun(20, func() {
		for i := range o.NumLines() {
			l, _ := o.LineAt(i)
			sum += l.Quantity()
		}
		for _, l := range o.All() {
			sum += l.Quantity()
		}
	})
	assert.Zero(t, allocs)
	assert.Positive(t, sum)
}

func TestCompletedAt(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	_, ok := o.CompletedAt()
	assert.False(t, ok, "not completed yet")
	at := t0.Add(80 * time.Hour)
	_, err := o.ConfirmReceipt(order.ConfirmAuto, at)
	require.NoError(t, err)
	got, ok := o.CompletedAt()
	assert.True(t, ok)
	assert.Equal(t, at, got)

	c := newOrder(t)
	_, err = c.Cancel(order.CancelByBuyer, at)
	require.NoError(t, err)
	_, ok = c.CompletedAt()
	assert.False(t, ok, "a cancelled order ended but never completed")
}
