package aftersale_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
)

// TestHostileRefundAmount: a refund built with an extreme exponent, zero included, is refused
// and changes neither the case nor the order (a zero coefficient used to pass the check).
func TestHostileRefundAmount(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("b", 1)), hours(2))
	before, orderBefore := c.State(), o.State()
	for _, bad := range []decimal.Decimal{decimal.New(0, 1<<30), decimal.New(1, 1<<30), decimal.New(5, -(1 << 30))} {
		_, err := c.Refund(o, bad, hours(3))
		require.ErrorIs(t, err, aftersale.ErrInvalidAmount)
		assert.Less(t, len(err.Error()), 300)
	}
	assert.Equal(t, before, c.State())
	assert.Equal(t, orderBefore, o.State())
}

// TestLongRefundText: a stored case with a refund of a million digits is refused at once.
func TestLongRefundText(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	c := open(t, o, request("as-1", aftersale.KindRefund, item("b", 1)), hours(2))
	_, err := c.Refund(o, d("4.00"), hours(3))
	require.NoError(t, err)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	require.Contains(t, string(b), `"refund":"`)
	i := strings.Index(string(b), `"refund":"`) + len(`"refund":"`)
	j := i + strings.IndexByte(string(b[i:]), '"')
	long := string(b[:i]) + strings.Repeat("9", 1_000_000) + string(b[j:])
	start := time.Now()
	var back aftersale.Case
	err = json.Unmarshal([]byte(long), &back)
	require.ErrorIs(t, err, aftersale.ErrInvalidAmount)
	assert.Less(t, time.Since(start), 2*time.Second)
}
