package order_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

func TestStatusCodesNamesLabels(t *testing.T) {
	t.Parallel()
	cases := []struct {
		s     order.Status
		code  int
		name  string
		label string
	}{
		{order.StatusPendingPayment, 10, "pending_payment", "待付款"},
		{order.StatusPendingShipment, 20, "pending_shipment", "待发货"},
		{order.StatusPartiallyShipped, 21, "partially_shipped", "部分发货"},
		{order.StatusShipped, 30, "shipped", "待收货"},
		{order.StatusCompleted, 100, "completed", "已完成"},
		{order.StatusCancelledOversold, 190, "cancelled_oversold", "超卖取消"},
		{order.StatusClosedByAfterSale, 200, "closed_by_after_sale", "全部售后取消"},
		{order.StatusCancelled, 250, "cancelled", "已取消"},
	}
	require.Len(t, order.Statuses(), len(cases))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.code, c.s.Code())
			assert.Equal(t, c.name, c.s.String())
			assert.Equal(t, c.label, c.s.Label())
			got, err := order.StatusFromCode(c.code)
			require.NoError(t, err)
			assert.Equal(t, c.s, got)
			b, err := json.Marshal(c.s)
			require.NoError(t, err)
			assert.JSONEq(t, `"`+c.name+`"`, string(b))
			var back order.Status
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, c.s, back)
		})
	}
}

func TestUnknownStatusCodes(t *testing.T) {
	t.Parallel()
	for _, code := range []int{0, 1, 22, 40, 101, 255, 256, -1, 1 << 40} {
		_, err := order.StatusFromCode(code)
		assert.ErrorIs(t, err, order.ErrUnknownCode, "%d", code)
	}
	_, err := order.StatusFromCode(22)
	assert.Contains(t, err.Error(), "22")
	s := order.StatusShipped
	assert.ErrorIs(t, s.UnmarshalText([]byte("delivered")), order.ErrUnknownCode)
	assert.Equal(t, order.StatusShipped, s, "a failed decode leaves the value")
	_, err = order.Status(0).MarshalText()
	assert.ErrorIs(t, err, order.ErrUnknownCode)
	assert.False(t, order.Status(0).IsValid())
}

func TestSmallEnums(t *testing.T) {
	t.Parallel()
	type textual interface {
		String() string
		Label() string
		IsValid() bool
		MarshalText() ([]byte, error)
	}
	cases := []struct {
		v     textual
		name  string
		label string
	}{
		{order.TriggerShipPart, "ship_part", "部分发货"},
		{order.CancelByBuyer, "buyer", "用户取消"},
		{order.CancelTimeout, "timeout", "超时取消"},
		{order.CancelAfterSale, "after_sale", "全部商品售后完成"},
		{order.CancelOversold, "oversold", "超卖取消"},
		{order.ReshipMissingItem, "missing_item", "商品漏发"},
		{order.ReshipSplitPackage, "split_package", "商品拆分包裹"},
		{order.ReshipDamaged, "damaged", "商品坏损"},
		{order.ReshipGift, "gift", "赠品"},
		{order.NegotiateBuyerRequest, "buyer_request", "买家要求"},
		{order.NegotiateStockShortage, "stock_shortage", "商品库存不足"},
		{order.NegotiateStockGuarantee, "stock_guarantee", "缺货保障"},
		{order.NegotiateWrongAddress, "wrong_address", "收货信息有误"},
		{order.ConfirmByBuyer, "buyer", "买家确认收货"},
		{order.ConfirmAuto, "auto", "自动确认收货"},
		{order.StockInStock, "in_stock", "现货"},
		{order.StockPresale, "presale", "预售"},
		{order.RuleSplitSKU, "split_sku", "同一SKU须在一个包裹发出"},
	}
	for _, c := range cases {
		assert.True(t, c.v.IsValid(), c.name)
		assert.Equal(t, c.name, c.v.String())
		assert.Equal(t, c.label, c.v.Label())
		b, err := c.v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, c.name, string(b))
	}
	// Platform codes the reference documents.
	assert.EqualValues(t, 1, order.ReshipMissingItem)
	assert.EqualValues(t, 4, order.ReshipGift)
	assert.EqualValues(t, 1, order.NegotiateBuyerRequest)
	assert.EqualValues(t, 4, order.NegotiateWrongAddress)
	assert.EqualValues(t, 1, order.CancelByBuyer)
	assert.EqualValues(t, 3, order.CancelAfterSale)
	assert.EqualValues(t, 1, order.StockPresale)

	var r order.ReshipReason
	assert.ErrorIs(t, r.UnmarshalText([]byte("lost")), order.ErrUnknownCode)
	tr, err := order.ParseTrigger("confirm_receipt")
	require.NoError(t, err)
	assert.Equal(t, order.TriggerConfirmReceipt, tr)
	_, err = order.ParseStatus("nope")
	assert.ErrorIs(t, err, order.ErrUnknownCode)
}

func TestRulePlatformCodes(t *testing.T) {
	t.Parallel()
	want := map[order.Rule]int{
		order.RuleNotShippable: 0, order.RuleOnAfterSale: 108009, order.RuleMissingTracking: 40097,
		order.RuleDuplicateTracking: 109000, order.RuleEmptyParcel: 109002, order.RuleBadQuantity: 109000,
		order.RuleUnknownSKU: 606031, order.RuleSplitSKU: 606030, order.RuleOverShipment: 109000,
		order.RuleRefundedUnits: 109000, order.RuleIncomplete: 0,
	}
	for r, code := range want {
		assert.Equal(t, code, r.PlatformCode(), r.String())
		assert.NotNil(t, r.Err(), r.String())
	}
	assert.Zero(t, order.Rule(0).PlatformCode())
	assert.Nil(t, order.Rule(99).Err())
}
