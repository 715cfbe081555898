package wxapi_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestEncodeAcceptApply_Action: accept_type follows the domain action; zero leaves it out.
func TestEncodeAcceptApply_Action(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action aftersale.Action
		body   string
	}{
		{0, `{"after_sale_order_id":"2000000489876543"}`},
		{aftersale.ActionAccept, `{"after_sale_order_id":"2000000489876543","accept_type":1}`},
		{aftersale.ActionRefund, `{"after_sale_order_id":"2000000489876543","accept_type":2}`},
	}
	for _, tt := range tests {
		body, err := wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: "2000000489876543", Action: tt.action})
		require.NoError(t, err)
		assert.Equal(t, tt.body, string(body))
	}
}

func TestEncodeAfterSaleActions_Errors(t *testing.T) {
	t.Parallel()
	const id = "2000000490112233"
	negotiation := func(edit func(n *wxapi.Negotiation)) func() ([]byte, error) {
		n := wxapi.Negotiation{AfterSaleID: id, Kind: aftersale.KindReturn, Amount: decimal.RequireFromString("89.00"),
			Description: "已协商一致", ReasonType: 6, Type: wxapi.NegotiationModifyRequest}
		edit(&n)
		return func() ([]byte, error) { return wxapi.EncodeMerchantUpdateAfterSale(n) }
	}
	reject := func(reason string, reasonType int) func() ([]byte, error) {
		return func() ([]byte, error) {
			return wxapi.EncodeRejectApply(wxapi.RejectApply{AfterSaleID: id, Reason: reason, ReasonType: reasonType})
		}
	}
	reship := func(carrier, tracking string) func() ([]byte, error) {
		return func() ([]byte, error) {
			return wxapi.EncodeAcceptExchangeReship(wxapi.ExchangeReship{AfterSaleID: id, Waybill: aftersale.Waybill{Carrier: carrier, TrackingNumber: tracking}})
		}
	}
	certificate := func(ids []string, desc string) func() ([]byte, error) {
		return func() ([]byte, error) {
			return wxapi.EncodeUploadRefundCertificate(wxapi.RefundCertificate{AfterSaleID: id, MediaIDs: ids, Description: desc})
		}
	}
	tooMany := make([]string, wxapi.MaxMediaIDs+1)
	for i := range tooMany {
		tooMany[i] = "MEDIA"
	}
	tests := []struct {
		name    string
		encode  func() ([]byte, error)
		payload string
		field   string
		is      []error
	}{
		{"accept: no after-sale ID", func() ([]byte, error) { return wxapi.EncodeAcceptApply(wxapi.AcceptApply{}) },
			"aftersale/acceptapply", "after_sale_order_id", []error{wxapi.ErrMissingField}},
		{"accept: ID not digits", func() ([]byte, error) { return wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: "AS-2000"}) },
			"aftersale/acceptapply", "after_sale_order_id", []error{wxapi.ErrMalformed}},
		{"accept: address ID with a space", func() ([]byte, error) {
			return wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: id, AddressID: "1010 05"})
		}, "aftersale/acceptapply", "address_id", []error{wxapi.ErrMalformed}},
		{"accept: an action that answers nothing", func() ([]byte, error) {
			return wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: id, Action: aftersale.ActionReject})
		}, "aftersale/acceptapply", "accept_type", []error{wxapi.ErrMalformed}},
		{"accept: unknown action", func() ([]byte, error) {
			return wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: id, Action: 99})
		}, "aftersale/acceptapply", "accept_type", []error{wxapi.ErrUnknownCode}},

		{"reject: no reason type", reject("商品未存在问题", 0), "aftersale/rejectapply", "reject_reason_type", []error{wxapi.ErrMissingField}},
		{"reject: negative reason type", reject("", -16), "aftersale/rejectapply", "reject_reason_type", []error{wxapi.ErrMalformed}},
		{"reject: reason with a NUL", reject("商品\x00未存在问题", 16), "aftersale/rejectapply", "reject_reason", []error{wxapi.ErrMalformed}},
		{"reject: reason with a carriage return", reject("第一行\r\n第二行", 16), "aftersale/rejectapply", "reject_reason", []error{wxapi.ErrMalformed}},
		{"reject: blank reason", reject(" \n ", 16), "aftersale/rejectapply", "reject_reason", []error{wxapi.ErrMalformed}},
		{"reject: invalid UTF-8", reject("商品\xff", 16), "aftersale/rejectapply", "reject_reason", []error{wxapi.ErrMalformed}},
		{"reject: reason too long", reject(strings.Repeat("拒", wxapi.MaxTextLength+1), 16), "aftersale/rejectapply", "reject_reason", []error{wxapi.ErrMalformed}},

		{"certificate: no images", certificate(nil, "已线下退款"), "aftersale/uploadrefundcertificate", "refund_certificates", []error{wxapi.ErrMissingField}},
		{"certificate: empty media ID", certificate([]string{"MEDIA1", ""}, "已线下退款"), "aftersale/uploadrefundcertificate", "refund_certificates[1]", []error{wxapi.ErrMissingField}},
		{"certificate: too many images", certificate(tooMany, "已线下退款"), "aftersale/uploadrefundcertificate", "refund_certificates", []error{wxapi.ErrMalformed}},
		{"certificate: media ID too long", certificate([]string{strings.Repeat("M", 513)}, "已线下退款"), "aftersale/uploadrefundcertificate", "refund_certificates[0]", []error{wxapi.ErrMalformed}},
		{"certificate: no description", certificate([]string{"MEDIA1"}, ""), "aftersale/uploadrefundcertificate", "desc", []error{wxapi.ErrMissingField}},

		{"negotiation: no kind", negotiation(func(n *wxapi.Negotiation) { n.Kind = 0 }), "aftersale/merchantupdateaftersale", "type", []error{wxapi.ErrMissingField}},
		{"negotiation: into an exchange", negotiation(func(n *wxapi.Negotiation) { n.Kind = aftersale.KindExchange }), "aftersale/merchantupdateaftersale", "type", []error{wxapi.ErrMalformed}},
		{"negotiation: unknown kind", negotiation(func(n *wxapi.Negotiation) { n.Kind = 7 }), "aftersale/merchantupdateaftersale", "type", []error{wxapi.ErrUnknownCode}},
		{"negotiation: negative amount", negotiation(func(n *wxapi.Negotiation) { n.Amount = decimal.RequireFromString("-1.00") }),
			"aftersale/merchantupdateaftersale", "amount", []error{wxapi.ErrInvalidAmount}},
		{"negotiation: a fraction of a fen", negotiation(func(n *wxapi.Negotiation) { n.Amount = decimal.RequireFromString("45.505") }),
			"aftersale/merchantupdateaftersale", "amount", []error{wxapi.ErrInvalidAmount}},
		{"negotiation: absurd amount", negotiation(func(n *wxapi.Negotiation) { n.Amount = decimal.New(1, 12) }),
			"aftersale/merchantupdateaftersale", "amount", []error{wxapi.ErrInvalidAmount}},
		{"negotiation: no description", negotiation(func(n *wxapi.Negotiation) { n.Description = "" }),
			"aftersale/merchantupdateaftersale", "merchant_update_desc", []error{wxapi.ErrMissingField}},
		{"negotiation: no reason", negotiation(func(n *wxapi.Negotiation) { n.ReasonType = 0 }),
			"aftersale/merchantupdateaftersale", "update_reason_type", []error{wxapi.ErrMissingField}},
		{"negotiation: no type", negotiation(func(n *wxapi.Negotiation) { n.Type = 0 }),
			"aftersale/merchantupdateaftersale", "merchant_update_type", []error{wxapi.ErrMissingField}},
		{"negotiation: unknown type", negotiation(func(n *wxapi.Negotiation) { n.Type = 4 }),
			"aftersale/merchantupdateaftersale", "merchant_update_type", []error{wxapi.ErrUnknownCode}},
		{"negotiation: media ID with a tab", negotiation(func(n *wxapi.Negotiation) { n.MediaIDs = []string{"MEDIA\t1"} }),
			"aftersale/merchantupdateaftersale", "media_ids[0]", []error{wxapi.ErrMalformed}},

		{"exchange: no waybill", reship("", ""), "aftersale/acceptexchangereship", "delivery_id", []error{wxapi.ErrMissingField, order.RuleCarrierMissing}},
		{"exchange: no tracking number", reship("SF", ""), "aftersale/acceptexchangereship", "waybill_id", []error{wxapi.ErrMissingField, order.RuleTrackingMissing}},
		{"exchange: carrier name", reship("顺丰", "SF1432198799001"), "aftersale/acceptexchangereship", "delivery_id", []error{wxapi.ErrMalformed, order.RuleCarrierUnknown}},
		{"exchange: full-width digit", reship("SF", "SF143219879900１"), "aftersale/acceptexchangereship", "waybill_id", []error{wxapi.ErrMalformed, order.RuleTrackingInvalid}},

		{"reject exchange: reason type negative", func() ([]byte, error) {
			return wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{AfterSaleID: id, ReasonType: -1})
		}, "aftersale/rejectexchangereship", "reject_reason_type", []error{wxapi.ErrMalformed}},
		{"reject exchange: certificate with a space", func() ([]byte, error) {
			return wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{AfterSaleID: id, Certificates: []string{"MEDIA 1"}})
		}, "aftersale/rejectexchangereship", "reject_certificates[0]", []error{wxapi.ErrMalformed}},
		{"reject exchange: no ID", func() ([]byte, error) {
			return wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{Reason: "缺货"})
		}, "aftersale/rejectexchangereship", "after_sale_order_id", []error{wxapi.ErrMissingField}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := tt.encode()
			assert.Nil(t, body)
			requireFieldError(t, err, tt.payload, tt.field, tt.is...)
		})
	}
}

// TestEncodeAfterSaleActions_Optional: what may be left out is left out of the body.
func TestEncodeAfterSaleActions_Optional(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeRejectApply(wxapi.RejectApply{AfterSaleID: "2000000490556677", ReasonType: 16})
	require.NoError(t, err)
	assert.Equal(t, `{"after_sale_order_id":"2000000490556677","reject_reason_type":16}`, string(body))
	body, err = wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{AfterSaleID: "2000000490112233"})
	require.NoError(t, err)
	assert.Equal(t, `{"after_sale_order_id":"2000000490112233"}`, string(body))
	// A zero amount is a real proposal (invite the buyer to cancel), and is sent.
	body, err = wxapi.EncodeMerchantUpdateAfterSale(wxapi.Negotiation{AfterSaleID: "2000000490112233", Kind: aftersale.KindRefund,
		Description: "已发货没有拦截成功，请买家收货后再申请", ReasonType: 9, Type: wxapi.NegotiationInviteCancel})
	require.NoError(t, err)
	assert.Contains(t, string(body), `"amount":0,`)
	assert.NotContains(t, string(body), "media_ids")
}

func TestNegotiationType(t *testing.T) {
	t.Parallel()
	require.Equal(t, []wxapi.NegotiationType{1, 2, 3}, wxapi.NegotiationTypes())
	for _, ty := range wxapi.NegotiationTypes() {
		assert.True(t, ty.IsValid())
		assert.NotEmpty(t, ty.Label())
		text, err := ty.MarshalText()
		require.NoError(t, err)
		var back wxapi.NegotiationType
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, ty, back)
		assert.Equal(t, int(ty), ty.Code())
	}
	assert.Equal(t, "ask_evidence", wxapi.NegotiationAskEvidence.String())
	assert.Equal(t, "邀请买家核实与补充凭证", wxapi.NegotiationAskEvidence.Label())
	assert.False(t, wxapi.NegotiationType(0).IsValid())
	_, err := wxapi.NegotiationType(4).MarshalText()
	assert.ErrorIs(t, err, wxapi.ErrUnknownCode)
	back := wxapi.NegotiationInviteCancel
	assert.ErrorIs(t, back.UnmarshalText([]byte("refund")), wxapi.ErrUnknownCode)
	assert.Equal(t, wxapi.NegotiationInviteCancel, back, "unchanged on error")
}
