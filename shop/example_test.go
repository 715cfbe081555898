package shop_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/shop"
)

// Opening a shop validates the onboarding form, check characters included. The profile prints
// masked, whatever the verb; its JSON, what the host stores, keeps everything.
func ExampleNew() {
	_, err := shop.New(shop.Params{
		Name:    "龙井茶舍",
		Kind:    shop.WeChatShop,
		Contact: shop.Contact{Name: "王店长", Phone: "1380013800"},
		Person:  &shop.Person{RealName: "王五", IDNumber: "110105194912310021"},
	})
	fmt.Println(err)
	fmt.Println(errors.Is(err, shop.ErrInvalid))

	p, err := shop.New(shop.Params{
		Name:    "龙井茶舍",
		Kind:    shop.WeChatShop,
		Contact: shop.Contact{Name: "王店长", Phone: "13800138000"},
		Person:  &shop.Person{RealName: "王五", IDNumber: "11010519491231002X"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p)
	stored, _ := json.Marshal(p)
	fmt.Println(string(stored))
	fmt.Println(shop.ShowcaseCreator, shop.ShowcaseCreator.Label())
	// Output:
	// shop: invalid Params: Contact.Phone: not a mainland mobile number (11 digits starting 13 to 19); Person.IDNumber: not a resident identity number (18 characters, GB 11643 check character)
	// true
	// 龙井茶舍 (wechat_shop, person 王*, contact 王** 138****8000)
	// 龙井茶舍 (wechat_shop, person 王*, contact 王** 138****8000)
	// 龙井茶舍 (wechat_shop, person 王*, contact 王** 138****8000)
	// {"name":"龙井茶舍","kind":"wechat_shop","contact":{"name":"王店长","phone":"13800138000"},"person":{"real_name":"王五","id_number":"11010519491231002X"}}
	// showcase_creator 视频号橱窗达人
}

// A stored profile is validated again when it is read: a row edited by hand cannot smuggle in
// a bad phone number, nor a field the library does not know.
func ExampleProfile_UnmarshalJSON() {
	var p shop.Profile
	err := json.Unmarshal([]byte(`{"name":"龙井茶舍","kind":"wechat_shop","contact":{"name":"王店长","phone":"138-0013-8000"},`+
		`"person":{"real_name":"王五","id_number":"11010519491231002X"}}`), &p)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"name":"龙井茶舍","kind":"wechat_shop","contact":{"name":"王店长","phone":"13800138000"},`+
		`"person":{"real_name":"王五","id_number":"11010519491231002X"},"vip":true}`), &p)
	fmt.Println(err)
	// Output:
	// shop: invalid Params: Contact.Phone: not a mainland mobile number (11 digits starting 13 to 19)
	// shop: decoding profile: json: unknown field "vip"
}

// A shop's figures for a period, with the rates derived from them: exact decimals, rounded half
// up, and no made-up rate when there is nothing to divide by.
func ExampleNewOverview() {
	o, err := shop.NewOverview(shop.OverviewParams{Visits: 3, Orders: 2, Sales: decimal.RequireFromString("256")})
	if err != nil {
		panic(err)
	}
	rate, _ := o.ConversionRate()
	aov, _ := o.AverageOrderValue()
	fmt.Printf("访客 %d, 订单 %d, 成交 ¥%s\n", o.Visits(), o.Orders(), o.Sales().StringFixed(2))
	fmt.Printf("转化率 %s%%, 客单价 ¥%s\n", rate.StringFixed(2), aov.StringFixed(2))

	none, _ := shop.NewOverview(shop.OverviewParams{})
	_, ok := none.ConversionRate()
	fmt.Println("rate without visits:", ok)

	_, err = shop.NewOverview(shop.OverviewParams{Orders: 1, Sales: decimal.RequireFromString("9.999")})
	fmt.Println(errors.Is(err, shop.ErrInvalidAmount))
	_, err = shop.NewOverview(shop.OverviewParams{Visits: 5, Sales: decimal.RequireFromString("1")})
	fmt.Println(err)
	// Output:
	// 访客 3, 订单 2, 成交 ¥256.00
	// 转化率 66.67%, 客单价 ¥128.00
	// rate without visits: false
	// true
	// shop: invalid OverviewParams: Sales: must be zero when there are no orders
}

// The conversion rate is an exact decimal percentage, rounded half up to 0.01%.
func ExampleOverview_ConversionRate() {
	o, _ := shop.NewOverview(shop.OverviewParams{Visits: 3, Orders: 2, Sales: decimal.RequireFromString("256")})
	rate, _ := o.ConversionRate()
	aov, _ := o.AverageOrderValue()
	fmt.Printf("转化率 %s%%, 客单价 ¥%s\n", rate.StringFixed(2), aov.StringFixed(2))
	none, _ := shop.NewOverview(shop.OverviewParams{})
	_, ok := none.ConversionRate()
	fmt.Println("rate without visits:", ok)
	// Output:
	// 转化率 66.67%, 客单价 ¥128.00
	// rate without visits: false
}

func ExampleMaskPhone() {
	fmt.Println(shop.MaskPhone("13800138000"))
	fmt.Println(shop.MaskPhone("110"))
	// Output:
	// 138****8000
	// ****
}
