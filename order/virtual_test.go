package order_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// virtualOrder is threeLines as a virtual-goods order, paid.
func virtualOrder(t testing.TB) *order.Order {
	t.Helper()
	p := threeLines()
	p.Virtual = true
	o, err := order.New(p)
	require.NoError(t, err)
	_, err = o.Pay(t0.Add(time.Hour))
	require.NoError(t, err)
	return o
}

func TestVirtualOrderShipsWithoutWaybill(t *testing.T) {
	t.Parallel()
	o := virtualOrder(t)
	assert.True(t, o.Virtual())
	assert.False(t, paidOrder(t).Virtual())
	at := t0.Add(2 * time.Hour)
	_, err := o.Ship(order.Parcel{Items: []order.Item{item("a", 2)}}, at)
	require.NoError(t, err)
	ev, err := o.Ship(order.Parcel{Items: []order.Item{item("b", 1), item("c", 3)}}, at)
	require.NoError(t, err, "two parcels without waybill are not a repeated tracking number")
	assert.True(t, ev.Finished)
	assert.Equal(t, order.StatusShipped, o.Status())

	r, err := order.Restore(o.State())
	require.NoError(t, err)
	assert.Equal(t, state(t, o), state(t, r))
	b, err := json.Marshal(o)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"virtual":true`)
	var back order.Order
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Virtual())
	assert.NotContains(t, state(t, paidOrder(t)), `"virtual"`, "express orders keep their JSON")
}

func TestVirtualOrderRules(t *testing.T) {
	t.Parallel()
	at := t0.Add(2 * time.Hour)
	half := []struct {
		p    order.Parcel
		rule order.Rule
	}{
		{order.Parcel{Carrier: "SF", Items: []order.Item{item("a", 2)}}, order.RuleTrackingMissing},
		{order.Parcel{TrackingNumber: "SF1", Items: []order.Item{item("a", 2)}}, order.RuleCarrierMissing},
		{order.Parcel{Carrier: "SF", TrackingNumber: "SF 1", Items: []order.Item{item("a", 2)}}, order.RuleTrackingInvalid},
	}
	for _, h := range half {
		o := virtualOrder(t)
		rejected(t, o, h.rule, func() error { _, err := o.Ship(h.p, at); return err })
	}
	o := virtualOrder(t)
	_, err := o.Ship(parcel("SF1", item("a", 2)), at)
	require.NoError(t, err, "a virtual order may still use a waybill")
	rejected(t, o, order.RuleTrackingDuplicate, func() error { _, err := o.Ship(parcel("SF1", item("b", 1)), at); return err })

	express := paidOrder(t)
	rejected(t, express, order.RuleDeliverTypeMismatch, func() error {
		_, err := express.Ship(order.Parcel{Items: []order.Item{item("a", 2)}}, at)
		return err
	})
	rejected(t, o, order.ErrVirtualOrder, func() error {
		_, err := o.ExtendShipBy(t0.Add(100*time.Hour), order.NegotiateBuyerRequest, at)
		return err
	})

	done := virtualOrder(t)
	_, err = done.Ship(order.Parcel{Items: []order.Item{item("a", 2), item("b", 1), item("c", 3)}}, at)
	require.NoError(t, err)
	rejected(t, done, order.RuleDeliverTypeMismatch, func() error {
		_, err := done.Reship(order.ReshipGift, order.Parcel{Items: []order.Item{item("b", 1)}}, at)
		return err
	})
}

func TestRestoreJudgesVirtualParcels(t *testing.T) {
	t.Parallel()
	o := virtualOrder(t)
	_, err := o.Ship(order.Parcel{Items: []order.Item{item("a", 2)}}, t0.Add(2*time.Hour))
	require.NoError(t, err)
	s := o.State()
	s.Virtual = false
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "an express order's parcel needs a waybill")
	require.ErrorIs(t, err, order.RuleDeliverTypeMismatch)

	neg := paidOrder(t)
	_, err = neg.ExtendShipBy(t0.Add(60*time.Hour), order.NegotiateBuyerRequest, t0.Add(2*time.Hour))
	require.NoError(t, err)
	s = neg.State()
	s.Virtual = true
	_, err = order.Restore(s)
	require.ErrorIs(t, err, order.ErrInvalidOrder, "a virtual order takes no negotiation")
}
