package shop_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shop"
)

func TestSellerKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v           shop.SellerKind
		name, label string
		code        int
	}{
		{shop.WeChatShop, "wechat_shop", "微信小店商家", 1},
		{shop.ShowcaseMerchant, "showcase_merchant", "视频号橱窗商家", 2},
		{shop.ShowcaseCreator, "showcase_creator", "视频号橱窗达人", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.name, tt.v.String())
			assert.Equal(t, tt.label, tt.v.Label())
			assert.True(t, tt.v.IsValid())
			assert.Equal(t, fmt.Sprint(tt.code), fmt.Sprintf("%d", tt.v), "platform code")
			text, err := tt.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(text))
			var back shop.SellerKind
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, tt.v, back)
			require.ErrorIs(t, back.UnmarshalText([]byte("no_such_"+tt.name)), shop.ErrUnknownCode)
			assert.Equal(t, tt.v, back, "a rejected text leaves the value as it was")
			data, err := json.Marshal(map[string]shop.SellerKind{"kind": tt.v})
			require.NoError(t, err)
			assert.JSONEq(t, `{"kind":"`+tt.name+`"}`, string(data), "JSON uses the stable name")
		})
	}
	assert.Equal(t, []shop.SellerKind{1, 2, 3}, shop.SellerKinds())
}

func TestUnknownSellerKinds(t *testing.T) {
	t.Parallel()
	for _, v := range []shop.SellerKind{0, 4, 255} {
		assert.False(t, v.IsValid(), "%d", v)
		_, err := v.MarshalText()
		require.ErrorIs(t, err, shop.ErrUnknownCode)
		var ue *shop.UnknownCodeError
		require.ErrorAs(t, err, &ue)
		assert.Equal(t, "shop.SellerKind", ue.Type)
		assert.Contains(t, err.Error(), fmt.Sprintf("%d", v), "the error names the value")
	}
	assert.Equal(t, "shop.SellerKind(0)", shop.SellerKind(0).String())
	var k shop.SellerKind
	err := json.Unmarshal([]byte(`"seller"`), &k)
	require.ErrorIs(t, err, shop.ErrUnknownCode)
	assert.Contains(t, err.Error(), "seller")
}
