package order_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
)

func TestNewComputesTotalsExactly(t *testing.T) {
	t.Parallel()
	o := newOrder(t)
	assert.Equal(t, order.StatusPendingPayment, o.Status())
	// 2 × 10.10 + 1 × 5.00 + 3 × 1.99 = 31.17; paid 20.20 + 4.00 + 5.97 = 30.17; + freight 6.00.
	assert.Equal(t, "31.17", o.ProductTotal().StringFixed(2))
	assert.Equal(t, "36.17", o.Total().StringFixed(2))
	assert.Equal(t, "6.00", o.Freight().StringFixed(2))
	assert.Equal(t, "1.00", o.Discount().StringFixed(2))
	_, paid := o.PaidAt()
	assert.False(t, paid)
	_, ok := o.ShipBy()
	assert.False(t, ok)
	assert.Equal(t, order.DefaultDeadlinePolicy(), o.Policy())
	assert.Equal(t, "openid-1", o.Buyer())
	assert.Equal(t, t0, o.CreatedAt())
	assert.Len(t, o.Lines(), 3)
	assert.Equal(t, 3, o.Remaining("c"))
	assert.Zero(t, o.Shipped("c"))
	assert.Zero(t, o.Remaining("zzz"))
	assert.Zero(t, o.Shipped("zzz"))
	assert.Empty(t, o.Parcels())
}

func TestNewManyCentsAddUpExactly(t *testing.T) {
	t.Parallel()
	// 0.1 + 0.2 style sums: thirty lines of 0.10 and 0.20 must total exactly 4.50.
	p := threeLines()
	p.Lines = nil
	p.Freight, p.Discount = decimal.Zero, decimal.Zero
	for i := range 30 {
		price := "0.10"
		if i%2 == 1 {
			price = "0.20"
		}
		p.Lines = append(p.Lines, order.LineParams{Snapshot: snap(string(rune('A'+i)), price), Quantity: 1, UnitPrice: d(price), Paid: d(price)})
	}
	o, err := order.New(p)
	require.NoError(t, err)
	assert.Equal(t, "4.50", o.Total().StringFixed(2))
}

func TestNewRejectsBadInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(p *order.NewParams)
		target error
	}{
		{"empty id", func(p *order.NewParams) { p.ID = "" }, order.ErrInvalidOrder},
		{"no seller", func(p *order.NewParams) { p.Seller = 0 }, order.ErrInvalidOrder},
		{"no buyer", func(p *order.NewParams) { p.Buyer = "" }, order.ErrInvalidOrder},
		{"no time", func(p *order.NewParams) { p.CreatedAt = time.Time{} }, order.ErrInvalidOrder},
		{"no lines", func(p *order.NewParams) { p.Lines = nil }, order.ErrInvalidOrder},
		{"duplicate sku", func(p *order.NewParams) { p.Lines[2].Snapshot = p.Lines[0].Snapshot }, order.ErrDuplicateSKU},
		{"zero quantity", func(p *order.NewParams) { p.Lines[0].Quantity = 0 }, order.ErrInvalidQuantity},
		{"negative quantity", func(p *order.NewParams) { p.Lines[0].Quantity = -1 }, order.ErrInvalidQuantity},
		{"huge quantity", func(p *order.NewParams) { p.Lines[0].Quantity = order.MaxQuantity + 1 }, order.ErrInvalidQuantity},
		{"negative price", func(p *order.NewParams) { p.Lines[0].UnitPrice = d("-1") }, order.ErrInvalidAmount},
		{"three decimals", func(p *order.NewParams) { p.Lines[1].Paid = d("3.999") }, order.ErrInvalidAmount},
		{"negative freight", func(p *order.NewParams) { p.Freight = d("-0.01") }, order.ErrInvalidAmount},
		{"fen freight", func(p *order.NewParams) { p.Freight = d("0.001") }, order.ErrInvalidAmount},
		{"negative discount", func(p *order.NewParams) { p.Discount = d("-1") }, order.ErrInvalidAmount},
		{"line over ceiling", func(p *order.NewParams) {
			p.Lines[0].UnitPrice, p.Lines[0].Quantity = d("1000000000"), 2
		}, order.ErrInvalidAmount},
		{"paid above list", func(p *order.NewParams) { p.Lines[1].Paid = d("5.01"); p.Discount = d("0.99") }, order.ErrInvalidOrder},
		{"discount mismatch", func(p *order.NewParams) { p.Discount = d("1.01") }, order.ErrInvalidOrder},
		{"no snapshot", func(p *order.NewParams) { p.Lines[0].Snapshot = catalog.Snapshot{} }, order.ErrInvalidOrder},
		{"presale too short", func(p *order.NewParams) {
			p.Lines[0].Stock, p.Lines[0].PresaleShipWithin = order.StockPresale, 3*24*time.Hour
		}, order.ErrInvalidOrder},
		{"presale too long", func(p *order.NewParams) {
			p.Lines[0].Stock, p.Lines[0].PresaleShipWithin = order.StockPresale, 16*24*time.Hour
		}, order.ErrInvalidOrder},
		{"in stock with presale deadline", func(p *order.NewParams) { p.Lines[0].PresaleShipWithin = time.Hour }, order.ErrInvalidOrder},
		{"unknown stock type", func(p *order.NewParams) { p.Lines[0].Stock = 7 }, order.ErrUnknownCode},
		{"bad policy", func(p *order.NewParams) { p.Policy = order.DeadlinePolicy{InStock: -time.Hour} }, order.ErrInvalidPolicy},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := threeLines()
			p.Lines = append([]order.LineParams(nil), p.Lines...)
			c.mutate(&p)
			o, err := order.New(p)
			require.ErrorIs(t, err, c.target)
			assert.Nil(t, o)
			assert.Contains(t, err.Error(), "order")
		})
	}
}

func TestNewCopiesInput(t *testing.T) {
	t.Parallel()
	p := threeLines()
	o, err := order.New(p)
	require.NoError(t, err)
	p.Lines[0].Quantity = 99
	assert.Equal(t, 2, o.Remaining("a"))
	lines := o.Lines()
	lines[0] = lines[2]
	a, _ := o.LineAt(0)
	assert.Equal(t, "a", a.SKUID(), "Lines returns a copy")
	assert.Equal(t, 2, a.Quantity())
}

// TestSnapshotIsValidByConstruction: a snapshot without SKU or with a negative price, which New
// refused in the old API, can no longer be built; the zero snapshot is the one "no snapshot" New sees.
func TestSnapshotIsValidByConstruction(t *testing.T) {
	t.Parallel()
	_, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p1", SKUID: "a", Title: "T", Price: d("-0.01")})
	require.ErrorIs(t, err, order.ErrInvalidAmount)
	_, err = catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p1", Title: "T", Price: d("1.00")})
	require.Error(t, err)
}

func TestLineQueries(t *testing.T) {
	t.Parallel()
	o := paidOrder(t)
	l, ok := o.Line("a")
	require.True(t, ok)
	assert.Equal(t, "a", l.SKUID())
	assert.Equal(t, 2, l.Remaining())
	assert.Equal(t, 2, l.Eligible())
	assert.Equal(t, "20.20", l.Paid().StringFixed(2))
	assert.Equal(t, "10.10", l.UnitPrice().StringFixed(2))
	assert.Equal(t, "p1", l.ProductID())
	assert.Equal(t, "a", l.Snapshot().SKUID())
	assert.Equal(t, t0.Add(time.Hour+48*time.Hour), l.ShipBy())
	_, ok = o.Line("nope")
	assert.False(t, ok)
}
