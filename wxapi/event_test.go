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

func TestDecodeEvent_Golden(t *testing.T) {
	t.Parallel()
	for _, name := range []string{
		"order_new", "order_pay", "order_deliver_partial", "order_deliver_complete",
		"order_cancel", "order_confirm", "aftersale_update",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ev, err := wxapi.DecodeEvent(readTestdata(t, "event/"+name+".json"))
			require.NoError(t, err)
			out := struct {
				Kind    wxapi.EventKind `json:"kind"`
				Subject string          `json:"subject"`
				Time    time.Time       `json:"time"`
				Event   wxapi.Event     `json:"event"`
			}{ev.Kind(), ev.Subject().String(), ev.Time(), ev}
			golden(t, "event/"+name+".golden", indentJSON(t, out))
		})
	}
}

func TestDecodeEvent_Values(t *testing.T) {
	t.Parallel()
	ev, err := wxapi.DecodeEvent(readTestdata(t, "event/order_deliver_partial.json"))
	require.NoError(t, err)
	// The order id arrived as a JSON number above 2^53: every digit survives.
	assert.Equal(t, wxapi.OrderShipped{OrderID: "3725020335455738368", At: time.Unix(1717286400, 0).UTC()}, ev)

	ev, err = wxapi.DecodeEvent(readTestdata(t, "event/order_cancel.json"))
	require.NoError(t, err)
	// cancel_type arrived as the string "2".
	assert.Equal(t, order.CancelTimeout, ev.(wxapi.OrderCancelled).Reason)
	assert.Equal(t, wxapi.Subject{Kind: wxapi.SubjectOrder, ID: "3725020417822203904"}, ev.Subject())
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
		{"unsupported event", head + `"Event":"channels_ec_order_settle","order_info":{"order_id":"1"}}`,
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
		{"cancel_type unknown", head + `"Event":"channels_ec_order_cancel","order_info":{"order_id":"1","cancel_type":4}}`,
			"order_info.cancel_type", []error{wxapi.ErrUnknownCode}},
		{"cancel_type not a number", head + `"Event":"channels_ec_order_cancel","order_info":{"order_id":"1","cancel_type":"buyer"}}`,
			"order_info.cancel_type", []error{wxapi.ErrMalformed}},
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
	assert.Equal(t, wxapi.OrderPlaced{OrderID: "42", At: time.Unix(1717200000, 0).UTC()}, ev)
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

func TestApplyToOrder(t *testing.T) {
	t.Parallel()
	decode := func(name string) *order.Order {
		res, err := wxapi.DecodeOrder(readTestdata(t, "order/"+name+".json"), wxapi.OrderOptions{})
		require.NoError(t, err)
		return res.Order
	}
	o := decode("unpaid")
	paidAt := time.Unix(1717200093, 0).UTC()
	ev, err := wxapi.ApplyToOrder(o, wxapi.OrderPaid{OrderID: o.ID(), At: paidAt.Add(2 * time.Second), PaidAt: paidAt})
	require.NoError(t, err)
	require.NotNil(t, ev)
	assert.Equal(t, order.StatusPendingShipment, o.Status())
	got, _ := o.PaidAt()
	assert.Equal(t, paidAt, got)

	// Paying twice is refused by the order and changes nothing.
	before := o.State()
	_, err = wxapi.ApplyToOrder(o, wxapi.OrderPaid{OrderID: o.ID(), At: paidAt.Add(time.Minute)})
	require.ErrorIs(t, err, order.ErrInvalidTransition)
	assert.Equal(t, before.Status, o.Status())

	o = decode("unpaid")
	_, err = wxapi.ApplyToOrder(o, wxapi.OrderCancelled{OrderID: o.ID(), At: time.Unix(1717203600, 0).UTC(), Reason: order.CancelTimeout})
	require.NoError(t, err)
	assert.Equal(t, order.StatusCancelled, o.Status())

	_, err = wxapi.ApplyToOrder(o, wxapi.OrderShipped{OrderID: o.ID(), At: time.Unix(1717203600, 0).UTC()})
	assert.ErrorIs(t, err, wxapi.ErrNotApplicable)
	_, err = wxapi.ApplyToOrder(o, wxapi.OrderPaid{OrderID: "1", At: paidAt})
	assert.Error(t, err)
	assert.NotErrorIs(t, err, wxapi.ErrNotApplicable)
}
