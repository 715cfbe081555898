package money_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/money"
)

func TestToFen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		wantFen int64
		wantErr string
	}{
		{in: "0", wantFen: 0},
		{in: "0.01", wantFen: 1},
		{in: "99.99", wantFen: 9999},
		{in: "100", wantFen: 10000},
		{in: "100.000", wantFen: 10000},
		{in: "1000000000.00", wantFen: money.MaxFen},
		{in: "0.10", wantFen: 10},
		{in: "12.3", wantFen: 1230},
		{in: "99999999999", wantErr: "above the ceiling"},
		{in: "1e10", wantErr: "above the ceiling"},
		{in: "1e2", wantFen: 10000},
		{in: "12.300", wantFen: 1230},
		{in: "0.000", wantFen: 0},
		{in: "-0.01", wantErr: "negative"},
		{in: "0.001", wantErr: "more than two decimal places"},
		{in: "1000000000.01", wantErr: "above the ceiling"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			fen, err := money.ToFen("amount", decimal.RequireFromString(tt.in))
			if tt.wantErr != "" {
				require.ErrorIs(t, err, money.ErrInvalidAmount)
				assert.ErrorContains(t, err, tt.wantErr)
				assert.ErrorContains(t, err, "amount")
				var ae *money.AmountError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, "amount", ae.Field)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantFen, fen)
			assert.Equal(t, decimal.RequireFromString(tt.in).StringFixed(2), money.Yuan(fen).StringFixed(2))
		})
	}
}

func TestCheckPositive(t *testing.T) {
	t.Parallel()
	require.ErrorIs(t, money.CheckPositive("sale_price", decimal.Zero), money.ErrInvalidAmount)
	require.NoError(t, money.CheckPositive("sale_price", decimal.RequireFromString("0.01")))
}

func TestFenToYuan(t *testing.T) {
	t.Parallel()
	y, err := money.FenToYuan("sale_price", 1999)
	require.NoError(t, err)
	assert.Equal(t, "19.99", money.Format(y))
	_, err = money.FenToYuan("sale_price", -1)
	require.ErrorIs(t, err, money.ErrInvalidAmount)
	_, err = money.FenToYuan("sale_price", money.MaxFen+1)
	require.ErrorIs(t, err, money.ErrInvalidAmount)
}

func TestParse(t *testing.T) {
	t.Parallel()
	d, err := money.Parse("floor", "10.1")
	require.NoError(t, err)
	assert.Equal(t, "10.10", money.Format(d))
	_, err = money.Parse("floor", "ten")
	require.ErrorIs(t, err, money.ErrInvalidAmount)
	assert.ErrorContains(t, err, `"ten"`)
}

// TestDescribe: an amount an error message names is printed in bounded space, whatever it is.
func TestDescribe(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "12.5", money.Describe(decimal.RequireFromString("12.5")))
	assert.Equal(t, "1e1073741824", money.Describe(decimal.New(1, 1<<30)))
	huge := decimal.RequireFromString(strings.Repeat("7", 500))
	assert.Less(t, len(money.Describe(huge)), 80)
	assert.Contains(t, money.Describe(huge), "500 digits")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "99.99", "100.005", "-1", "1e3", "1e-3", "abc", "1000000000.01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := money.Parse("amount", s)
		if err != nil {
			require.ErrorIs(t, err, money.ErrInvalidAmount)
			return
		}
		fen, err := money.ToFen("amount", d)
		require.NoError(t, err)
		require.GreaterOrEqual(t, fen, int64(0))
		require.LessOrEqual(t, fen, money.MaxFen)
		require.True(t, money.Yuan(fen).Equal(d), "fen round trip of %s", s)
	})
}

// TestToFenExtremeExponents: decimals built in code can carry any exponent; ToFen must decide
// them at once, without expanding 10^exponent, and say so readably.
func TestToFenExtremeExponents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      decimal.Decimal
		wantFen int64
		wantErr string
	}{
		{name: "huge positive exponent", in: decimal.New(1, 1<<30), wantErr: "1e1073741824: exponent out of range"},
		{name: "huge negative exponent", in: decimal.New(1, -(1 << 30)), wantErr: "1e-1073741824: exponent out of range"},
		// A zero passes every value test, but whatever formats it later expands 10^(2^30).
		{name: "zero with a huge exponent", in: decimal.New(0, 1<<30), wantErr: "0e1073741824: exponent out of range"},
		{name: "zero with a huge negative exponent", in: decimal.New(0, -(1 << 30)), wantErr: "exponent out of range"},
		{name: "zero with a modest exponent", in: decimal.New(0, 5), wantFen: 0},
		{name: "negative with a huge exponent", in: decimal.New(-1, 1<<30), wantErr: "exponent out of range"},
		{name: "negative", in: decimal.New(-1, 0), wantErr: "negative"},
		{name: "three decimals", in: decimal.New(1, -3), wantErr: "more than two decimal places"},
		{name: "whole fen written with many zeros", in: decimal.New(1234000, -5), wantFen: 1234},
		{name: "twelve digits of yuan", in: decimal.New(1, 12), wantErr: "above the ceiling"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fen, err := money.ToFen("amount", tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, money.ErrInvalidAmount)
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantFen, fen)
		})
	}
}

// TestToFenShortcutAgreesWithGeneralPath checks the shortcut against the plain definition
// (validate, then shift by two places) over every exponent the shortcut takes and around the
// ceiling.
func TestToFenShortcutAgreesWithGeneralPath(t *testing.T) {
	t.Parallel()
	coefs := []int64{0, 1, 9, 10, 99, 12345, 9_999_999_999, 10_000_000_000, 99_999_999_999, 100_000_000_000}
	for _, c := range coefs {
		for exp := int32(-3); exp <= 1; exp++ {
			d := decimal.New(c, exp)
			fen, err := money.ToFen("amount", d)
			want := d.Shift(2)
			wholeFen := want.Equal(want.Truncate(0))
			inRange := want.Cmp(decimal.NewFromInt(money.MaxFen)) <= 0
			if !wholeFen || !inRange {
				require.ErrorIs(t, err, money.ErrInvalidAmount, "%s", d)
				continue
			}
			require.NoError(t, err, "%s", d)
			assert.Equal(t, want.IntPart(), fen, "%s", d)
		}
	}
}

func BenchmarkToFen(b *testing.B) {
	amounts := []decimal.Decimal{money.Yuan(9999), decimal.RequireFromString("100"), decimal.RequireFromString("12.3")}
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range amounts {
			if _, err := money.ToFen("amount", a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestFenText: amounts written into one builder read as FormatFen does, and each stays as it
// was while the builder grows past its first buffer.
func TestFenText(t *testing.T) {
	t.Parallel()
	var texts strings.Builder
	amounts := []int64{0, 1, 10, 1010, 99, money.MaxFen}
	var got []string
	for range 200 {
		for _, a := range amounts {
			got = append(got, money.FenText(&texts, a))
		}
	}
	for i, s := range got {
		require.Equal(t, money.FormatFen(amounts[i%len(amounts)]), s, "amount %d", i)
	}
	assert.Len(t, money.FormatFen(money.MaxFen), money.MaxFenText)
}
