package order_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

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
		{order.StatusGiftPending, 12, "gift_pending", "礼物待收下"},
		{order.StatusGroupForming, 13, "group_forming", "一起买待成团"},
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
		{order.RuleSKUSplit, "sku_split", "同一商品规格被拆到多个包裹"},
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
	var tr order.Trigger
	require.NoError(t, tr.UnmarshalText([]byte("confirm_receipt")))
	assert.Equal(t, order.TriggerConfirmReceipt, tr)
	var st order.Status
	assert.ErrorIs(t, st.UnmarshalText([]byte("nope")), order.ErrUnknownCode)
}

// TestRulePlatformCodes is the refusal table as the brief states it: every rule, in table order,
// with its name and platform code.
func TestRulePlatformCodes(t *testing.T) {
	t.Parallel()
	want := []struct {
		r    order.Rule
		name string
		code int
	}{
		{order.RuleInvalidRequest, "invalid_request", 0},
		{order.RuleOrderUnpaid, "order_unpaid", 0},
		{order.RuleOrderWaiting, "order_waiting", 0},
		{order.RuleOrderCancelled, "order_cancelled", 0},
		{order.RuleOrderShipped, "order_shipped", 109001},
		{order.RuleAfterSaleOpen, "aftersale_open", 108009},
		{order.RuleSKUChangePending, "sku_change_pending", 0},
		{order.RuleSKUDrift, "sku_drift", 606031},
		{order.RuleSKUUnknown, "sku_unknown", 606031},
		{order.RuleParcelEmpty, "parcel_empty", 109002},
		{order.RuleQuantityInvalid, "quantity_invalid", 109000},
		{order.RuleOverShipment, "over_shipment", 109000},
		{order.RuleSKUSplit, "sku_split", 606030},
		{order.RuleUnitsRefunded, "units_refunded", 109000},
		{order.RuleShipmentIncomplete, "shipment_incomplete", 0},
		{order.RuleCarrierMissing, "carrier_missing", 40097},
		{order.RuleTrackingMissing, "tracking_missing", 40097},
		{order.RuleCarrierUnknown, "carrier_unknown", 606004},
		{order.RuleTrackingInvalid, "tracking_invalid", 606005},
		{order.RuleTrackingDuplicate, "tracking_duplicate", 109000},
		{order.RuleDeliverTypeMismatch, "deliver_type_mismatch", 606008},
		{order.RuleLateShipment, "late_shipment", 0},
	}
	rules := order.Rules()
	require.Len(t, rules, len(want))
	for i, w := range want {
		r := w.r
		assert.Equal(t, r, rules[i], "table order")
		assert.True(t, r.IsValid())
		assert.Equal(t, w.name, r.String())
		assert.Equal(t, w.name, r.Error(), "a Rule is an error that prints its name")
		assert.Equal(t, w.code, r.PlatformCode(), w.name)
		assert.Equal(t, r == order.RuleLateShipment, r.IsWarning(), w.name)
		for _, text := range []string{r.Label(), r.Title(), r.Action(), r.ActionEN()} {
			assert.NotEmpty(t, text, w.name)
		}
		assert.NotEqual(t, r.Label(), r.Title())
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back order.Rule
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
		se := &order.ShipmentError{Rule: r, Parcel: 0}
		assert.ErrorIs(t, se, r, "a ShipmentError unwraps to its rule")
		assert.Equal(t, w.code, se.Code())
		if w.code != 0 {
			assert.Contains(t, order.RulesForPlatform(w.code), r)
		}
	}
	for _, bad := range []order.Rule{0, order.Rule(len(want) + 1), 255} {
		assert.False(t, bad.IsValid())
		assert.Zero(t, bad.PlatformCode())
		assert.Empty(t, bad.Title())
		assert.Contains(t, bad.String(), "order.Rule(")
		_, err := bad.MarshalText()
		assert.ErrorIs(t, err, order.ErrUnknownCode)
	}
	r := order.RuleSKUSplit
	assert.ErrorIs(t, r.UnmarshalText([]byte("split_sku")), order.ErrUnknownCode, "the old name is gone")
	assert.Equal(t, order.RuleSKUSplit, r, "a failed decode leaves the value")
	assert.Nil(t, order.RulesForPlatform(0))
	assert.Nil(t, order.RulesForPlatform(12345))
	assert.Equal(t, []order.Rule{order.RuleQuantityInvalid, order.RuleOverShipment, order.RuleUnitsRefunded, order.RuleTrackingDuplicate},
		order.RulesForPlatform(109000))
	// Rules are distinct errors: one never matches another.
	assert.NotErrorIs(t, &order.ShipmentError{Rule: order.RuleSKUUnknown}, order.RuleSKUDrift)
}

// TestMissingCarrierIsOneRefusal: a parcel without a carrier is RuleCarrierMissing, which the
// platform answers with 40097 (invalid args: delivery_id). The old code had two answers: the
// order said 40097 and package shipping 606004 (its carrier-unknown code). There is one table
// now, and 606004 stands for a carrier code the platform does not know, never for no carrier.
func TestMissingCarrierIsOneRefusal(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	_, err := o.Ship(order.Parcel{TrackingNumber: "SF1", Items: []order.Item{item("a", 2)}}, t0.Add(2*time.Hour))
	se, ok := errors.AsType[*order.ShipmentError](err)
	require.True(t, ok)
	assert.Equal(t, order.RuleCarrierMissing, se.Rule)
	assert.Equal(t, 40097, se.Code())
	assert.Equal(t, 40097, order.RuleCarrierMissing.PlatformCode())
	assert.ErrorIs(t, err, order.RuleCarrierMissing)
	assert.NotErrorIs(t, err, order.RuleCarrierUnknown)
	assert.Equal(t, []order.Rule{order.RuleCarrierMissing, order.RuleTrackingMissing}, order.RulesForPlatform(40097))
	assert.Equal(t, []order.Rule{order.RuleCarrierUnknown}, order.RulesForPlatform(606004))
	assert.Equal(t, "parcel 1 has no carrier", se.MessageEN())
	assert.Equal(t, "包裹1 没有填写快递公司", se.Message())
}
