package wxapi_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeAfterSale_Golden: aftersale/getaftersaleorder → the case, as its own JSON (its
// whole state), plus what the payload says beside it.
func TestDecodeAfterSale_Golden(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"exchange_open", "refund_shipped_too_late", "return_rejected"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeAfterSale(readTestdata(t, "aftersale/"+name+".json"))
			require.NoError(t, err)
			checkCase(t, res.Case)
			out := struct {
				Case                  *aftersale.Case    `json:"case"`
				Open                  bool               `json:"open"`
				RefundAmount          string             `json:"refund_amount"`
				RefundReason          wxapi.RefundReason `json:"refund_reason,omitzero"`
				CompensationLiability string             `json:"compensation_liability"`
				ComplaintID           string             `json:"complaint_id,omitempty"`
			}{res.Case, res.Case.BlocksShipping(res.Case.ChangedAt()), res.RefundAmount.StringFixed(2), res.RefundReason,
				res.CompensationLiability.StringFixed(2), res.ComplaintID}
			golden(t, "aftersale/"+name+".golden", indentJSON(t, out))
		})
	}
}

func TestDecodeAfterSale_Values(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeAfterSale(readTestdata(t, "aftersale/exchange_open.json"))
	require.NoError(t, err)
	c := res.Case
	assert.Equal(t, aftersale.KindExchange, c.Kind())
	assert.Equal(t, aftersale.StatusMerchantWaitReceipt, c.Status())
	assert.True(t, c.BlocksShipping(c.ChangedAt()))
	assert.Equal(t, 1, c.Units("1000021103"))
	assert.Equal(t, aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF1502347789012"}, c.ReturnWaybill())
	assert.Equal(t, "尺码偏小，想换成 L 码", c.Detail())

	res, err = wxapi.DecodeAfterSale(readTestdata(t, "aftersale/refund_shipped_too_late.json"))
	require.NoError(t, err)
	amount, at := res.Case.Refunded()
	assert.Equal(t, "139.00", amount.StringFixed(2))
	assert.Equal(t, time.Unix(1717653600, 0).UTC(), at)
	assert.Equal(t, wxapi.RefundShippedTooLate, res.RefundReason)
	assert.True(t, res.RefundReason.AgainstMerchant())
	assert.Equal(t, "5.00", res.CompensationLiability.StringFixed(2))
	assert.False(t, res.Case.BlocksShipping(res.Case.ChangedAt()))

	res, err = wxapi.DecodeAfterSale(readTestdata(t, "aftersale/return_rejected.json"))
	require.NoError(t, err)
	deadline, ok := res.Case.EscalationDeadline()
	require.True(t, ok)
	assert.Equal(t, time.Unix(1718150400, 0).UTC().Add(aftersale.EscalationWindow), deadline)
	// A rejected case still blocks shipping while the buyer may escalate, and no longer after.
	assert.True(t, res.Case.BlocksShipping(res.Case.ChangedAt()))
	assert.True(t, res.Case.BlocksShipping(deadline.Add(-time.Second)))
	assert.False(t, res.Case.BlocksShipping(deadline))
	amount, _ = res.Case.Refunded()
	assert.True(t, amount.IsZero(), "a rejected case refunded nothing")
	assert.Equal(t, "39.00", res.RefundAmount.StringFixed(2), "the requested amount is still reported")
}
