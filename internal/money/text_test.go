package money_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/money"
)

type wire struct {
	Price  money.Text `json:"price"`
	Refund money.Text `json:"refund,omitzero"`
}

func TestTextJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(wire{Price: money.Text(decimal.RequireFromString("10.1"))})
	require.NoError(t, err)
	assert.JSONEq(t, `{"price":"10.10"}`, string(b), "two decimals, zero amounts omitted")

	for _, in := range []string{`{"price":"10.10"}`, `{"price":10.1}`, `{"price":"10.1"}`} {
		var w wire
		require.NoError(t, json.Unmarshal([]byte(in), &w), in)
		assert.Equal(t, "10.10", money.Format(decimal.Decimal(w.Price)), in)
	}
	for _, in := range []string{`{"price":"10.001"}`, `{"price":-1}`, `{"price":null}`, `{"price":"ten"}`, `{"price":true}`} {
		w := wire{Price: money.Text(decimal.RequireFromString("7"))}
		err := json.Unmarshal([]byte(in), &w)
		require.ErrorIs(t, err, money.ErrInvalidAmount, in)
		assert.Equal(t, "7.00", money.Format(decimal.Decimal(w.Price)), "a rejected amount leaves the value as it was: %s", in)
	}
}

func FuzzTextJSON(f *testing.F) {
	for _, s := range []string{`"10.10"`, `10.1`, `"-1"`, `null`, `"\u0031"`, `1e2`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v money.Text
		if err := v.UnmarshalJSON([]byte(s)); err != nil {
			require.ErrorIs(t, err, money.ErrInvalidAmount)
			return
		}
		require.NoError(t, money.Check("amount", decimal.Decimal(v)))
		out, err := v.MarshalJSON()
		require.NoError(t, err)
		var back money.Text
		require.NoError(t, back.UnmarshalJSON(out))
		assert.True(t, decimal.Decimal(back).Equal(decimal.Decimal(v)))
	})
}
