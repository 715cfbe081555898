package wxapi_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

func BenchmarkEncodeDeliverySendWith(b *testing.B) {
	parcels := phoneParcels()
	opts := wxapi.SendOptions{Extras: []wxapi.ParcelExtras{{SN: phoneSN}, {Course: course}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wxapi.EncodeDeliverySendWith("3725024106655443322", parcels, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeDeliveryInfoChange(b *testing.B) {
	items := []order.Item{{ProductID: "10000778", SKUID: "1000077802", Quantity: 1}}
	changes := []wxapi.ParcelChange{{Old: order.Parcel{Carrier: "ZTO", TrackingNumber: "78291034567123", Items: items},
		New: order.Parcel{Carrier: "YTO", TrackingNumber: "YT7512309876550", Items: items}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wxapi.EncodeDeliveryInfoChange("3725021154689773056", changes); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeMerchantUpdateAfterSale(b *testing.B) {
	n := wxapi.Negotiation{AfterSaleID: "2000000489876543", Kind: aftersale.KindRefund, Amount: decimal.RequireFromString("45.50"),
		Description: "与买家电话沟通一致：仅退差价45.50元，商品无需寄回", ReasonType: 10, Type: wxapi.NegotiationModifyRequest,
		MediaIDs: []string{"MTQ4NjYxMDk4OV9jaGF0X3NjcmVlbnNob3Q"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wxapi.EncodeMerchantUpdateAfterSale(n); err != nil {
			b.Fatal(err)
		}
	}
}
