package order_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestFromPlatformMoney: what a line paid comes from real_price, else from estimate_price and
// change_price, else from what order_price leaves for it; a gap nothing determines is an
// error, never a guess. platformOrder's lines: a 2 × 10.10, b 1 × 5.00; freight 6.00.
func TestFromPlatformMoney(t *testing.T) {
	t.Parallel()
	null := decimal.NullDecimal{}
	cases := []struct {
		name     string
		mutate   func(p *order.PlatformOrder)
		paid     []string // each line's paid amount
		discount string
		total    string
	}{
		{"real_price", nil, []string{"20.20", "4.00"}, "1.00", "30.20"},
		{"one line without real_price gets what order_price leaves", func(p *order.PlatformOrder) {
			p.Lines[0].Paid = null
			p.OrderPrice = nd("25.00") // 25.00 − 6.00 freight − 4.00 for b
		}, []string{"15.00", "4.00"}, "6.20", "25.00"},
		{"the smaller of estimate_price and change_price", func(p *order.PlatformOrder) {
			p.Lines[0].Paid = null
			p.Lines[0].Estimated, p.Lines[0].Changed = nd("18.00"), nd("17.50")
		}, []string{"17.50", "4.00"}, "3.70", "27.50"},
		{"estimate_price alone", func(p *order.PlatformOrder) {
			p.Lines[1].Paid = null
			p.Lines[1].Estimated = nd("3.00")
		}, []string{"20.20", "3.00"}, "2.00", "29.20"},
		{"lines without real_price that paid their list price in full", func(p *order.PlatformOrder) {
			p.Lines[0].Paid, p.Lines[1].Paid = null, null
			p.OrderPrice = nd("31.20") // 20.20 + 5.00 + 6.00: nothing else adds up
		}, []string{"20.20", "5.00"}, "0.00", "31.20"},
		{"the buyer paid the changed freight", func(p *order.PlatformOrder) {
			p.ChangedFreight = nd("0.00")
			p.OrderPrice = nd("24.20")
		}, []string{"20.20", "4.00"}, "1.00", "24.20"},
		{"refunded freight up to the freight paid", func(p *order.PlatformOrder) { p.RefundedFreight = d("6.00") },
			[]string{"20.20", "4.00"}, "1.00", "30.20"},
		{"itemised discounts that add up", func(p *order.PlatformOrder) {
			p.Lines[1].Discounts.Merchant = d("0.60")
			p.Lines[1].Discounts.PlatformCoupon = d("0.40")
			p.Discounts = order.Discounts{Merchant: d("0.60"), PlatformCoupon: d("0.40"), Points: d("0.10")}
		}, []string{"20.20", "4.00"}, "1.00", "30.20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := platformOrder()
			if c.mutate != nil {
				c.mutate(&p)
			}
			o, err := order.FromPlatform(p)
			require.NoError(t, err)
			for i, l := range o.Lines() {
				assert.Equal(t, c.paid[i], l.Paid().StringFixed(2), l.SKUID())
			}
			assert.Equal(t, c.discount, o.Discount().StringFixed(2))
			assert.Equal(t, c.total, o.Total().StringFixed(2))
		})
	}
}

// TestFromPlatformMoneyRefusals: contradictions and gaps name the field.
func TestFromPlatformMoneyRefusals(t *testing.T) {
	t.Parallel()
	null := decimal.NullDecimal{}
	cases := []struct {
		name   string
		mutate func(p *order.PlatformOrder)
		field  string
		target error
	}{
		{"no real_price and no order_price", func(p *order.PlatformOrder) { p.Lines[1].Paid = null }, "Lines[1].Paid", order.ErrMissingAmount},
		{"two lines without real_price that order_price does not split", func(p *order.PlatformOrder) {
			p.Lines[0].Paid, p.Lines[1].Paid = null, null
			p.OrderPrice = nd("30.20")
		}, "Lines[0].Paid", order.ErrMissingAmount},
		{"order_price below the freight and the paid lines", func(p *order.PlatformOrder) {
			p.Lines[0].Paid = null
			p.OrderPrice = nd("9.00")
		}, "OrderPrice", order.ErrInvalidOrder},
		{"the one line left would pay more than its list price", func(p *order.PlatformOrder) {
			p.Lines[1].Paid = null
			p.OrderPrice = nd("40.00")
		}, "OrderPrice", order.ErrInvalidOrder},
		{"an estimate_price with three decimals", func(p *order.PlatformOrder) {
			p.Lines[0].Paid = null
			p.Lines[0].Estimated = nd("1.001")
		}, "Lines[0].Estimated", order.ErrInvalidAmount},
		{"order_price without the changed freight", func(p *order.PlatformOrder) {
			p.ChangedFreight = nd("1.00")
			p.OrderPrice = nd("30.20")
		}, "OrderPrice", order.ErrInvalidOrder},
		{"more freight refunded than paid", func(p *order.PlatformOrder) { p.RefundedFreight = d("6.01") }, "RefundedFreight", order.ErrRefundTooLarge},
		{"the lines' merchant discounts do not add up to the order's", func(p *order.PlatformOrder) {
			p.Lines[1].Discounts.Merchant = d("1.00")
			p.Discounts.Merchant = d("0.90")
		}, "Discounts.Merchant", order.ErrInvalidOrder},
		{"a line's discount above its list price", func(p *order.PlatformOrder) {
			p.Lines[1].Discounts.NationalSubsidy = d("5.01")
		}, "Lines[1].Discounts.NationalSubsidy", order.ErrInvalidOrder},
		{"an order's discount above everything it discounts", func(p *order.PlatformOrder) {
			p.Discounts.Creator = d("31.21")
		}, "Discounts.Creator", order.ErrInvalidOrder},
		{"a negative discount", func(p *order.PlatformOrder) { p.Discounts.VIP = d("-0.01") }, "Discounts.VIP", order.ErrInvalidAmount},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := platformOrder()
			c.mutate(&p)
			o, err := order.FromPlatform(p)
			require.ErrorIs(t, err, c.target)
			assert.Nil(t, o)
			pe, ok := errors.AsType[*order.PlatformError](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, c.field, pe.Field, "%v", err)
		})
	}
}

// TestFromPlatformSKUChange: a pending change holds its line; an approved one ships the new
// SKU, whether the platform still names the old one or already the new.
func TestFromPlatformSKUChange(t *testing.T) {
	t.Parallel()
	at := t0.Add(2 * time.Hour)
	t.Run("pending", func(t *testing.T) {
		t.Parallel()
		p := platformOrder()
		deadline := t0.Add(26 * time.Hour)
		p.Lines[0].SKUChange = order.SKUChange{From: "a", To: "a-blue", State: order.SKUChangePending, Deadline: deadline}
		o, err := order.FromPlatform(p)
		require.NoError(t, err)
		assert.Equal(t, []order.SKUChange{p.Lines[0].SKUChange}, o.SKUChanges())
		rejected(t, o, order.RuleSKUChangePending, func() error {
			_, err := o.Ship(parcel("SF1", item("a", 2)), at)
			return err
		})
		_, err = o.Ship(parcel("SF2", item("b", 1)), at)
		require.NoError(t, err, "the other line ships")
		back, err := order.Restore(o.State())
		require.NoError(t, err)
		assert.Equal(t, state(t, o), state(t, back))
	})
	for _, named := range []string{"a", "a-blue"} {
		t.Run("approved, product_infos naming "+named, func(t *testing.T) {
			t.Parallel()
			p := platformOrder()
			snap := p.Lines[0].Snapshot.Params()
			snap.SKUID = named
			p.Lines[0].Snapshot = mustSnapshot(snap.ProductID, snap.SKUID, snap.Title, snap.Price)
			p.Lines[0].SKUChange = order.SKUChange{From: "a", To: "a-blue", State: order.SKUChangeApproved}
			o, err := order.FromPlatform(p)
			require.NoError(t, err)
			l, ok := o.Line("a-blue")
			require.True(t, ok, "the line ships the new SKU")
			assert.Equal(t, "20.20", l.Paid().StringFixed(2), "at the price paid")
			assert.True(t, o.ShipsChangedSKU("a-blue"))
			assert.False(t, o.ShipsChangedSKU("b"))
			_, ok = o.Line("a")
			assert.False(t, ok)
			_, err = o.Ship(parcel("SF1", item("a-blue", 2)), at)
			require.NoError(t, err)
			back, err := order.Restore(o.State())
			require.NoError(t, err)
			assert.Equal(t, state(t, o), state(t, back))
		})
	}
	t.Run("refused", func(t *testing.T) {
		t.Parallel()
		for _, c := range []struct {
			name   string
			change order.SKUChange
			field  string
		}{
			{"a change of another line's SKU", order.SKUChange{From: "z", To: "a-blue", State: order.SKUChangePending}, "Lines[0].SKUChange"},
			{"an unknown state", order.SKUChange{From: "a", To: "a-blue", State: 9}, ""},
			{"a change to the same SKU", order.SKUChange{From: "a", To: "a", State: order.SKUChangeRejected}, ""},
			{"a deadline on an answered change", order.SKUChange{From: "a", To: "a-blue", State: order.SKUChangeRejected, Deadline: at}, ""},
		} {
			p := platformOrder()
			p.Lines[0].SKUChange = c.change
			_, err := order.FromPlatform(p)
			require.ErrorIs(t, err, order.ErrInvalidOrder, c.name)
			pe, ok := errors.AsType[*order.PlatformError](err)
			require.True(t, ok, c.name)
			assert.Equal(t, c.field, pe.Field, c.name)
		}
	})
	t.Run("a stored pending change on a shipped line", func(t *testing.T) {
		t.Parallel()
		s := shippedOrder(t).State()
		s.SKUChanges = []order.SKUChange{{From: "a", To: "a-blue", State: order.SKUChangePending}}
		_, err := order.Restore(s)
		require.ErrorIs(t, err, order.ErrInvalidOrder)
	})
}
