package order_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestZeroOrder: the zero order.Order (a declared variable, not built by New) is no order:
// its methods do not panic, its queries answer zero, and every command returns an error and
// changes nothing.
func TestZeroOrder(t *testing.T) {
	t.Parallel()
	var o order.Order
	at := t0
	p := parcel("SF1", item("a", 1))
	its := []order.Item{item("a", 1)}

	require.NotPanics(t, func() {
		problems := slices.Collect(o.ShipmentProblems([]order.Parcel{p}, true))
		require.NotEmpty(t, problems)
		assert.Equal(t, -1, problems[0].Parcel, "the status comes first")
		assert.NotEqual(t, order.RuleOrderShipped, problems[0].Rule)

		s := o.State()
		assert.Empty(t, s.Lines)
		assert.Empty(t, s.Parcels)
		_, err := order.Restore(s)
		assert.ErrorIs(t, err, order.ErrInvalidOrder, "the zero state is no order")

		_, err = json.Marshal(&o)
		assert.Error(t, err, "no status and no seller to write")
		_, err = o.MarshalJSON()
		assert.Error(t, err)

		assert.Zero(t, o.Status())
		assert.Zero(t, o.NumLines())
		assert.Empty(t, o.Lines())
		assert.True(t, o.Total().IsZero())
		assert.True(t, o.ProductTotal().IsZero())
		assert.Zero(t, o.Remaining("a"))
		assert.Zero(t, o.EligibleForAfterSale("a"))
		assert.True(t, o.FullyRefunded(), "no line has units left")
		assert.False(t, o.Overdue(at))
		_, ok := o.ShipBy()
		assert.False(t, ok)
		_, ok = o.Line("a")
		assert.False(t, ok)
		_, ok = o.PaidAt()
		assert.False(t, ok)
	})

	commands := map[string]func() error{
		"Ship":              func() error { _, err := o.Ship(p, at); return err },
		"Pay":               func() error { _, err := o.Pay(at); return err },
		"Cancel":            func() error { _, err := o.Cancel(order.CancelByBuyer, at); return err },
		"ConfirmReceipt":    func() error { _, err := o.ConfirmReceipt(order.ConfirmByBuyer, at); return err },
		"CloseByAfterSale":  func() error { _, err := o.CloseByAfterSale(at); return err },
		"Reship":            func() error { _, err := o.Reship(order.ReshipGift, p, at); return err },
		"ExtendShipBy":      func() error { _, err := o.ExtendShipBy(at, order.NegotiateBuyerRequest, at); return err },
		"HoldForAfterSale":  func() error { _, err := o.HoldForAfterSale(its, at); return err },
		"ReleaseAfterSale":  func() error { _, err := o.ReleaseAfterSale(its, at); return err },
		"RefundAfterSale":   func() error { _, err := o.RefundAfterSale(its, decimal.Zero, at); return err },
		"CompleteAfterSale": func() error { _, err := o.CompleteAfterSale(its, at); return err },
		"RefundCap":         func() error { _, err := o.RefundCap(its); return err },
	}
	zero := o.State()
	for name, cmd := range commands {
		var err error
		require.NotPanics(t, func() { err = cmd() }, name)
		assert.Error(t, err, name)
		assert.Equal(t, zero, o.State(), "%s changed the zero order", name)
	}
	_, err := o.Ship(p, at)
	assert.ErrorIs(t, err, order.ErrInvalidTransition, "the zero status takes no shipment")
	_, err = o.Pay(at)
	assert.ErrorIs(t, err, order.ErrInvalidTransition)
	_, err = o.RefundCap(its)
	assert.ErrorIs(t, err, order.ErrUnknownSKU, "the zero order has no line a")

	// Unmarshalling into the zero order makes it a real one.
	require.NoError(t, json.Unmarshal([]byte(state(t, shippedOrder(t))), &o))
	assert.Equal(t, order.StatusShipped, o.Status())
}
