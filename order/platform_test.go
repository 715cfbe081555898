package order_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// platformOrder is threeLines' a and b as the platform reports them after payment (status 20):
// a 2 × 10.10 paid 20.20 (sale_price left to the snapshot), b 1 × 5.00 paid 4.00, freight 6.00.
func platformOrder() order.PlatformOrder {
	return order.PlatformOrder{
		ID: "3725020335455738368", Buyer: "openid-1", Status: order.StatusPendingShipment,
		CreatedAt: t0, PaidAt: t0.Add(time.Hour),
		Lines: []order.PlatformLine{
			{Snapshot: snap("a", "10.10"), Quantity: 2, Paid: nd("20.20")},
			{Snapshot: snap("b", "5.00"), Quantity: 1, UnitPrice: d("5.00"), Paid: nd("4.00")},
		},
		Freight: d("6.00"),
	}
}

// shippedAll is what makes a platformOrder fully shipped at t0+3h in two parcels.
func shippedAll(p *order.PlatformOrder, s order.Status) {
	p.Status, p.ShipDoneAt = s, t0.Add(3*time.Hour)
	p.Parcels = []order.Parcel{parcel("SF1", item("a", 2)), parcel("SF2", item("b", 1))}
}

func TestFromPlatformDerives(t *testing.T) {
	t.Parallel()
	paidAt := t0.Add(time.Hour)
	cases := []struct {
		name   string
		mutate func(p *order.PlatformOrder)
		check  func(t *testing.T, o *order.Order)
	}{
		{"the discount is the list total minus what was paid", nil, func(t *testing.T, o *order.Order) {
			assert.Equal(t, "25.20", o.ProductTotal().StringFixed(2))
			assert.Equal(t, "1.00", o.Discount().StringFixed(2))
			assert.Equal(t, "30.20", o.Total().StringFixed(2))
			assert.Equal(t, shop.WeChatShop, o.Seller(), "zero seller means the WeChat shop")
			assert.Equal(t, order.DefaultDeadlinePolicy(), o.Policy())
			a, _ := o.Line("a")
			assert.Equal(t, "10.10", a.UnitPrice().StringFixed(2), "sale_price from the snapshot")
		}},
		{"price_info totals that agree are accepted", func(p *order.PlatformOrder) {
			p.ProductPrice = decimal.NewNullDecimal(d("25.20"))
			p.OrderPrice = decimal.NewNullDecimal(d("30.20"))
		}, func(t *testing.T, o *order.Order) { assert.Equal(t, "30.20", o.Total().StringFixed(2)) }},
		{"a paid line in stock without a deadline ships by paidAt + InStock", nil, func(t *testing.T, o *order.Order) {
			for _, l := range o.Lines() {
				assert.Equal(t, paidAt.Add(48*time.Hour), l.ShipBy(), l.SKUID())
			}
		}},
		{"the shop's own policy", func(p *order.PlatformOrder) {
			p.Policy = order.DefaultDeadlinePolicy()
			p.Policy.InStock = 24 * time.Hour
		}, func(t *testing.T, o *order.Order) {
			shipBy, ok := o.ShipBy()
			require.True(t, ok)
			assert.Equal(t, paidAt.Add(24*time.Hour), shipBy)
		}},
		{"delivery_deadline wins", func(p *order.PlatformOrder) { p.Lines[0].ShipBy = paidAt.Add(30 * time.Hour) }, func(t *testing.T, o *order.Order) {
			a, _ := o.Line("a")
			assert.Equal(t, paidAt.Add(30*time.Hour), a.ShipBy())
		}},
		{"shipped counts come from the parcels", func(p *order.PlatformOrder) {
			p.Status = order.StatusPartiallyShipped
			p.Parcels = []order.Parcel{parcel("SF1", item("a", 2))}
		}, func(t *testing.T, o *order.Order) {
			assert.Equal(t, 2, o.Shipped("a"))
			assert.Zero(t, o.Shipped("b"))
			assert.Equal(t, 1, o.Remaining("b"))
			assert.Equal(t, order.StatusPartiallyShipped, o.Status())
		}},
		{"a presale window is the deadline minus the payment", func(p *order.PlatformOrder) {
			p.Lines[1].Stock, p.Lines[1].ShipBy = order.StockPresale, paidAt.Add(7*24*time.Hour)
		}, func(t *testing.T, o *order.Order) {
			b, _ := o.Line("b")
			assert.Equal(t, 7*24*time.Hour, b.PresaleShipWithin())
			assert.Equal(t, paidAt.Add(7*24*time.Hour), b.ShipBy())
		}},
		{"a paid presale line without a deadline ships by its predicted delivery", func(p *order.PlatformOrder) {
			p.Lines[1].Stock, p.Lines[1].PredictedDelivery = order.StockPresale, paidAt.Add(5*24*time.Hour)
		}, func(t *testing.T, o *order.Order) {
			b, _ := o.Line("b")
			assert.Equal(t, paidAt.Add(5*24*time.Hour), b.ShipBy())
			assert.Equal(t, 5*24*time.Hour, b.PresaleShipWithin())
		}},
		{"before payment the window is the predicted delivery minus the creation", func(p *order.PlatformOrder) {
			p.Status, p.PaidAt = order.StatusPendingPayment, time.Time{}
			p.Lines[1].Stock, p.Lines[1].PredictedDelivery = order.StockPresale, t0.Add(10*24*time.Hour)
		}, func(t *testing.T, o *order.Order) {
			b, _ := o.Line("b")
			assert.Equal(t, 10*24*time.Hour, b.PresaleShipWithin())
			assert.True(t, b.ShipBy().IsZero())
		}},
		{"status 100 ends at the confirmation, by someone unknown", func(p *order.PlatformOrder) {
			shippedAll(p, order.StatusCompleted)
			p.ConfirmedAt = t0.Add(100 * time.Hour)
		}, func(t *testing.T, o *order.Order) {
			assert.Equal(t, order.ConfirmUnknown, o.Confirm())
			done, ok := o.CompletedAt()
			require.True(t, ok)
			assert.Equal(t, t0.Add(100*time.Hour), done)
			assert.Equal(t, t0.Add(100*time.Hour), o.UpdatedAt(), "no update_time: the latest time")
			shipDone, _ := o.ShipDoneAt()
			assert.Equal(t, t0.Add(3*time.Hour), shipDone)
		}},
		{"status 100 with a known confirmation, ended at update_time", func(p *order.PlatformOrder) {
			shippedAll(p, order.StatusCompleted)
			p.Confirm, p.UpdatedAt = order.ConfirmAuto, t0.Add(200*time.Hour)
		}, func(t *testing.T, o *order.Order) {
			assert.Equal(t, order.ConfirmAuto, o.Confirm())
			ended, _ := o.EndedAt()
			assert.Equal(t, t0.Add(200*time.Hour), ended)
		}},
		{"status 200 is closed by after-sale", func(p *order.PlatformOrder) {
			p.Status, p.UpdatedAt = order.StatusClosedByAfterSale, t0.Add(5*time.Hour)
			p.Lines[0].FinishedAfterSale, p.Lines[1].FinishedAfterSale = 2, 1
		}, func(t *testing.T, o *order.Order) {
			assert.Equal(t, order.CancelAfterSale, o.CancelReason())
			assert.True(t, o.FullyRefunded())
			ended, _ := o.EndedAt()
			assert.Equal(t, t0.Add(5*time.Hour), ended)
			a, _ := o.Line("a")
			assert.Equal(t, 1, a.AfterSaleAttempts(), "after-sale units prove one request")
		}},
		{"status 190 is oversold", func(p *order.PlatformOrder) {
			p.Status, p.UpdatedAt = order.StatusCancelledOversold, t0.Add(5*time.Hour)
		}, func(t *testing.T, o *order.Order) { assert.Equal(t, order.CancelOversold, o.CancelReason()) }},
		{"status 250 was cancelled for a reason unknown", func(p *order.PlatformOrder) {
			p.Status, p.PaidAt, p.UpdatedAt = order.StatusCancelled, time.Time{}, t0.Add(30*time.Minute)
		}, func(t *testing.T, o *order.Order) { assert.Equal(t, order.CancelUnknown, o.CancelReason()) }},
		{"finished after-sales with the goods delivered are done, not refunded", func(p *order.PlatformOrder) {
			shippedAll(p, order.StatusShipped)
			p.Lines[0].FinishedAfterSale, p.FinishedWithGoods = 1, true
		}, func(t *testing.T, o *order.Order) {
			a, _ := o.Line("a")
			assert.Equal(t, 1, a.AfterSaleDone())
			assert.Zero(t, a.Refunded())
		}},
		{"a virtual order ships without logistics", func(p *order.PlatformOrder) {
			p.Virtual, p.Status = true, order.StatusPartiallyShipped
			p.Parcels = []order.Parcel{{Items: []order.Item{item("a", 2)}}}
		}, func(t *testing.T, o *order.Order) {
			assert.True(t, o.Virtual())
			assert.True(t, o.Parcels()[0].NoLogistics())
		}},
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
			c.check(t, o)
			// What FromPlatform builds is an order Restore accepts as it is.
			r, err := order.Restore(o.State())
			require.NoError(t, err)
			assert.Equal(t, state(t, o), state(t, r))
		})
	}
}

func TestFromPlatformNamesTheField(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(p *order.PlatformOrder)
		field  string
		target error
	}{
		{"ship_done_time on a status-20 order", func(p *order.PlatformOrder) { p.ShipDoneAt = t0.Add(2 * time.Hour) }, "ShipDoneAt", order.ErrInvalidOrder},
		{"a shipped order without ship_done_time", func(p *order.PlatformOrder) {
			shippedAll(p, order.StatusShipped)
			p.ShipDoneAt = time.Time{}
		}, "ShipDoneAt", order.ErrInvalidOrder},
		{"product_price that is not the sum of the lines", func(p *order.PlatformOrder) {
			p.ProductPrice = decimal.NewNullDecimal(d("25.21"))
		}, "ProductPrice", order.ErrInvalidOrder},
		{"order_price that is not paid plus freight", func(p *order.PlatformOrder) {
			p.OrderPrice = decimal.NewNullDecimal(d("30.00"))
		}, "OrderPrice", order.ErrInvalidOrder},
		{"a parcel item of an unknown SKU", func(p *order.PlatformOrder) {
			p.Status = order.StatusPartiallyShipped
			p.Parcels = []order.Parcel{parcel("SF1", item("z", 1))}
		}, "Parcels[0].Items[0]", order.ErrUnknownSKU},
		{"a parcel item of more units than ordered", func(p *order.PlatformOrder) {
			p.Status = order.StatusPartiallyShipped
			p.Parcels = []order.Parcel{parcel("SF1", item("a", 1)), parcel("SF2", item("b", 1), item("a", 2))}
		}, "Parcels[1].Items[1]", order.ErrInvalidQuantity},
		{"pay_time on an unpaid order", func(p *order.PlatformOrder) { p.Status = order.StatusPendingPayment }, "PaidAt", order.ErrInvalidOrder},
		{"confirm_receipt_time before completion", func(p *order.PlatformOrder) { p.ConfirmedAt = t0.Add(9 * time.Hour) }, "ConfirmedAt", order.ErrInvalidOrder},
		{"an unknown status", func(p *order.PlatformOrder) { p.Status = 22 }, "Status", order.ErrUnknownCode},
		{"paid with three decimals", func(p *order.PlatformOrder) { p.Lines[1].Paid = nd("4.001") }, "Lines[1].Paid", order.ErrInvalidAmount},
		{"paid above the list total", func(p *order.PlatformOrder) { p.Lines[1].Paid = nd("5.01") }, "Lines", order.ErrInvalidOrder},
		{"a paid presale line without any deadline", func(p *order.PlatformOrder) { p.Lines[1].Stock = order.StockPresale }, "Lines[1].ShipBy", order.ErrInvalidOrder},
		{"a cancelled order without update_time", func(p *order.PlatformOrder) { p.Status = order.StatusCancelledOversold }, "UpdatedAt", order.ErrInvalidOrder},
		{"negative freight", func(p *order.PlatformOrder) { p.Freight = d("-1") }, "Freight", order.ErrInvalidAmount},
		// Rules of the whole order, not of one field.
		{"a partial shipment without parcels", func(p *order.PlatformOrder) { p.Status = order.StatusPartiallyShipped }, "", order.ErrInvalidOrder},
		{"a parcel without tracking on physical goods", func(p *order.PlatformOrder) {
			p.Status = order.StatusPartiallyShipped
			p.Parcels = []order.Parcel{{Items: []order.Item{item("a", 2)}}}
		}, "", order.RuleDeliverTypeMismatch},
		{"a SKU in two lines", func(p *order.PlatformOrder) { p.Lines[1].Snapshot = p.Lines[0].Snapshot }, "Lines", order.ErrDuplicateSKU},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := platformOrder()
			c.mutate(&p)
			o, err := order.FromPlatform(p)
			require.Error(t, err)
			assert.Nil(t, o)
			pe, ok := errors.AsType[*order.PlatformError](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, c.field, pe.Field, "%v", err)
			require.ErrorIs(t, err, c.target)
			if c.field != "" {
				assert.Equal(t, c.field+": "+pe.Err.Error(), err.Error())
			} else {
				assert.Equal(t, pe.Err.Error(), err.Error())
			}
		})
	}
	_, err := order.FromPlatform(order.PlatformOrder{Lines: make([]order.PlatformLine, order.MaxLines+1)})
	require.ErrorIs(t, err, order.ErrLimitReached)
}

// ExampleFromPlatform rebuilds an order from what order/get reports: the shipped counts come
// from the parcels, the discount from the list and paid totals, the deadline from the policy.
func ExampleFromPlatform() {
	paid := time.Date(2025, 6, 18, 20, 0, 0, 0, time.UTC)
	o, err := order.FromPlatform(order.PlatformOrder{
		ID: "3725020335455738368", Buyer: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", Status: order.StatusPartiallyShipped,
		CreatedAt: paid.Add(-time.Minute), PaidAt: paid,
		Lines: []order.PlatformLine{
			{Snapshot: mustSnapshot("10001", "tee-red-m", "T-shirt", d("59.90")), Quantity: 2, Paid: nd("109.80")},
			{Snapshot: mustSnapshot("10002", "cap-black", "Cap", d("19.90")), Quantity: 1, Paid: nd("19.90")},
		},
		Parcels: []order.Parcel{{Carrier: "SF", TrackingNumber: "SF001", Items: []order.Item{
			{ProductID: "10001", SKUID: "tee-red-m", Quantity: 2}}}},
		Freight: d("8.00"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	shipBy, _ := o.ShipBy()
	fmt.Println(o.Status(), "discount", o.Discount().StringFixed(2), "left", o.Remaining("cap-black"), "ship by", shipBy.Format(time.DateTime))

	_, err = order.FromPlatform(order.PlatformOrder{ID: "1", Buyer: "b", Status: order.StatusPendingShipment,
		CreatedAt: paid, PaidAt: paid, ShipDoneAt: paid,
		Lines: []order.PlatformLine{{Snapshot: mustSnapshot("10002", "cap-black", "Cap", d("19.90")), Quantity: 1, Paid: nd("19.90")}}})
	var pe *order.PlatformError
	fmt.Println(errors.As(err, &pe), pe.Field)
	// Output:
	// partially_shipped discount 10.00 left 1 ship by 2025-06-20 20:00:00
	// true ShipDoneAt
}

// FuzzFromPlatform builds platform payloads from fuzzed numbers (status, counts, quantities,
// times, amounts, parcels): FromPlatform never panics; a refusal is a *PlatformError; and an
// order it accepts keeps the invariants, restores from its State to the same JSON, and
// answers the shipment check.
func FuzzFromPlatform(f *testing.F) {
	f.Add(uint8(20), uint8(2), uint8(1), uint8(0), uint8(0), uint16(2020), int16(0), int16(0), uint8(0))
	f.Add(uint8(21), uint8(2), uint8(1), uint8(0), uint8(0), uint16(2020), int16(0), int16(0), uint8(1))
	f.Add(uint8(30), uint8(2), uint8(1), uint8(1), uint8(0), uint16(2020), int16(3), int16(0), uint8(2))
	f.Add(uint8(100), uint8(2), uint8(1), uint8(0), uint8(1), uint16(2020), int16(3), int16(50), uint8(2))
	f.Add(uint8(200), uint8(2), uint8(1), uint8(2), uint8(0), uint16(0), int16(0), int16(5), uint8(0))
	f.Add(uint8(10), uint8(1), uint8(0), uint8(0), uint8(0), uint16(1), int16(-1), int16(0), uint8(3))
	f.Fuzz(func(t *testing.T, status, qty, held, finished, withGoods uint8, paidFen uint16, shipDoneH, updatedH int16, parcels uint8) {
		p := platformOrder()
		p.Status = order.Status(status)
		if status == 10 || status == 250 {
			p.PaidAt = time.Time{}
		}
		p.Lines[0].Quantity = int(qty % 5)
		p.Lines[0].Paid = decimal.NewNullDecimal(decimal.New(int64(paidFen), -2))
		p.Lines[0].OnAfterSale = int(held % 3)
		p.Lines[0].FinishedAfterSale = int(finished % 4)
		p.FinishedWithGoods = withGoods%2 == 1
		if shipDoneH != 0 {
			p.ShipDoneAt = t0.Add(time.Duration(shipDoneH) * time.Hour)
		}
		if updatedH != 0 {
			p.UpdatedAt = t0.Add(time.Duration(updatedH) * time.Hour)
		}
		switch parcels % 4 {
		case 1:
			p.Parcels = []order.Parcel{parcel("SF1", item("a", int(qty%5)))}
		case 2:
			p.Parcels = []order.Parcel{parcel("SF1", item("a", int(qty%5))), parcel("SF2", item("b", 1))}
		case 3:
			p.Parcels = []order.Parcel{{Items: []order.Item{item("b", 1)}}, parcel("SF1", item("a", 1), item("a", 1))}
		}
		o, err := order.FromPlatform(p)
		if err != nil {
			if _, ok := errors.AsType[*order.PlatformError](err); !ok {
				t.Fatalf("a refusal that is not a *PlatformError: %v", err)
			}
			return
		}
		checkInvariants(t, o)
		for range o.ShipmentProblems([]order.Parcel{parcel("SF9", item("b", 1))}, true) {
		}
	})
}
