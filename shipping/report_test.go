package shipping_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

var attempt = time.Date(2025, 3, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func handMadeReport() shipping.Report {
	return shipping.Report{
		OrderID: "3725020335455738368",
		At:      attempt,
		Blockers: []shipping.Blocker{
			{Code: order.RuleAfterSaleOpen, PlatformCode: 108009, CaseID: "AS1", Message: "售后单 AS1 未完成", MessageEN: "after-sale case AS1 is unfinished"},
			{Code: order.RuleSKUSplit, PlatformCode: 606030, Parcel: 2, SKU: "sku-1", Message: "拆包", MessageEN: "split"},
			{Code: order.RuleAfterSaleOpen, PlatformCode: 108009, CaseID: "AS2", Message: "售后单 AS2 未完成", MessageEN: "after-sale case AS2 is unfinished"},
		},
		Warnings: []shipping.Warning{
			{Code: order.RuleLateShipment, Deadline: attempt.Add(-26 * time.Hour), Late: 26 * time.Hour, Message: "晚了", MessageEN: "late"},
		},
	}
}

func TestReportErr(t *testing.T) {
	t.Parallel()
	require.NoError(t, shipping.Report{OrderID: "1"}.Err())
	assert.True(t, shipping.Report{}.OK())

	r := handMadeReport()
	assert.False(t, r.OK())
	err := r.Err()
	require.Error(t, err)
	assert.ErrorIs(t, err, shipping.ErrBlocked)
	assert.ErrorIs(t, err, order.RuleAfterSaleOpen)
	assert.ErrorIs(t, err, order.RuleSKUSplit)
	for _, c := range order.Rules() {
		if c != order.RuleAfterSaleOpen && c != order.RuleSKUSplit {
			assert.NotErrorIs(t, err, c, c)
		}
	}
	assert.Equal(t, `shipping: order "3725020335455738368" cannot ship: aftersale_open, sku_split`, err.Error())
	assert.Equal(t, []order.Rule{order.RuleAfterSaleOpen, order.RuleSKUSplit}, r.Codes())
	assert.True(t, r.Has(order.RuleSKUSplit))
	assert.False(t, r.Has(order.RuleSKUDrift))

	var b shipping.Blocker
	require.ErrorAs(t, err, &b)
	assert.Equal(t, "AS1", b.CaseID, "errors.As finds the first blocker")
	var re *shipping.RefusedError
	require.ErrorAs(t, err, &re)
	assert.Len(t, re.Blockers, 3)

	var rule order.Rule
	require.True(t, errors.As(err, &rule), "errors.As finds the first blocker's rule")
	assert.Equal(t, order.RuleAfterSaleOpen, rule)
}

func TestBlockerIsAnError(t *testing.T) {
	t.Parallel()
	b := shipping.Blocker{Code: order.RuleCarrierUnknown, MessageEN: "carrier \"XX\" is not known"}
	assert.ErrorIs(t, b, order.RuleCarrierUnknown)
	assert.NotErrorIs(t, b, order.RuleTrackingInvalid)
	assert.Equal(t, `shipping: carrier_unknown: carrier "XX" is not known`, b.Error())
}

func TestReportJSON(t *testing.T) {
	t.Parallel()
	data, err := json.Marshal(handMadeReport())
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(data, &got))
	assert.Equal(t, "3725020335455738368", got["order_id"])
	assert.Equal(t, "2025-03-01T10:00:00+08:00", got["attempted_at"])
	assert.Equal(t, false, got["ok"])
	blockers := got["blockers"].([]any)
	require.Len(t, blockers, 3)
	second := blockers[1].(map[string]any)
	assert.Equal(t, "sku_split", second["code"])
	assert.EqualValues(t, 606030, second["platform_code"])
	assert.EqualValues(t, 2, second["parcel"])
	assert.Equal(t, "sku-1", second["sku_id"])
	assert.NotContains(t, second, "aftersale_id", "empty fields are left out")
	w := got["warnings"].([]any)[0].(map[string]any)
	assert.Equal(t, "late_shipment", w["code"])
	assert.EqualValues(t, 26*3600, w["late_seconds"])
	assert.Equal(t, "26h0m0s", w["late"])

	// The report reads back into the same values (the derived "ok" is ignored).
	var back shipping.Report
	require.NoError(t, json.Unmarshal(data, &back))
	want := handMadeReport()
	assert.Equal(t, want.Blockers, back.Blockers)
	assert.True(t, want.At.Equal(back.At))
	require.Len(t, back.Warnings, 1)
	assert.Equal(t, want.Warnings[0].Late, back.Warnings[0].Late)
	assert.True(t, want.Warnings[0].Deadline.Equal(back.Warnings[0].Deadline))

	okData, err := json.Marshal(shipping.Report{OrderID: "1", At: attempt})
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"1","attempted_at":"2025-03-01T10:00:00+08:00","ok":true,"blockers":[],"warnings":[]}`, string(okData))

	require.Error(t, json.Unmarshal([]byte(`{"blockers":[{"code":"no_such_code"}]}`), &back))
	require.Error(t, json.Unmarshal([]byte(`{"warnings":[{"code":"no_such_code"}]}`), &back))
}

func TestSupportTicket(t *testing.T) {
	t.Parallel()
	want := `发货失败，请协助处理 / Shipment refused, please help
订单号 / Order ID: 3725020335455738368
发货时间 / Attempted at: 2025-03-01 10:00 北京时间 / 2025-03-01T02:00:00Z
问题 / Blockers (3):
1. [aftersale_open 108009] 售后单 AS1 未完成
   after-sale case AS1 is unfinished
2. [sku_split 606030] 拆包
   split
3. [aftersale_open 108009] 售后单 AS2 未完成
   after-sale case AS2 is unfinished
提醒 / Warning [late_shipment] 晚了
   late
`
	assert.Equal(t, want, handMadeReport().SupportTicket())
	assert.Contains(t, shipping.Report{At: attempt}.SupportTicket(), "Order ID: -\n")
	assert.Contains(t, shipping.Report{At: attempt}.SupportTicket(), "Blockers: 无 / none\n")
}
