package aftersale_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

func TestOpen(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c, ev, err := aftersale.Open(o, request("as-1", aftersale.KindRefund, item("a", 1), item("u", 2)), hours(3))
	require.NoError(t, err)

	assert.Equal(t, "as-1", c.ID())
	assert.Equal(t, "order-1", c.OrderID())
	assert.Equal(t, aftersale.KindRefund, c.Kind())
	assert.Equal(t, aftersale.StatusMerchantProcessing, c.Status())
	assert.Equal(t, aftersale.ReasonNoLongerWant, c.Reason())
	assert.Equal(t, items(item("a", 1), item("u", 2)), c.Items())
	assert.Equal(t, 2, c.Units("u"))
	assert.Equal(t, 0, c.Units("b"))
	assert.True(t, c.BlocksShipping(hours(3)))
	assert.True(t, c.BlocksShipping(hours(10_000)))

	assert.Equal(t, aftersale.ActionOpen, ev.Action)
	assert.Equal(t, aftersale.Status(0), ev.From)
	assert.Equal(t, aftersale.StatusMerchantProcessing, ev.To)
	assert.Equal(t, hours(3), ev.At)
	assert.Equal(t, c.Items(), ev.Items)
	held, ok := ev.Order.(order.AfterSaleHeld)
	require.True(t, ok, "the order's event rides along")
	assert.Equal(t, c.Items(), held.Items)

	// The order holds the units: on_aftersale_sku_cnt and the attempt count grew.
	a, _ := o.Line("a")
	assert.Equal(t, 1, a.OnAfterSale())
	assert.Equal(t, 1, a.AfterSaleAttempts())
	assert.Equal(t, 1, o.EligibleForAfterSale("a"))
	assert.Equal(t, 1, o.EligibleForAfterSale("u"))

	// The case hands out copies.
	its := c.Items()
	its[0].Quantity = 99
	assert.Equal(t, 1, c.Units("a"))
	ev.Items[0].Quantity = 99
	assert.Equal(t, 1, c.Units("a"))
}

// TestOpenRefusals: each rule refuses with its own error, and a refusal changes nothing.
func TestOpenRefusals(t *testing.T) {
	t.Parallel()
	completed := func(t testing.TB) *order.Order {
		o := shippedOrder(t)
		_, err := o.ConfirmReceipt(order.ConfirmByBuyer, hours(48))
		require.NoError(t, err)
		return o
	}
	unpaid := func(t testing.TB) *order.Order {
		o, err := order.New(threeLines("order-unpaid"))
		require.NoError(t, err)
		return o
	}
	fiveAttempts := func(t testing.TB) *order.Order {
		o := paidOrder(t)
		for i := range 5 {
			c := open(t, o, request("as", aftersale.KindRefund, item("b", 1)), hours(2+i))
			_, err := c.Cancel(o, hours(2+i))
			require.NoError(t, err)
		}
		return o
	}
	tests := []struct {
		name  string
		order func(t testing.TB) *order.Order
		req   aftersale.Request
		at    time.Time
		want  error
	}{
		{"no id", paidOrder, request(" ", aftersale.KindRefund, item("a", 1)), hours(2), aftersale.ErrInvalidRequest},
		{"unknown kind", paidOrder, request("x", 7, item("a", 1)), hours(2), aftersale.ErrUnknownCode},
		{"unknown reason", paidOrder, aftersale.Request{ID: "x", Kind: aftersale.KindRefund, Items: items(item("a", 1))}, hours(2), aftersale.ErrInvalidRequest},
		{"no items", paidOrder, request("x", aftersale.KindRefund), hours(2), aftersale.ErrInvalidRequest},
		{"negative period", paidOrder, aftersale.Request{ID: "x", Kind: aftersale.KindRefund, Items: items(item("a", 1)), Reason: aftersale.ReasonOthers, Period: -time.Hour}, hours(2), aftersale.ErrInvalidRequest},
		{"zero quantity", paidOrder, request("x", aftersale.KindRefund, item("a", 0)), hours(2), order.ErrInvalidQuantity},
		{"sku twice", paidOrder, request("x", aftersale.KindRefund, item("a", 1), item("a", 1)), hours(2), order.ErrDuplicateSKU},
		{"unpaid order", unpaid, request("x", aftersale.KindRefund, item("a", 1)), hours(2), aftersale.ErrOrderStatus},
		{"unknown sku", paidOrder, request("x", aftersale.KindRefund, item("zz", 1)), hours(2), order.ErrUnknownSKU},
		{"other product", paidOrder, request("x", aftersale.KindRefund, order.Item{ProductID: "p2", SKUID: "a", Quantity: 1}), hours(2), order.ErrUnknownSKU},
		{"more than bought", paidOrder, request("x", aftersale.KindRefund, item("a", 3)), hours(2), order.ErrNotEligible},
		{"return of unshipped goods", paidOrder, request("x", aftersale.KindReturn, item("a", 1)), hours(2), aftersale.ErrNotShipped},
		{"exchange of unshipped goods", paidOrder, request("x", aftersale.KindExchange, item("b", 1)), hours(2), aftersale.ErrNotShipped},
		{"reship before shipping", paidOrder, request("x", aftersale.KindReship, item("u", 1)), hours(2), aftersale.ErrNotShipped},
		{"period over", completed, request("x", aftersale.KindReturn, item("a", 1)), hours(48).Add(aftersale.DefaultPeriod + time.Second), aftersale.ErrPeriodOver},
		{"sixth attempt", fiveAttempts, request("x", aftersale.KindRefund, item("b", 1)), hours(20), order.ErrLimitReached},
		{"before payment time", paidOrder, request("x", aftersale.KindRefund, item("a", 1)), t0, order.ErrTimeOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := tt.order(t)
			before := o.State()
			c, ev, err := aftersale.Open(o, tt.req, tt.at)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, c)
			assert.Zero(t, ev)
			assert.Equal(t, before, o.State(), "a refused Open leaves the order as it was")
		})
	}
	_, _, err := aftersale.Open(nil, request("x", aftersale.KindRefund, item("a", 1)), hours(2))
	require.ErrorIs(t, err, aftersale.ErrInvalidRequest)
}

func TestOpenTooManyAttemptsIsALimitError(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	for i := range 5 {
		c := open(t, o, request("as", aftersale.KindRefund, item("b", 1)), hours(2))
		_, err := c.Cancel(o, hours(2))
		require.NoError(t, err, "attempt %d", i+1)
	}
	_, _, err := aftersale.Open(o, request("as", aftersale.KindRefund, item("b", 1)), hours(2))
	var le *order.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "b", le.SKUID)
	assert.Equal(t, order.MaxAfterSaleAttempts, le.Max)
}

func TestOpenPeriod(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	done := hours(48)
	_, err := o.ConfirmReceipt(order.ConfirmByBuyer, done)
	require.NoError(t, err)
	// The last instant of the default period is inside; a longer period the merchant granted
	// lets a later request in.
	open(t, o, request("in", aftersale.KindReturn, item("a", 1)), done.Add(aftersale.DefaultPeriod))
	r := request("extended", aftersale.KindReturn, item("a", 1))
	r.Period = 30 * 24 * time.Hour
	open(t, o, r, done.Add(20*24*time.Hour))
	assert.Equal(t, 0, o.EligibleForAfterSale("a"))
}

func TestOpenEligibilityAcrossCases(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	open(t, o, request("r1", aftersale.KindReturn, item("u", 2)), hours(3))
	// One unit of u is left: a second case may take it, not two.
	_, _, err := aftersale.Open(o, request("r2", aftersale.KindReturn, item("u", 2)), hours(3))
	require.ErrorIs(t, err, order.ErrNotEligible)
	open(t, o, request("r3", aftersale.KindExchange, item("u", 1)), hours(3))
	assert.Equal(t, 0, o.EligibleForAfterSale("u"))
}

func TestOpenShippedUnitsOnly(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1", Items: items(item("a", 2))}, hours(2))
	require.NoError(t, err)
	// a shipped: a return is fine; u did not ship: only a refund.
	open(t, o, request("ret", aftersale.KindReturn, item("a", 2)), hours(3))
	_, _, err = aftersale.Open(o, request("ret-u", aftersale.KindReturn, item("u", 1)), hours(3))
	require.ErrorIs(t, err, aftersale.ErrNotShipped)
	open(t, o, request("ref-u", aftersale.KindRefund, item("u", 3)), hours(3))
}
