package wxapi_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// remainingParcel is one parcel with every unit the order still has to ship, or nil.
func remainingParcel(o *order.Order) []order.Parcel {
	var items []order.Item
	for _, l := range o.Lines() {
		if n := l.Remaining(); n > 0 {
			items = append(items, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: n})
		}
	}
	if len(items) == 0 || (o.Status() != order.StatusPendingShipment && o.Status() != order.StatusPartiallyShipped) {
		return nil
	}
	if o.Virtual() {
		return []order.Parcel{{Items: items}} // no logistics
	}
	return []order.Parcel{{Carrier: "YTO", TrackingNumber: "YT7512309876543", Items: items}}
}

// TestDecodeOrder_Golden: order/get → *order.Order (+ after-sale summary) → delivery/send for
// what is left to ship. The golden file holds all three.
func TestDecodeOrder_Golden(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"unpaid", "paid_two_lines", "partially_shipped", "open_exchange", "virtual_partially_shipped"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(readTestdata(t, "order/"+name+".json"), wxapi.OrderOptions{})
			require.NoError(t, err)
			checkOrder(t, res.Order)

			var send json.RawMessage
			if parcels := remainingParcel(res.Order); parcels != nil {
				send, err = wxapi.EncodeShipment(res.Order, parcels)
				require.NoError(t, err)
			}
			out := struct {
				Order        *order.Order           `json:"order"`
				AfterSales   wxapi.AfterSaleSummary `json:"after_sales"`
				Blocks       bool                   `json:"aftersale_blocks_shipping"`
				UpdatedAt    time.Time              `json:"updated_at"`
				Paid         string                 `json:"paid_total"`
				DeliverySend json.RawMessage        `json:"delivery_send,omitempty"`
			}{res.Order, res.AfterSales, res.AfterSales.BlocksShipping(), res.UpdatedAt, res.Order.Total().StringFixed(2), send}
			golden(t, "order/"+name+".golden", indentJSON(t, out))
		})
	}
}

func TestDecodeOrder_Values(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	assert.Equal(t, "3725020335455738368", o.ID())
	assert.Equal(t, order.StatusPendingShipment, o.Status())
	paidAt, ok := o.PaidAt()
	require.True(t, ok)
	assert.Equal(t, time.Unix(1717200300, 0).UTC(), paidAt)
	lines := o.Lines()
	require.Len(t, lines, 2)
	assert.Equal(t, "89.00", lines[0].UnitPrice().StringFixed(2))
	assert.Equal(t, "160.00", lines[0].Paid().StringFixed(2))
	assert.Equal(t, 2, lines[0].Quantity())
	assert.Equal(t, time.Unix(1717373100, 0).UTC(), lines[0].ShipBy())
	assert.Equal(t, "18.00", o.Discount().StringFixed(2))
	assert.Equal(t, "8.00", o.Freight().StringFixed(2))
	assert.Equal(t, "207.00", o.Total().StringFixed(2), "paid lines plus freight: the platform's order_price")
	// The numeric after-sale status 1 is the legacy code of USER_CANCELD.
	assert.Equal(t, []wxapi.AfterSaleRef{{ID: "2000000481234567", Status: aftersale.StatusUserCancelled}}, res.AfterSales.Orders)
	assert.False(t, res.AfterSales.BlocksShipping())

	res, err = wxapi.DecodeOrder(readTestdata(t, "order/open_exchange.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.True(t, res.AfterSales.BlocksShipping())
	l, ok := res.Order.Line("1000021103")
	require.True(t, ok)
	assert.Equal(t, 1, l.OnAfterSale())
	assert.Equal(t, 1, l.Shipped())
}

// TestDecodeOrder_EndStates: the statuses whose end marks order/get does not carry directly.
func TestDecodeOrder_EndStates(t *testing.T) {
	t.Parallel()
	const exchange, paid = "order/open_exchange.json", "order/paid_two_lines.json"
	completed := mutate(t, exchange, `"status": 30`, `"status": 100`, `"update_time": 1717545600`, `"update_time": 1717900000`,
		`"ext_info": {"customer_notes": "", "merchant_notes": ""}`, `"ext_info": {"confirm_receipt_time": 1717900000}`)
	res, err := wxapi.DecodeOrder(completed, wxapi.OrderOptions{Confirm: order.ConfirmAuto})
	require.NoError(t, err)
	s := res.Order.State()
	assert.Equal(t, order.StatusCompleted, s.Status)
	assert.Equal(t, order.ConfirmAuto, s.Confirm)
	assert.Equal(t, int64(1717900000), s.EndedAt.Unix(), "confirm_receipt_time")
	assert.Equal(t, int64(1717900000), s.UpdatedAt.Unix(), "update_time")
	checkOrder(t, res.Order)

	// The order now keeps update_time: a receipt confirmed after the order's last update is a
	// contradiction the order refuses.
	confirmedLater := mutate(t, exchange, `"status": 30`, `"status": 100`,
		`"ext_info": {"customer_notes": "", "merchant_notes": ""}`, `"ext_info": {"confirm_receipt_time": 1717900000}`)
	_, err = wxapi.DecodeOrder(confirmedLater, wxapi.OrderOptions{})
	assert.ErrorIs(t, err, wxapi.ErrInconsistent)
	assert.ErrorIs(t, err, order.ErrTimeOrder)

	noConfirmTime := mutate(t, exchange, `"status": 30`, `"status": 100`)
	res, err = wxapi.DecodeOrder(noConfirmTime, wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(1717545600), res.Order.State().EndedAt.Unix(), "update_time stands in")
	assert.Equal(t, order.ConfirmUnknown, res.Order.State().Confirm, "order/get does not say who confirmed")
	checkOrder(t, res.Order)

	closed := mutate(t, paid, `"status": 20`, `"status": 200`,
		`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 2`,
		`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`)
	res, err = wxapi.DecodeOrder(closed, wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.Equal(t, order.StatusClosedByAfterSale, res.Order.Status())
	assert.Equal(t, order.CancelAfterSale, res.Order.State().CancelReason)
	assert.True(t, res.Order.FullyRefunded())
	checkOrder(t, res.Order)

	notAllRefunded := mutate(t, paid, `"status": 20`, `"status": 200`)
	_, err = wxapi.DecodeOrder(notAllRefunded, wxapi.OrderOptions{})
	assert.ErrorIs(t, err, wxapi.ErrInconsistent)

	noUpdateTime := mutate(t, paid, `"status": 20`, `"status": 200`, `"update_time": 1717286500,`, ``,
		`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 2`,
		`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`)
	_, err = wxapi.DecodeOrder(noUpdateTime, wxapi.OrderOptions{})
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "order.update_time", fe.Field)
	// update_time is optional on the wire; the order needs it to date the end (order.FromPlatform).
	assert.ErrorIs(t, err, wxapi.ErrInconsistent)
	assert.ErrorIs(t, err, order.ErrInvalidOrder)
}

func TestDecodeOrder_Deadlines(t *testing.T) {
	t.Parallel()
	paid := string(readTestdata(t, "order/paid_two_lines.json"))
	pay := time.Unix(1717200300, 0).UTC()

	// No delivery_deadline on a line in stock: the policy's deadline from payment.
	noDeadline := strings.Replace(paid, `"delivery_deadline": 1717373100`, `"delivery_deadline": 0`, 1)
	res, err := wxapi.DecodeOrder([]byte(noDeadline), wxapi.OrderOptions{})
	require.NoError(t, err)
	assert.Equal(t, pay.Add(order.DefaultDeadlinePolicy().InStock), res.Order.Lines()[0].ShipBy())

	// A presale line: its window is its deadline minus the payment.
	presale := strings.Replace(paid, `"sku_deliver_info": {"stock_type": 0},
          "delivery_deadline": 1717373100`, `"sku_deliver_info": {"stock_type": 1, "predict_delivery_time": 1717805100},
          "delivery_deadline": 1717805100`, 1)
	require.NotEqual(t, paid, presale)
	res, err = wxapi.DecodeOrder([]byte(presale), wxapi.OrderOptions{})
	require.NoError(t, err)
	l := res.Order.Lines()[0]
	assert.Equal(t, order.StockPresale, l.Stock())
	assert.Equal(t, 7*24*time.Hour, l.PresaleShipWithin())

	// A presale window the shop's policy does not allow is refused by the order model.
	tooLong := strings.Replace(presale, `"delivery_deadline": 1717805100`, `"delivery_deadline": 1720805100`, 1)
	_, err = wxapi.DecodeOrder([]byte(tooLong), wxapi.OrderOptions{})
	assert.ErrorIs(t, err, wxapi.ErrInconsistent)
	assert.ErrorIs(t, err, order.ErrInvalidOrder)
}

// TestDecodeOrder_Virtual: a virtual-goods order (deliver_method 1) decodes with its parcels
// without logistics, and ships the rest the same way.
func TestDecodeOrder_Virtual(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/virtual_partially_shipped.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	assert.True(t, o.Virtual())
	assert.Equal(t, order.StatusPartiallyShipped, o.Status())
	for _, p := range o.Parcels() {
		assert.Empty(t, p.Carrier)
		assert.Empty(t, p.TrackingNumber)
	}
	assert.Equal(t, 2, o.Shipped("1000090201"))
	assert.Equal(t, 1, o.Remaining("1000090301"))

	rest := remainingParcel(o)
	require.Len(t, rest, 1)
	for problem := range o.ShipmentProblems(rest, true) {
		t.Errorf("the order refuses its own virtual delivery: %v", problem)
	}
	shipped, err := o.Ship(rest[0], time.Unix(1717390000, 0).UTC())
	require.NoError(t, err)
	assert.True(t, shipped.Finished)
	assert.Equal(t, order.StatusShipped, o.Status())
	checkOrder(t, o)
}
