package wxapi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeOrder_Errors mutates a valid payload one field at a time: each mutation must be
// refused with an error that names the field and matches the right sentinel.
func TestDecodeOrder_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, payload, old, new string
		field                   string
		is                      []error
	}{
		{"unknown status", "paid_two_lines", `"status": 20`, `"status": 42`, "order.status", []error{wxapi.ErrUnknownCode}},
		{"status as text", "paid_two_lines", `"status": 20`, `"status": "paid"`, "order.status", []error{wxapi.ErrMalformed}},
		{"no order id", "paid_two_lines", `"order_id": "3725020335455738368",`, ``, "order.order_id", []error{wxapi.ErrMissingField}},
		{"float order id", "paid_two_lines", `"order_id": "3725020335455738368"`, `"order_id": 3.725020335455738e18`, "order.order_id", []error{wxapi.ErrMalformed}},
		{"no buyer", "paid_two_lines", `"openid": "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs",`, ``, "order.openid", []error{wxapi.ErrMissingField}},
		{"no lines", "unpaid", `"product_infos": [`, `"product_infos_gone": [`, "order.order_detail.product_infos", []error{wxapi.ErrMissingField}},
		{"half a fen", "paid_two_lines", `"sale_price": 3900`, `"sale_price": 3900.5`, "order.order_detail.product_infos[1].sale_price", []error{wxapi.ErrInvalidAmount}},
		{"negative price", "paid_two_lines", `"sale_price": 3900`, `"sale_price": -3900`, "order.order_detail.product_infos[1].sale_price", []error{wxapi.ErrInvalidAmount}},
		{"absurd price", "paid_two_lines", `"sale_price": 3900`, `"sale_price": 100000000001`, "order.order_detail.product_infos[1].sale_price", []error{wxapi.ErrInvalidAmount}},
		{"overflowing price", "paid_two_lines", `"sale_price": 3900`, `"sale_price": 99999999999999999999`, "order.order_detail.product_infos[1].sale_price", []error{wxapi.ErrInvalidAmount}},
		{"price missing", "paid_two_lines", `"sale_price": 3900,`, ``, "order.order_detail.product_infos[1].sale_price", []error{wxapi.ErrMissingField}},
		{"zero count", "paid_two_lines", `"sku_cnt": 1`, `"sku_cnt": 0`, "order.order_detail.product_infos[1].sku_cnt", []error{wxapi.ErrMalformed}},
		{"absurd count", "paid_two_lines", `"sku_cnt": 1`, `"sku_cnt": 1000000000`, "order.order_detail.product_infos[1].sku_cnt", []error{wxapi.ErrMalformed}},
		{"freight in yuan", "paid_two_lines", `"freight": 800`, `"freight": 8.5`, "order.order_detail.price_info.freight", []error{wxapi.ErrInvalidAmount}},
		{"product total disagrees", "paid_two_lines", `"product_price": 21700`, `"product_price": 21600`, "order.order_detail.price_info.product_price", []error{wxapi.ErrInconsistent, order.ErrInvalidOrder}},
		{"milliseconds", "paid_two_lines", `"pay_time": 1717200300`, `"pay_time": 1717200300000`, "order.order_detail.pay_info.pay_time", []error{wxapi.ErrMalformed}},
		{"paid status without payment", "paid_two_lines", `"pay_time": 1717200300,`, ``, "order.order_detail.pay_info.pay_time", []error{wxapi.ErrInconsistent, order.ErrInvalidOrder}},
		{"unknown legacy after-sale status", "paid_two_lines", `"status": 1}`, `"status": 99}`, "order.aftersale_detail.aftersale_order_list[0].status", []error{wxapi.ErrUnknownCode}},
		{"unknown after-sale status", "open_exchange", `"status": "MERCHANT_WAIT_RECEIPT"`, `"status": "MERCHANT_DREAMING"`, "order.aftersale_detail.aftersale_order_list[0].status", []error{wxapi.ErrUnknownCode}},
		{"unknown deliver type", "partially_shipped", `"deliver_type": 1,`, `"deliver_type": 9,`, "order.order_detail.delivery_info.delivery_product_info[0].deliver_type", []error{wxapi.ErrUnknownCode}},
		{"virtual parcel on a physical order", "partially_shipped", `"deliver_type": 1,`, `"deliver_type": 3,`, "order.order_detail.delivery_info.delivery_product_info[0].deliver_type", []error{wxapi.ErrInconsistent}},
		{"virtual order sent as physical", "virtual_partially_shipped", `"deliver_method": 1`, `"deliver_method": 0`, "order.order_detail.delivery_info.delivery_product_info[0].deliver_type", []error{wxapi.ErrInconsistent, order.RuleDeliverTypeMismatch}},
		{"express parcel without waybill", "partially_shipped", `"waybill_id": "78291034567123",`, ``, "order.order_detail.delivery_info.delivery_product_info[1].waybill_id", []error{wxapi.ErrInconsistent, order.RuleTrackingMissing}},
		{"express parcel without carrier", "partially_shipped", `"delivery_id": "SF",`, `"delivery_id": "",`, "order.order_detail.delivery_info.delivery_product_info[0].delivery_id", []error{wxapi.ErrInconsistent, order.RuleCarrierMissing}},
		{"virtual parcel with a carrier but no waybill", "virtual_partially_shipped", `"delivery_id": "",`, `"delivery_id": "SF",`, "order.order_detail.delivery_info.delivery_product_info[0].deliver_type", []error{wxapi.ErrInconsistent}},
		{"parcel without logistics or deliver_type on a physical order", "partially_shipped", `"waybill_id": "SF1432198765012",
            "delivery_id": "SF",
            "delivery_name": "顺丰速运",
            "delivery_time": 1717290000,
            "deliver_type": 1,`, `"delivery_time": 1717290000,`, "order.order_detail.delivery_info.delivery_product_info[0].deliver_type", []error{wxapi.ErrInconsistent, order.RuleDeliverTypeMismatch}},
		{"unknown deliver method", "partially_shipped", `"deliver_method": 0`, `"deliver_method": 7`, "order.order_detail.delivery_info.deliver_method", []error{wxapi.ErrUnknownCode}},
		{"unknown stock type", "unpaid", `"stock_type": 0`, `"stock_type": 5`, "order.order_detail.product_infos[0].sku_deliver_info.stock_type", []error{wxapi.ErrUnknownCode}},
		{"parcel of a foreign SKU", "partially_shipped", `"sku_id": "1000077802", "product_cnt": 1`, `"sku_id": "1000099999", "product_cnt": 1`, "order.order_detail.delivery_info.delivery_product_info[1].product_infos[0]", []error{wxapi.ErrInconsistent, order.ErrUnknownSKU}},
		{"parcel ships too much", "partially_shipped", `"sku_id": "1000077802", "product_cnt": 1`, `"sku_id": "1000077802", "product_cnt": 2`, "order.order_detail.delivery_info.delivery_product_info[1].product_infos[0]", []error{wxapi.ErrInconsistent, order.ErrInvalidQuantity}},
		{"parcel count zero", "partially_shipped", `"sku_id": "1000077802", "product_cnt": 1`, `"sku_id": "1000077802", "product_cnt": 0`, "order.order_detail.delivery_info.delivery_product_info[1].product_infos[0].product_cnt", []error{wxapi.ErrMalformed}},
		{"partially shipped with nothing shipped", "partially_shipped", `"delivery_product_info": [`, `"delivery_product_info_gone": [`, "order", []error{wxapi.ErrInconsistent}},
		{"attribute without key", "unpaid", `"attr_key": "颜色"`, `"attr_key": ""`, "order.order_detail.product_infos[0].sku_attrs[0].attr_key", []error{wxapi.ErrMissingField}},
		{"wrong JSON type", "unpaid", `"title": "手冲咖啡滤杯 陶瓷 V60"`, `"title": 60`, "order.order_detail.product_infos.title", []error{wxapi.ErrMalformed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(mutate(t, "order/"+tt.payload+".json", tt.old, tt.new), wxapi.OrderOptions{})
			require.Error(t, err)
			assert.Nil(t, res.Order)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe, err.Error())
			assert.Equal(t, "order/get", fe.Payload)
			want := []string{tt.field}
			if tt.name == "wrong JSON type" {
				// encoding/json names the element with its index under GOEXPERIMENT=jsonv2, and
				// without it otherwise.
				want = append(want, "order.order_detail.product_infos[0].title")
			}
			assert.Contains(t, want, fe.Field, err.Error())
			for _, target := range tt.is {
				assert.ErrorIs(t, err, target, err.Error())
			}
		})
	}
}

func TestDecodeOrder_PlatformError(t *testing.T) {
	t.Parallel()
	_, err := wxapi.DecodeOrder([]byte(`{"errcode":100002,"errmsg":"order not exist"}`), wxapi.OrderOptions{})
	var ae *wxapi.APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 100002, ae.Code)
	assert.Equal(t, "order/get", ae.Payload)
	assert.ErrorIs(t, err, wxapi.ErrPlatform)
}

// TestDecodeOrder_Options: order/get does not say why a 250 order was cancelled nor who
// confirmed a 100 order. The order carries what the host passes, or "unknown"; a reason that
// does not fit the status is refused.
func TestDecodeOrder_Options(t *testing.T) {
	t.Parallel()
	cancelled := mutate(t, "order/unpaid.json", `"status": 10`, `"status": 250`, `"update_time": 1717200000`, `"update_time": 1717203600`)
	exchange := readTestdata(t, "order/open_exchange.json")
	completed := mutate(t, "order/open_exchange.json", `"status": 30`, `"status": 100`)
	tests := []struct {
		name    string
		body    []byte
		opts    wxapi.OrderOptions
		cancel  order.CancelReason
		confirm order.ConfirmKind
		is      error // nil: decoded
	}{
		{"cancel reason unknown", cancelled, wxapi.OrderOptions{}, order.CancelUnknown, 0, nil},
		{"cancelled on timeout", cancelled, wxapi.OrderOptions{Cancel: order.CancelTimeout}, order.CancelTimeout, 0, nil},
		{"cancelled by the buyer", cancelled, wxapi.OrderOptions{Cancel: order.CancelByBuyer}, order.CancelByBuyer, 0, nil},
		{"after-sale reason on a 250 order", cancelled, wxapi.OrderOptions{Cancel: order.CancelAfterSale}, 0, 0, order.ErrInvalidOrder},
		{"confirmation unknown", completed, wxapi.OrderOptions{}, 0, order.ConfirmUnknown, nil},
		{"confirmed by the buyer", completed, wxapi.OrderOptions{Confirm: order.ConfirmByBuyer}, 0, order.ConfirmByBuyer, nil},
		{"confirmed automatically", completed, wxapi.OrderOptions{Confirm: order.ConfirmAuto}, 0, order.ConfirmAuto, nil},
		{"confirmation not in the enum", completed, wxapi.OrderOptions{Confirm: order.ConfirmKind(9)}, 0, 0, order.ErrInvalidOrder},
		{"options unused by a paid order", exchange, wxapi.OrderOptions{Cancel: order.CancelTimeout, Confirm: order.ConfirmAuto}, 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(tt.body, tt.opts)
			if tt.is != nil {
				assert.ErrorIs(t, err, wxapi.ErrInconsistent)
				assert.ErrorIs(t, err, tt.is)
				assert.Nil(t, res.Order)
				return
			}
			require.NoError(t, err)
			s := res.Order.State()
			assert.Equal(t, tt.cancel, s.CancelReason)
			assert.Equal(t, tt.confirm, s.Confirm)
			checkOrder(t, res.Order)
		})
	}

	res, err := wxapi.DecodeOrder(cancelled, wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(1717203600), res.Order.State().EndedAt.Unix(), "update_time stands in for the cancel time")
}

func TestDecodeOrder_RealPriceDefault(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(mutate(t, "order/unpaid.json", `"real_price": 12900,`, ``), wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.Equal(t, "129.00", res.Order.Lines()[0].Paid().StringFixed(2), "sale_price × sku_cnt when real_price is absent")
}
