package wxapi_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// cst is China Standard Time, in which merchants state their dates.
var cst = time.FixedZone("CST", 8*3600)

// TestCommandBodies_Golden: each command encoder's body for a realistic input, compared byte
// for byte (indented) with the expected body in testdata/commands.
func TestCommandBodies_Golden(t *testing.T) {
	t.Parallel()
	virtual, err := wxapi.DecodeOrder(readTestdata(t, "order/virtual_partially_shipped.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	tests := []struct {
		golden string
		encode func() ([]byte, error)
	}{
		{"send_subsidy_phone", func() ([]byte, error) {
			// A 国补 phone with its SN and IMEIs, and two phone cases in a second box.
			return wxapi.EncodeDeliverySendWith("3725024106655443322", []order.Parcel{
				{Carrier: "SF", TrackingNumber: "SF1432198770021", Items: []order.Item{{ProductID: "10001201", SKUID: "1000120103", Quantity: 1}}},
				{Carrier: "SF", TrackingNumber: "SF1432198770038", Items: []order.Item{{ProductID: "10001207", SKUID: "1000120702", Quantity: 2}}},
			}, wxapi.SendOptions{Extras: []wxapi.ParcelExtras{
				{SN: wxapi.SNInfo{Code: "F2LZK7QNP0D9", IMEI1: "356789104523198", IMEI2: "356789104523206"}},
			}})
		}},
		{"send_virtual_course", func() ([]byte, error) {
			return wxapi.EncodeShipmentWith(virtual.Order, []order.Parcel{
				{Items: []order.Item{{ProductID: "10000903", SKUID: "1000090301", Quantity: 1}}},
			}, wxapi.SendOptions{Extras: []wxapi.ParcelExtras{{Course: wxapi.CourseInfo{
				Start: time.Date(2024, 7, 1, 0, 0, 0, 0, cst),
				End:   time.Date(2025, 6, 30, 23, 59, 59, 0, cst),
				Path:  wxapi.CoursePath{Type: 1, AppID: "wx8f3c2a1b9d7e6054", Page: "pages/course/detail?course_id=88021&from=shop"},
			}}}})
		}},
		{"deliveryinfo_replace", func() ([]byte, error) {
			return wxapi.EncodeDeliveryInfoUpdate("3725020335455738368", []order.Parcel{{Carrier: "YTO", TrackingNumber: "YT7512309876601",
				Items: []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 2}, {ProductID: "10000345", SKUID: "1000034502", Quantity: 1}}}})
		}},
		{"deliveryinfo_change", func() ([]byte, error) {
			// The second box of the split shipment went by YTO, not ZTO.
			items := []order.Item{{ProductID: "10000778", SKUID: "1000077802", Quantity: 1}}
			return wxapi.EncodeDeliveryInfoChange("3725021154689773056", []wxapi.ParcelChange{{
				Old: order.Parcel{Carrier: "ZTO", TrackingNumber: "78291034567123", Items: items},
				New: order.Parcel{Carrier: "YTO", TrackingNumber: "YT7512309876550", Items: items},
			}})
		}},
		{"acceptapply", func() ([]byte, error) {
			return wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: "2000000490112233", AddressID: "101005", Action: aftersale.ActionAccept})
		}},
		{"rejectapply", func() ([]byte, error) {
			return wxapi.EncodeRejectApply(wxapi.RejectApply{AfterSaleID: "2000000490556677",
				Reason: "买家寄回商品影响二次销售：吊牌已剪，衣领有明显污渍。\n已上传开箱视频截图。", ReasonType: 20})
		}},
		{"uploadrefundcertificate", func() ([]byte, error) {
			return wxapi.EncodeUploadRefundCertificate(wxapi.RefundCertificate{AfterSaleID: "2000000489876543",
				MediaIDs:    []string{"MTQ4NjYxMDk4OV9yZWZ1bmRfcHJvb2ZfMDE", "MTQ4NjYxMDk4OV9yZWZ1bmRfcHJvb2ZfMDI"},
				Description: "平台退款失败，已于6月5日通过银行转账退款89.00元，附转账回单"})
		}},
		{"merchantupdateaftersale", func() ([]byte, error) {
			return wxapi.EncodeMerchantUpdateAfterSale(wxapi.Negotiation{AfterSaleID: "2000000489876543",
				Kind: aftersale.KindRefund, Amount: decimal.RequireFromString("45.50"),
				Description: "与买家电话沟通一致：仅退差价45.50元，商品无需寄回", ReasonType: 10,
				Type: wxapi.NegotiationModifyRequest, MediaIDs: []string{"MTQ4NjYxMDk4OV9jaGF0X3NjcmVlbnNob3Q"}})
		}},
		{"acceptexchangereship", func() ([]byte, error) {
			return wxapi.EncodeAcceptExchangeReship(wxapi.ExchangeReship{AfterSaleID: "2000000490112233",
				Waybill: aftersale.Waybill{Carrier: "SF", TrackingNumber: "SF1432198799001"}})
		}},
		{"rejectexchangereship", func() ([]byte, error) {
			return wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{AfterSaleID: "2000000490112233",
				Reason: "换货尺码L已断货，已与买家协商改为退货退款", ReasonType: 26,
				Certificates: []string{"MTQ4NjYxMDk4OV9zdG9ja19zY3JlZW4"}})
		}},
		{"stock_update", func() ([]byte, error) {
			return wxapi.EncodeStockUpdate("10000211", "1000021104", catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 50})
		}},
		{"listing", func() ([]byte, error) { return wxapi.EncodeListing("10000211") }},
		{"delisting", func() ([]byte, error) { return wxapi.EncodeDelisting("10000345") }},
		{"auditfree_terms", func() ([]byte, error) {
			return wxapi.EncodeAuditFree("10000211", catalog.NoReviewUpdate{
				SPUCode: "TEE-CC-2024",
				Limit:   &catalog.PurchaseLimit{Period: catalog.LimitWeekly, Units: 3},
				SKUs: []catalog.NoReviewSKU{
					{ID: "1000021103", Code: "TEE-CC-WH-M", Delivery: &catalog.DeliveryTerms{Stock: catalog.StockPresale,
						Ship: catalog.ShipAfterPresale, Days: 3,
						PresaleBegin: time.Date(2024, 11, 1, 0, 0, 0, 0, cst), PresaleEnd: time.Date(2024, 11, 11, 0, 0, 0, 0, cst)}},
					{ID: "1000021104", Delivery: &catalog.DeliveryTerms{Stock: catalog.StockSpot}},
					{ID: "1000021106", Delivery: &catalog.DeliveryTerms{Stock: catalog.StockPresale, Ship: catalog.ShipAfterPayment, Days: 7}},
				},
			})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			t.Parallel()
			body, err := tt.encode()
			require.NoError(t, err)
			golden(t, "commands/"+tt.golden+".golden", reindent(t, body))
		})
	}
}
