package wxapi_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeCarrierList(t *testing.T) {
	t.Parallel()
	for only, want := range map[bool]string{true: `{"ewaybill_only":true}`, false: `{"ewaybill_only":false}`} {
		body, err := wxapi.EncodeCarrierList(only)
		require.NoError(t, err)
		assert.Equal(t, want, string(body))
	}
}

func TestDecodeCarrierList_Golden(t *testing.T) {
	t.Parallel()
	cs, err := wxapi.DecodeCarrierList(readTestdata(t, "list/carriers.json"))
	require.NoError(t, err)
	golden(t, "list/carriers.golden", indentJSON(t, cs.All()))

	assert.Equal(t, 9, cs.Len())
	sf, ok := cs.Lookup("SF")
	require.True(t, ok)
	assert.Equal(t, shipping.Carrier{Code: "SF", Name: "顺丰速运"}, sf)
	_, ok = cs.Lookup("顺丰速运")
	assert.False(t, ok, "looked up by code, never by name")
}

// TestDecodeCarrierList_FeedsCheck: the decoded set is what shipping.Check takes; a parcel
// with a carrier outside it is a blocker.
func TestDecodeCarrierList_FeedsCheck(t *testing.T) {
	t.Parallel()
	cs, err := wxapi.DecodeCarrierList(readTestdata(t, "list/carriers.json"))
	require.NoError(t, err)
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	var items []order.Item
	for _, l := range o.Lines() {
		items = append(items, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.Quantity()})
	}
	for carrier, known := range map[string]bool{"ZTO": true, "DHL": false} {
		report := shipping.Check(shipping.Request{Order: o, SKUs: nil, Carriers: cs, At: o.UpdatedAt(),
			Parcels: []order.Parcel{{Carrier: carrier, TrackingNumber: "75123456789012", Items: items}}})
		unknown := false
		for _, b := range report.Blockers {
			if errors.Is(b, order.RuleCarrierUnknown) {
				unknown = true
			}
		}
		assert.Equal(t, !known, unknown, "carrier %s", carrier)
	}
}

func TestDecodeCarrierList_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new, field string
		is                    error
	}{
		{"code repeated", `"delivery_id": "STO"`, `"delivery_id": "ZTO"`, "company_list[4].delivery_id", shipping.ErrInvalidCarrier},
		{"code with a space", `"delivery_id": "JD"`, `"delivery_id": "J D"`, "company_list[7].delivery_id", shipping.ErrInvalidCarrier},
		{"code in Chinese", `"delivery_id": "YUNDA"`, `"delivery_id": "韵达"`, "company_list[3].delivery_id", wxapi.ErrMalformed},
		{"code too long", `"delivery_id": "EMS"`, `"delivery_id": "` + strings.Repeat("E", 65) + `"`, "company_list[6].delivery_id", wxapi.ErrMalformed},
		{"code empty", `"delivery_id": "YTO"`, `"delivery_id": ""`, "company_list[2].delivery_id", wxapi.ErrMissingField},
		{"code absent", `"delivery_id": "OTHER", `, ``, "company_list[8].delivery_id", wxapi.ErrMissingField},
		{"code a number", `"delivery_id": "SF"`, `"delivery_id": 1`, "company_list[0].delivery_id", wxapi.ErrMalformed},
		{"code an object", `"delivery_id": "ZTO"`, `"delivery_id": {"code": "ZTO"}`, "company_list[1].delivery_id", wxapi.ErrMalformed},
		{"no list", `"company_list"`, `"companies"`, "company_list", wxapi.ErrMissingField},
		{"empty list", `"company_list": [`, `"company_list": [], "x": [`, "company_list", wxapi.ErrMissingField},
		{"list an object", `"company_list": [`, `"company_list": {}, "x": [`, "company_list", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cs, err := wxapi.DecodeCarrierList(mutate(t, "list/carriers.json", tt.old, tt.new))
			assert.Zero(t, cs.Len())
			requireListError(t, err, "order/deliverycompanylist/new/get", tt.field, tt.is)
		})
	}
}

// TestDecodeCarrierList_CarrierError: a refusal of shipping's constructor keeps its
// *shipping.CarrierError, and a repeat names where the code first appeared.
func TestDecodeCarrierList_CarrierError(t *testing.T) {
	t.Parallel()
	_, err := wxapi.DecodeCarrierList(mutate(t, "list/carriers.json", `"delivery_id": "JTSD"`, `"delivery_id": "SF"`))
	var ce *shipping.CarrierError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "SF", ce.Code)
	assert.Contains(t, err.Error(), "first at company_list[0]")
	assert.ErrorIs(t, err, wxapi.ErrMalformed)
}

func TestDecodeCarrierList_Limits(t *testing.T) {
	t.Parallel()
	entries := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"delivery_id":"C%d","delivery_name":"快递%d"}`, i, i)
		}
		return `{"errcode":0,"company_list":[` + b.String() + `]}`
	}
	cs, err := wxapi.DecodeCarrierList([]byte(entries(1000)))
	require.NoError(t, err)
	assert.Equal(t, 1000, cs.Len())
	_, err = wxapi.DecodeCarrierList([]byte(entries(1001)))
	requireListError(t, err, "order/deliverycompanylist/new/get", "company_list", wxapi.ErrMalformed)

	_, err = wxapi.DecodeCarrierList([]byte(`{"errcode":40001,"errmsg":"invalid credential"}`))
	var apiErr *wxapi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "order/deliverycompanylist/new/get", apiErr.Payload)
}

// FuzzDecodeCarrierList: any body is refused or decodes to a carrier set that shipping's own
// constructor rebuilds unchanged; a refusal names company_list (or the envelope).
func FuzzDecodeCarrierList(f *testing.F) {
	addSeeds(f, "list")
	for _, s := range []string{`{"company_list":[{"delivery_id":"SF"},{"delivery_id":"SF"}]}`,
		`{"company_list":[{"delivery_id":"a b","delivery_name":"x"}]}`, `{"company_list":[{}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		cs, err := wxapi.DecodeCarrierList(body)
		if err != nil {
			require.Zero(t, cs.Len())
			var fe *wxapi.FieldError
			if errors.As(err, &fe) {
				require.True(t, fe.Field == "errcode" || fe.Field == "errmsg" || fe.Field == "(body)" || strings.HasPrefix(fe.Field, "company_list"), fe.Field)
			}
			if errors.Is(err, shipping.ErrInvalidCarrier) {
				require.True(t, strings.HasPrefix(fe.Field, "company_list["), "a refusal of NewCarriers names its entry: %s", fe.Field)
			}
			return
		}
		require.Positive(t, cs.Len())
		again, err := shipping.NewCarriers(cs.All()...)
		require.NoError(t, err)
		require.Equal(t, cs.All(), again.All())
		for _, c := range cs.All() {
			require.True(t, order.CarrierCodeValid(c.Code))
			got, ok := cs.Lookup(c.Code)
			require.True(t, ok)
			require.Equal(t, c, got)
		}
	})
}

// Fetch the carrier list once, keep it, and pass it to every shipping.Check.
func ExampleDecodeCarrierList() {
	body, _ := wxapi.EncodeCarrierList(false)
	fmt.Println("send:", string(body))

	carriers, err := wxapi.DecodeCarrierList([]byte(`{"errcode":0,"errmsg":"ok","company_list":[
		{"delivery_id":"SF","delivery_name":"顺丰速运"},{"delivery_id":"ZTO","delivery_name":"中通快递"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	zto, _ := carriers.Lookup("ZTO")
	fmt.Println(carriers.Len(), zto.Name)

	_, err = wxapi.DecodeCarrierList([]byte(`{"errcode":0,"company_list":[
		{"delivery_id":"SF","delivery_name":"顺丰速运"},{"delivery_id":"SF","delivery_name":"顺丰"}]}`))
	var fe *wxapi.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, errors.Is(err, shipping.ErrInvalidCarrier))
	}
	// Output:
	// send: {"ewaybill_only":false}
	// 2 中通快递
	// company_list[1].delivery_id true
}

// Ask only for the carriers that print electronic waybills.
func ExampleEncodeCarrierList() {
	body, err := wxapi.EncodeCarrierList(true)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
	// Output:
	// {"ewaybill_only":true}
}
