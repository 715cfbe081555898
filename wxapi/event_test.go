package wxapi_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// eventFiles are the project's push payloads, one per kind wxapi decodes.
var eventFiles = []string{
	"order_new", "order_pay", "order_wait_shipping", "order_deliver_partial", "order_deliver_complete",
	"order_cancel", "order_confirm", "order_settle", "order_ext_info_update", "aftersale_update", "complaint_update",
	"product_spu_audit", "product_spu_listing", "product_spu_update", "product_category_audit", "stock_no_enough",
	"brand", "shop_close", "shop_nickname",
}

func TestDecodeEvent_Golden(t *testing.T) {
	t.Parallel()
	seen := map[wxapi.EventKind]bool{}
	for _, name := range eventFiles {
		ev, err := wxapi.DecodeEvent(readTestdata(t, "event/"+name+".json"))
		require.NoError(t, err, name)
		seen[ev.Kind()] = true
		out := struct {
			Kind    wxapi.EventKind `json:"kind"`
			Subject string          `json:"subject"`
			Time    time.Time       `json:"time"`
			Event   wxapi.Event     `json:"event"`
		}{ev.Kind(), ev.Subject().String(), ev.Time(), ev}
		golden(t, "event/"+name+".golden", indentJSON(t, out))
	}
	for _, k := range wxapi.EventKinds() {
		assert.True(t, seen[k], "no test payload for %s", k)
	}
}

func TestDecodeEvent_Values(t *testing.T) {
	t.Parallel()
	decode := func(name string) wxapi.Event {
		ev, err := wxapi.DecodeEvent(readTestdata(t, "event/"+name+".json"))
		require.NoError(t, err)
		return ev
	}
	// The order id arrived as a JSON number above 2^53: every digit survives.
	order1 := wxapi.Subject{Kind: wxapi.SubjectOrder, ID: "3725020335455738368", OrderID: "3725020335455738368"}
	assert.Equal(t, wxapi.OrderShipped{Header: wxapi.Header{Event: wxapi.EventOrderShipped, At: time.Unix(1717286400, 0).UTC(),
		About: order1}}, decode("order_deliver_partial"))
	// cancel_type arrived as the string "2".
	assert.Equal(t, order.CancelTimeout, decode("order_cancel").(wxapi.OrderCancelled).Reason)
	assert.Equal(t, order.ConfirmByBuyer, decode("order_confirm").(wxapi.OrderConfirmed).Confirm)
	assert.Equal(t, time.Unix(1718582399, 0).UTC(), decode("order_settle").(wxapi.OrderSettled).SettledAt)
	info := decode("order_ext_info_update").(wxapi.OrderInfoUpdated)
	assert.Equal(t, "sku_change_request", info.Change.String())
	assert.Equal(t, "用户发起发货前更换sku请求", info.Change.Label())

	// Events about after-sales and disputes name their order too.
	as := decode("aftersale_update")
	assert.Equal(t, wxapi.Subject{Kind: wxapi.SubjectAfterSale, ID: "2000000488156432", OrderID: "3725020335455738368"}, as.Subject())
	c := decode("complaint_update").(wxapi.ComplaintUpdated)
	assert.Equal(t, wxapi.Subject{Kind: wxapi.SubjectComplaint, ID: "9100000012345678", OrderID: "3725020335455738368"}, c.Subject())
	assert.Equal(t, "2000000488156432", c.AfterSaleID)
	assert.Equal(t, "待客服处理", c.Status.Label())

	audit := decode("product_spu_audit").(wxapi.ProductAudited)
	assert.Equal(t, wxapi.Subject{Kind: wxapi.SubjectProduct, ID: "10000777"}, audit.Subject())
	assert.Equal(t, "rejected", audit.Result.String())
	assert.Equal(t, 13, decode("product_spu_listing").(wxapi.ProductListing).Status)
	assert.Equal(t, "added", decode("product_spu_update").(wxapi.ProductUpdated).Operation.String(), `status "1" as a string`)
	stock := decode("stock_no_enough").(wxapi.StockShortage)
	assert.Equal(t, "1000077701", stock.SKUID)
	assert.Equal(t, 12, stock.Remaining)
	assert.Equal(t, "rejected", decode("brand").(wxapi.BrandUpdated).Status.String())
	closed := decode("shop_close").(wxapi.ShopClosed)
	assert.Equal(t, wxapi.Subject{Kind: wxapi.SubjectShop, ID: "wx7c1a2b3d4e5f6a7b"}, closed.Subject())
	assert.Equal(t, time.Unix(1717169990, 0).UTC(), closed.ClosedAt)
	renamed := decode("shop_nickname").(wxapi.ShopRenamed)
	assert.Equal(t, []string{"山谷小铺", "山谷好物"}, []string{renamed.Old, renamed.New})

	// A code the platform adds later still decodes, and prints as a number.
	ev, err := wxapi.DecodeEvent([]byte(`{"CreateTime":1717200000,"Event":"channels_ec_order_ext_info_update","order_info":{"order_id":"1","type":31}}`))
	require.NoError(t, err)
	assert.Equal(t, "order_change(31)", ev.(wxapi.OrderInfoUpdated).Change.String())
}

// TestDecodeEvent_Unsupported: a push wxapi does not decode is an error that still says what it
// was, when and about what.
func TestDecodeEvent_Unsupported(t *testing.T) {
	t.Parallel()
	ev, err := wxapi.DecodeEvent([]byte(`{"CreateTime":1717200000,"MsgType":"event","Event":"channels_ec_coupon_receive",
		"receive_info":{"coupon_id":"1","user_coupon_id":"2","receive_time":1717200000}}`))
	assert.Nil(t, ev)
	require.ErrorIs(t, err, wxapi.ErrUnsupportedEvent)
	var ue *wxapi.UnsupportedEventError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, wxapi.UnsupportedEventError{Name: "channels_ec_coupon_receive", At: time.Unix(1717200000, 0).UTC()}, *ue)

	_, err = wxapi.DecodeEvent([]byte(`{"CreateTime":1717200000,"Event":"product_order_status_update","order_info":{"order_id":"42","status":20}}`))
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, wxapi.Subject{Kind: wxapi.SubjectOrder, ID: "42", OrderID: "42"}, ue.About)
}

func TestDecodeEvent_Errors(t *testing.T) {
	t.Parallel()
	const head = `{"CreateTime":1717200000,"MsgType":"event",`
	tests := []struct {
		name, body string
		field      string
		is         []error
	}{
		{"not json", `{"Event":`, "(body)", []error{wxapi.ErrMalformed}},
		{"wrong type", `{"Event":5}`, "Event", []error{wxapi.ErrMalformed}},
		{"no event", `{"CreateTime":1717200000}`, "Event", []error{wxapi.ErrMissingField}},
		{"unsupported event", head + `"Event":"channels_ec_vip_join","info":{}}`,
			"Event", []error{wxapi.ErrUnsupportedEvent, wxapi.ErrUnknownCode}},
		{"not an event", `{"CreateTime":1717200000,"MsgType":"text","Event":"channels_ec_order_new","order_info":{"order_id":"1"}}`,
			"MsgType", []error{wxapi.ErrUnknownCode}},
		{"no create time", `{"Event":"channels_ec_order_new","order_info":{"order_id":"1"}}`,
			"CreateTime", []error{wxapi.ErrMissingField}},
		{"milliseconds", `{"CreateTime":1717200000000,"Event":"channels_ec_order_new","order_info":{"order_id":"1"}}`,
			"CreateTime", []error{wxapi.ErrMalformed}},
		{"no body", head + `"Event":"channels_ec_order_new"}`, "order_info", []error{wxapi.ErrMissingField}},
		{"no order id", head + `"Event":"channels_ec_order_new","order_info":{}}`,
			"order_info.order_id", []error{wxapi.ErrMissingField}},
		{"float order id", head + `"Event":"channels_ec_order_new","order_info":{"order_id":3.7e18}}`,
			"order_info.order_id", []error{wxapi.ErrMalformed}},
		{"negative order id", head + `"Event":"channels_ec_order_new","order_info":{"order_id":-3}}`,
			"order_info.order_id", []error{wxapi.ErrMalformed}},
		{"order id above uint64", head + `"Event":"channels_ec_order_new","order_info":{"order_id":"18446744073709551616"}}`,
			"order_info.order_id", []error{wxapi.ErrMalformed}},
		{"finish_delivery missing", head + `"Event":"channels_ec_order_deliver","order_info":{"order_id":"1"}}`,
			"order_info.finish_delivery", []error{wxapi.ErrMissingField}},
		{"finish_delivery unknown", head + `"Event":"channels_ec_order_deliver","order_info":{"order_id":"1","finish_delivery":2}}`,
			"order_info.finish_delivery", []error{wxapi.ErrUnknownCode}},
		{"cancel_type unknown", head + `"Event":"channels_ec_order_cancel","order_info":{"order_id":"1","cancel_type":5}}`,
			"order_info.cancel_type", []error{wxapi.ErrUnknownCode}},
		{"cancel_type not a number", head + `"Event":"channels_ec_order_cancel","order_info":{"order_id":"1","cancel_type":"buyer"}}`,
			"order_info.cancel_type", []error{wxapi.ErrMalformed}},
		{"confirm_type unknown", head + `"Event":"channels_ec_order_confirm","order_info":{"order_id":"1","confirm_type":3}}`,
			"order_info.confirm_type", []error{wxapi.ErrUnknownCode}},
		{"ext info type missing", head + `"Event":"channels_ec_order_ext_info_update","order_info":{"order_id":"1"}}`,
			"order_info.type", []error{wxapi.ErrMissingField}},
		{"complaint body missing", head + `"Event":"channels_ec_complaint_update"}`,
			"finder_shop_complaint", []error{wxapi.ErrMissingField}},
		{"complaint id missing", head + `"Event":"channels_ec_complaint_update","finder_shop_complaint":{"complaint_status":100,"after_sale_order_id":"2","order_id":"1"}}`,
			"finder_shop_complaint.complaint_id", []error{wxapi.ErrMissingField}},
		{"product id missing", head + `"Event":"product_spu_listing","ProductSpuListing":{"status":5}}`,
			"ProductSpuListing.product_id", []error{wxapi.ErrMissingField}},
		{"listing status missing", head + `"Event":"product_spu_listing","ProductSpuListing":{"product_id":"7"}}`,
			"ProductSpuListing.status", []error{wxapi.ErrMissingField}},
		{"stock below zero", head + `"Event":"channels_ec_stock_no_enough","channels_ec_stock_no_enough":{"product_id":"7","sku_id":"8","remaining_stock_amount":-1}}`,
			"channels_ec_stock_no_enough.remaining_stock_amount", []error{wxapi.ErrMalformed}},
		{"shop appid missing", head + `"Event":"set_shop_nickname","new_nickname":"x"}`, "appid", []error{wxapi.ErrMissingField}},
		{"after-sale body missing", head + `"Event":"channels_ec_aftersale_update"}`,
			"finder_shop_aftersale_status_update", []error{wxapi.ErrMissingField}},
		{"after-sale id missing", head + `"Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"order_id":"1","status":"MERCHANT_PROCESSING"}}`,
			"finder_shop_aftersale_status_update.after_sale_order_id", []error{wxapi.ErrMissingField}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := wxapi.DecodeEvent([]byte(tt.body))
			require.Error(t, err)
			assert.Nil(t, ev)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "event", fe.Payload)
			assert.Equal(t, tt.field, fe.Field)
			for _, target := range tt.is {
				assert.ErrorIs(t, err, target)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "wxapi: event: "+tt.field), err.Error())
		})
	}
}

func TestDecodeEvent_ExtraFieldsIgnored(t *testing.T) {
	t.Parallel()
	body := `{"CreateTime":1717200000,"MsgType":"event","Event":"channels_ec_order_new",
		"Shiny":{"new":[1,2,3]},"order_info":{"order_id":"42","brand_new_field":true}}`
	ev, err := wxapi.DecodeEvent([]byte(body))
	require.NoError(t, err)
	assert.Equal(t, wxapi.OrderPlaced{Header: wxapi.Header{Event: wxapi.EventOrderPlaced, At: time.Unix(1717200000, 0).UTC(),
		About: wxapi.Subject{Kind: wxapi.SubjectOrder, ID: "42", OrderID: "42"}}}, ev)
}

func TestEventKind_Text(t *testing.T) {
	t.Parallel()
	for _, k := range wxapi.EventKinds() {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back wxapi.EventKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		assert.NotEmpty(t, k.Label())
	}
	bad := wxapi.EventKind(0)
	assert.Equal(t, "wxapi.EventKind(0)", bad.String())
	assert.Equal(t, "wxapi.EventKind(0)", bad.Label())
	_, err := bad.MarshalText()
	assert.True(t, errors.Is(err, wxapi.ErrUnknownCode))
}
