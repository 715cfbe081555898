package order_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// orders in every status, with after-sale counters, re-shipments and negotiations: the inputs
// of the round-trip tests.
func everyKindOfOrder(t *testing.T) map[string]*order.Order {
	at := t0.Add(5 * time.Hour)
	out := map[string]*order.Order{
		"pending payment":  newOrder(t),
		"pending shipment": paidOrder(t),
		"shipped":          shippedOrder(t),
	}
	c := newOrder(t)
	_, err := c.Cancel(order.CancelTimeout, at)
	require.NoError(t, err)
	out["cancelled"] = c

	os := paidOrder(t)
	_, err = os.Cancel(order.CancelOversold, at)
	require.NoError(t, err)
	out["oversold"] = os

	part := paidOrder(t)
	_, err = part.ExtendShipBy(t0.Add(60*time.Hour), order.NegotiateBuyerRequest, t0.Add(2*time.Hour))
	require.NoError(t, err)
	_, err = part.Ship(parcel("T1", item("a", 2)), at)
	require.NoError(t, err)
	_, err = part.HoldForAfterSale([]order.Item{item("c", 1)}, at)
	require.NoError(t, err)
	out["partially shipped"] = part

	done := shippedOrder(t)
	_, err = done.Reship(order.ReshipGift, parcel("R1", item("b", 1)), at)
	require.NoError(t, err)
	_, err = done.ConfirmReceipt(order.ConfirmByBuyer, at)
	require.NoError(t, err)
	out["completed"] = done

	closed := paidOrder(t)
	all := []order.Item{item("a", 2), item("b", 1), item("c", 3)}
	_, err = closed.HoldForAfterSale(all, at)
	require.NoError(t, err)
	refundAll(t, closed, all, at)
	_, err = closed.CloseByAfterSale(at)
	require.NoError(t, err)
	out["closed"] = closed

	virtual := virtualOrder(t)
	_, err = virtual.Ship(order.Parcel{Items: []order.Item{item("a", 2)}}, at)
	require.NoError(t, err)
	out["virtual"] = virtual

	ledger := shippedOrder(t)
	_, err = ledger.HoldForAfterSale([]order.Item{item("a", 1), item("c", 2)}, at)
	require.NoError(t, err)
	_, err = ledger.RefundAfterSale([]order.Item{item("a", 1)}, d("9.99"), at)
	require.NoError(t, err)
	_, err = ledger.CompleteAfterSale([]order.Item{item("c", 2)}, at)
	require.NoError(t, err)
	out["refunded and exchanged"] = ledger

	cent := centOrder(t)
	_, err = cent.HoldForAfterSale([]order.Item{item("a", 2)}, at)
	require.NoError(t, err)
	refundAll(t, cent, []order.Item{item("a", 1)}, at)
	out["a unit held that is worth nothing"] = cent

	big, parcels := bigOrder(t, 40)
	for i, p := range parcels {
		_, err = big.Ship(p, t0.Add(time.Duration(2+i)*time.Hour))
		require.NoError(t, err)
	}
	for i := range 10 {
		_, err = big.Reship(order.ReshipSplitPackage, parcel(fmt.Sprintf("R%d", i), order.Item{ProductID: "p0", SKUID: "s1", Quantity: 1}), t0.Add(10*time.Hour))
		require.NoError(t, err)
	}
	out["many parcels and re-shipments"] = big
	return out
}

func TestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for name, o := range everyKindOfOrder(t) {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(o)
			require.NoError(t, err)
			var back order.Order
			require.NoError(t, json.Unmarshal(b, &back))
			b2, err := json.Marshal(&back)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(b2))
			assert.Equal(t, o.Status(), back.Status())
			assert.Equal(t, o.Total().StringFixed(2), back.Total().StringFixed(2))
			assert.Equal(t, o.UpdatedAt(), back.UpdatedAt())

			r, err := order.Restore(o.State())
			require.NoError(t, err)
			assert.Equal(t, state(t, o), state(t, r))

			// State marshals to the same JSON as the order, and reads back equal.
			sb, err := json.Marshal(o.State())
			require.NoError(t, err)
			assert.Equal(t, string(b), string(sb))
			var s order.State
			require.NoError(t, json.Unmarshal(sb, &s))
			r, err = order.Restore(s)
			require.NoError(t, err)
			assert.Equal(t, string(b), state(t, r))
		})
	}
}

func TestJSONMoneyAndEnums(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(paidOrder(t))
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Equal(t, "pending_shipment", raw["status"])
	assert.Equal(t, "6.00", raw["freight"])
	line := raw["lines"].([]any)[0].(map[string]any)
	assert.Equal(t, "10.10", line["unit_price"])
	assert.Equal(t, "in_stock", line["stock"])
	assert.Equal(t, "48h0m0s", raw["policy"].(map[string]any)["in_stock"])
	assert.Equal(t, "2025-03-01T10:00:00Z", raw["updated_at"])
	assert.Equal(t, "wechat_shop", raw["seller"])
	assert.NotContains(t, line["snapshot"].(map[string]any), "catalog_version")
}

func TestRestoredOrderWorks(t *testing.T) {
	t.Parallel()
	r, err := order.Restore(paidOrder(t).State())
	require.NoError(t, err)
	_, err = r.Ship(parcel("T1", item("a", 2), item("b", 1), item("c", 3)), t0.Add(3*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, order.StatusShipped, r.Status())
}

func TestStateIsACopy(t *testing.T) {
	t.Parallel()
	o := shippedOrder(t)
	s := o.State()
	s.Lines[0].Shipped = 0
	s.Parcels[0].Items[0].Quantity = 7
	assert.Equal(t, 2, o.Shipped("a"))
	assert.Equal(t, 2, o.Parcels()[0].Items[0].Quantity)
	s2 := o.State()
	r, err := order.Restore(s2)
	require.NoError(t, err)
	s2.Parcels[0].Items[0].Quantity = 9
	assert.Equal(t, 2, r.Parcels()[0].Items[0].Quantity, "Restore shares no memory with its input")
}

func TestRestoreRejectsBrokenInvariants(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		from   func(testing.TB) *order.Order
		mutate func(s *order.State)
		target error
	}{
		{"unknown status", paidOrder, func(s *order.State) { s.Status = 22 }, order.ErrUnknownCode},
		{"shipped more than ordered", shippedOrder, func(s *order.State) { s.Lines[0].Shipped = 3 }, order.ErrInvalidQuantity},
		{"negative refunded", paidOrder, func(s *order.State) { s.Lines[0].Refunded = -1 }, order.ErrInvalidQuantity},
		{"held plus refunded above quantity", paidOrder, func(s *order.State) { s.Lines[0].Refunded, s.Lines[0].OnAfterSale = 1, 2 }, order.ErrInvalidQuantity},
		{"too many attempts", paidOrder, func(s *order.State) { s.Lines[0].AfterSaleAttempts = 6 }, order.ErrInvalidQuantity},
		{"status ahead of quantities", paidOrder, func(s *order.State) { s.Status = order.StatusShipped }, order.ErrInvalidOrder},
		{"shipped status with units left", shippedOrder, func(s *order.State) {
			s.Lines[2].Shipped = 0
			s.Parcels[1].Items = s.Parcels[1].Items[:1]
		}, order.ErrInvalidOrder},
		{"parcels disagree with counters", shippedOrder, func(s *order.State) { s.Parcels = s.Parcels[:1] }, order.ErrInvalidOrder},
		{"repeated tracking number", shippedOrder, func(s *order.State) { s.Parcels[1].TrackingNumber = "SF1" }, order.ErrInvalidOrder},
		{"parcel of unknown sku", shippedOrder, func(s *order.State) { s.Parcels[0].Items[0].SKUID = "z" }, order.ErrInvalidOrder},
		{"paid order without payment time", paidOrder, func(s *order.State) { s.PaidAt = time.Time{} }, order.ErrInvalidOrder},
		{"unpaid order with deadline", newOrder, func(s *order.State) { s.Lines[0].ShipBy = t0 }, order.ErrInvalidOrder},
		{"paid before created", paidOrder, func(s *order.State) { s.PaidAt = t0.Add(-time.Hour) }, order.ErrTimeOrder},
		{"shipped before paid", shippedOrder, func(s *order.State) { s.ShipDoneAt = t0 }, order.ErrTimeOrder},
		{"completed without confirmation", shippedOrder, func(s *order.State) {
			s.Status, s.EndedAt, s.UpdatedAt = order.StatusCompleted, t0.Add(9*time.Hour), t0.Add(9*time.Hour)
		}, order.ErrInvalidOrder},
		{"cancelled without reason", newOrder, func(s *order.State) { s.Status, s.EndedAt = order.StatusCancelled, t0 }, order.ErrInvalidOrder},
		{"closed but not refunded", paidOrder, func(s *order.State) {
			s.Status, s.EndedAt, s.UpdatedAt, s.CancelReason = order.StatusClosedByAfterSale, t0.Add(2*time.Hour), t0.Add(2*time.Hour), order.CancelAfterSale
		}, order.ErrInvalidOrder},
		{"shipped without ship-done time", shippedOrder, func(s *order.State) { s.ShipDoneAt = time.Time{} }, order.ErrInvalidOrder},
		{"re-shipment before shipping", paidOrder, func(s *order.State) {
			s.Reshipments = []order.Reshipment{{Reason: order.ReshipGift, Parcel: parcel("R", item("a", 1)), At: t0.Add(time.Hour)}}
		}, order.ErrTimeOrder},
		{"too many negotiations", paidOrder, func(s *order.State) { s.Negotiations = make([]order.Negotiation, 4) }, order.ErrLimitReached},
		{"discount mismatch", paidOrder, func(s *order.State) { s.Discount = d("0") }, order.ErrInvalidOrder},
		{"bad amount", paidOrder, func(s *order.State) { s.Freight = d("-1") }, order.ErrInvalidAmount},
		{"zero policy", paidOrder, func(s *order.State) { s.Policy = order.DeadlinePolicy{} }, order.ErrInvalidPolicy},
		{"held units in a cancelled order", paidOrder, func(s *order.State) {
			s.Status, s.EndedAt, s.UpdatedAt, s.CancelReason = order.StatusCancelledOversold, t0.Add(2*time.Hour), t0.Add(2*time.Hour), order.CancelOversold
			s.Lines[0].OnAfterSale, s.Lines[0].AfterSaleAttempts = 1, 1
		}, order.ErrInvalidOrder},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := c.from(t).State()
			c.mutate(&s)
			o, err := order.Restore(s)
			require.ErrorIs(t, err, c.target)
			assert.Nil(t, o)
		})
	}
}

func TestUnmarshalJSONLeavesOrderOnError(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	before := state(t, o)
	for _, in := range []string{`{`, `{"status":"nope"}`, `{"freight":"1.001"}`, `{}`, `[]`} {
		assert.Error(t, json.Unmarshal([]byte(in), o), in)
		assert.Equal(t, before, state(t, o))
	}
}
