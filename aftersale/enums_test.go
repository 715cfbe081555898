package aftersale_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
)

func TestKind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind  aftersale.Kind
		text  string
		label string
		code  int
	}{
		{aftersale.KindRefund, "REFUND", "仅退款", 1},
		{aftersale.KindReturn, "RETURN", "退货退款", 2},
		{aftersale.KindExchange, "EXCHANGE", "换货", 3},
		{aftersale.KindReship, "RESHIP", "补寄", 4},
	}
	require.Len(t, aftersale.Kinds(), len(tests))
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.text, tt.kind.String())
			assert.Equal(t, tt.label, tt.kind.Label())
			assert.Equal(t, tt.code, tt.kind.Code())
			assert.True(t, tt.kind.IsValid())
			got, err := aftersale.ParseKind(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, got)
			got, err = aftersale.KindFromCode(tt.code)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, got)
		})
	}
	for _, bad := range []int{-1, 0, 5, 256} {
		_, err := aftersale.KindFromCode(bad)
		require.ErrorIs(t, err, aftersale.ErrUnknownCode, "code %d", bad)
	}
	_, err := aftersale.ParseKind("refund")
	require.ErrorIs(t, err, aftersale.ErrUnknownCode, "the platform's strings are upper case")
	assert.False(t, aftersale.Kind(0).IsValid())
	assert.True(t, aftersale.KindReturn.Refunds())
	assert.False(t, aftersale.KindExchange.Refunds())
	assert.False(t, aftersale.KindRefund.NeedsShipment())
	assert.True(t, aftersale.KindReship.NeedsShipment())
}

// platformStatuses is REFERENCE §2's table: string, label, class.
var platformStatuses = []struct {
	text, label string
	class       aftersale.Class
}{
	{"MERCHANT_PROCESSING", "商家受理中", aftersale.ClassOpen},
	{"USER_WAIT_RETURN", "待买家退货", aftersale.ClassOpen},
	{"MERCHANT_WAIT_RECEIPT", "待商家收货", aftersale.ClassOpen},
	{"MERCHANT_OVERDUE_REFUND", "商家逾期未退款", aftersale.ClassOpen},
	{"PLATFORM_REFUNDING", "平台退款中", aftersale.ClassOpen},
	{"PLATFORM_REFUND_FAIL", "平台退款失败", aftersale.ClassOpen},
	{"USER_WAIT_CONFIRM", "待用户确认", aftersale.ClassOpen},
	{"USER_WAIT_CONFIRM_UPDATE", "待用户处理商家协商", aftersale.ClassOpen},
	{"USER_WAIT_HANDLE_MERCHANT_AFTER_SALE", "待用户处理商家代发起的售后申请", aftersale.ClassOpen},
	{"WAIT_PACKAGE_INTERCEPT", "物流线上拦截中", aftersale.ClassOpen},
	{"USER_WAIT_RECEIPT", "待用户收货", aftersale.ClassOpen},
	{"PLATFORM_PROCESSING", "平台审核中", aftersale.ClassOpen},
	{"MERCHANT_REJECT_REFUND", "商家拒绝退款", aftersale.ClassSemi},
	{"MERCHANT_REJECT_RETURN", "商家拒绝退货退款", aftersale.ClassSemi},
	{"MERCHANT_REJECT_EXCHANGE", "商家拒绝换货", aftersale.ClassSemi},
	{"MERCHANT_REJECT_RESHIP", "商家拒绝发货", aftersale.ClassSemi},
	{"RETURN_CLOSED", "退货退款关闭", aftersale.ClassSemi},
	{"USER_CANCELD", "用户取消申请", aftersale.ClassFinal},
	{"MERCHANT_REFUND_SUCCESS", "退款完成", aftersale.ClassFinal},
	{"MERCHANT_RETURN_SUCCESS", "退货退款完成", aftersale.ClassFinal},
	{"MERCHANT_EXCHANGE_SUCCESS", "换货完成", aftersale.ClassFinal},
	{"MERCHANT_REFUND_RETRY_FAIL", "商家打款失败，客服关闭售后", aftersale.ClassFinal},
	{"MERCHANT_FAIL", "售后关闭", aftersale.ClassFinal},
}

func TestStatusFullList(t *testing.T) {
	t.Parallel()
	require.Len(t, aftersale.Statuses(), len(platformStatuses))
	for _, tt := range platformStatuses {
		s, err := aftersale.ParseStatus(tt.text)
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.text, s.String())
		assert.Equal(t, tt.label, s.Label())
		assert.Equal(t, tt.class, s.Class(), tt.text)
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.text, string(b))
	}
	assert.Equal(t, "USER_CANCELD", aftersale.StatusUserCancelled.String(), "the platform's spelling")
	_, err := aftersale.ParseStatus("USER_CANCELLED")
	require.ErrorIs(t, err, aftersale.ErrUnknownCode)
	assert.Contains(t, err.Error(), "USER_CANCELLED", "the error names the value")
	assert.False(t, aftersale.Status(0).IsValid())
	assert.Equal(t, aftersale.Class(0), aftersale.Status(0).Class())
	assert.Equal(t, aftersale.Class(0), aftersale.Status(200).Class())
}

func TestStatusRefunded(t *testing.T) {
	t.Parallel()
	for _, s := range aftersale.Statuses() {
		want := s == aftersale.StatusMerchantRefundSuccess || s == aftersale.StatusMerchantReturnSuccess
		assert.Equal(t, want, s.Refunded(), s.String())
	}
}

func TestUnmarshalTextLeavesValueOnError(t *testing.T) {
	t.Parallel()
	s := aftersale.StatusMerchantFail
	require.Error(t, s.UnmarshalText([]byte("NOPE")))
	assert.Equal(t, aftersale.StatusMerchantFail, s)
	require.NoError(t, s.UnmarshalText([]byte("RETURN_CLOSED")))
	assert.Equal(t, aftersale.StatusReturnClosed, s)

	k := aftersale.KindReship
	require.Error(t, k.UnmarshalText([]byte("")))
	assert.Equal(t, aftersale.KindReship, k)

	r := aftersale.ReasonOthers
	require.Error(t, r.UnmarshalText([]byte("SOMETHING_NEW")))
	assert.Equal(t, aftersale.ReasonOthers, r)
}

func TestLegacyCodes(t *testing.T) {
	t.Parallel()
	// REFERENCE §2: the older trade component's numeric list.
	want := map[int]string{
		1: "USER_CANCELD", 2: "MERCHANT_PROCESSING", 4: "MERCHANT_REJECT_REFUND", 5: "MERCHANT_REJECT_RETURN",
		6: "USER_WAIT_RETURN", 7: "RETURN_CLOSED", 8: "MERCHANT_WAIT_RECEIPT", 12: "MERCHANT_OVERDUE_REFUND",
		13: "MERCHANT_REFUND_SUCCESS", 14: "MERCHANT_RETURN_SUCCESS", 15: "PLATFORM_REFUNDING",
		16: "PLATFORM_REFUND_FAIL", 17: "USER_WAIT_CONFIRM", 18: "MERCHANT_REFUND_RETRY_FAIL", 19: "MERCHANT_FAIL",
	}
	for code := -1; code <= 30; code++ {
		s, err := aftersale.StatusFromLegacyCode(code)
		text, ok := want[code]
		if !ok {
			require.ErrorIs(t, err, aftersale.ErrUnknownCode, "code %d", code)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, text, s.String())
		back, has := s.LegacyCode()
		assert.True(t, has)
		assert.Equal(t, code, back)
	}
	_, has := aftersale.StatusMerchantExchangeSuccess.LegacyCode()
	assert.False(t, has, "newer statuses have no legacy code")
}

func TestEnumsRoundTrip(t *testing.T) {
	t.Parallel()
	for _, r := range aftersale.Reasons() {
		got, err := aftersale.ParseReason(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
		assert.NotEmpty(t, r.Label())
	}
	assert.Len(t, aftersale.Reasons(), 14)
	for _, a := range aftersale.Actions() {
		var got aftersale.Action
		require.NoError(t, got.UnmarshalText([]byte(a.String())))
		assert.Equal(t, a, got)
		assert.True(t, a.IsValid())
	}
	for _, c := range aftersale.Classes() {
		var got aftersale.Class
		require.NoError(t, got.UnmarshalText([]byte(c.String())))
		assert.Equal(t, c, got)
	}
	for _, s := range aftersale.DisputeStatuses() {
		var got aftersale.DisputeStatus
		require.NoError(t, got.UnmarshalText([]byte(s.String())))
		assert.Equal(t, s, got)
	}
	_, err := aftersale.Kind(9).MarshalText()
	require.ErrorIs(t, err, aftersale.ErrUnknownCode)
	assert.Equal(t, "aftersale.Kind(9)", aftersale.Kind(9).String())
}
