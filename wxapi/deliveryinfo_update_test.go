package wxapi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeDeliveryInfoUpdate_Errors(t *testing.T) {
	t.Parallel()
	item := []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 2}}
	tests := []struct {
		name    string
		orderID string
		parcels []order.Parcel
		field   string
		is      []error
	}{
		{"no order id", "", []order.Parcel{{Carrier: "YTO", TrackingNumber: "YT7512309876601", Items: item}}, "order_id", []error{wxapi.ErrMissingField}},
		{"no parcels", "3725020335455738368", nil, "delivery_list", []error{wxapi.ErrMissingField}},
		{"no logistics", "3725020335455738368", []order.Parcel{{Items: item}}, "delivery_list[0].delivery_id",
			[]error{wxapi.ErrMissingField, order.RuleDeliverTypeMismatch}},
		{"carrier name instead of code", "3725020335455738368", []order.Parcel{{Carrier: "圆通", TrackingNumber: "YT7512309876601", Items: item}},
			"delivery_list[0].delivery_id", []error{wxapi.ErrMalformed, order.RuleCarrierUnknown}},
		{"tracking number pasted with a space", "3725020335455738368", []order.Parcel{{Carrier: "YTO", TrackingNumber: "YT75123 09876601", Items: item}},
			"delivery_list[0].waybill_id", []error{wxapi.ErrMalformed, order.RuleTrackingInvalid}},
		{"no items", "3725020335455738368", []order.Parcel{{Carrier: "YTO", TrackingNumber: "YT7512309876601"}},
			"delivery_list[0].product_infos", []error{wxapi.ErrMissingField}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeDeliveryInfoUpdate(tt.orderID, tt.parcels)
			assert.Nil(t, body)
			requireFieldError(t, err, "order/deliveryinfo/update", tt.field, tt.is...)
		})
	}
}

func TestEncodeDeliveryInfoChange_Errors(t *testing.T) {
	t.Parallel()
	items := []order.Item{{ProductID: "10000778", SKUID: "1000077802", Quantity: 1}}
	old := order.Parcel{Carrier: "ZTO", TrackingNumber: "78291034567123", Items: items}
	fixed := order.Parcel{Carrier: "YTO", TrackingNumber: "YT7512309876550", Items: items}
	with := func(p order.Parcel, edit func(*order.Parcel)) order.Parcel { edit(&p); return p }
	tests := []struct {
		name    string
		changes []wxapi.ParcelChange
		field   string
		is      []error
	}{
		{"no changes", nil, "change_infos", []error{wxapi.ErrMissingField}},
		{"too many changes", make([]wxapi.ParcelChange, order.MaxParcels+1), "change_infos", []error{wxapi.ErrMalformed}},
		{"old parcel without carrier", []wxapi.ParcelChange{{Old: with(old, func(p *order.Parcel) { p.Carrier = "" }), New: fixed}},
			"change_infos[0].old.delivery_id", []error{wxapi.ErrMissingField, order.RuleCarrierMissing}},
		{"new tracking number with a zero-width space", []wxapi.ParcelChange{{Old: old, New: with(fixed, func(p *order.Parcel) { p.TrackingNumber += "\u200b" })}},
			"change_infos[0].new.waybill_id", []error{wxapi.ErrMalformed, order.RuleTrackingInvalid}},
		{"new parcel without logistics", []wxapi.ParcelChange{{Old: old, New: order.Parcel{Items: items}}},
			"change_infos[0].new.delivery_id", []error{wxapi.ErrMissingField}},
		{"new parcel without items", []wxapi.ParcelChange{{Old: old, New: with(fixed, func(p *order.Parcel) { p.Items = nil })}},
			"change_infos[0].new.product_infos", []error{wxapi.ErrMissingField}},
		{"zero count", []wxapi.ParcelChange{{Old: old, New: with(fixed, func(p *order.Parcel) {
			p.Items = []order.Item{{ProductID: "10000778", SKUID: "1000077802"}}
		})}}, "change_infos[0].new.product_infos[0].product_cnt", []error{wxapi.ErrMalformed}},
		{"a change that changes nothing", []wxapi.ParcelChange{{Old: old, New: old}}, "change_infos[0].new", []error{wxapi.ErrInconsistent}},
		{"one parcel changed twice", []wxapi.ParcelChange{{Old: old, New: fixed}, {Old: old, New: with(fixed, func(p *order.Parcel) { p.TrackingNumber = "YT7512309876551" })}},
			"change_infos[1].old.waybill_id", []error{wxapi.ErrInconsistent}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeDeliveryInfoChange("3725021154689773056", tt.changes)
			assert.Nil(t, body)
			requireFieldError(t, err, "order/deliveryinfo/update", tt.field, tt.is...)
		})
	}
}

// requireFieldError asserts err is a *FieldError of payload naming field, matching every
// error of is.
func requireFieldError(t *testing.T, err error, payload, field string, is ...error) {
	t.Helper()
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, payload, fe.Payload)
	assert.Equal(t, field, fe.Field, err.Error())
	for _, target := range is {
		assert.ErrorIs(t, err, target, err.Error())
	}
}
