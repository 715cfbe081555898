package wxapi_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestDecodeResponse(t *testing.T) {
	t.Parallel()
	require.NoError(t, wxapi.DecodeResponse("order/delivery/send", []byte(`{"errcode":0,"errmsg":"ok"}`)))
	require.NoError(t, wxapi.DecodeResponse("order/delivery/send", []byte(`{}`)))

	err := wxapi.DecodeResponse("order/delivery/send", []byte(`{"errcode":"x"}`))
	assert.ErrorIs(t, err, wxapi.ErrMalformed)
	err = wxapi.DecodeResponse("order/delivery/send", []byte(`not json`))
	assert.ErrorIs(t, err, wxapi.ErrMalformed)
}

// TestAPIError_ShippingCodes: each refusal of delivery/send matches the sentinels of the
// shipping codes that shipping.Check would report for the same problem.
func TestAPIError_ShippingCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		errcode int
		is      []error
		not     []error
	}{
		{108009, []error{shipping.ErrAfterSaleOpen}, []error{shipping.ErrOverShipment}},
		{109000, []error{shipping.ErrOverShipment, shipping.ErrUnitsRefunded, shipping.ErrQuantityInvalid, shipping.ErrTrackingDuplicate}, []error{shipping.ErrAfterSaleOpen}},
		{109001, []error{shipping.ErrOrderShipped}, nil},
		{109002, []error{shipping.ErrParcelEmpty}, nil},
		{606004, []error{shipping.ErrCarrierUnknown}, nil},
		{606005, []error{shipping.ErrTrackingInvalid}, nil},
		{606008, []error{shipping.ErrDeliverTypeMismatch}, nil},
		{606030, []error{shipping.ErrSKUSplit}, nil},
		{606031, []error{shipping.ErrSKUUnknown, shipping.ErrSKUDrift}, []error{shipping.ErrSKUSplit}},
		{100002, nil, []error{shipping.ErrBlocked, shipping.ErrSKUUnknown}},
	}
	for _, tt := range tests {
		body := []byte(`{"errcode":` + strconv.Itoa(tt.errcode) + `,"errmsg":"refused"}`)
		err := wxapi.DecodeResponse("order/delivery/send", body)
		require.Error(t, err)
		assert.ErrorIs(t, err, wxapi.ErrPlatform)
		var ae *wxapi.APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, tt.errcode, ae.Code)
		assert.Equal(t, "refused", ae.Message)
		for _, target := range tt.is {
			assert.ErrorIs(t, err, target, "errcode %d", tt.errcode)
		}
		for _, target := range tt.not {
			assert.NotErrorIs(t, err, target, "errcode %d", tt.errcode)
		}
		assert.Len(t, ae.ShippingCodes(), len(tt.is))
		assert.False(t, ae.Temporary())
	}
}

func TestAPIError_Message(t *testing.T) {
	t.Parallel()
	err := wxapi.DecodeResponse("order/delivery/send", []byte(`{"errcode":108009,"errmsg":"当前订单有未完成售后单"}`))
	assert.EqualError(t, err, "wxapi: order/delivery/send: platform error 108009 (当前订单有未完成售后单): "+shipping.CodeAfterSaleOpen.Title())
	err = wxapi.DecodeResponse("order/get", []byte(`{"errcode":-1,"errmsg":"system error"}`))
	assert.EqualError(t, err, "wxapi: order/get: platform error -1: system error")
	var ae *wxapi.APIError
	require.ErrorAs(t, err, &ae)
	assert.True(t, ae.Temporary())
}
