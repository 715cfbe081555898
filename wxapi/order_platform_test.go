package wxapi_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeOrder_ContradictionAtJSONPath: a contradiction order.FromPlatform finds in the
// platform's own fields is reported at the field's JSON path in order/get, with the order's
// *order.PlatformError (and its Go path into order.PlatformOrder) as the cause.
func TestDecodeOrder_ContradictionAtJSONPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		payload string
		pairs   []string
		field   string // the JSON path DecodeOrder reports
		goField string // the field of order.PlatformOrder FromPlatform names
		is      []error
	}{
		{"ship_done_time on an order not shipped", "paid_two_lines",
			[]string{`"ship_done_time": 0`, `"ship_done_time": 1717300000`},
			"order.order_detail.delivery_info.ship_done_time", "ShipDoneAt", []error{order.ErrInvalidOrder}},
		{"product_price is not the sum of the lines", "paid_two_lines",
			[]string{`"product_price": 21700`, `"product_price": 21600`},
			"order.order_detail.price_info.product_price", "ProductPrice", []error{order.ErrInvalidOrder}},
		{"a parcel item of an unknown SKU", "partially_shipped",
			[]string{`"sku_id": "1000077701", "product_cnt": 2`, `"sku_id": "1000077799", "product_cnt": 2`},
			"order.order_detail.delivery_info.delivery_product_info[0].product_infos[0]", "Parcels[0].Items[0]", []error{order.ErrUnknownSKU}},
		{"a parcel item beyond what is left to ship", "partially_shipped",
			[]string{`{"product_id": "10000778", "sku_id": "1000077802", "product_cnt": 1}`, `{"product_id": "10000777", "sku_id": "1000077701", "product_cnt": 1}`},
			"order.order_detail.delivery_info.delivery_product_info[1].product_infos[0]", "Parcels[1].Items[0]", []error{order.ErrInvalidQuantity}},
		{"pay_time missing on a paid order", "paid_two_lines",
			[]string{`"pay_time": 1717200300,`, ``},
			"order.order_detail.pay_info.pay_time", "PaidAt", []error{order.ErrInvalidOrder}},
		{"the lines paid more than their list total", "paid_two_lines",
			[]string{`"real_price": 16000`, `"real_price": 20000`},
			"order.order_detail.product_infos", "Lines", []error{order.ErrInvalidOrder}},
		{"a paid presale line without a deadline", "paid_two_lines",
			[]string{`"sku_deliver_info": {"stock_type": 0}`, `"sku_deliver_info": {"stock_type": 1}`, `"delivery_deadline": 1717373100`, `"delivery_deadline": 0`},
			"order.order_detail.product_infos[0].delivery_deadline", "Lines[0].ShipBy", []error{order.ErrInvalidOrder}},
		{"confirm_receipt_time on an order not completed", "open_exchange",
			[]string{`"ext_info": {"customer_notes": "", "merchant_notes": ""}`, `"ext_info": {"confirm_receipt_time": 1717400000}`},
			"order.order_detail.ext_info.confirm_receipt_time", "ConfirmedAt", []error{order.ErrInvalidOrder}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(mutate(t, "order/"+tt.payload+".json", tt.pairs...), wxapi.OrderOptions{})
			require.Error(t, err)
			assert.Nil(t, res.Order)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe, err.Error())
			assert.Equal(t, "order/get", fe.Payload)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, wxapi.ErrInconsistent)
			var pe *order.PlatformError
			require.ErrorAs(t, err, &pe, "the cause is order.FromPlatform's")
			assert.Equal(t, tt.goField, pe.Field)
			for _, target := range tt.is {
				assert.ErrorIs(t, err, target, err.Error())
			}
		})
	}
}

// The platform's facts of the testdata payloads, written out by hand for order.FromPlatform.
var (
	tshirtWhiteL = platformSnapshot("10000211", "1000021104", "精梳棉圆领短袖T恤", "89", "颜色", "白色", "尺码", "L")
	tshirtBlackM = platformSnapshot("10000211", "1000021103", "精梳棉圆领短袖T恤", "89", "颜色", "黑色", "尺码", "M")
	tote         = platformSnapshot("10000345", "1000034502", "加厚帆布托特包", "39", "颜色", "米白")
)

// platformSnapshot is a line's SKU as order/get describes it (revision 0: not from a catalog).
func platformSnapshot(productID, skuID, title, price string, attrs ...string) catalog.Snapshot {
	var as []catalog.Attr
	for i := 0; i+1 < len(attrs); i += 2 {
		as = append(as, catalog.Attr{Key: attrs[i], Value: attrs[i+1]})
	}
	s, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: productID, SKUID: skuID, Title: title,
		Attrs: as, Price: decimal.RequireFromString(price)})
	if err != nil {
		panic(err)
	}
	return s
}

func unix(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func paidTwoLinesByHand() order.PlatformOrder {
	return order.PlatformOrder{
		ID: "3725020335455738368", Buyer: "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs", Status: order.StatusPendingShipment,
		CreatedAt: unix(1717200000), UpdatedAt: unix(1717286500), PaidAt: unix(1717200300),
		Lines: []order.PlatformLine{
			{Snapshot: tshirtWhiteL, Quantity: 2, UnitPrice: yuan("89"), Paid: decimal.NewNullDecimal(yuan("160")), ShipBy: unix(1717373100)},
			{Snapshot: tote, Quantity: 1, UnitPrice: yuan("39"), Paid: decimal.NewNullDecimal(yuan("39")), ShipBy: unix(1717373100)},
		},
		Freight:      yuan("8"),
		ProductPrice: decimal.NewNullDecimal(yuan("217")),
	}
}

func openExchangeByHand() order.PlatformOrder {
	return order.PlatformOrder{
		ID: "3725019876543210752", Buyer: "oL5sHd2Fq8Xe1Nw7Pb4Tz9Kc3Vm0", Status: order.StatusShipped,
		CreatedAt: unix(1717200500), UpdatedAt: unix(1717545600), PaidAt: unix(1717200600), ShipDoneAt: unix(1717300000),
		Lines: []order.PlatformLine{
			{Snapshot: tshirtBlackM, Quantity: 1, UnitPrice: yuan("89"), Paid: decimal.NewNullDecimal(yuan("89")), OnAfterSale: 1, ShipBy: unix(1717373400)},
			{Snapshot: tote, Quantity: 1, UnitPrice: yuan("39"), Paid: decimal.NewNullDecimal(yuan("39")), ShipBy: unix(1717373400)},
		},
		Parcels: []order.Parcel{{Carrier: "JDL", TrackingNumber: "JDVA01234567890", Items: []order.Item{
			{ProductID: "10000211", SKUID: "1000021103", Quantity: 1},
			{ProductID: "10000345", SKUID: "1000034502", Quantity: 1},
		}}},
		ProductPrice: decimal.NewNullDecimal(yuan("128")),
	}
}

// TestDecodeOrder_IsFromPlatform: DecodeOrder states no order rule of its own. It maps
// order/get's fields onto an order.PlatformOrder, and the order it returns is the one
// order.FromPlatform builds from the same facts written out by hand: same State, field by
// field (the counters, the discount, the deadlines and the end marks FromPlatform derives).
func TestDecodeOrder_IsFromPlatform(t *testing.T) {
	t.Parallel()
	exchangeDone := []string{`"on_aftersale_sku_cnt": 1`, `"on_aftersale_sku_cnt": 0`,
		`"finish_aftersale_sku_cnt": 0`, `"finish_aftersale_sku_cnt": 1`,
		`"on_aftersale_order_cnt": 1`, `"on_aftersale_order_cnt": 0`,
		`"MERCHANT_WAIT_RECEIPT"`, `"MERCHANT_EXCHANGE_SUCCESS"`}
	tests := []struct {
		name string
		body []byte
		opts wxapi.OrderOptions
		want func() order.PlatformOrder
	}{
		{"paid, two lines", readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{}, paidTwoLinesByHand},
		{"partially shipped in two parcels", readTestdata(t, "order/partially_shipped.json"), wxapi.OrderOptions{}, func() order.PlatformOrder {
			return order.PlatformOrder{
				ID: "3725021154689773056", Buyer: "oQ7nVb3Kx9Lp2Wm5Zc8Rt1Ys4Ud6", Status: order.StatusPartiallyShipped,
				CreatedAt: unix(1717203500), UpdatedAt: unix(1717293600), PaidAt: unix(1717203600),
				Lines: []order.PlatformLine{
					{Snapshot: platformSnapshot("10000777", "1000077701", "有机燕麦片", "45", "规格", "1kg"),
						Quantity: 2, UnitPrice: yuan("45"), Paid: decimal.NewNullDecimal(yuan("90")), ShipBy: unix(1717376400)},
					{Snapshot: platformSnapshot("10000778", "1000077802", "冷榨亚麻籽油", "68", "规格", "500ml"),
						Quantity: 1, UnitPrice: yuan("68"), Paid: decimal.NewNullDecimal(yuan("68")), ShipBy: unix(1717376400)},
					{Snapshot: platformSnapshot("10000779", "1000077903", "每日坚果", "139", "规格", "30袋装"),
						Quantity: 3, UnitPrice: yuan("139"), Paid: decimal.NewNullDecimal(yuan("397")), ShipBy: unix(1717376400)},
				},
				Parcels: []order.Parcel{
					{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{{ProductID: "10000777", SKUID: "1000077701", Quantity: 2}}},
					{Carrier: "ZTO", TrackingNumber: "78291034567123", Items: []order.Item{{ProductID: "10000778", SKUID: "1000077802", Quantity: 1}}},
				},
				ProductPrice: decimal.NewNullDecimal(yuan("575")),
			}
		}},
		{"virtual goods without logistics", readTestdata(t, "order/virtual_partially_shipped.json"), wxapi.OrderOptions{}, func() order.PlatformOrder {
			return order.PlatformOrder{
				ID: "3725022873019482112", Buyer: "oT3mWq8Zr5Hk1Yb6Nc9Lx2Pv7Gd4", Status: order.StatusPartiallyShipped, Virtual: true,
				CreatedAt: unix(1717300000), UpdatedAt: unix(1717303600), PaidAt: unix(1717300060),
				Lines: []order.PlatformLine{
					{Snapshot: platformSnapshot("10000901", "1000090101", "咖啡拉花入门 线上课程", "99", "有效期", "365天"),
						Quantity: 1, UnitPrice: yuan("99"), Paid: decimal.NewNullDecimal(yuan("99")), ShipBy: unix(1717472860)},
					{Snapshot: platformSnapshot("10000902", "1000090201", "门店饮品电子兑换券", "25", "饮品", "中杯拿铁"),
						Quantity: 2, UnitPrice: yuan("25"), Paid: decimal.NewNullDecimal(yuan("46")), ShipBy: unix(1717472860)},
					{Snapshot: platformSnapshot("10000903", "1000090301", "咖啡豆烘焙直播回放", "19.90", "场次", "6月场"),
						Quantity: 1, UnitPrice: yuan("19.90"), Paid: decimal.NewNullDecimal(yuan("19.90")), ShipBy: unix(1717472860)},
				},
				Parcels: []order.Parcel{
					{Items: []order.Item{{ProductID: "10000901", SKUID: "1000090101", Quantity: 1}}},
					{Items: []order.Item{{ProductID: "10000902", SKUID: "1000090201", Quantity: 2}}},
				},
				ProductPrice: decimal.NewNullDecimal(yuan("168.90")),
			}
		}},
		{"shipped, an exchange open", readTestdata(t, "order/open_exchange.json"), wxapi.OrderOptions{}, openExchangeByHand},
		{"an exchange finished: the buyer has the goods", mutate(t, "order/open_exchange.json", exchangeDone...), wxapi.OrderOptions{}, func() order.PlatformOrder {
			p := openExchangeByHand()
			p.Lines[0].OnAfterSale, p.Lines[0].FinishedAfterSale = 0, 1
			p.FinishedWithGoods = true
			return p
		}},
		{"completed, who confirmed passed by the host", mutate(t, "order/open_exchange.json", `"status": 30`, `"status": 100`),
			wxapi.OrderOptions{Confirm: order.ConfirmAuto}, func() order.PlatformOrder {
				p := openExchangeByHand()
				p.Status, p.Confirm = order.StatusCompleted, order.ConfirmAuto
				return p
			}},
		{"a shop with its own deadline policy", mutate(t, "order/paid_two_lines.json", `"delivery_deadline": 1717373100`, `"delivery_deadline": 0`),
			wxapi.OrderOptions{Policy: slowShop()}, func() order.PlatformOrder {
				p := paidTwoLinesByHand()
				p.Lines[0].ShipBy, p.Policy = time.Time{}, slowShop()
				return p
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := wxapi.DecodeOrder(tt.body, tt.opts)
			require.NoError(t, err)
			want, err := order.FromPlatform(tt.want())
			require.NoError(t, err)
			assert.Equal(t, want.State(), res.Order.State())
			assert.JSONEq(t, string(mustJSON(t, want)), string(mustJSON(t, res.Order)))
		})
	}

	// The comparison is not vacuous: the same facts read the other way (the finished units
	// refunded, not exchanged) build a different order.
	res, err := wxapi.DecodeOrder(mutate(t, "order/open_exchange.json", exchangeDone...), wxapi.OrderOptions{})
	require.NoError(t, err)
	p := openExchangeByHand()
	p.Lines[0].OnAfterSale, p.Lines[0].FinishedAfterSale = 0, 1
	refunded, err := order.FromPlatform(p)
	require.NoError(t, err)
	assert.NotEqual(t, refunded.State(), res.Order.State())
}

// TestDecodeOrder_RefusesAsFromPlatform: where order.FromPlatform refuses the facts, DecodeOrder
// refuses the payload with FromPlatform's own error, not one of its own.
func TestDecodeOrder_RefusesAsFromPlatform(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		pairs []string
		edit  func(*order.PlatformOrder)
	}{
		{"ship_done_time on an order not shipped", []string{`"ship_done_time": 0`, `"ship_done_time": 1717300000`},
			func(p *order.PlatformOrder) { p.ShipDoneAt = unix(1717300000) }},
		{"product_price off by a yuan", []string{`"product_price": 21700`, `"product_price": 21600`},
			func(p *order.PlatformOrder) { p.ProductPrice = decimal.NewNullDecimal(yuan("216")) }},
		{"more units on after-sale than ordered", []string{`"on_aftersale_sku_cnt": 0`, `"on_aftersale_sku_cnt": 3`},
			func(p *order.PlatformOrder) { p.Lines[0].OnAfterSale = 3 }},
		{"closed by after-sale with units not refunded", []string{`"status": 20`, `"status": 200`},
			func(p *order.PlatformOrder) { p.Status = order.StatusClosedByAfterSale }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := wxapi.DecodeOrder(mutate(t, "order/paid_two_lines.json", tt.pairs...), wxapi.OrderOptions{})
			require.ErrorIs(t, err, wxapi.ErrInconsistent)
			p := paidTwoLinesByHand()
			tt.edit(&p)
			o, want := order.FromPlatform(p)
			require.Error(t, want)
			require.Nil(t, o)
			var pe *order.PlatformError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, want.Error(), pe.Error(), "DecodeOrder's cause is FromPlatform's error")
		})
	}
}

// slowShop is a deadline policy of a shop that ships within 72 hours.
func slowShop() order.DeadlinePolicy {
	p := order.DefaultDeadlinePolicy()
	p.InStock = 72 * time.Hour
	return p
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}
