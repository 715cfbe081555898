package wxapi_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestDecodeOrder_Details: everything a backend reads from order/get beyond the order's rules
// comes from the same body, typed; the golden file holds the order and its details.
func TestDecodeOrder_Details(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/gift_subsidy.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o, x := res.Order, res.Details
	checkOrder(t, o)

	// Money: a line without real_price paid the smaller of estimate_price and change_price;
	// the buyer paid the changed freight.
	var paid []string
	for _, l := range o.Lines() {
		paid = append(paid, l.Paid().StringFixed(2))
	}
	assert.Equal(t, []string{"499.00", "70.00", "0.00"}, paid)
	assert.Equal(t, "0.00", o.Freight().StringFixed(2))
	assert.Equal(t, "569.00", o.Total().StringFixed(2), "order_price")
	assert.Equal(t, "108.00", o.Discount().StringFixed(2))
	assert.Equal(t, "53.00", x.Prices.Discounts.Merchant.StringFixed(2))
	assert.Equal(t, "10.00", x.Prices.Freight.StringFixed(2))
	assert.Equal(t, "0.00", x.Prices.ChangedFreight.Decimal.StringFixed(2))
	assert.Equal(t, "619.00", x.Prices.MerchantReceives.Decimal.StringFixed(2))
	assert.False(t, x.Prices.EstimatedProductPrice.Valid, "left out, not zero")
	assert.True(t, x.NationalSubsidy(), "a 国补 order ships with serial numbers")

	// People, masked when printed.
	assert.Equal(t, "13512345678", x.Address.Phone)
	assert.True(t, x.Address.UsesVirtualNumber)
	assert.Equal(t, "17099887766-1234", x.Address.VirtualNumber.Number)
	assert.Equal(t, time.Unix(1765152000, 0).UTC(), x.Address.VirtualNumber.ExpiresAt)
	assert.Equal(t, "滨江区", x.AddressChange.County)
	assert.Equal(t, time.Unix(1764550800, 0).UTC(), x.AddressChangeAt)
	assert.Equal(t, "请用礼盒包装，不要放发票", x.BuyerNote)
	assert.True(t, x.IsGift)
	assert.Equal(t, "oRcp7wA1bC2dE3fG4hI5jK6lM7nO", x.Gift.GiverOpenID)
	assert.Equal(t, wxapi.Payment{Method: wxapi.PaymentWeChatPay, TransactionID: "4200002855202512017788990011",
		PrepayID: "wx01080020123456789abcdef0123456789", PrepayAt: time.Unix(1764547230, 0).UTC()}, x.Payment)
	assert.Equal(t, wxapi.DropshipPartly, x.Dropship)

	// Lines: the free gift and what it comes with; the SKU change request holds its line.
	require.Len(t, x.Lines, 3)
	assert.Equal(t, "EAR-PRO-BLK", x.Lines[0].SKUCode)
	assert.True(t, x.Lines[2].FreeGift)
	assert.Equal(t, []wxapi.GiftSource{{ProductID: "20001", SKUID: "2000101", TaskID: "9001", Count: 1}}, x.Lines[2].GiftOf)
	assert.Equal(t, "880012345678", x.Lines[1].DropshipOrderID)
	assert.Equal(t, []order.SKUChange{{From: "2000101", To: "2000102", State: order.SKUChangePending,
		Deadline: time.Unix(1764633660, 0).UTC()}}, o.SKUChanges())
	_, err = o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: "SF1234567890123", Items: []order.Item{
		{ProductID: "20001", SKUID: "2000101", Quantity: 1}}}, time.Unix(1764560000, 0))
	require.ErrorIs(t, err, order.RuleSKUChangePending)

	golden(t, "order/gift_subsidy.golden", indentJSON(t, struct {
		Order   *order.Order       `json:"order"`
		Details wxapi.OrderDetails `json:"details"`
	}{o, x}))

	// The details marshal and read back to the same JSON.
	b, err := json.Marshal(x)
	require.NoError(t, err)
	var back wxapi.OrderDetails
	require.NoError(t, json.Unmarshal(b, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))
	assert.True(t, back.Prices.OrderPrice.Equal(x.Prices.OrderPrice))
}

// TestOrderDetailsMasked: printing a result, with any verb, shows no phone number, street,
// note, openid or virtual number.
func TestOrderDetailsMasked(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/gift_subsidy.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	secret := []string{"13512345678", "文三路", "1205", "晓雨", "oRcp7wA1bC2dE3fG4hI5jK6lM7nO", "17099887766", "礼盒", "oUn1Qm8Tz4Kd7Vb2Xc5Ny9Hs3Rf6"}
	for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
		for _, v := range []any{res.Details, res.Details.Address, res.Details.Gift, res.Details.Address.VirtualNumber} {
			out := fmt.Sprintf(verb, v)
			for _, s := range secret {
				assert.NotContains(t, out, s, "%s of %T", verb, v)
			}
		}
	}
	assert.Equal(t, "林** 135****5678 浙江省杭州市西湖区", res.Details.Address.String())
	assert.Equal(t, "ships to 林** 135****5678 浙江省杭州市西湖区 (change asked: 林** 135****5678 浙江省杭州市滨江区), gift from oRcp****, 3 lines, 0 parcels",
		res.Details.String())
}

// ExampleOrderDetails reads, from the same order/get body as the order, what a backend shows a
// packer: where it ships (printed masked), the buyer's note, the gift, and which line is a free
// gift.
func ExampleOrderDetails() {
	body := []byte(`{"errcode":0,"errmsg":"ok","order":{"order_id":"3726520017788990145","status":20,
		"create_time":1764633600,"update_time":1764633700,"openid":"oRcp7wZ9yX8wV7uT6sR5qP4oN3mL",
		"is_present":true,"order_present_info":{"present_giver_openid":"oRcp7wA1bC2dE3fG4hI5jK6lM7nO","present_note":"新年快乐"},
		"order_detail":{
		"product_infos":[
			{"product_id":"30001","sku_id":"3000101","sku_cnt":1,"title":"手冲咖啡挂耳","sale_price":5900,"real_price":5900,"delivery_deadline":1764806460},
			{"product_id":"30009","sku_id":"3000901","sku_cnt":1,"title":"滤杯","sale_price":0,"real_price":0,"is_free_gift":true,
			 "free_gift_info":{"main_product_list":[{"product_id":"30001","sku_id":"3000101","gift_cnt":1}]},"delivery_deadline":1764806460}],
		"pay_info":{"pay_time":1764633660,"transaction_id":"4200002855202512021122334455","payment_method":1},
		"price_info":{"product_price":5900,"order_price":5900,"freight":0},
		"delivery_info":{"address_info":{"user_name":"周宁","tel_number":"13912345678","province_name":"江苏省","city_name":"南京市",
			"county_name":"鼓楼区","detail_info":"中山北路 30 号"},"deliver_method":0},
		"ext_info":{"customer_notes":"工作日送达"}}}}`)
	res, err := wxapi.DecodeOrder(body, wxapi.OrderOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	x := res.Details
	fmt.Println(x)
	fmt.Println("note:", x.BuyerNote, "| paid by", x.Payment.Method)
	for i, l := range res.Order.Lines() {
		if x.Lines[i].FreeGift {
			fmt.Printf("%s is a free gift with %s\n", l.Snapshot().Title(), x.Lines[i].GiftOf[0].SKUID)
		}
	}
	// Output:
	// ships to 周* 139****5678 江苏省南京市鼓楼区, gift from oRcp****, 2 lines, 0 parcels
	// note: 工作日送达 | paid by wechat_pay
	// 滤杯 is a free gift with 3000101
}
