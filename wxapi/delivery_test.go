package wxapi_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestEncodeShipment: deliver_type follows the order. Only a virtual-goods order's parcel
// without logistics goes as 3; an order of physical goods, or a host that passes only the order
// ID (EncodeDeliverySend), needs a carrier and a waybill.
func TestEncodeShipment(t *testing.T) {
	t.Parallel()
	decode := func(name string) *order.Order {
		res, err := wxapi.DecodeOrder(readTestdata(t, "order/"+name+".json"), wxapi.OrderOptions{})
		require.NoError(t, err)
		return res.Order
	}
	virtual, physical := decode("virtual_partially_shipped"), decode("paid_two_lines")
	require.True(t, virtual.Virtual())
	require.False(t, physical.Virtual())
	replay := []order.Item{{ProductID: "10000903", SKUID: "1000090301", Quantity: 1}}
	tee := []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 2}}
	tests := []struct {
		name        string
		o           *order.Order
		parcel      order.Parcel
		deliverType int    // when encoded
		field       string // when refused
	}{
		{"virtual goods without logistics", virtual, order.Parcel{Items: replay}, 3, ""},
		{"virtual goods by express", virtual, order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765099", Items: replay}, 1, ""},
		{"virtual goods, carrier only", virtual, order.Parcel{Carrier: "SF", Items: replay}, 0, "delivery_list[0].waybill_id"},
		{"physical goods by express", physical, order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: tee}, 1, ""},
		{"physical goods without logistics", physical, order.Parcel{Items: tee}, 0, "delivery_list[0].delivery_id"},
		{"physical goods, waybill only", physical, order.Parcel{TrackingNumber: "SF1432198765012", Items: tee}, 0, "delivery_list[0].delivery_id"},
		{"no order", nil, order.Parcel{Items: replay}, 0, "order_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeShipment(tt.o, []order.Parcel{tt.parcel})
			if tt.field != "" {
				assert.Nil(t, body)
				var fe *wxapi.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.field, fe.Field, err.Error())
				assert.ErrorIs(t, err, wxapi.ErrMissingField)
				return
			}
			require.NoError(t, err)
			var got struct {
				OrderID      string `json:"order_id"`
				DeliveryList []struct {
					DeliverType int `json:"deliver_type"`
				} `json:"delivery_list"`
			}
			require.NoError(t, json.Unmarshal(body, &got))
			assert.Equal(t, tt.o.ID(), got.OrderID)
			require.Len(t, got.DeliveryList, 1)
			assert.Equal(t, tt.deliverType, got.DeliveryList[0].DeliverType)

			// With the order ID alone, only express parcels encode, and to the same body.
			byID, err := wxapi.EncodeDeliverySend(tt.o.ID(), []order.Parcel{tt.parcel})
			if tt.deliverType == 1 {
				require.NoError(t, err)
				assert.Equal(t, string(body), string(byID))
			} else {
				assert.ErrorIs(t, err, wxapi.ErrMissingField)
			}
		})
	}
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
