package wxapi_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// requireRefusal asserts a refused command: no body, and a *FieldError naming a field.
func requireRefusal(t *testing.T, body []byte, err error) {
	t.Helper()
	require.Nil(t, body)
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	require.NotEmpty(t, fe.Field)
	require.NotEmpty(t, fe.Payload)
}

// unixOrZero is t in Unix seconds, or 0 for the zero time.
func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// FuzzEncodeSendExtras: a parcel's SN and course never panic the encoder; what is accepted
// reads back as the values given.
func FuzzEncodeSendExtras(f *testing.F) {
	f.Add("F2LZK7QNP0D9", "356789104523198", "", int64(1719763200), int64(1751299199), 1, "wx8f3c2a1b9d7e6054", "pages/course/detail?id=1&x=<y>")
	f.Add("", "356789104523198", "", int64(0), int64(0), 0, "", "")
	f.Add("F2LZ\u200bK7", "", "", int64(-1), int64(1), -1, "wx", "pages/ a")
	f.Add("S", "I", "J", int64(253402300799), int64(253402300800), 1<<31, "\x7f", "\xff")
	f.Fuzz(func(t *testing.T, sn, imei1, imei2 string, start, end int64, pathType int, appID, page string) {
		x := wxapi.ParcelExtras{SN: wxapi.SNInfo{Code: sn, IMEI1: imei1, IMEI2: imei2},
			Course: wxapi.CourseInfo{Path: wxapi.CoursePath{Type: pathType, AppID: appID, Page: page}}}
		if start != 0 {
			x.Course.Start = time.Unix(start, 0)
		}
		if end != 0 {
			x.Course.End = time.Unix(end, 0)
		}
		body, err := wxapi.EncodeDeliverySendWith("3725024106655443322", phoneParcels(), wxapi.SendOptions{Extras: []wxapi.ParcelExtras{x}})
		if err != nil {
			requireRefusal(t, body, err)
			return
		}
		var back struct {
			DeliveryList []struct {
				SNInfo *struct {
					SNCode string `json:"sn_code"`
					IMEI1  string `json:"imei1"`
					IMEI2  string `json:"imei2"`
				} `json:"sn_info"`
				CourseInfo *struct {
					StartTime  int64 `json:"start_time"`
					EndTime    int64 `json:"end_time"`
					CoursePath *struct {
						Type     int    `json:"type"`
						WxaAppID string `json:"wxa_appid"`
						WxaPath  string `json:"wxa_path"`
					} `json:"course_path"`
				} `json:"course_info"`
			} `json:"delivery_list"`
		}
		require.NoError(t, json.Unmarshal(body, &back))
		require.Len(t, back.DeliveryList, 2)
		got, rest := back.DeliveryList[0], back.DeliveryList[1]
		require.Nil(t, rest.SNInfo, "the parcel without extras carries none")
		require.Nil(t, rest.CourseInfo)
		if x.SN.IsZero() {
			require.Nil(t, got.SNInfo)
		} else {
			require.NotNil(t, got.SNInfo)
			require.Equal(t, x.SN, wxapi.SNInfo{Code: got.SNInfo.SNCode, IMEI1: got.SNInfo.IMEI1, IMEI2: got.SNInfo.IMEI2})
		}
		if x.Course.IsZero() {
			require.Nil(t, got.CourseInfo)
			return
		}
		require.NotNil(t, got.CourseInfo)
		require.Equal(t, unixOrZero(x.Course.Start), got.CourseInfo.StartTime)
		require.Equal(t, unixOrZero(x.Course.End), got.CourseInfo.EndTime)
		if got.CourseInfo.StartTime != 0 && got.CourseInfo.EndTime != 0 {
			require.Less(t, got.CourseInfo.StartTime, got.CourseInfo.EndTime)
		}
		if x.Course.Path == (wxapi.CoursePath{}) {
			require.Nil(t, got.CourseInfo.CoursePath)
			return
		}
		require.NotNil(t, got.CourseInfo.CoursePath)
		require.Equal(t, x.Course.Path, wxapi.CoursePath{Type: got.CourseInfo.CoursePath.Type,
			AppID: got.CourseInfo.CoursePath.WxaAppID, Page: got.CourseInfo.CoursePath.WxaPath})
	})
}

// FuzzEncodeDeliveryInfo: corrections of a parcel never panic; what is accepted reads back
// as the parcels given, and passes the order's carrier and tracking rules.
func FuzzEncodeDeliveryInfo(f *testing.F) {
	f.Add("3725021154689773056", "ZTO", "78291034567123", "YTO", "YT7512309876550", "10000778", "1000077802", 1)
	f.Add("", "", "", "", "", "", "", 0)
	f.Add("1", "SF", "SF1", "SF", "SF1", "1", "2", 1)
	f.Add("1", "顺丰", "SF 1", "S\nF", "SF1\u200b", "01", "2", -1)
	f.Fuzz(func(t *testing.T, orderID, oldCarrier, oldTracking, newCarrier, newTracking, productID, skuID string, qty int) {
		items := []order.Item{{ProductID: productID, SKUID: skuID, Quantity: qty}}
		change := wxapi.ParcelChange{Old: order.Parcel{Carrier: oldCarrier, TrackingNumber: oldTracking, Items: items},
			New: order.Parcel{Carrier: newCarrier, TrackingNumber: newTracking, Items: items}}
		body, err := wxapi.EncodeDeliveryInfoChange(orderID, []wxapi.ParcelChange{change})
		if err != nil {
			requireRefusal(t, body, err)
		} else {
			var back struct {
				OrderID     string `json:"order_id"`
				ChangeInfos []struct {
					Old, New struct {
						DeliveryID   string       `json:"delivery_id"`
						WaybillID    string       `json:"waybill_id"`
						ProductInfos []order.Item `json:"product_infos"`
					}
				} `json:"change_infos"`
			}
			require.NoError(t, json.Unmarshal(body, &back))
			require.Equal(t, orderID, back.OrderID)
			require.Len(t, back.ChangeInfos, 1)
			for _, p := range []order.Parcel{change.Old, change.New} {
				require.True(t, order.CarrierCodeValid(p.Carrier))
				require.Zero(t, order.TrackingProblemOf(p.TrackingNumber))
			}
			c := back.ChangeInfos[0]
			require.Equal(t, [4]string{oldCarrier, oldTracking, newCarrier, newTracking},
				[4]string{c.Old.DeliveryID, c.Old.WaybillID, c.New.DeliveryID, c.New.WaybillID})
			require.Len(t, c.New.ProductInfos, 1)
		}
		// The whole-order form accepts the new parcel exactly when delivery/send would.
		replace, errReplace := wxapi.EncodeDeliveryInfoUpdate(orderID, []order.Parcel{change.New})
		send, errSend := wxapi.EncodeDeliverySend(orderID, []order.Parcel{change.New})
		require.Equal(t, errSend == nil, errReplace == nil, "%v / %v", errSend, errReplace)
		if errReplace == nil {
			require.JSONEq(t, string(send), string(replace))
		}
	})
}

// FuzzEncodeAfterSaleActions: every after-sale command takes outside text (reasons, media
// IDs, waybills, amounts); none panics, and what is accepted reads back as given.
func FuzzEncodeAfterSaleActions(f *testing.F) {
	f.Add("2000000490112233", "买家寄回商品影响二次销售\n附图", "MTQ4NjYx", 20, "45.50", uint8(1), uint8(3), "SF", "SF1432198799001")
	f.Add("", "", "", 0, "", uint8(0), uint8(0), "", "")
	f.Add("1", "\x00", "a b", -1, "-1", uint8(3), uint8(9), "顺丰", "SF 1")
	f.Add("18446744073709551615", "\r", "\xff", 1<<40, "1e3", uint8(2), uint8(1), "OTHER", "1\u200b")
	f.Fuzz(func(t *testing.T, id, reason, media string, code int, amount string, kind, typ uint8, carrier, tracking string) {
		check := func(body []byte, err error, want any, got any) {
			t.Helper()
			if err != nil {
				requireRefusal(t, body, err)
				return
			}
			require.NoError(t, json.Unmarshal(body, got))
			require.Equal(t, want, got)
		}
		type rejectBody struct {
			ID     string   `json:"after_sale_order_id"`
			Reason string   `json:"reject_reason"`
			Type   int      `json:"reject_reason_type"`
			Certs  []string `json:"reject_certificates"`
		}
		body, err := wxapi.EncodeRejectApply(wxapi.RejectApply{AfterSaleID: id, Reason: reason, ReasonType: code})
		check(body, err, &rejectBody{ID: id, Reason: reason, Type: code}, &rejectBody{})

		var certs []string
		if media != "" {
			certs = []string{media}
		}
		body, err = wxapi.EncodeRejectExchangeReship(wxapi.RejectExchangeReship{AfterSaleID: id, Reason: reason, ReasonType: code, Certificates: certs})
		check(body, err, &rejectBody{ID: id, Reason: reason, Type: code, Certs: certs}, &rejectBody{})

		type certBody struct {
			ID    string   `json:"after_sale_order_id"`
			Certs []string `json:"refund_certificates"`
			Desc  string   `json:"desc"`
		}
		body, err = wxapi.EncodeUploadRefundCertificate(wxapi.RefundCertificate{AfterSaleID: id, MediaIDs: []string{media}, Description: reason})
		check(body, err, &certBody{ID: id, Certs: []string{media}, Desc: reason}, &certBody{})

		type acceptBody struct {
			ID      string `json:"after_sale_order_id"`
			Address string `json:"address_id"`
			Type    int    `json:"accept_type"`
		}
		body, err = wxapi.EncodeAcceptApply(wxapi.AcceptApply{AfterSaleID: id, AddressID: media, Action: aftersale.Action(typ)})
		if err == nil {
			require.Contains(t, []aftersale.Action{0, aftersale.ActionAccept, aftersale.ActionRefund}, aftersale.Action(typ))
		}
		want := map[uint8]int{uint8(aftersale.ActionAccept): 1, uint8(aftersale.ActionRefund): 2}[typ]
		check(body, err, &acceptBody{ID: id, Address: media, Type: want}, &acceptBody{})

		type reshipBody struct {
			ID       string `json:"after_sale_order_id"`
			Waybill  string `json:"waybill_id"`
			Delivery string `json:"delivery_id"`
		}
		body, err = wxapi.EncodeAcceptExchangeReship(wxapi.ExchangeReship{AfterSaleID: id, Waybill: aftersale.Waybill{Carrier: carrier, TrackingNumber: tracking}})
		if err == nil {
			require.True(t, order.CarrierCodeValid(carrier))
			require.Zero(t, order.TrackingProblemOf(tracking))
		}
		check(body, err, &reshipBody{ID: id, Waybill: tracking, Delivery: carrier}, &reshipBody{})

		yuan, perr := decimal.NewFromString(amount)
		if perr != nil || len(amount) > money.MaxText {
			return
		}
		type negotiationBody struct {
			ID     string   `json:"after_sale_order_id"`
			Kind   int      `json:"type"`
			Amount int64    `json:"amount"`
			Desc   string   `json:"merchant_update_desc"`
			Reason int      `json:"update_reason_type"`
			Type   int      `json:"merchant_update_type"`
			Media  []string `json:"media_ids"`
		}
		n := wxapi.Negotiation{AfterSaleID: id, Kind: aftersale.Kind(kind), Amount: yuan, Description: reason, ReasonType: code,
			Type: wxapi.NegotiationType(typ), MediaIDs: certs}
		body, err = wxapi.EncodeMerchantUpdateAfterSale(n)
		fen, ferr := money.ToFen("amount", yuan)
		if err == nil {
			require.NoError(t, ferr, "an amount money refuses is never sent")
			require.Contains(t, []aftersale.Kind{aftersale.KindRefund, aftersale.KindReturn}, n.Kind)
		}
		check(body, err, &negotiationBody{ID: id, Kind: int(kind), Amount: fen, Desc: reason, Reason: code, Type: int(typ), Media: certs}, &negotiationBody{})
	})
}

// FuzzEncodeProductCommands: product IDs and stock numbers from outside never panic the
// product commands; what is accepted reads back as given.
func FuzzEncodeProductCommands(f *testing.F) {
	f.Add("10000211", "1000021104", uint8(1), 50)
	f.Add("", "", uint8(0), 0)
	f.Add("0", "01", uint8(3), -1)
	f.Add("18446744073709551615", "18446744073709551616", uint8(2), catalog.MaxStock+1)
	f.Fuzz(func(t *testing.T, productID, skuID string, diff uint8, num int) {
		a := catalog.StockAdjustment{Diff: catalog.DiffType(diff), Num: num}
		body, err := wxapi.EncodeStockUpdate(productID, skuID, a)
		if err != nil {
			requireRefusal(t, body, err)
		} else {
			var back struct {
				ProductID string `json:"product_id"`
				SKUID     string `json:"sku_id"`
				DiffType  int    `json:"diff_type"`
				Num       int    `json:"num"`
			}
			require.NoError(t, json.Unmarshal(body, &back))
			require.Equal(t, [2]string{productID, skuID}, [2]string{back.ProductID, back.SKUID})
			require.Equal(t, a, catalog.StockAdjustment{Diff: catalog.DiffType(back.DiffType), Num: back.Num})
			require.True(t, a.Diff.IsValid())
			require.GreaterOrEqual(t, a.Num, 0)
		}
		for _, encode := range []func(string) ([]byte, error){wxapi.EncodeListing, wxapi.EncodeDelisting} {
			body, err := encode(productID)
			if err != nil {
				requireRefusal(t, body, err)
				continue
			}
			var back struct {
				ProductID string `json:"product_id"`
			}
			require.NoError(t, json.Unmarshal(body, &back))
			require.Equal(t, productID, back.ProductID)
		}
	})
}

// FuzzEncodeAuditFreeTerms: codes, purchase limits and presale terms from outside never
// panic the auditfree encoder; what it accepts the catalog's own rules accept, and it reads
// back as given.
func FuzzEncodeAuditFreeTerms(f *testing.F) {
	f.Add("TEE-CC-2024", "TEE-CC-WH-M", uint8(2), 3, uint8(1), uint8(1), int64(1730390400), int64(1731254400), 3)
	f.Add("", "", uint8(0), 0, uint8(0), uint8(0), int64(0), int64(0), 0)
	f.Add("\n", "\xff", uint8(5), -1, uint8(2), uint8(2), int64(-1), int64(1), 16)
	f.Add("码", "A", uint8(0), 1, uint8(1), uint8(0), int64(1730390400), int64(0), 7)
	f.Fuzz(func(t *testing.T, spu, sku string, period uint8, units int, stock, ship uint8, begin, end int64, days int) {
		terms := catalog.DeliveryTerms{Stock: catalog.StockType(stock), Ship: catalog.PresaleShipping(ship), Days: days}
		if begin != 0 {
			terms.PresaleBegin = time.Unix(begin, 0)
		}
		if end != 0 {
			terms.PresaleEnd = time.Unix(end, 0)
		}
		limit := catalog.PurchaseLimit{Period: catalog.LimitPeriod(period), Units: units}
		u := catalog.NoReviewUpdate{SPUCode: spu, Limit: &limit, SKUs: []catalog.NoReviewSKU{{ID: "1000021103", Code: sku, Delivery: &terms}}}
		body, err := wxapi.EncodeAuditFree("10000211", u)
		if err != nil {
			requireRefusal(t, body, err)
			return
		}
		require.NoError(t, terms.Validate())
		require.NoError(t, limit.Validate())
		require.True(t, catalog.CodeValid(spu))
		require.True(t, catalog.CodeValid(sku))
		var back struct {
			SPUCode string `json:"spu_code"`
			SKUs    []struct {
				SKUCode string `json:"sku_code"`
				Deliver struct {
					StockType int   `json:"stock_type"`
					Ship      *int  `json:"full_payment_presale_delivery_type"`
					Begin     int64 `json:"presale_begin_time"`
					End       int64 `json:"presale_end_time"`
					Days      int   `json:"full_payment_presale_delivery_time"`
				} `json:"sku_deliver_info"`
			} `json:"skus"`
			Limited struct {
				PeriodType    int `json:"period_type"`
				LimitedBuyNum int `json:"limited_buy_num"`
			} `json:"limited_info"`
		}
		require.NoError(t, json.Unmarshal(body, &back))
		require.Equal(t, spu, back.SPUCode)
		require.Len(t, back.SKUs, 1)
		s := back.SKUs[0]
		require.Equal(t, sku, s.SKUCode)
		require.Equal(t, limit, catalog.PurchaseLimit{Period: catalog.LimitPeriod(back.Limited.PeriodType), Units: back.Limited.LimitedBuyNum})
		got := catalog.DeliveryTerms{Stock: catalog.StockType(s.Deliver.StockType), Days: s.Deliver.Days}
		if s.Deliver.Ship != nil {
			got.Ship = catalog.PresaleShipping(*s.Deliver.Ship)
		}
		if s.Deliver.Begin != 0 {
			got.PresaleBegin = time.Unix(s.Deliver.Begin, 0)
		}
		if s.Deliver.End != 0 {
			got.PresaleEnd = time.Unix(s.Deliver.End, 0)
		}
		require.Equal(t, terms, got)
	})
}
