package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// testAccessToken is the access token the fake platform accepts.
const testAccessToken = "test-access-token"

// fakePlatform is the platform's read API as a real HTTP server on 127.0.0.1, answering from
// the test's histories at the step each order has reached on the platform. It is safe for
// concurrent use: the crash test moves the platform on while the backend reads it.
type fakePlatform struct {
	srv *httptest.Server

	mu      sync.Mutex
	orders  map[string]*history
	reached map[string]int // the index of the last step that happened; absent before the first
	prices  map[string]decimal.Decimal

	calls atomic.Int64
	down  atomic.Bool // answer every call with HTTP 503
	// served, when set, is called after each answer with the API's path ("order/get"): a
	// test moves the platform on between two reads of the backend with it.
	served atomic.Pointer[func(api string)]
}

func newFakePlatform(t testing.TB) *fakePlatform {
	t.Helper()
	p := &fakePlatform{orders: map[string]*history{}, reached: map[string]int{}, prices: map[string]decimal.Decimal{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /channels/ec/order/get", p.serve("order_id", p.orderGet))
	mux.HandleFunc("POST /channels/ec/aftersale/getaftersaleorder", p.serve("after_sale_order_id", p.afterSaleGet))
	mux.HandleFunc("POST /channels/ec/product/get", p.serve("product_id", p.productGet))
	mux.HandleFunc("POST /channels/ec/order/deliverycompanylist/new/get", p.serve("", func(string) []byte { return []byte(carrierListBody) }))
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

// baseURL is what the backend's -platform-url takes.
func (p *fakePlatform) baseURL() string { return p.srv.URL + "/channels/ec" }

// add makes h's order known to the platform, before its first step.
func (p *fakePlatform) add(h *history) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.orders[h.id] = h
}

// advance makes the steps of order id up to index k happen; the platform never goes back.
func (p *fakePlatform) advance(id string, k int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if cur, ok := p.reached[id]; !ok || k > cur {
		p.reached[id] = k
	}
}

// setPrice changes product i's price on the platform: a SKU that drifted since the orders.
func (p *fakePlatform) setPrice(i int, price decimal.Decimal) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.prices[productID(i)] = price
}

// errNotFound is the platform's answer for an ID it does not know.
var errNotFound = []byte(`{"errcode":10020003,"errmsg":"object not exist"}`)

// serve answers one API call: the access token checked, the body's field read, answer(value).
func (p *fakePlatform) serve(field string, answer func(string) []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p.calls.Add(1)
		if p.down.Load() {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		if r.URL.Query().Get("access_token") != testAccessToken {
			_, _ = w.Write([]byte(`{"errcode":40001,"errmsg":"invalid credential"}`))
			return
		}
		var req map[string]any
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			_, _ = w.Write([]byte(`{"errcode":47001,"errmsg":"data format error"}`))
			return
		}
		value, _ := req[field].(string)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer(value))
		if f := p.served.Load(); f != nil {
			(*f)(strings.TrimPrefix(r.URL.Path, "/channels/ec/"))
		}
	}
}

func (p *fakePlatform) orderGet(id string) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	h, k, ok := p.orders[id], 0, false
	if h != nil {
		k, ok = p.reached[id]
	}
	if !ok {
		return errNotFound
	}
	return h.steps[k].orderGet
}

func (p *fakePlatform) afterSaleGet(id string) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	for oid, k := range p.reached {
		if body, ok := p.orders[oid].steps[k].cases[id]; ok {
			return body
		}
	}
	return errNotFound
}

func (p *fakePlatform) productGet(id string) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range numProducts {
		if productID(i) == id {
			price, ok := p.prices[id]
			if !ok {
				price = productPrice(i)
			}
			return productBody(i, price)
		}
	}
	return errNotFound
}

// pushRequest is one push as the platform sends it: the URL's query and the JSON envelope.
type pushRequest struct {
	query url.Values
	body  []byte
}

// sealPush seals the event msg as the platform would at sent, with the random bytes and the
// nonce drawn from random.
func sealPush(t testing.TB, key wxapi.PushKey, random io.Reader, msg []byte, sent time.Time) pushRequest {
	t.Helper()
	var n [4]byte
	_, err := io.ReadFull(random, n[:])
	require.NoError(t, err)
	nonce := strconv.FormatUint(uint64(n[0])<<24|uint64(n[1])<<16|uint64(n[2])<<8|uint64(n[3]), 10)
	sealed, err := key.SealReply(random, msg, sent, nonce)
	require.NoError(t, err)
	stamp := strconv.FormatInt(sealed.TimeStamp, 10)
	return pushRequest{
		query: url.Values{"signature": {key.Signature(stamp, nonce)}, "timestamp": {stamp}, "nonce": {nonce},
			"encrypt_type": {"aes"}, "msg_signature": {sealed.MsgSignature}},
		body: fmt.Appendf(nil, `{"ToUserName":"gh_7c1a2b3d4e5f","Encrypt":%q}`, sealed.Encrypt),
	}
}

// send posts the push to the backend at base and returns the status and the body.
func (r pushRequest) send(client *http.Client, base string) (int, string, error) {
	resp, err := client.Post(base+"/push?"+r.query.Encode(), "application/json", bytes.NewReader(r.body))
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	return resp.StatusCode, string(b), err
}
