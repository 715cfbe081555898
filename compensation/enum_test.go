package compensation_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

// textEnum is what every enum of the package offers.
type textEnum interface {
	String() string
	Label() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

func TestEnums(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value       textEnum
		name, label string
	}{
		{compensation.StockShortage, "stock_shortage", "库存不足"},
		{compensation.MerchantError, "merchant_error", "操作失误"},
		{compensation.LogisticsFailure, "logistics_failure", "物流问题"},
		{compensation.Malicious, "malicious", "恶意不发货"},
		{compensation.Flat, "flat", "全额按档"},
		{compensation.Marginal, "marginal", "超额累进"},
		{compensation.HalfUp, "half_up", "四舍五入"},
		{compensation.HalfEven, "half_even", "四舍六入五成双"},
		{compensation.Down, "down", "舍去"},
		{compensation.Up, "up", "进一"},
		{compensation.Cash, "cash", "现金"},
		{compensation.Coupon, "coupon", "优惠券"},
		{compensation.RedPacket, "red_packet", "红包"},
		{compensation.Points, "points", "积分"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.name, tt.value.String())
			assert.Equal(t, tt.label, tt.value.Label())
			assert.True(t, tt.value.IsValid())
			text, err := tt.value.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(text))
		})
	}
}

func TestEnumZeroValuesAreInvalid(t *testing.T) {
	t.Parallel()
	for _, v := range []textEnum{compensation.Cause(0), compensation.Mode(0), compensation.Rounding(0), compensation.Form(0), compensation.Cause(9)} {
		assert.False(t, v.IsValid())
		_, err := v.MarshalText()
		require.ErrorIs(t, err, compensation.ErrUnknownCode)
	}
	assert.Equal(t, "compensation.Cause(0)", compensation.Cause(0).String())
}

func TestCauseText(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []compensation.Cause{compensation.StockShortage, compensation.MerchantError,
		compensation.LogisticsFailure, compensation.Malicious}, compensation.Causes())
	for _, c := range compensation.Causes() {
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back compensation.Cause
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, c, back)
	}
	c := compensation.Malicious
	err := c.UnmarshalText([]byte("carrier"))
	require.ErrorIs(t, err, compensation.ErrUnknownCode)
	assert.ErrorContains(t, err, `"carrier"`)
	assert.Equal(t, compensation.Malicious, c, "a rejected name leaves the value unchanged")

	var m compensation.Mode
	require.NoError(t, m.UnmarshalText([]byte("marginal")))
	assert.Equal(t, compensation.Marginal, m)
	var r compensation.Rounding
	require.NoError(t, r.UnmarshalText([]byte("half_even")))
	assert.Equal(t, compensation.HalfEven, r)
	var f compensation.Form
	require.NoError(t, f.UnmarshalText([]byte("red_packet")))
	assert.Equal(t, compensation.RedPacket, f)
}

func TestLiable(t *testing.T) {
	t.Parallel()
	def := compensation.Default()
	assert.True(t, def.Liable(compensation.StockShortage))
	assert.True(t, def.Liable(compensation.MerchantError))
	assert.False(t, def.Liable(compensation.LogisticsFailure), "a carrier's loss or delay is not the merchant's")
	assert.True(t, def.Liable(compensation.Malicious))
	assert.False(t, def.Liable(0))
	assert.False(t, def.Liable(200))

	p := single(t, "0.3", compensation.WithLiable(compensation.LogisticsFailure, compensation.LogisticsFailure))
	for _, c := range compensation.Causes() {
		assert.Equal(t, c == compensation.LogisticsFailure, p.Liable(c), c.String())
	}
	none := single(t, "0.3", compensation.WithLiable())
	for _, c := range compensation.Causes() {
		assert.False(t, none.Liable(c), c.String())
	}
	assert.True(t, single(t, "0.3").Liable(compensation.StockShortage), "NewPolicy starts from the default liability")
}
