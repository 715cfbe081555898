package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// shipAnswerView is the ship check's answer, decoded.
type shipAnswerView struct {
	Report struct {
		OrderID  string `json:"order_id"`
		OK       bool   `json:"ok"`
		Blockers []struct {
			Code         string `json:"code"`
			PlatformCode int    `json:"platform_code"`
			MessageEN    string `json:"message_en"`
		} `json:"blockers"`
	} `json:"report"`
	DeliverySend json.RawMessage `json:"delivery_send"`
	Error        string          `json:"error"`
}

// codes are the blockers' codes.
func (a shipAnswerView) codes() []string {
	var out []string
	for _, b := range a.Report.Blockers {
		out = append(out, b.Code)
	}
	return out
}

// paidOrder pushes a paid order of two lines (1000070001 × 2, 1000070002 × 3) and returns it.
func paidOrder(t *testing.T, b *testBackend, n int) *history {
	t.Helper()
	hb := newHistoryBuilder(t, rand.New(rand.NewPCG(uint64(n), 10)), n)
	hb.place(plainOrder, 2)
	hb.pay()
	h := hb.done()
	for k := range h.steps {
		status, body := b.happen(h, k)
		require.Equal(t, http.StatusOK, status)
		require.Equal(t, "success", body)
	}
	return h
}

// parcelJSON is a ship request's parcel of the given lines of o, whole.
func parcelJSON(o *order.Order, carrier, tracking string, lines ...int) string {
	items := ""
	for i, li := range lines {
		l, _ := o.LineAt(li)
		if i > 0 {
			items += ","
		}
		items += fmt.Sprintf(`{"product_id":%q,"sku_id":%q,"quantity":%d}`, l.ProductID(), l.SKUID(), l.Quantity())
	}
	return fmt.Sprintf(`{"carrier":%q,"tracking_number":%q,"items":[%s]}`, carrier, tracking, items)
}

// TestOrderAPI: GET /orders/{id} serves the stored order and its cases, in the JSON they
// restore from; an order the store does not have is a 404.
func TestOrderAPI(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	h := paidOrder(t, b, 1)

	v := b.stored(h.id)
	assert.Equal(t, order.StatusPendingShipment, v.Order.Status())
	assert.Equal(t, int64(2), v.Version, "created, then paid")
	assert.Empty(t, v.Cases)
	left, err := v.Order.Reconcile(h.final)
	require.NoError(t, err)
	assert.Empty(t, left)

	var missing map[string]string
	assert.Equal(t, http.StatusNotFound, b.get("/orders/3725020335400000000", &missing))
	assert.Equal(t, "order 3725020335400000000 is not stored", missing["error"])
}

// TestShipAPI: POST /orders/{id}/ship runs the pre-flight check against the stored order, its
// cases, the live catalog and the carrier list, and answers the delivery/send body it would
// send, or every blocker.
func TestShipAPI(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	h := paidOrder(t, b, 2)
	o := h.final
	l0, _ := o.LineAt(0)
	l1, _ := o.LineAt(1)
	withCase := newHistoryBuilder(t, rand.New(rand.NewPCG(3, 10)), 3)
	withCase.place(plainOrder, 2)
	withCase.pay()
	withCase.openCase(0)
	hc := withCase.done()
	for k := range hc.steps {
		status, _ := b.happen(hc, k)
		require.Equal(t, http.StatusOK, status)
	}

	tests := []struct {
		name     string
		id, body string
		status   int
		codes    []string
	}{
		{"everything in one parcel", h.id, `{"parcels":[` + parcelJSON(o, "SF", "SF1432198765012", 0, 1) + `],"complete":true}`, http.StatusOK, nil},
		{"a parcel a line", h.id, `{"parcels":[` + parcelJSON(o, "SF", "SF1432198765012", 0) + `,` + parcelJSON(o, "ZTO", "78912345678901", 1) + `]}`, http.StatusOK, nil},
		{"a carrier the platform does not list", h.id, `{"parcels":[` + parcelJSON(o, "XYZ", "XYZ1432198765012", 0, 1) + `]}`, http.StatusConflict, []string{"carrier_unknown"}},
		{"not all of it, though complete", h.id, `{"parcels":[` + parcelJSON(o, "SF", "SF1432198765012", 0) + `],"complete":true}`, http.StatusConflict, []string{"shipment_incomplete"}},
		{"one SKU in two parcels", h.id, `{"parcels":[` + parcelJSON(o, "SF", "SF1432198765012", 0) + `,` + parcelJSON(o, "SF", "SF1432198765013", 0) + `]}`, http.StatusConflict, []string{"sku_split"}},
		{"an open after-sale", hc.id, `{"parcels":[` + parcelJSON(hc.final, "SF", "SF1432198765012", 0, 1) + `]}`, http.StatusConflict, []string{"aftersale_open"}},
	}
	for _, tt := range tests {
		var got shipAnswerView
		require.Equal(t, tt.status, b.post("/orders/"+tt.id+"/ship", tt.body, &got), tt.name)
		assert.Equal(t, tt.codes, got.codes(), tt.name)
		assert.Equal(t, tt.codes == nil, got.Report.OK, tt.name)
		if tt.codes != nil {
			assert.Empty(t, got.DeliverySend, tt.name)
		}
	}

	var got shipAnswerView
	require.Equal(t, http.StatusOK, b.post("/orders/"+h.id+"/ship", `{"parcels":[`+parcelJSON(o, "SF", "SF1432198765012", 0, 1)+`]}`, &got))
	assert.JSONEq(t, fmt.Sprintf(`{"order_id":%q,"delivery_list":[{"delivery_id":"SF","waybill_id":"SF1432198765012","deliver_type":1,
		"product_infos":[{"product_id":%q,"sku_id":%q,"product_cnt":%d},{"product_id":%q,"sku_id":%q,"product_cnt":%d}]}]}`,
		h.id, l0.ProductID(), l0.SKUID(), l0.Quantity(), l1.ProductID(), l1.SKUID(), l1.Quantity()), string(got.DeliverySend))

	// The platform's price of the first SKU changed since the order: delivery/send would be
	// refused with 606031, and the check says so before.
	b.platform.setPrice(0, decimal.RequireFromString("79.00"))
	got = shipAnswerView{}
	require.Equal(t, http.StatusConflict, b.post("/orders/"+h.id+"/ship", `{"parcels":[`+parcelJSON(o, "SF", "SF1432198765012", 0, 1)+`]}`, &got))
	assert.Equal(t, []string{"sku_drift"}, got.codes())
	assert.Equal(t, 606031, got.Report.Blockers[0].PlatformCode)

	for _, bad := range []string{`{"parcels":`, `{"parcel":[]}`, `[]`} {
		got = shipAnswerView{}
		assert.Equal(t, http.StatusBadRequest, b.post("/orders/"+h.id+"/ship", bad, &got), bad)
		assert.NotEmpty(t, got.Error, bad)
	}
	got = shipAnswerView{}
	assert.Equal(t, http.StatusNotFound, b.post("/orders/3725020335400000000/ship", `{"parcels":[]}`, &got))
}

// TestCheckAPI: GET /orders/{id}/check checks shipping what is left of the order in one
// parcel, with the carrier and tracking number given, if any; when the platform cannot be
// read, it says so (502).
func TestCheckAPI(t *testing.T) {
	t.Parallel()
	b := newTestBackend(t)
	h := paidOrder(t, b, 4)
	tests := []struct {
		query string
		codes []string
	}{
		{"?carrier=SF&tracking_number=SF1432198765012", nil},
		{"", []string{"deliver_type_mismatch"}}, // no logistics: for virtual goods only
		{"?carrier=SF", []string{"tracking_missing"}},
		{"?carrier=SF&tracking_number=SF%201432198765012", []string{"tracking_invalid"}}, // a space pasted from a chat
	}
	for _, tt := range tests {
		var got shipAnswerView
		require.Equal(t, http.StatusOK, b.get("/orders/"+h.id+"/check"+tt.query, &got), tt.query)
		assert.Equal(t, h.id, got.Report.OrderID, tt.query)
		assert.Equal(t, tt.codes, got.codes(), tt.query)
		assert.Equal(t, tt.codes == nil, got.Report.OK, tt.query)
	}

	b.platform.down.Store(true)
	var got shipAnswerView
	assert.Equal(t, http.StatusBadGateway, b.get("/orders/"+h.id+"/check", &got), "the platform is down: no carrier list")
	assert.Contains(t, got.Error, "503")
}
