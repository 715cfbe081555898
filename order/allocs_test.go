//go:build !race

package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/order"
)

// TestLifecycleAllocatesOnce: a whole small order life (New, Pay, Ship twice, ConfirmReceipt)
// allocates the order's own storage and nothing else. (The race detector allocates on its own,
// hence the build tag.)
func TestLifecycleAllocatesOnce(t *testing.T) {
	p := threeLines()
	p1 := parcel("SF1", item("a", 2))
	p2 := parcel("SF2", item("b", 1), item("c", 3))
	allocs := testing.AllocsPerRun(100, func() {
		o, err := order.New(p)
		if err != nil {
			t.Fatal(err)
		}
		_, err1 := o.Pay(t0.Add(time.Hour))
		_, err2 := o.Ship(p1, t0.Add(2*time.Hour))
		_, err3 := o.Ship(p2, t0.Add(3*time.Hour))
		_, err4 := o.ConfirmReceipt(order.ConfirmByBuyer, t0.Add(72*time.Hour))
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			t.Fatal(err1, err2, err3, err4)
		}
	})
	assert.Equal(t, 1.0, allocs)
}
