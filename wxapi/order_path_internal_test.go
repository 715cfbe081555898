package wxapi

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/order"
)

// TestOrderPath: the Go paths order.FromPlatform names (fields of order.PlatformOrder) turn into
// the JSON paths of order/get.
func TestOrderPath(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"ShipDoneAt", "order.order_detail.delivery_info.ship_done_time"},
		{"ProductPrice", "order.order_detail.price_info.product_price"},
		{"PaidAt", "order.order_detail.pay_info.pay_time"},
		{"UpdatedAt", "order.update_time"},
		{"Lines", "order.order_detail.product_infos"},
		{"Lines[2].Paid", "order.order_detail.product_infos[2].real_price"},
		{"Lines[0].UnitPrice", "order.order_detail.product_infos[0].sale_price"},
		{"Lines[1].ShipBy", "order.order_detail.product_infos[1].delivery_deadline"},
		{"Lines[1].PredictedDelivery", "order.order_detail.product_infos[1].sku_deliver_info.predict_delivery_time"},
		{"Lines[3].OnAfterSale", "order.order_detail.product_infos[3].on_aftersale_sku_cnt"},
		{"Lines[3].FinishedAfterSale", "order.order_detail.product_infos[3].finish_aftersale_sku_cnt"},
		{"Lines[0].Stock", "order.order_detail.product_infos[0].sku_deliver_info.stock_type"},
		{"Parcels", "order.order_detail.delivery_info.delivery_product_info"},
		{"Parcels[0].Items[1]", "order.order_detail.delivery_info.delivery_product_info[0].product_infos[1]"},
		{"Parcels[12].Items[10]", "order.order_detail.delivery_info.delivery_product_info[12].product_infos[10]"},
		{"ChangedFreight", "order.order_detail.price_info.change_freight"},
		{"RefundedFreight", "order.order_detail.refund_info.refund_freight"},
		{"Discounts.Merchant", "order.order_detail.price_info.merchant_discounted_price"},
		{"Lines[1].Discounts.NationalSubsidy", "order.order_detail.product_infos[1].national_subsidy_discounted_price"},
		{"Lines[0].Estimated", "order.order_detail.product_infos[0].estimate_price"},
		{"Lines[0].Changed", "order.order_detail.product_infos[0].change_price"},
		{"Lines[4].SKUChange", "order.order_detail.product_infos[4].change_sku_info"},
		{"Unmapped", "Unmapped"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, orderPath(tt.in), tt.in)
	}
}

// TestOrderPathsCoverThePlatformOrder: every field of order.PlatformOrder, PlatformLine and
// Discounts that comes from the payload has a JSON name, so that no error FromPlatform reports
// reaches a host as a Go name. The fields not in the payload are the host's options, and the
// snapshot and ids, which wxapi checks before FromPlatform sees them.
func TestOrderPathsCoverThePlatformOrder(t *testing.T) {
	t.Parallel()
	notInPayload := map[string]bool{"ID": true, "Seller": true, "Buyer": true, "Virtual": true, "FinishedWithGoods": true, "GroupBuy": true,
		"Policy": true, "Confirm": true, "Cancel": true, "Snapshot": true}
	for _, v := range []any{order.PlatformOrder{}, order.PlatformLine{}, order.Discounts{}} {
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			name := rt.Field(i).Name
			if notInPayload[name] {
				continue
			}
			_, ok := orderPaths[name]
			assert.True(t, ok, "%s.%s has no JSON path", rt.Name(), name)
		}
	}
}

func TestIndexPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"order.order_detail.product_infos.0.title": "order.order_detail.product_infos[0].title",
		"order.order_detail.product_infos.title":   "order.order_detail.product_infos.title",
		"company_list.12.delivery_id":              "company_list[12].delivery_id",
		"envelope.errmsg":                          "errmsg",
		"product_infos.0.wireDiscounts.vip":        "product_infos[0].vip",
		"":                                         "",
	} {
		assert.Equal(t, want, indexPath(in), in)
	}
}
