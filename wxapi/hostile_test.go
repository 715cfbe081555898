package wxapi_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeOrderYear9999: a maximal Unix time is a valid time, but a deadline derived from it
// falls after the year 9999, which JSON cannot write: the order is refused, never built
// unmarshallable (the old decoder accepted it, and the order then failed to marshal).
func TestDecodeOrderYear9999(t *testing.T) {
	t.Parallel()
	body := mutate(t, "order/paid_two_lines.json",
		`"create_time": 1717200000`, `"create_time": 253402300000`,
		`"update_time": 1717286500`, `"update_time": 253402300700`,
		`"pay_time": 1717200300`, `"pay_time": 253402300799`,
		`"delivery_deadline": 1717373100`, `"delivery_deadline": 0`,
		`"delivery_deadline": 1717373100`, `"delivery_deadline": 0`)
	_, err := wxapi.DecodeOrder(body, wxapi.OrderOptions{})
	require.ErrorIs(t, err, wxapi.ErrInconsistent)
	assert.Contains(t, err.Error(), "9999")
}

// TestDecodeOrderSizeLimit: more lines than order.MaxLines are refused before anything is
// built from them.
func TestDecodeOrderSizeLimit(t *testing.T) {
	t.Parallel()
	line := `{"product_id": "1", "sku_id": "1", "sku_cnt": 1, "sale_price": 100, "real_price": 100}`
	many := strings.Repeat(line+",", order.MaxLines) + line
	body := `{"errcode":0,"order":{"order_id":"1","status":10,"create_time":1717200000,"openid":"o",` +
		`"order_detail":{"product_infos":[` + many + `]}}}`
	_, err := wxapi.DecodeOrder([]byte(body), wxapi.OrderOptions{})
	require.ErrorIs(t, err, wxapi.ErrMalformed)
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "order.order_detail.product_infos", fe.Field)
}

// TestNilArguments: a nil order or event is an error, never a panic (both used to panic).
func TestNilArguments(t *testing.T) {
	t.Parallel()
	ev, err := wxapi.DecodeEvent(readTestdata(t, "event/order_pay.json"))
	require.NoError(t, err)
	_, err = wxapi.ApplyToOrder(nil, ev)
	require.Error(t, err)
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/unpaid.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	_, err = wxapi.ApplyToOrder(res.Order, nil)
	require.Error(t, err)
	_, err = wxapi.ApplyToCase(nil, res.Order, nil)
	require.Error(t, err)
	_, ok := wxapi.FetchFor(nil)
	assert.False(t, ok)
}
