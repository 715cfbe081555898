package wxapi_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
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

// TestAPIError_Rules: each refusal of delivery/send matches the order.Rule values that
// shipping.Check would report for the same problem, and ErrPlatform; Rules() lists exactly
// those rules.
func TestAPIError_Rules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		errcode int
		is      []order.Rule
		not     []error
	}{
		{108009, []order.Rule{order.RuleAfterSaleOpen}, []error{order.RuleOverShipment}},
		{109000, []order.Rule{order.RuleQuantityInvalid, order.RuleOverShipment, order.RuleUnitsRefunded, order.RuleTrackingDuplicate},
			[]error{order.RuleAfterSaleOpen, order.RuleOrderShipped}},
		{109001, []order.Rule{order.RuleOrderShipped}, nil},
		{109002, []order.Rule{order.RuleParcelEmpty}, nil},
		{40097, []order.Rule{order.RuleCarrierMissing, order.RuleTrackingMissing}, []error{order.RuleCarrierUnknown, order.RuleTrackingInvalid}},
		{606004, []order.Rule{order.RuleCarrierUnknown}, nil},
		{606005, []order.Rule{order.RuleTrackingInvalid}, nil},
		{606008, []order.Rule{order.RuleDeliverTypeMismatch}, nil},
		{606030, []order.Rule{order.RuleSKUSplit}, nil},
		{606031, []order.Rule{order.RuleSKUDrift, order.RuleSKUUnknown}, []error{order.RuleSKUSplit}},
		{100002, nil, []error{shipping.ErrBlocked, order.RuleSKUUnknown, order.RuleShipmentIncomplete}},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.errcode), func(t *testing.T) {
			t.Parallel()
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
			assert.ElementsMatch(t, tt.is, ae.Rules())
			assert.Equal(t, order.RulesForPlatform(tt.errcode), ae.Rules(), "one table: order.RulesForPlatform")
			assert.False(t, ae.Temporary())
		})
	}
}

// TestAPIError_EveryRule: for every rule that has a platform code, the platform's refusal with
// that code matches the rule (errors.Is), so no rule of order.Rules() is left out of the
// translation.
func TestAPIError_EveryRule(t *testing.T) {
	t.Parallel()
	withCode := 0
	for _, r := range order.Rules() {
		code := r.PlatformCode()
		if code == 0 {
			continue
		}
		withCode++
		err := error(&wxapi.APIError{Payload: "order/delivery/send", Code: code, Message: "x"})
		assert.ErrorIs(t, err, r, "errcode %d", code)
		assert.Contains(t, err.(*wxapi.APIError).Rules(), r)
	}
	assert.GreaterOrEqual(t, withCode, 10)
}

func TestAPIError_Message(t *testing.T) {
	t.Parallel()
	err := wxapi.DecodeResponse("order/delivery/send", []byte(`{"errcode":108009,"errmsg":"当前订单有未完成售后单"}`))
	assert.EqualError(t, err, "wxapi: order/delivery/send: platform error 108009 (当前订单有未完成售后单): "+order.RuleAfterSaleOpen.Title())
	err = wxapi.DecodeResponse("order/get", []byte(`{"errcode":-1,"errmsg":"system error"}`))
	assert.EqualError(t, err, "wxapi: order/get: platform error -1: system error")
	var ae *wxapi.APIError
	require.ErrorAs(t, err, &ae)
	assert.True(t, ae.Temporary())
}
