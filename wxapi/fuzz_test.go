package wxapi_test

import (
	"encoding/json"
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
// own snapshot) and its counters are in range.
func checkOrder(t *testing.T, o *order.Order) {
	require.NotNil(t, o)
	back, err := order.Restore(o.Snapshot())
	require.NoError(t, err, "a decoded order restores from its own snapshot")
	require.Equal(t, o.Status(), back.Status())
	require.False(t, o.Paid().IsNegative())
	for _, l := range o.Lines() {
		require.True(t, l.Shipped >= 0 && l.Shipped <= l.Quantity)
		require.True(t, l.OnAfterSale+l.Refunded <= l.Quantity)
		require.Equal(t, l.Shipped, o.Shipped(l.SKUID()))
	}
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
		if res.AfterSales.Unfinished > 0 {
			require.True(t, res.AfterSales.BlocksShipping())
		}
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
		_, err = aftersale.Restore(res.Case.Snapshot())
		require.NoError(t, err, "a decoded case restores from its own snapshot")
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
		// A decoded event can always be judged, and a fresh Dedupe applies it exactly once.
		var d wxapi.Dedupe
		require.Equal(t, wxapi.Apply, d.Check(ev))
		require.NoError(t, d.Record(ev))
		require.Equal(t, wxapi.Duplicate, d.Check(ev))
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

// FuzzEncodeDeliverySend: any input is refused or encoded, and what is encoded reads back as
// the parcel it came from.
func FuzzEncodeDeliverySend(f *testing.F) {
	f.Add("3725021154689773056", "SF", "SF1432198765012", "10000777", "1000077701", 2)
	f.Add("", "", "", "", "", 0)
	f.Add("1", "", "", "2", "3", -1)
	f.Fuzz(func(t *testing.T, orderID, carrier, tracking, productID, skuID string, qty int) {
		parcel := order.Parcel{Carrier: carrier, TrackingNumber: tracking,
			Items: []order.Item{{ProductID: productID, SKUID: skuID, Quantity: qty}}}
		body, err := wxapi.EncodeDeliverySend(orderID, []order.Parcel{parcel})
		if err != nil {
			require.Nil(t, body)
			return
		}
		var back struct {
			OrderID      string `json:"order_id"`
			DeliveryList []struct {
				DeliveryID   string `json:"delivery_id"`
				WaybillID    string `json:"waybill_id"`
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
		require.Equal(t, carrier, pkg.DeliveryID)
		require.Equal(t, tracking, pkg.WaybillID)
		require.Len(t, pkg.ProductInfos, 1)
		require.Equal(t, order.Item{ProductID: pkg.ProductInfos[0].ProductID, SKUID: pkg.ProductInfos[0].SKUID,
			Quantity: pkg.ProductInfos[0].ProductCnt}, parcel.Items[0])
	})
}
