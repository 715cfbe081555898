package wxapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/shop"
	"github.com/wxshop-go/wxshop/wxapi"
)

// pushPathSizes are the orders of BenchmarkPushPath: a small basket and a large one.
var pushPathSizes = []int{3, 20}

// pushWorld is one host's data for the push path: the catalog, the stored JSON of an unpaid
// order of n lines, its payment push, and the parcel that ships it whole.
type pushWorld struct {
	catalog *catalog.Catalog
	stored  []byte
	push    []byte
	parcel  order.Parcel
}

func newPushWorld(b testing.TB, n int) pushWorld {
	b.Helper()
	c := catalog.New()
	if err := c.AddCategory(catalog.CategoryParams{ID: "tea", Name: "茶叶"}); err != nil {
		b.Fatal(err)
	}
	var lines []order.LineParams
	var items []order.Item
	for i := range n {
		pid, sid := fmt.Sprint(10000100+i), fmt.Sprint(1000010000+i)
		if err := c.AddProduct(catalog.ProductParams{ID: pid, Title: fmt.Sprintf("商品 %d", i), CategoryID: "tea", Images: []string{"x.jpg"},
			SKUs: []catalog.SKUParams{{ID: sid, Price: decimal.New(int64(1990+100*i), -2), Stock: 100,
				Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}}}}}); err != nil {
			b.Fatal(err)
		}
		snap, err := c.Snapshot(pid, sid)
		if err != nil {
			b.Fatal(err)
		}
		q := 1 + i%3
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: snap.Price(), Paid: snap.Price().Mul(decimal.NewFromInt(int64(q)))})
		items = append(items, order.Item{ProductID: pid, SKUID: sid, Quantity: q})
	}
	created := time.Unix(1717200000, 0).UTC()
	o, err := order.New(order.NewParams{ID: "3725020335455738368", Seller: shop.WeChatShop, Buyer: "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs",
		Lines: lines, Freight: decimal.New(600, -2), CreatedAt: created})
	if err != nil {
		b.Fatal(err)
	}
	stored, err := json.Marshal(o)
	if err != nil {
		b.Fatal(err)
	}
	push := []byte(`{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs","CreateTime":1717200095,` +
		`"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3725020335455738368","pay_time":1717200093}}`)
	return pushWorld{catalog: c, stored: stored, push: push,
		parcel: order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: items}}
}

var benchCarriers = shipping.MustCarriers(shipping.Carrier{Code: "SF", Name: "顺丰速运"})

// BenchmarkPushPath is one payment push through a host, stage by stage and whole: decode the
// push, restore the order from its stored JSON, apply the push, run shipping.Check for the
// shipment that follows, write the order back; beside them, the floor (floorPush). The ratio of
// the two is BenchmarkPushPathRatio's.
func BenchmarkPushPath(b *testing.B) {
	for _, n := range pushPathSizes {
		w := newPushWorld(b, n)
		stage := func(name string, f func(b *testing.B)) {
			b.Run(fmt.Sprintf("lines=%d/%s", n, name), func(b *testing.B) {
				b.ReportAllocs()
				f(b)
			})
		}
		stage("decode", func(b *testing.B) {
			for b.Loop() {
				if _, err := wxapi.DecodeEvent(w.push); err != nil {
					b.Fatal(err)
				}
			}
		})
		stage("restore", func(b *testing.B) {
			for b.Loop() {
				if _, err := order.RestoreJSON(w.stored); err != nil {
					b.Fatal(err)
				}
			}
		})
		ev, _ := wxapi.DecodeEvent(w.push)
		unpaid := restored(b, w).State()
		stage("apply", func(b *testing.B) {
			for b.Loop() {
				// Each push needs the unpaid order afresh; Restore from its State makes one
				// in a fraction of RestoreJSON's time, which keeps this stage's untimed part
				// (and the benchmark's run) short.
				b.StopTimer()
				o, err := order.Restore(unpaid)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := wxapi.ApplyToOrder(o, ev); err != nil {
					b.Fatal(err)
				}
			}
		})
		paid := restored(b, w)
		if _, err := wxapi.ApplyToOrder(paid, ev); err != nil {
			b.Fatal(err)
		}
		req := shipping.Request{Order: paid, SKUs: w.catalog, Carriers: benchCarriers, At: pushAt, Parcels: []order.Parcel{w.parcel}, Complete: true}
		stage("check", func(b *testing.B) {
			for b.Loop() {
				if r := shipping.Check(req); !r.OK() {
					b.Fatal(r.Err())
				}
			}
		})
		stage("store", func(b *testing.B) {
			for b.Loop() {
				if _, err := paid.MarshalJSON(); err != nil {
					b.Fatal(err)
				}
			}
		})
		stage("whole", func(b *testing.B) { pushes(b, func() { wholePush(b, w, direct) }) })
		stage("whole-via-encoding-json", func(b *testing.B) { pushes(b, func() { wholePush(b, w, viaEncodingJSON) }) })
		// The floor runs beside the whole path, in every round of -count, so that the two are
		// measured under the same load.
		stage("floor", func(b *testing.B) { pushes(b, func() { floorPush(b, w) }) })
	}
}

// pushAt is the time of the shipment check that follows each push.
var pushAt = time.Unix(1717210000, 0)

// pushes makes one push an iteration and reports pushes/s.
func pushes(b *testing.B, push func()) {
	for b.Loop() {
		push()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pushes/s")
}

// storedCodec is how a host's path reads its stored order and writes it back.
type storedCodec struct {
	read  func([]byte) (*order.Order, error)
	write func(*order.Order) ([]byte, error)
}

var (
	// direct is how the package docs and the reference backend read and write a stored order.
	direct = storedCodec{order.RestoreJSON, (*order.Order).MarshalJSON}
	// viaEncodingJSON goes through json.Unmarshal and json.Marshal, which scan the stored order
	// twice more on the way in and compact it once more on the way out.
	viaEncodingJSON = storedCodec{
		read: func(data []byte) (*order.Order, error) {
			o := new(order.Order)
			return o, json.Unmarshal(data, o)
		},
		write: func(o *order.Order) ([]byte, error) { return json.Marshal(o) },
	}
)

// wholePush is the whole path for one push: decode it, read the stored order through c, apply
// the push, check the shipment that follows, and write the order back through c.
func wholePush(b *testing.B, w pushWorld, c storedCodec) {
	ev, err := wxapi.DecodeEvent(w.push)
	if err != nil {
		b.Fatal(err)
	}
	o, err := c.read(w.stored)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := wxapi.ApplyToOrder(o, ev); err != nil {
		b.Fatal(err)
	}
	r := shipping.Check(shipping.Request{Order: o, SKUs: w.catalog, Carriers: benchCarriers, At: pushAt,
		Parcels: []order.Parcel{w.parcel}, Complete: true})
	if !r.OK() {
		b.Fatal(r.Err())
	}
	if _, err := c.write(o); err != nil {
		b.Fatal(err)
	}
}

// floorPush is the push path's JSON done through plain mirror structs, with no checks and no
// domain: the push into a struct, the stored order into a struct, the payment's changes set by
// hand, and the order written back. It is BenchmarkPushPath's floor, and writes the bytes the
// path writes (TestPushPathFloorWritesWhatThePathWrites).
func floorPush(b *testing.B, w pushWorld) {
	var p mirrorPush
	if err := json.Unmarshal(w.push, &p); err != nil {
		b.Fatal(err)
	}
	var o mirrorStoredOrder
	if err := json.Unmarshal(w.stored, &o); err != nil {
		b.Fatal(err)
	}
	o.pay(p.OrderInfo.PayTime)
	if _, err := json.Marshal(&o); err != nil {
		b.Fatal(err)
	}
}

// pairRounds is how many pushes each side of a BenchmarkPushPathRatio round makes: enough
// for the clock, few enough that the machine's load barely changes within a round.
const pairRounds = 20

// BenchmarkPushPathRatio is the whole path against its floor, paired: each iteration is a round
// of pairRounds pushes through each, the order of the two alternating from round to round, and
// the metric whole/floor is the median of the rounds' ratios. On a shared machine the load
// drifts over seconds, which moves BenchmarkPushPath's separate stages apart; within a round of
// about a millisecond it moves both sides alike.
func BenchmarkPushPathRatio(b *testing.B) {
	for _, n := range pushPathSizes {
		w := newPushWorld(b, n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var ratios []float64
			side := func(push func()) time.Duration {
				start := time.Now()
				for range pairRounds {
					push()
				}
				return time.Since(start)
			}
			whole, floor := func() { wholePush(b, w, direct) }, func() { floorPush(b, w) }
			for b.Loop() {
				var tw, tf time.Duration
				if len(ratios)%2 == 0 {
					tw, tf = side(whole), side(floor)
				} else {
					tf, tw = side(floor), side(whole)
				}
				ratios = append(ratios, float64(tw)/float64(tf))
			}
			slices.Sort(ratios)
			b.ReportMetric(ratios[len(ratios)/2], "whole/floor")
		})
	}
}

// pay is what the payment push changes in the stored order, set by hand: the status, the
// times, and each line's ship-by deadline (the policy's in-stock delay, 48 hours), so that the
// floor writes the bytes the path writes (TestPushPathFloorWritesWhatThePathWrites).
func (o *mirrorStoredOrder) pay(unix int64) {
	at := time.Unix(unix, 0).UTC()
	o.Status, o.PaidAt, o.UpdatedAt = "pending_shipment", at, at
	for i := range o.Lines {
		o.Lines[i].ShipBy = at.Add(48 * time.Hour)
	}
}

func restored(b *testing.B, w pushWorld) *order.Order {
	b.Helper()
	var o order.Order
	if err := json.Unmarshal(w.stored, &o); err != nil {
		b.Fatal(err)
	}
	return &o
}

// TestPushPathFloorWritesWhatThePathWrites: the floor's mirrors read the push and the whole
// stored order, and write back the very bytes the path writes, so the floor does the path's
// JSON work, no less.
func TestPushPathFloorWritesWhatThePathWrites(t *testing.T) {
	t.Parallel()
	for _, n := range pushPathSizes {
		w := newPushWorld(t, n)
		ev, err := wxapi.DecodeEvent(w.push)
		require.NoError(t, err)
		o, err := order.RestoreJSON(w.stored)
		require.NoError(t, err)
		_, err = wxapi.ApplyToOrder(o, ev)
		require.NoError(t, err)
		want, err := o.MarshalJSON()
		require.NoError(t, err)

		var p mirrorPush
		require.NoError(t, json.Unmarshal(w.push, &p))
		var m mirrorStoredOrder
		require.NoError(t, json.Unmarshal(w.stored, &m))
		require.Len(t, m.Lines, n)
		m.pay(p.OrderInfo.PayTime)
		got, err := json.Marshal(&m)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "lines=%d", n)
	}
}

type mirrorPush struct {
	ToUserName   string `json:"ToUserName"`
	FromUserName string `json:"FromUserName"`
	CreateTime   int64  `json:"CreateTime"`
	MsgType      string `json:"MsgType"`
	Event        string `json:"Event"`
	OrderInfo    struct {
		OrderID string `json:"order_id"`
		PayTime int64  `json:"pay_time"`
	} `json:"order_info"`
}

// mirrorStoredOrder is order's stored JSON as plain structs.
type mirrorStoredOrder struct {
	ID        string    `json:"id"`
	Seller    string    `json:"seller"`
	Buyer     string    `json:"buyer"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	PaidAt    time.Time `json:"paid_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	Lines     []struct {
		Snapshot struct {
			ProductID string `json:"product_id"`
			SKUID     string `json:"sku_id"`
			Title     string `json:"title"`
			Attrs     []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"attrs"`
			Price    string `json:"price"`
			Revision uint32 `json:"revision"`
		} `json:"snapshot"`
		Quantity          int       `json:"quantity"`
		UnitPrice         string    `json:"unit_price"`
		Paid              string    `json:"paid"`
		Stock             string    `json:"stock"`
		ShipBy            time.Time `json:"ship_by,omitzero"`
		Shipped           int       `json:"shipped"`
		OnAfterSale       int       `json:"on_after_sale"`
		Refunded          int       `json:"refunded"`
		AfterSaleAttempts int       `json:"after_sale_attempts"`
	} `json:"lines"`
	Freight  string `json:"freight"`
	Discount string `json:"discount"`
	Policy   struct {
		InStock         string `json:"in_stock"`
		PresaleMin      string `json:"presale_min"`
		PresaleMax      string `json:"presale_max"`
		MaxNegotiations int    `json:"max_negotiations"`
		NegotiationLead string `json:"negotiation_lead"`
	} `json:"policy"`
}
