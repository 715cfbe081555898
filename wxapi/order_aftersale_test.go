package wxapi_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeOrder_FinishedAfterSales: finish_aftersale_sku_cnt does not say how the after-sale
// finished. The units count as exchanged (AfterSaleDone) only when the order's after-sale list
// shows finished exchanges and no finished refund; otherwise as refunded. Refunded money is
// never invented: order/get does not carry it.
func TestDecodeOrder_FinishedAfterSales(t *testing.T) {
	t.Parallel()
	const sku = "1000021103" // the exchanged T-shirt of open_exchange.json: 1 unit, shipped
	finished := []string{`"on_aftersale_sku_cnt": 1`, `"on_aftersale_sku_cnt": 0`,
		`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`,
		`"on_aftersale_order_cnt": 1`, `"on_aftersale_order_cnt": 0`}
	list := `{"aftersale_order_id": "2000000489876543", "status": "MERCHANT_WAIT_RECEIPT"}`
	withList := func(entries string) []string {
		return append([]string{list, entries}, finished...)
	}
	tests := []struct {
		name           string
		pairs          []string
		refunded, done int
	}{
		{"exchange finished", withList(`{"aftersale_order_id": "2000000489876543", "status": "MERCHANT_EXCHANGE_SUCCESS"}`), 0, 1},
		{"exchange finished, an older request cancelled", withList(`{"aftersale_order_id": "2000000489876543", "status": "MERCHANT_EXCHANGE_SUCCESS"},
        {"aftersale_order_id": "2000000481111111", "status": "USER_CANCELD"}`), 0, 1},
		{"return finished", withList(`{"aftersale_order_id": "2000000489876543", "status": "MERCHANT_RETURN_SUCCESS"}`), 1, 0},
		{"refund finished, as a legacy number", withList(`{"aftersale_order_id": "2000000489876543", "status": 13}`), 1, 0},
		{"exchange and refund: which SKU had which is unknown", withList(`{"aftersale_order_id": "2000000489876543", "status": "MERCHANT_EXCHANGE_SUCCESS"},
        {"aftersale_order_id": "2000000481111111", "status": "MERCHANT_REFUND_SUCCESS"}`), 1, 0},
		{"no list", append([]string{`"aftersale_order_list": [` + list + `]`, `"aftersale_order_list": []`}, finished...), 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(mutate(t, "order/open_exchange.json", tt.pairs...), wxapi.OrderOptions{})
			require.NoError(t, err)
			checkOrder(t, res.Order)
			l, ok := res.Order.Line(sku)
			require.True(t, ok)
			assert.Equal(t, tt.refunded, l.Refunded())
			assert.Equal(t, tt.done, l.AfterSaleDone())
			assert.Zero(t, l.OnAfterSale())
			assert.True(t, l.RefundedAmount().IsZero(), "order/get carries no refunded money")
			assert.Equal(t, 1, l.AfterSaleAttempts(), "a finished after-sale proves one request")
			assert.Zero(t, res.Order.EligibleForAfterSale(sku), "no new after-sale for finished units")
			assert.False(t, res.Order.FullyRefunded(), "the tote bag was not refunded")
		})
	}

	// An exchange or re-send is of shipped goods: one of units that never shipped is refused.
	// The rule is the order's; order.FromPlatform names the line's field, and the error names
	// its JSON path and the SKU.
	unshipped := append(withList(`{"aftersale_order_id": "2000000489876543", "status": "MERCHANT_EXCHANGE_SUCCESS"}`),
		`"status": 30`, `"status": 21`, `"ship_done_time": 1717300000`, `"ship_done_time": 0`,
		`{"product_id": "10000211", "sku_id": "1000021103", "product_cnt": 1},`, ``)
	_, err := wxapi.DecodeOrder(mutate(t, "order/open_exchange.json", unshipped...), wxapi.OrderOptions{})
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "order.order_detail.product_infos[0].finish_aftersale_sku_cnt", fe.Field)
	assert.ErrorIs(t, err, wxapi.ErrInconsistent)
	assert.ErrorIs(t, err, order.ErrInvalidOrder)
	assert.Contains(t, err.Error(), sku)
	assert.Contains(t, err.Error(), "exchanged or re-sent")

	// An order closed by after-sale needs every unit refunded: exchanges cannot close it.
	closed := func(status string) []byte {
		return mutate(t, "order/open_exchange.json", `"status": 30`, `"status": 200`,
			`"on_aftersale_sku_cnt": 1`, `"on_aftersale_sku_cnt": 0`,
			`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`,
			`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`,
			`"on_aftersale_order_cnt": 1`, `"on_aftersale_order_cnt": 0`,
			`"MERCHANT_WAIT_RECEIPT"`, status)
	}
	res, err := wxapi.DecodeOrder(closed(`"MERCHANT_RETURN_SUCCESS"`), wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.True(t, res.Order.FullyRefunded())
	checkOrder(t, res.Order)
	_, err = wxapi.DecodeOrder(closed(`"MERCHANT_EXCHANGE_SUCCESS"`), wxapi.OrderOptions{})
	assert.ErrorIs(t, err, wxapi.ErrInconsistent)
	assert.ErrorIs(t, err, order.ErrInvalidOrder)
}

// TestDecodeOrder_RefundLedger: with no refunded money on the decoded order, a later refund is
// still capped by the share of the units not yet refunded, so a line never refunds more than it
// paid.
func TestDecodeOrder_RefundLedger(t *testing.T) {
	t.Parallel()
	// The T-shirts: 2 units paid 160.00 together; one finished after-sale with a refund.
	body := mutate(t, "order/paid_two_lines.json", `"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`)
	res, err := wxapi.DecodeOrder(body, wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	l, _ := o.Line("1000021104")
	require.Equal(t, 1, l.Refunded())
	require.True(t, l.RefundedAmount().IsZero())
	assert.Equal(t, 1, o.Remaining("1000021104"), "a refunded unit never ships")

	c, _, err := aftersale.Open(o, aftersale.Request{ID: "2000000481239999", Kind: aftersale.KindRefund,
		Items:  []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 1}},
		Reason: aftersale.ReasonIncorrectSelection}, time.Unix(1717290000, 0).UTC())
	require.NoError(t, err)
	most, err := c.PaidFor(o)
	require.NoError(t, err)
	assert.Equal(t, "80.00", most.StringFixed(2), "160.00 paid for 2 units, the first already refunded")
}
