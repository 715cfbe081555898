package shop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shop"
)

func TestOverview(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		visits, orders int
		sales          string
		rate, aov      string // "" when there is none
	}{
		{"a third", 3, 1, "10.00", "33.33", "10.00"},
		{"two thirds round half up", 3, 2, "0.03", "66.67", "0.02"},
		{"exactly half a basis point rounds up", 20000, 1, "1", "0.01", "1.00"},
		{"just under half a basis point rounds down", 20001, 1, "1", "0.00", "1.00"},
		{"everyone ordered", 7, 7, "700", "100.00", "100.00"},
		{"repeat orders exceed 100%", 2, 3, "30", "150.00", "10.00"},
		{"no orders", 10, 0, "0", "0.00", ""},
		{"no visits", 0, 0, "0", "", ""},
		{"orders without a recorded visit", 0, 2, "5", "", "2.50"},
		{"large counts stay exact", 3_000_000_000, 1_000_000_000, "1", "33.33", "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o, err := shop.NewOverview(shop.OverviewParams{Visits: tt.visits, Orders: tt.orders, Sales: yuan(tt.sales)})
			require.NoError(t, err)
			assert.Equal(t, tt.visits, o.Visits())
			assert.Equal(t, tt.orders, o.Orders())
			assert.True(t, o.Sales().Equal(yuan(tt.sales)))
			rate, ok := o.ConversionRate()
			assert.Equal(t, tt.rate != "", ok)
			if ok {
				assert.Equal(t, tt.rate, rate.StringFixed(2))
			}
			aov, ok := o.AverageOrderValue()
			assert.Equal(t, tt.aov != "", ok)
			if ok {
				assert.Equal(t, tt.aov, aov.StringFixed(2))
			}
		})
	}
}

func TestOverviewRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		p    shop.OverviewParams
		is   error
	}{
		{"negative visits", shop.OverviewParams{Visits: -1}, shop.ErrInvalid},
		{"negative orders", shop.OverviewParams{Orders: -1}, shop.ErrInvalid},
		{"negative sales", shop.OverviewParams{Orders: 1, Sales: yuan("-1")}, shop.ErrInvalidAmount},
		{"sales below a fen", shop.OverviewParams{Orders: 1, Sales: yuan("0.001")}, shop.ErrInvalidAmount},
		{"sales without orders", shop.OverviewParams{Visits: 5, Sales: yuan("1")}, shop.ErrInvalid},
	}
	for _, tt := range tests {
		_, err := shop.NewOverview(tt.p)
		require.ErrorIs(t, err, tt.is, tt.name)
	}
}

func TestOverviewErrors(t *testing.T) {
	t.Parallel()
	_, err := shop.NewOverview(shop.OverviewParams{Orders: 1, Sales: yuan("-1")})
	var ae *shop.AmountError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "sales", ae.Field)
	_, err = shop.NewOverview(shop.OverviewParams{Visits: -1})
	var ve *shop.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Visits", "gte"))
	assert.EqualError(t, err, "shop: invalid OverviewParams: Visits: at least 0")
	_, err = shop.NewOverview(shop.OverviewParams{Visits: 5, Sales: yuan("1")})
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Sales", "eq"))
}
