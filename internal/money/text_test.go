package money_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/money"
)

type wire struct {
	Price  money.Fen `json:"price"`
	Refund money.Fen `json:"refund,omitzero"`
}

func TestFenJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(wire{Price: 1010})
	require.NoError(t, err)
	assert.JSONEq(t, `{"price":"10.10"}`, string(b), "two decimals, zero amounts omitted")

	for _, in := range []string{`{"price":"10.10"}`, `{"price":10.1}`, `{"price":"10.1"}`, `{"price":"10.100"}`} {
		var w wire
		require.NoError(t, json.Unmarshal([]byte(in), &w), in)
		assert.Equal(t, money.Fen(1010), w.Price, in)
	}
	for _, in := range []string{`{"price":"10.001"}`, `{"price":-1}`, `{"price":"-1"}`, `{"price":null}`, `{"price":"ten"}`,
		`{"price":true}`, `{"price":1e2}`, `{"price":"1e2"}`, `{"price":"\u0031"}`, `{"price":"1000000000.01"}`, `{"price":""}`, `{"price":"."}`} {
		w := wire{Price: 700}
		err := json.Unmarshal([]byte(in), &w)
		require.ErrorIs(t, err, money.ErrInvalidAmount, in)
		assert.Equal(t, money.Fen(700), w.Price, "a rejected amount leaves the value as it was: %s", in)
	}
}

// TestFenMarshalRefuses: an amount no validation can have produced is an error, never
// written.
func TestFenMarshalRefuses(t *testing.T) {
	t.Parallel()
	for _, f := range []money.Fen{-1, money.Fen(money.MaxFen + 1)} {
		_, err := json.Marshal(wire{Price: f})
		require.ErrorIs(t, err, money.ErrInvalidAmount, "%d", f)
	}
}

// TestFenOf: a decimal with more than two decimals is refused, never rounded (the old Text
// wrote 8.001 as "8.00").
func TestFenOf(t *testing.T) {
	t.Parallel()
	_, err := money.FenOf("price", decimal.RequireFromString("8.001"))
	require.ErrorIs(t, err, money.ErrInvalidAmount)
	f, err := money.FenOf("price", decimal.RequireFromString("8.10"))
	require.NoError(t, err)
	assert.Equal(t, money.Fen(810), f)
	assert.Equal(t, "8.10", money.Format(f.Decimal()))
}

// TestLongAmountText: a hostile amount of a million digits is refused before it is read, in
// constant time (the decimal parser takes quadratic time: 1.4 s for such a number).
func TestLongAmountText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("9", 1_000_000)
	start := time.Now()
	var f money.Fen
	err := json.Unmarshal([]byte(`"`+long+`"`), &f)
	require.ErrorIs(t, err, money.ErrInvalidAmount)
	assert.Contains(t, err.Error(), "longer than 32 characters")
	assert.Less(t, len(err.Error()), 200, "the message does not carry the whole text")
	_, err = money.Parse("amount", long)
	require.ErrorIs(t, err, money.ErrInvalidAmount)
	assert.Less(t, time.Since(start), time.Second)
}

func TestParseFen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{in: "0", want: 0}, {in: "0.01", want: 1}, {in: "99.99", want: 9999}, {in: "100", want: 10000},
		{in: "12.3", want: 1230}, {in: "12.300", want: 1230}, {in: "007.50", want: 750},
		{in: "1000000000.00", want: money.MaxFen},
		{in: "1000000000.01", err: "above the ceiling"}, {in: "99999999999999", err: "above the ceiling"},
		{in: "0.001", err: "more than two decimal places"}, {in: "-1", err: "negative"},
		{in: "1e3", err: "not a decimal number"}, {in: "12.", err: "not a decimal number"}, {in: ".5", err: "not a decimal number"},
		{in: " 1", err: "not a decimal number"}, {in: "", err: "empty"},
	}
	for _, tt := range tests {
		got, err := money.ParseFen("amount", tt.in)
		if tt.err != "" {
			require.ErrorIs(t, err, money.ErrInvalidAmount, tt.in)
			assert.ErrorContains(t, err, tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func FuzzFenJSON(f *testing.F) {
	for _, s := range []string{`"10.10"`, `10.1`, `"-1"`, `null`, `"\u0031"`, `1e2`, `"0.00"`, `"1000000000.00"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v money.Fen
		if err := v.UnmarshalJSON([]byte(s)); err != nil {
			require.ErrorIs(t, err, money.ErrInvalidAmount)
			require.Zero(t, v, "a rejected amount changes nothing")
			return
		}
		require.GreaterOrEqual(t, int64(v), int64(0))
		require.LessOrEqual(t, int64(v), money.MaxFen)
		out, err := json.Marshal(v)
		require.NoError(t, err)
		var back money.Fen
		require.NoError(t, back.UnmarshalJSON(out))
		assert.Equal(t, v, back)
		// The decimal path agrees with the fen path.
		d, err := money.Parse("amount", strings.Trim(string(out), `"`))
		require.NoError(t, err)
		fen, err := money.ToFen("amount", d)
		require.NoError(t, err)
		assert.Equal(t, int64(v), fen)
	})
}
