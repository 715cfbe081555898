package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// storedView is GET /orders/{id}, decoded: restoring the JSON runs every check of the order
// and the cases.
type storedView struct {
	Order   *order.Order      `json:"order"`
	Cases   []*aftersale.Case `json:"cases"`
	Version int64             `json:"version"`
}

func (b *testBackend) stored(id string) storedView {
	b.t.Helper()
	var v storedView
	require.Equal(b.t, http.StatusOK, b.get("/orders/"+id, &v))
	return v
}

// TestPushPath follows one order through its pushes, each answered "success" only once
// stored: the first creates the order from order/get, a push that carries enough is applied
// without a platform call, a retry changes nothing, and a shipment is fetched.
func TestPushPath(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(1, 1)), 0)
	hb.place(plainOrder, 2)
	hb.pay()
	hb.ship(2)
	hb.confirm(order.ConfirmByBuyer)
	hb.settle()
	h := hb.done()
	require.Len(t, h.steps, 6)

	tests := []struct {
		step   int
		status order.Status
		events []string // recorded by this push
		calls  int64    // platform calls it made
	}{
		{0, order.StatusPendingPayment, []string{"order_created"}, 1},
		{1, order.StatusPendingShipment, []string{"order_paid"}, 0},
		{1, order.StatusPendingShipment, nil, 0}, // the platform's retry
		{2, order.StatusPartiallyShipped, []string{"order_shipped"}, 1},
		{3, order.StatusShipped, []string{"order_shipped"}, 1},
		{2, order.StatusShipped, nil, 0}, // late: the order is past it
		{4, order.StatusCompleted, []string{"order_completed"}, 0},
		{5, order.StatusCompleted, []string{"order_settled"}, 0},
	}
	var seen []string
	for i, tt := range tests {
		before := b.platform.calls.Load()
		status, body := b.happen(h, tt.step)
		require.Equal(t, http.StatusOK, status, "push %d", i)
		require.Equal(t, "success", body, "push %d", i)
		assert.Equal(t, tt.calls, b.platform.calls.Load()-before, "push %d: platform calls", i)
		seen = append(seen, tt.events...)
		assert.Equal(t, seen, b.events(h.id), "push %d", i)
		assert.Equal(t, tt.status, b.stored(h.id).Order.Status(), "push %d", i)
	}
	got := b.stored(h.id).Order
	left, err := got.Reconcile(h.final)
	require.NoError(t, err)
	assert.Empty(t, left, "the stored order is the platform's")
	assert.Equal(t, order.ConfirmByBuyer, got.Confirm())
}

// TestPushLateFirst: the last push arrives first. The order is created as order/get shows it
// then, and the earlier pushes, arriving after, change nothing.
func TestPushLateFirst(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(2, 2)), 0)
	hb.place(giftOrder, 3)
	hb.pay()
	hb.endWait()
	hb.ship(3)
	hb.confirm(order.ConfirmAuto)
	h := hb.done()
	last := len(h.steps) - 1
	status, body := b.happen(h, last)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "success", body)
	for k := range last {
		status, body := b.push(h.steps[k].push)
		require.Equal(t, http.StatusOK, status, "step %d", k)
		require.Equal(t, "success", body, "step %d", k)
	}
	assert.Equal(t, []string{"order_created"}, b.events(h.id), "order/get brought everything at once")
	got := b.stored(h.id).Order
	assert.Equal(t, order.StatusCompleted, got.Status())
	assert.Equal(t, order.ConfirmAuto, got.Confirm(), "the confirm push said who confirmed")
	assert.Len(t, got.Parcels(), len(h.final.Parcels()))
}

// TestAfterSalePushes: a case the store does not have is fetched with its order; the buyer's
// withdrawal is applied from the push alone and releases the units on the order; a refund
// needs the case's details, and its end moves the order's ledger once.
func TestAfterSalePushes(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(3, 3)), 0)
	hb.place(plainOrder, 2)
	hb.pay()
	hb.afterSale(0, false) // opened, withdrawn
	hb.afterSale(1, true)  // opened, refunded
	hb.ship(1)
	h := hb.done()
	require.Len(t, h.steps, 7)

	tests := []struct {
		step   int
		events []string
		calls  int64
	}{
		{0, []string{"order_created"}, 1},
		{1, []string{"order_paid"}, 0},
		{2, []string{"after_sale_created", "order_after_sale_held"}, 3}, // order/get, the case, order/get again
		{3, []string{"after_sale_cancel", "order_after_sale_released"}, 0},
		{4, []string{"after_sale_created", "order_after_sale_held"}, 3},
		{5, []string{"after_sale_refund", "order_after_sale_released"}, 3},
		{5, nil, 0},
		{6, []string{"order_shipped"}, 1},
	}
	var seen []string
	for i, tt := range tests {
		before := b.platform.calls.Load()
		status, body := b.happen(h, tt.step)
		require.Equal(t, http.StatusOK, status, "push %d", i)
		require.Equal(t, "success", body, "push %d", i)
		assert.Equal(t, tt.calls, b.platform.calls.Load()-before, "push %d: platform calls", i)
		seen = append(seen, tt.events...)
		assert.Equal(t, seen, b.events(h.id), "push %d", i)
	}
	v := b.stored(h.id)
	require.Len(t, v.Cases, 2)
	assert.Equal(t, aftersale.StatusUserCancelled, v.Cases[0].Status())
	assert.Equal(t, aftersale.StatusMerchantRefundSuccess, v.Cases[1].Status())
	l, _ := v.Order.LineAt(1)
	assert.Equal(t, l.Quantity(), l.Refunded())
	assert.Equal(t, mustLine(t, h.final, 1).Paid().StringFixed(2), l.RefundedAmount().StringFixed(2), "the refund's money is on the order's ledger")
	left, err := v.Order.Reconcile(h.final)
	require.NoError(t, err)
	assert.Empty(t, left)
}

func mustLine(t *testing.T, o *order.Order, i int) order.Line {
	t.Helper()
	l, ok := o.LineAt(i)
	require.True(t, ok)
	return l
}

// TestPushRefused: what the platform did not sign is refused with 403 and stored nowhere; a
// push the backend does not model is acknowledged; a failure on the way (the platform down)
// is a 500, so that the platform retries, and the retry succeeds.
func TestPushRefused(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(4, 4)), 0)
	hb.place(plainOrder, 1)
	h := hb.done()
	b.platform.add(h)
	b.platform.advance(h.id, 0)
	sent := time.Unix(1717300000, 0)
	good := sealPush(t, b.key, b.random, h.steps[0].push, sent)
	other, err := wxapi.NewPushKey(demoToken, demoAESKey, "wx1111111111111111")
	require.NoError(t, err)

	tamper := func(f func(q url.Values)) pushRequest {
		q := url.Values{}
		for k, v := range good.query {
			q[k] = append([]string(nil), v...)
		}
		f(q)
		return pushRequest{query: q, body: good.body}
	}
	tests := []struct {
		name   string
		req    pushRequest
		status int
	}{
		{"bad msg_signature", tamper(func(q url.Values) { q.Set("msg_signature", "0000000000000000000000000000000000000000") }), http.StatusForbidden},
		{"not encrypted", tamper(func(q url.Values) { q.Del("encrypt_type") }), http.StatusForbidden},
		{"no timestamp", tamper(func(q url.Values) { q.Del("timestamp") }), http.StatusForbidden},
		{"another shop's appid", sealPush(t, other, b.random, h.steps[0].push, sent), http.StatusForbidden},
		{"not an envelope", pushRequest{query: good.query, body: []byte("hello")}, http.StatusForbidden},
	}
	for _, tt := range tests {
		status, _, err := tt.req.send(http.DefaultClient, b.url)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.status, status, tt.name)
	}
	assert.Empty(t, b.events(h.id), "nothing refused is stored")

	status, body := b.push([]byte(`{"ToUserName":"gh_7c1a2b3d4e5f","CreateTime":1717300000,"MsgType":"event","Event":"channels_ec_coupon_receive","coupon_id":"1"}`))
	assert.Equal(t, http.StatusOK, status, "a push the backend does not model")
	assert.Equal(t, "success", body)

	b.platform.down.Store(true)
	status, _, err = good.send(http.DefaultClient, b.url)
	require.NoError(t, err)
	assert.Equal(t, http.StatusInternalServerError, status, "order/get failed: the platform must retry")
	assert.Empty(t, b.events(h.id))
	var missing map[string]string
	assert.Equal(t, http.StatusNotFound, b.get("/orders/"+h.id, &missing))

	b.platform.down.Store(false)
	status, body, err = good.send(http.DefaultClient, b.url)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "success", body, "the retry")
	assert.Equal(t, []string{"order_created"}, b.events(h.id))
}

// TestVerifyURL: the GET the platform sends when the push URL is saved gets echostr back
// only with the token's signature.
func TestVerifyURL(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	sign := b.key.Signature("1717300000", "1320562132")
	tests := []struct {
		name   string
		query  string
		status int
		body   string
	}{
		{"signed", "signature=" + sign + "&timestamp=1717300000&nonce=1320562132&echostr=7245931548706181120", http.StatusOK, "7245931548706181120"},
		{"another token", "signature=" + b.key.Signature("1717300001", "1320562132") + "&timestamp=1717300000&nonce=1320562132&echostr=1", http.StatusForbidden, "forbidden\n"},
		{"no echostr", "signature=" + sign + "&timestamp=1717300000&nonce=1320562132", http.StatusForbidden, "forbidden\n"},
		{"markup as echostr", "signature=" + sign + "&timestamp=1717300000&nonce=1320562132&echostr=%3Cscript%3E", http.StatusForbidden, "forbidden\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(b.url + "/push?" + tt.query)
			require.NoError(t, err)
			defer resp.Body.Close()
			var body [256]byte
			n, _ := resp.Body.Read(body[:])
			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, tt.body, string(body[:n]))
		})
	}
}

// TestHistoriesInOrder: random histories pushed in order, each push twice, end where the
// platform ends. The crash test does the same across processes, out of order and killed.
func TestHistoriesInOrder(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	for n := range 40 {
		h := newHistory(t, rand.New(rand.NewPCG(uint64(n), 99)), n)
		for k := range h.steps {
			for range 2 {
				status, body := b.happen(h, k)
				require.Equal(t, http.StatusOK, status, "order %d step %d: %s", n, k, h.steps[k].push)
				require.Equal(t, "success", body)
			}
		}
		v := b.stored(h.id)
		left, err := v.Order.Reconcile(h.final)
		require.NoError(t, err, "order %d", n)
		assert.Empty(t, left, "order %d", n)
		require.Len(t, v.Cases, len(h.cases), "order %d", n)
		for i, c := range h.cases {
			assert.Equal(t, c.Status(), v.Cases[i].Status(), fmt.Sprintf("order %d case %s", n, c.ID()))
		}
	}
}

// TestCaseEndedBeforeALaterPush: the buyer's refund ends a case, then the buyer confirms
// receipt; the confirmation's push comes first and is applied, so the refund's end is dated
// before the stored order's last change. The library records the end on the order when it
// learns of it: the case follows the platform step by step, the order ends as the platform's,
// the refund once.
func TestCaseEndedBeforeALaterPush(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(5, 5)), 0)
	hb.place(plainOrder, 2)
	hb.pay()
	hb.ship(1)
	hb.afterSale(0, true) // steps 3 (open) and 4 (refunded)
	hb.confirm(order.ConfirmByBuyer)
	h := hb.done()
	require.Len(t, h.steps, 6)
	for _, k := range []int{0, 1, 2, 3, 5, 4} {
		status, body := b.happen(h, k)
		require.Equal(t, http.StatusOK, status, "step %d", k)
		require.Equal(t, "success", body, "step %d", k)
	}
	v := b.stored(h.id)
	left, err := v.Order.Reconcile(h.final)
	require.NoError(t, err)
	assert.Empty(t, left)
	require.Len(t, v.Cases, 1)
	assert.Equal(t, aftersale.StatusMerchantRefundSuccess, v.Cases[0].Status())
	assert.Equal(t, []string{"order_created", "order_paid", "order_shipped", "after_sale_created", "order_after_sale_held",
		"order_completed", "after_sale_refund", "order_after_sale_released"}, b.events(h.id))
}

// TestSyncReadsAgain: the platform refunds the case while the backend reads it, between its
// two reads of the order. The first snapshot is refused, and the second, read again, stored.
func TestSyncReadsAgain(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(6, 6)), 0)
	hb.place(plainOrder, 2)
	hb.pay()
	hb.afterSale(1, true) // steps 2 (open) and 3 (refunded)
	h := hb.done()
	for k := range 2 {
		status, _ := b.happen(h, k)
		require.Equal(t, http.StatusOK, status)
	}
	refundOnce := func(api string) {
		if api == "aftersale/getaftersaleorder" {
			b.platform.advance(h.id, 3)
		}
	}
	b.platform.served.Store(&refundOnce)
	before := b.platform.calls.Load()
	status, body := b.happen(h, 2)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "success", body)
	assert.Equal(t, int64(6), b.platform.calls.Load()-before, "order/get, the case, order/get: twice")
	v := b.stored(h.id)
	require.Len(t, v.Cases, 1)
	assert.Equal(t, aftersale.StatusMerchantRefundSuccess, v.Cases[0].Status(), "the case as the second snapshot shows it")
	left, err := v.Order.Reconcile(h.final)
	require.NoError(t, err)
	assert.Empty(t, left)
	assert.Equal(t, []string{"order_created", "order_paid", "after_sale_created", "order_after_sale_held", "order_after_sale_released"},
		b.events(h.id))
}
