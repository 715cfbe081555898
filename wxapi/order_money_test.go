package wxapi_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeOrder_MoneyIsNeverGuessed: a line's paid amount comes from the figures the payload
// gives, and a payload whose figures contradict each other or leave an amount open is refused
// at the field's JSON path.
func TestDecodeOrder_MoneyIsNeverGuessed(t *testing.T) {
	t.Parallel()
	const body = "order/gift_subsidy.json"
	noRealPrice := []string{`"real_price": 49900,`, ``}
	noEstimate := []string{`"estimate_price": 49900,`, ``}
	t.Run("order_price settles the one line without real_price", func(t *testing.T) {
		t.Parallel()
		res, err := wxapi.DecodeOrder(mutate(t, body, append(noRealPrice, noEstimate...)...), wxapi.OrderOptions{})
		require.NoError(t, err)
		l, _ := res.Order.LineAt(0)
		assert.Equal(t, "499.00", l.Paid().StringFixed(2), "569.00 − 0.00 freight − 70.00 − 0.00")
		assert.Equal(t, "569.00", res.Order.Total().StringFixed(2))
	})
	t.Run("a paid 105.00 order whose line has no real_price", func(t *testing.T) {
		t.Parallel()
		// One line of 10 × 20.00 with a merchant discount of 100.00 and 5.00 freight: the
		// buyer paid 105.00, never 205.00.
		res, err := wxapi.DecodeOrder(readTestdata(t, "order/discount_no_real_price.json"), wxapi.OrderOptions{})
		require.NoError(t, err)
		assert.Equal(t, "105.00", res.Order.Total().StringFixed(2))
		assert.Equal(t, "100.00", res.Order.Discount().StringFixed(2))
		assert.Equal(t, "100.00", res.Details.Prices.Discounts.Merchant.StringFixed(2), "from discounted_price")
	})

	tests := []struct {
		name  string
		pairs []string
		field string
		is    error
	}{
		{"two lines without real_price that order_price does not split", append(append(noRealPrice, noEstimate...), `"real_price": 0,`, ``),
			"order.order_detail.product_infos[0].real_price", wxapi.ErrMissingField},
		{"no real_price and no order_price", append(append(noRealPrice, noEstimate...), `"order_price": 56900,`, ``),
			"order.order_detail.product_infos[0].real_price", wxapi.ErrMissingField},
		{"order_price that is not what the lines and the freight paid", []string{`"order_price": 56900`, `"order_price": 56800`},
			"order.order_detail.price_info.order_price", order.ErrInvalidOrder},
		{"discounted_price and merchant_discounted_price disagree", []string{`"discounted_price": 5300`, `"discounted_price": 5200`},
			"order.order_detail.price_info.discounted_price", wxapi.ErrInconsistent},
		{"the lines' merchant discounts do not add up", []string{`"merchant_discounted_price": 300,`, `"merchant_discounted_price": 200,`},
			"order.order_detail.price_info.merchant_discounted_price", order.ErrInvalidOrder},
		{"a line discount above the line", []string{`"merchant_discounted_price": 300,`, `"merchant_discounted_price": 7801,`},
			"order.order_detail.product_infos[1].merchant_discounted_price", order.ErrInvalidOrder},
		{"is_change_freight without change_freight", []string{`"change_freight": 0,`, ``},
			"order.order_detail.price_info.change_freight", wxapi.ErrMissingField},
		{"is_change_price without change_price", []string{`"change_price": 7000,`, ``},
			"order.order_detail.product_infos[1].change_price", wxapi.ErrMissingField},
		{"more freight refunded than paid", []string{`"refund_freight": 0`, `"refund_freight": 1`},
			"order.order_detail.refund_info.refund_freight", order.ErrRefundTooLarge},
		{"a fraction of a fen", []string{`"change_price": 7000`, `"change_price": 7000.5`},
			"order.order_detail.product_infos[1].change_price", wxapi.ErrInvalidAmount},
		{"an unknown SKU change state", []string{`"preshipment_change_sku_state": 3`, `"preshipment_change_sku_state": 9`},
			"order.order_detail.product_infos[0].change_sku_info.preshipment_change_sku_state", wxapi.ErrUnknownCode},
		{"a SKU change of another SKU", []string{`"old_sku_id": "2000101"`, `"old_sku_id": "2000109"`},
			"order.order_detail.product_infos[0].change_sku_info", order.ErrInvalidOrder},
		{"a flag that is neither a boolean nor 0 or 1", []string{`"is_free_gift": 1`, `"is_free_gift": 2`},
			"order.order_detail.product_infos[2].is_free_gift", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(mutate(t, body, tt.pairs...), wxapi.OrderOptions{})
			require.Error(t, err)
			assert.Nil(t, res.Order)
			var fe *wxapi.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.field, fe.Field, "%v", err)
			assert.ErrorIs(t, err, tt.is)
		})
	}
}

// TestDecodeOrder_AfterSaleWithoutStatus: an aftersale_order_list entry with an id alone is
// real; the order decodes and says which case to fetch.
func TestDecodeOrder_AfterSaleWithoutStatus(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(mutate(t, "order/gift_subsidy.json",
		`"on_aftersale_order_cnt": 0,
      "aftersale_order_list": []`, `"on_aftersale_order_cnt": 1,
      "aftersale_order_list": [{"aftersale_order_id": "4000001234567890"}]`), wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.Equal(t, []wxapi.AfterSaleRef{{ID: "4000001234567890"}}, res.AfterSales.Orders)
	assert.True(t, res.AfterSales.BlocksShipping(), "by the platform's count")
}
