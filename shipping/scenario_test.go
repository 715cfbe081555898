package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

// The seed's three anomalies: what a merchant refused at 发货 had to check by hand.

// Anomaly 1: an after-sale is still open. The buyer got SKU 1 and asked to exchange it; the
// merchant now ships SKU 2 and is refused with 108009 until the exchange is over.
func TestScenarioOpenAfterSale(t *testing.T) {
	t.Parallel()
	c := newShop(t, 2)
	o := newOrder(t, c, "o-exchange", 1, 1)
	_, err := o.Ship(parcel(1, item(1, 1)), tPay.Add(time.Hour))
	require.NoError(t, err)
	exchange := openCase(t, o, "AS-EX", aftersale.KindExchange, tPay.Add(2*time.Hour), item(1, 1))

	req := request(o, c, parcel(2, item(2, 1)))
	req.Cases = []*aftersale.Case{exchange}
	req.Complete = true
	r := shipping.Check(req)
	require.Equal(t, names(order.RuleAfterSaleOpen), codes(r))
	b := r.Blockers[0]
	assert.Equal(t, "AS-EX", b.CaseID)
	assert.Equal(t, 108009, b.PlatformCode)
	assert.Equal(t, "after-sale case AS-EX (EXCHANGE, MERCHANT_PROCESSING) is unfinished", b.MessageEN)
	assert.Contains(t, r.SupportTicket(), "[aftersale_open 108009]")
	_, err = o.Ship(req.Parcels[0], tShip)
	require.NoError(t, err, "the case holds SKU 1 only: the order itself lets SKU 2 go")

	// Once the buyer withdraws the exchange, nothing blocks the case any more.
	o2 := newOrder(t, c, "o-exchange-2", 1, 1)
	_, err = o2.Ship(parcel(3, item(1, 1)), tPay.Add(time.Hour))
	require.NoError(t, err)
	ex2 := openCase(t, o2, "AS-EX2", aftersale.KindExchange, tPay.Add(2*time.Hour), item(1, 1))
	_, err = ex2.Cancel(o2, tPay.Add(3*time.Hour))
	require.NoError(t, err)
	req2 := request(o2, c, parcel(4, item(2, 1)))
	req2.Cases = []*aftersale.Case{ex2}
	assert.True(t, shipping.Check(req2).OK())
}

// Anomaly 2: the SKU changed after the order, through the no-review path (免审更新) or through a
// reviewed update. The platform answers 606031; the report says what changed.
func TestScenarioSKUChangedAfterOrder(t *testing.T) {
	t.Parallel()
	t.Run("no-review price change", func(t *testing.T) {
		c := newShop(t, 1)
		o := newOrder(t, c, "o-drift", 2)
		priceChange(t, c, skuID(1), "8.80")
		r := shipping.Check(request(o, c, everything(o)))
		require.Equal(t, names(order.RuleSKUDrift), codes(r))
		assert.Equal(t, "T恤 (SKU tee-1) changed after the order: price changed from 10.00 to 8.80 yuan", r.Blockers[0].MessageEN)
		assert.ErrorIs(t, r.Err(), order.RuleSKUDrift)

		// Putting the price back clears it: the revision moved on, but nothing the buyer saw differs.
		priceChange(t, c, skuID(1), "10.00")
		assert.True(t, shipping.Check(request(o, c, everything(o))).OK())
	})
	t.Run("no-review deletion", func(t *testing.T) {
		c := newShop(t, 2)
		o := newOrder(t, c, "o-deleted", 1, 1)
		require.NoError(t, c.UpdateWithoutReview("tee", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: skuID(2), Delete: true}}}))
		r := shipping.Check(request(o, c, everything(o)))
		require.Equal(t, names(order.RuleSKUDrift), codes(r))
		assert.Equal(t, skuID(2), r.Blockers[0].SKU)
		require.NoError(t, c.PurgeSKU("tee", skuID(2)))
		assert.Equal(t, names(order.RuleSKUDrift), codes(shipping.Check(request(o, c, everything(o)))),
			"a purged SKU is still reported")
	})
	t.Run("reviewed attribute change", func(t *testing.T) {
		c := newShop(t, 1)
		o := newOrder(t, c, "o-attrs", 1)
		require.NoError(t, c.UpdateProduct(catalog.ProductParams{ID: "tee", Title: "T恤", CategoryID: "clothes",
			Images: []string{"tee.jpg"}, SKUs: []catalog.SKUParams{{ID: skuID(1), Price: dec("10.00"),
				Attrs: []catalog.Attr{{Key: "颜色", Value: "黑"}}}}}))
		assert.True(t, shipping.Check(request(o, c, everything(o))).OK(), "a draft changes nothing online")
		require.NoError(t, c.SubmitForReview("tee"))
		require.NoError(t, c.ApproveReview("tee"))
		r := shipping.Check(request(o, c, everything(o)))
		require.Equal(t, names(order.RuleSKUDrift), codes(r))
		assert.Contains(t, r.Blockers[0].Message, "规格由 颜色=c1 改为 颜色=黑")
	})
}

// Anomaly 3: split-shipment parcels that do not match the order's original items
// (所有包裹中的商品与订单原始商品完全匹配).
func TestScenarioSplitParcelsMismatch(t *testing.T) {
	t.Parallel()
	c := newShop(t, 4)
	o := newOrder(t, c, "o-split", 2, 1, 3)
	before, err := o.MarshalJSON()
	require.NoError(t, err)

	req := request(o, c,
		parcel(1, item(1, 1), item(2, 1)), // SKU 1: one of two units…
		parcel(2, item(1, 1), item(4, 1)), // …the other here (606030); SKU 4 was never ordered (606031)
	)
	req.Complete = true // and SKU 3 is missing altogether
	r := shipping.Check(req)
	assert.Equal(t, names(order.RuleShipmentIncomplete, order.RuleSKUSplit, order.RuleSKUSplit, order.RuleSKUUnknown), codes(r))
	assert.Equal(t, skuID(3), r.Blockers[0].SKU)
	assert.Equal(t, 3, r.Blockers[0].Want)

	after, err := o.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after), "Check changes nothing")

	// The same goods in matching parcels: every unit of a SKU together, two calls.
	first := request(o, c, parcel(1, item(1, 2)))
	require.True(t, shipping.Check(first).OK())
	_, err = o.Ship(first.Parcels[0], tShip)
	require.NoError(t, err)
	assert.Equal(t, order.StatusPartiallyShipped, o.Status())

	second := request(o, c, parcel(2, item(2, 1)), parcel(3, item(3, 3)))
	second.Complete = true
	require.True(t, shipping.Check(second).OK(), "%v", codes(shipping.Check(second)))
	for _, p := range second.Parcels {
		_, err = o.Ship(p, tShip)
		require.NoError(t, err)
	}
	assert.Equal(t, order.StatusShipped, o.Status())
}
