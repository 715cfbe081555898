package shipping_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

// blockedReport is what Check says of a late shipment (by 26h30m and a fraction of a second)
// of an order with an open case, a drifted SKU and a parcel with an unknown carrier.
func blockedReport(t *testing.T) shipping.Report {
	t.Helper()
	c := newShop(t, 3)
	o := newOrder(t, c, "o-json", 2, 1, 1)
	open := openCase(t, o, "AS-1", aftersale.KindRefund, tPay.Add(time.Minute), item(1, 1))
	priceChange(t, c, skuID(3), "11.00")
	deadline, ok := o.ShipBy()
	require.True(t, ok)
	r := shipping.Check(shipping.Request{
		Order: o, Cases: []*aftersale.Case{open}, SKUs: c, Carriers: testCarriers,
		At:      deadline.Add(26*time.Hour + 30*time.Minute + 123456789*time.Nanosecond),
		Parcels: []order.Parcel{{Carrier: "XYZ", TrackingNumber: "X1", Items: []order.Item{item(2, 1)}}},
	})
	require.False(t, r.OK())
	require.Len(t, r.Warnings, 1)
	return r
}

// TestReportJSONRoundTrip: a report reads back equal, field for field (a warning's delay to the
// nanosecond), and writes the same bytes again.
func TestReportJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for name, r := range map[string]shipping.Report{
		"blocked and late": blockedReport(t),
		"ok":               shipping.Check(request(newOrder(t, newShop(t, 1), "o-ok", 1), newShop(t, 1), parcel(1, item(1, 1)))),
		"empty":            {},
		"hand made":        handMadeReport(),
	} {
		b, err := json.Marshal(r)
		require.NoError(t, err, name)
		var back shipping.Report
		require.NoError(t, json.Unmarshal(b, &back), name)
		if name != "hand made" { // its time has a named zone, which JSON keeps only as an offset
			assert.Equal(t, r, back, name)
		}
		assert.True(t, r.At.Equal(back.At), name)
		assert.Equal(t, r.Blockers, back.Blockers, name)
		again, err := json.Marshal(back)
		require.NoError(t, err, name)
		assert.Equal(t, string(b), string(again), name)
	}
	r := blockedReport(t)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back shipping.Report
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, 26*time.Hour+30*time.Minute+123456789*time.Nanosecond, back.Warnings[0].Late, "not cut to whole seconds")
	assert.Equal(t, r.SupportTicket(), back.SupportTicket())

	var w shipping.Warning
	wb, err := json.Marshal(r.Warnings[0])
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(wb, &w))
	assert.Equal(t, r.Warnings[0], w, "a warning alone reads back exact too")
}

func TestReportJSONRefuses(t *testing.T) {
	t.Parallel()
	r := blockedReport(t)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	doc := string(b)
	tests := []struct {
		name, from, to, msg string
	}{
		{"an unknown field", `"ok":false`, `"ok":false,"status":"blocked"`, `unknown field "status"`},
		{"an unknown blocker field", `"code":"aftersale_open"`, `"code":"aftersale_open","severity":1`, `unknown field "severity"`},
		{"an unknown warning field", `"code":"late_shipment"`, `"code":"late_shipment","snooze":true`, `unknown field "snooze"`},
		{"an ok that contradicts the blockers", `"ok":false`, `"ok":true`, "ok is true with"},
		{"an unknown rule", `"code":"aftersale_open"`, `"code":"aftersale_opened"`, "aftersale_opened"},
		{"a blocker without a rule", `"code":"aftersale_open",`, ``, "blockers[0]: no code"},
		{"a warning without a rule", `"code":"late_shipment",`, ``, "warnings[0]: no code"},
		{"seconds that disagree with the delay", `"late_seconds":95400`, `"late_seconds":95401`, "disagrees"},
		{"a delay that is not one", `"late":"26h30m0.123456789s"`, `"late":"a day"`, "late:"},
		{"a delay too long to be one", `"late":"26h30m0.123456789s"`, `"late":"` + strings.Repeat("1", 40) + `s"`, "longer than"},
		{"trailing data", doc, doc + `[]`, "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Contains(t, doc, tt.from)
			got := r
			err := json.Unmarshal([]byte(strings.Replace(doc, tt.from, tt.to, 1)), &got)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, r, got, "a refused report leaves the target as it was")
		})
	}
	var back shipping.Report
	require.NoError(t, json.Unmarshal([]byte(strings.Replace(doc, `"ok":false,`, ``, 1)), &back), "ok is derived: it may be left out")
	require.NoError(t, json.Unmarshal([]byte(`{"warnings":[{"code":"late_shipment","late_seconds":60}]}`), &back),
		"a warning written by hand without the text takes the seconds")
	assert.Equal(t, time.Minute, back.Warnings[0].Late)
	require.Error(t, json.Unmarshal([]byte(`{"warnings":[{"code":"late_shipment","late_seconds":9223372036854775807}]}`), &back))
}

// FuzzReportJSON: any bytes read as a report never panic; whatever reads writes back to bytes
// that read as an equal report and write the same bytes again.
func FuzzReportJSON(f *testing.F) {
	r := shipping.Report{OrderID: "o-1", At: tShip, Blockers: []shipping.Blocker{{Code: order.RuleAfterSaleOpen, CaseID: "AS1", Message: "售后", MessageEN: "open"}},
		Warnings: []shipping.Warning{{Code: order.RuleLateShipment, Deadline: tPay, Late: 90*time.Minute + time.Nanosecond}}}
	b, err := json.Marshal(r)
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"order_id":"1","attempted_at":"2025-03-01T10:00:00+08:00","ok":true,"blockers":[],"warnings":[]}`))
	f.Add([]byte(`{"warnings":[{"code":"late_shipment","late_seconds":-1,"late":"-1.5s"}]}`))
	f.Add([]byte(`{"warnings":[{"code":"late_shipment","late":"-2562047h47m16.854775808s","late_seconds":-9223372036}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got shipping.Report
		if err := json.Unmarshal(data, &got); err != nil {
			return
		}
		out, err := json.Marshal(got)
		require.NoError(t, err, "%s", data)
		var back shipping.Report
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.Equal(t, got.OK(), back.OK())
		require.Equal(t, got.Blockers, back.Blockers)
		require.Len(t, back.Warnings, len(got.Warnings))
		for i := range got.Warnings {
			require.Equal(t, got.Warnings[i].Late, back.Warnings[i].Late, "%s", out)
		}
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	})
}

// A host stores a refused shipment's report and reads it back later, for the support ticket.
func ExampleReport_UnmarshalJSON() {
	stored := `{"order_id":"3725020335455738368","attempted_at":"2025-03-01T10:00:00Z","ok":false,` +
		`"blockers":[{"code":"aftersale_open","platform_code":108009,"aftersale_id":"AS1","message":"售后单 AS1 未完成",` +
		`"message_en":"after-sale case AS1 is unfinished","action":"","action_en":""}],` +
		`"warnings":[{"code":"late_shipment","deadline":"2025-02-28T08:00:00Z","late_seconds":93600,"late":"26h0m0.5s",` +
		`"message":"","message_en":"","action":"","action_en":""}]}`
	var r shipping.Report
	if err := json.Unmarshal([]byte(stored), &r); err != nil {
		panic(err)
	}
	fmt.Println(r.OK(), r.Codes(), r.Warnings[0].Late)
	fmt.Println(errors.Is(r.Err(), order.RuleAfterSaleOpen))
	// Output:
	// false [aftersale_open] 26h0m0.5s
	// true
}
