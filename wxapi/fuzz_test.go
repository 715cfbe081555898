package wxapi_test

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// addSeeds adds every testdata/dir/*.json file to the corpus, plus a few hostile shapes.
func addSeeds(f *testing.F, dir string) {
	paths, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
	require.NoError(f, err)
	require.NotEmpty(f, paths)
	for _, p := range paths {
		f.Add(readTestdata(f, filepath.Join(dir, filepath.Base(p))))
	}
	for _, s := range []string{``, `null`, `{}`, `[]`, `{"errcode":1}`, `{"order":null}`, `"x"`, `{"order":{"order_id":1e400}}`} {
		f.Add([]byte(s))
	}
}

// checkOrder asserts what a decoded order promises: its invariants hold (it restores from its
// own snapshot and from its JSON), its counters are in range, and it states no refunded money
// (order/get carries none).
func checkOrder(t *testing.T, o *order.Order) {
	t.Helper()
	require.NotNil(t, o)
	back, err := order.Restore(o.State())
	require.NoError(t, err, "a decoded order restores from its own state")
	require.Equal(t, o.Status(), back.Status())
	requireJSONRoundTrip(t, o, new(order.Order))
	require.False(t, o.Total().IsNegative())
	for _, l := range o.Lines() {
		require.True(t, l.Shipped() >= 0 && l.Shipped() <= l.Quantity())
		require.True(t, l.OnAfterSale()+l.Refunded()+l.AfterSaleDone() <= l.Quantity())
		require.LessOrEqual(t, l.AfterSaleDone(), l.Shipped(), "only shipped goods are exchanged or re-sent")
		require.True(t, l.RefundedAmount().IsZero())
		require.Equal(t, l.Shipped(), o.Shipped(l.SKUID()))
	}
}

// checkCase asserts what a decoded case promises: it restores from its own snapshot and from
// its JSON, to the same case.
func checkCase(t *testing.T, c *aftersale.Case) {
	t.Helper()
	require.NotNil(t, c)
	_, err := aftersale.Restore(c.State())
	require.NoError(t, err, "a decoded case restores from its own state")
	requireJSONRoundTrip(t, c, new(aftersale.Case))
}

// requireJSONRoundTrip marshals v, decodes the JSON into back (an aggregate, which restores
// with every check of its own), and requires back to marshal to the same JSON.
func requireJSONRoundTrip(t *testing.T, v, back any) {
	t.Helper()
	j, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(j, back), "restores from its own JSON")
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.JSONEq(t, string(j), string(again))
}

func FuzzDecodeOrder(f *testing.F) {
	addSeeds(f, "order")
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := wxapi.DecodeOrder(body, wxapi.OrderOptions{})
		if err != nil {
			require.Nil(t, res.Order)
			require.NotEmpty(t, err.Error())
			return
		}
		checkOrder(t, res.Order)
		// OrderResult.Virtual is gone (Order.Virtual says it): a parcel without logistics is
		// only ever on a virtual-goods order.
		for _, p := range res.Order.Parcels() {
			if p.NoLogistics() {
				require.True(t, res.Order.Virtual(), "a parcel without logistics on an order of physical goods")
			}
		}
		if res.AfterSales.Unfinished > 0 {
			require.True(t, res.AfterSales.BlocksShipping())
		}
		// The details are index-aligned with the order, and round-trip through JSON.
		require.Len(t, res.Details.Lines, res.Order.NumLines())
		require.Len(t, res.Details.Parcels, len(res.Order.Parcels()))
		b, err := json.Marshal(res.Details)
		require.NoError(t, err)
		var back wxapi.OrderDetails
		require.NoError(t, json.Unmarshal(b, &back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(b), string(again))
	})
}

func FuzzDecodeAfterSale(f *testing.F) {
	addSeeds(f, "aftersale")
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := wxapi.DecodeAfterSale(body)
		if err != nil {
			require.Nil(t, res.Case)
			return
		}
		checkCase(t, res.Case)
		require.False(t, res.RefundAmount.IsNegative())
	})
}

func FuzzDecodeProduct(f *testing.F) {
	addSeeds(f, "product")
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := wxapi.DecodeProduct(body)
		if err != nil {
			require.Nil(t, res.Online)
			require.Nil(t, res.Draft)
			return
		}
		require.True(t, res.Online != nil || res.Draft != nil)
		for _, p := range []*wxapi.Product{res.Online, res.Draft} {
			if p == nil {
				continue
			}
			require.True(t, p.Status.IsValid())
			require.True(t, p.EditStatus.IsValid())
			for _, s := range p.Params.SKUs {
				require.False(t, s.Price.IsNegative())
				require.GreaterOrEqual(t, s.Stock, 0)
			}
		}
	})
}

func FuzzDecodeEvent(f *testing.F) {
	addSeeds(f, "event")
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := wxapi.DecodeEvent(body)
		if err != nil {
			require.Nil(t, ev)
			return
		}
		require.True(t, ev.Kind().IsValid())
		require.NotEmpty(t, ev.Subject().ID)
		require.False(t, ev.Time().IsZero())
		// A decoded event marshals, and what it is about says where to learn the rest.
		_, err = json.Marshal(ev)
		require.NoError(t, err)
		if f, ok := wxapi.FetchFor(ev); ok {
			require.NotEmpty(t, f.ID)
		}
	})
}

func FuzzDecodeResponse(f *testing.F) {
	for _, s := range []string{`{"errcode":0}`, `{"errcode":108009,"errmsg":"x"}`, `{"errcode":"1"}`, `{}`, `nope`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		err := wxapi.DecodeResponse("order/delivery/send", body)
		if err != nil {
			require.NotEmpty(t, err.Error())
		}
	})
}

// FuzzEncodeDeliverySend: any input is refused or encoded, what is encoded reads back as the
// parcel it came from and passes the order's carrier and tracking rules (a refusal for either
// names its field), and deliver_type follows the order: EncodeShipment sends a parcel without
// logistics as 3 on a virtual-goods order only, and agrees with EncodeDeliverySend on the rest.
func FuzzEncodeDeliverySend(f *testing.F) {
	orders := map[bool]*order.Order{}
	for virtual, name := range map[bool]string{true: "virtual_partially_shipped", false: "partially_shipped"} {
		res, err := wxapi.DecodeOrder(readTestdata(f, "order/"+name+".json"), wxapi.OrderOptions{})
		require.NoError(f, err)
		orders[virtual] = res.Order
	}
	f.Add("3725021154689773056", "SF", "SF1432198765012", "10000777", "1000077701", 2, false)
	f.Add("", "", "", "", "", 0, false)
	f.Add("1", "", "", "2", "3", -1, true)
	f.Add("1", "", "", "10000903", "1000090301", 1, true)
	f.Add("3725021154689773056", "SF", "SF1432198765012\u200b", "10000777", "1000077701", 2, false)
	f.Add("3725021154689773056", "顺丰", "SF1432198765012", "10000777", "1000077701", 2, false)
	f.Fuzz(func(t *testing.T, orderID, carrier, tracking, productID, skuID string, qty int, virtual bool) {
		parcel := order.Parcel{Carrier: carrier, TrackingNumber: tracking,
			Items: []order.Item{{ProductID: productID, SKUID: skuID, Quantity: qty}}}
		if body, err := wxapi.EncodeDeliverySend(orderID, []order.Parcel{parcel}); err == nil {
			require.Equal(t, 1, readBackParcel(t, body, orderID, parcel), "an order ID alone ships by express")
			// What is sent passes the order's own logistics rules.
			require.True(t, order.CarrierCodeValid(carrier), "sent carrier %q", carrier)
			require.Zero(t, order.TrackingProblemOf(tracking), "sent tracking number %q", tracking)
		} else {
			require.Nil(t, body)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			if errors.Is(err, order.RuleTrackingInvalid) {
				require.NotZero(t, order.TrackingProblemOf(tracking), "refused tracking number %q", tracking)
				require.Equal(t, "delivery_list[0].waybill_id", fe.Field)
			}
			if errors.Is(err, order.RuleCarrierUnknown) {
				require.False(t, order.CarrierCodeValid(carrier), "refused carrier %q", carrier)
				require.Equal(t, "delivery_list[0].delivery_id", fe.Field)
			}
		}

		o := orders[virtual]
		body, err := wxapi.EncodeShipment(o, []order.Parcel{parcel})
		byID, errByID := wxapi.EncodeDeliverySend(o.ID(), []order.Parcel{parcel})
		if carrier != "" || tracking != "" {
			require.Equal(t, string(byID), string(body))
			require.Equal(t, errByID == nil, err == nil)
			return
		}
		require.Error(t, errByID)
		if err != nil {
			require.Nil(t, body)
			return
		}
		require.True(t, virtual, "no logistics on an order of physical goods")
		require.Equal(t, 3, readBackParcel(t, body, o.ID(), parcel))
	})
}

// readBackParcel decodes a delivery/send body of one parcel, checks it carries parcel of order
// orderID, and returns its deliver_type.
func readBackParcel(t *testing.T, body []byte, orderID string, parcel order.Parcel) int {
	t.Helper()
	var back struct {
		OrderID      string `json:"order_id"`
		DeliveryList []struct {
			DeliveryID   string `json:"delivery_id"`
			WaybillID    string `json:"waybill_id"`
			DeliverType  int    `json:"deliver_type"`
			ProductInfos []struct {
				ProductID  string `json:"product_id"`
				SKUID      string `json:"sku_id"`
				ProductCnt int    `json:"product_cnt"`
			} `json:"product_infos"`
		} `json:"delivery_list"`
	}
	require.NoError(t, json.Unmarshal(body, &back))
	require.Equal(t, orderID, back.OrderID)
	require.Len(t, back.DeliveryList, 1)
	pkg := back.DeliveryList[0]
	require.Equal(t, parcel.Carrier, pkg.DeliveryID)
	require.Equal(t, parcel.TrackingNumber, pkg.WaybillID)
	require.Len(t, pkg.ProductInfos, 1)
	require.Equal(t, order.Item{ProductID: pkg.ProductInfos[0].ProductID, SKUID: pkg.ProductInfos[0].SKUID,
		Quantity: pkg.ProductInfos[0].ProductCnt}, parcel.Items[0])
	return pkg.DeliverType
}

// FuzzApplyPush: any decodable push applied to a stored order and case never panics; a refusal
// leaves both as they were, and whatever is applied leaves an order that restores from its own
// state and answers the same push again without change.
func FuzzApplyPush(f *testing.F) {
	addSeeds(f, "event")
	base := decodedOrder(f, "paid_two_lines").State()
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := wxapi.DecodeEvent(body)
		if err != nil {
			return
		}
		s := base
		s.ID = ev.Subject().OrderID
		o, err := order.Restore(s)
		if err != nil {
			return // not an order's push, or an id the order refuses
		}
		before := o.State()
		out, err := wxapi.ApplyToOrder(o, ev)
		if err != nil || out.Effect != wxapi.Applied {
			require.Equal(t, before, o.State())
			return
		}
		back, err := order.Restore(o.State())
		require.NoError(t, err)
		again, err := wxapi.ApplyToOrder(back, ev)
		require.NoError(t, err)
		require.NotEqual(t, wxapi.Applied, again.Effect, "a push applied twice")
	})
}
