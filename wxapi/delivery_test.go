package wxapi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeDeliverySend_Virtual(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeDeliverySend("3725020335455738368", []order.Parcel{
		{Items: []order.Item{{ProductID: "10000900", SKUID: "1000090001", Quantity: 1}}},
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"3725020335455738368","delivery_list":[{"deliver_type":3,
		"product_infos":[{"product_id":"10000900","sku_id":"1000090001","product_cnt":1}]}]}`, string(body))
}

func TestEncodeDeliveryCompensation_Golden(t *testing.T) {
	t.Parallel()
	// The nuts of the partially shipped order went out in two boxes: the second box is a
	// re-shipment for a split package.
	body, err := wxapi.EncodeDeliveryCompensation("3725021154689773056", order.ReshipSplitPackage, []order.Parcel{
		{Carrier: "YTO", TrackingNumber: "YT7512309876544", Items: []order.Item{{ProductID: "10000779", SKUID: "1000077903", Quantity: 1}}},
	})
	require.NoError(t, err)
	golden(t, "delivery/compensation_split.golden", reindent(t, body))
}

func TestEncodeDelivery_Errors(t *testing.T) {
	t.Parallel()
	item := order.Item{ProductID: "10000777", SKUID: "1000077701", Quantity: 2}
	ok := order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{item}}
	tests := []struct {
		name    string
		orderID string
		parcels []order.Parcel
		field   string
		is      error
	}{
		{"no order id", "", []order.Parcel{ok}, "order_id", wxapi.ErrMissingField},
		{"order id not digits", "37250-21154", []order.Parcel{ok}, "order_id", wxapi.ErrMalformed},
		{"no parcels", "3725021154689773056", nil, "delivery_list", wxapi.ErrMissingField},
		{"carrier without waybill", "3725021154689773056", []order.Parcel{{Carrier: "SF", Items: []order.Item{item}}}, "delivery_list[0].waybill_id", wxapi.ErrMissingField},
		{"waybill without carrier", "3725021154689773056", []order.Parcel{{TrackingNumber: "SF1", Items: []order.Item{item}}}, "delivery_list[0].delivery_id", wxapi.ErrMissingField},
		{"no items", "3725021154689773056", []order.Parcel{ok, {Carrier: "SF", TrackingNumber: "SF2"}}, "delivery_list[1].product_infos", wxapi.ErrMissingField},
		{"zero quantity", "3725021154689773056", []order.Parcel{{Carrier: "SF", TrackingNumber: "SF2", Items: []order.Item{{ProductID: "1", SKUID: "2"}}}}, "delivery_list[0].product_infos[0].product_cnt", wxapi.ErrMalformed},
		{"bad UTF-8 waybill", "3725021154689773056", []order.Parcel{{Carrier: "SF", TrackingNumber: "SF\xb9", Items: []order.Item{item}}}, "delivery_list[0].waybill_id", wxapi.ErrMalformed},
		{"control character in carrier", "3725021154689773056", []order.Parcel{{Carrier: "S\nF", TrackingNumber: "SF1", Items: []order.Item{item}}}, "delivery_list[0].delivery_id", wxapi.ErrMalformed},
		{"no product id", "3725021154689773056", []order.Parcel{{Carrier: "SF", TrackingNumber: "SF2", Items: []order.Item{{SKUID: "2", Quantity: 1}}}}, "delivery_list[0].product_infos[0].product_id", wxapi.ErrMissingField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeDeliverySend(tt.orderID, tt.parcels)
			assert.Nil(t, body)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "order/delivery/send", fe.Payload)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, tt.is)
		})
	}

	_, err := wxapi.EncodeDeliveryCompensation("3725021154689773056", order.ReshipReason(9), []order.Parcel{ok})
	assert.ErrorIs(t, err, wxapi.ErrUnknownCode)
	_, err = wxapi.EncodeDeliveryCompensation("3725021154689773056", order.ReshipGift,
		[]order.Parcel{{Items: []order.Item{item}}})
	assert.ErrorIs(t, err, wxapi.ErrMissingField, "a re-shipment goes by express")
}
