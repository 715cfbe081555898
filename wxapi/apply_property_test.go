package wxapi_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
	"github.com/wxshop-go/wxshop/wxapi"
)

// platform is the platform's side of one order in the property test: the order as the
// platform keeps it, and the pushes it sent, in the order it sent them.
type platform struct {
	o      *order.Order
	pushes [][]byte
	at     time.Time
}

// step advances the platform's clock by a random number of whole seconds.
func (p *platform) step(rnd *rand.Rand) time.Time {
	p.at = p.at.Add(time.Duration(1+rnd.IntN(3600)) * time.Second)
	return p.at
}

// send records a push of event about the order, created now, with order_info fields.
func (p *platform) send(event, fields string) {
	if fields != "" {
		fields = "," + fields
	}
	p.pushes = append(p.pushes, fmt.Appendf(nil, `{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":"%s","CreateTime":%d,"MsgType":"event","Event":%q,"order_info":{"order_id":"%s"%s}}`,
		p.o.Buyer(), p.at.Unix(), event, p.o.ID(), fields))
}

// randomHistory runs one order through a random platform history and returns the platform.
// The order may be a gift or a group buy; it is paid or not, cancelled at any point it can
// be, shipped in one to three parcels, confirmed by the buyer or on timeout, and settled.
func randomHistory(t *testing.T, rnd *rand.Rand) *platform {
	t.Helper()
	created := time.Unix(1717200000+int64(rnd.IntN(1e6)), 0).UTC()
	n := 1 + rnd.IntN(4)
	var lines []order.LineParams
	discount := decimal.Zero
	kind := rnd.IntN(4) // 0, 1: a plain order; 2: a gift; 3: a group buy
	for i := range n {
		price := decimal.New(int64(990+100*i), -2)
		snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: fmt.Sprint(10000700 + i), SKUID: fmt.Sprint(1000070001 + i),
			Title: fmt.Sprintf("商品 %d", i), Price: price})
		require.NoError(t, err)
		q := 1 + rnd.IntN(3)
		paid := price.Mul(decimal.NewFromInt(int64(q)))
		if kind == 3 && i == 0 {
			paid, discount = paid.Sub(decimal.New(100, -2)), decimal.New(100, -2) // the group-buy price
		}
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: price, Paid: paid})
	}
	o, err := order.New(order.NewParams{ID: fmt.Sprint(3725020335455738368 + rnd.IntN(1000)), Seller: shop.WeChatShop,
		Buyer: "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs", Lines: lines, Discount: discount, Freight: decimal.New(600, -2), CreatedAt: created,
		Gift: kind == 2, GroupBuy: kind == 3})
	require.NoError(t, err)
	p := &platform{o: o, at: created}
	p.send("channels_ec_order_new", "")
	if rnd.IntN(8) == 0 { // never paid
		_, err = o.Cancel(order.CancelReason(1+rnd.IntN(2)), p.step(rnd))
		require.NoError(t, err)
		p.send("channels_ec_order_cancel", fmt.Sprintf(`"cancel_type":%d`, o.CancelReason()))
		return p
	}
	payAt := p.step(rnd)
	_, err = o.Pay(payAt)
	require.NoError(t, err)
	p.step(rnd)
	p.send("channels_ec_order_pay", fmt.Sprintf(`"pay_time":%d`, payAt.Unix()))
	if o.Gift() || o.GroupBuy() {
		if rnd.IntN(6) == 0 { // the recipient declined, the group never formed
			_, err = o.Cancel(order.CancelByBuyer, p.step(rnd))
			require.NoError(t, err)
			p.send("channels_ec_order_cancel", `"cancel_type":1`)
			return p
		}
		if o.Gift() {
			_, err = o.AcceptGift(p.step(rnd))
		} else {
			_, err = o.FormGroup(p.step(rnd))
		}
		require.NoError(t, err)
	}
	p.send("channels_ec_order_wait_shipping", "")
	if rnd.IntN(8) == 0 { // oversold
		_, err = o.Cancel(order.CancelOversold, p.step(rnd))
		require.NoError(t, err)
		p.send("channels_ec_order_cancel", `"cancel_type":4`)
		return p
	}
	// Ship the lines in one to three parcels, in line order.
	parcels := 1 + rnd.IntN(min(3, n))
	all := o.Lines()
	for k := range parcels {
		var items []order.Item
		for i := k; i < len(all); i += parcels {
			items = append(items, order.Item{ProductID: all[i].ProductID(), SKUID: all[i].SKUID(), Quantity: all[i].Quantity()})
		}
		ev, err := o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("SF14321987650%02d", k), Items: items}, p.step(rnd))
		require.NoError(t, err)
		p.send("channels_ec_order_deliver", fmt.Sprintf(`"finish_delivery":%d`, map[bool]int{false: 0, true: 1}[ev.Finished]))
	}
	if rnd.IntN(5) == 0 {
		return p // on its way
	}
	kindOf := order.ConfirmKind(1 + rnd.IntN(2))
	_, err = o.ConfirmReceipt(kindOf, p.step(rnd))
	require.NoError(t, err)
	p.send("channels_ec_order_confirm", fmt.Sprintf(`"confirm_type":%d`, kindOf))
	if rnd.IntN(3) == 0 {
		return p
	}
	settleAt := p.step(rnd)
	_, err = o.Settle(settleAt)
	require.NoError(t, err)
	p.send("channels_ec_order_settle", fmt.Sprintf(`"settle_time":%d`, settleAt.Unix()))
	return p
}

// orderGet is the platform's order/get answer for o, as the platform writes it.
func orderGet(t testing.TB, o *order.Order) []byte {
	t.Helper()
	unix := func(at time.Time) int64 {
		if at.IsZero() {
			return 0
		}
		return at.Unix()
	}
	fen := func(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }
	var products, packages []string
	var list int64
	for _, l := range o.Lines() {
		list += fen(l.UnitPrice()) * int64(l.Quantity())
		products = append(products, fmt.Sprintf(`{"product_id":%q,"sku_id":%q,"sku_cnt":%d,"title":%q,"sale_price":%d,"real_price":%d,
			"on_aftersale_sku_cnt":%d,"finish_aftersale_sku_cnt":%d,"delivery_deadline":%d,"sku_deliver_info":{"stock_type":0}}`,
			l.ProductID(), l.SKUID(), l.Quantity(), l.Snapshot().Title(), fen(l.UnitPrice()), fen(l.Paid()), l.OnAfterSale(),
			l.Refunded()+l.AfterSaleDone(), unix(l.ShipBy())))
	}
	for _, pc := range o.Parcels() {
		var items []string
		for _, it := range pc.Items {
			items = append(items, fmt.Sprintf(`{"product_id":%q,"sku_id":%q,"product_cnt":%d}`, it.ProductID, it.SKUID, it.Quantity))
		}
		packages = append(packages, fmt.Sprintf(`{"waybill_id":%q,"delivery_id":%q,"deliver_type":1,"product_infos":[%s]}`,
			pc.TrackingNumber, pc.Carrier, strings.Join(items, ",")))
	}
	paidAt, _ := o.PaidAt()
	settledAt, _ := o.SettledAt()
	confirmed := time.Time{}
	if o.Status() == order.StatusCompleted {
		confirmed, _ = o.EndedAt()
	}
	shipDone, _ := o.ShipDoneAt()
	group := ""
	if o.GroupBuy() {
		group = fmt.Sprintf(`,"bulkbuy_discounted_price":%d`, fen(o.Discount()))
	}
	return fmt.Appendf(nil, `{"errcode":0,"errmsg":"ok","order":{"order_id":%q,"status":%d,"create_time":%d,"update_time":%d,
		"openid":%q,"is_present":%t,"order_detail":{"product_infos":[%s],"pay_info":{"pay_time":%d},
		"price_info":{"product_price":%d,"order_price":%d,"freight":%d%s},
		"delivery_info":{"delivery_product_info":[%s],"ship_done_time":%d,"deliver_method":0},
		"ext_info":{"confirm_receipt_time":%d},"settle_info":{"settle_time":%d}},
		"aftersale_detail":{"on_aftersale_order_cnt":0,"aftersale_order_list":[]}}}`,
		o.ID(), o.Status().Code(), o.CreatedAt().Unix(), o.UpdatedAt().Unix(), o.Buyer(), o.Gift(), strings.Join(products, ","),
		unix(paidAt), list, fen(o.Total()), fen(o.Freight()), group, strings.Join(packages, ","), unix(shipDone),
		unix(confirmed), unix(settledAt))
}

// TestPushesApplyExactlyOnce is the property of DESIGN's push path: one order goes through a
// random platform history; each push is delivered zero to three times (the last at least
// once), in random order, with the host's order restored from its JSON now and then, as a
// restart or another instance would. The host applies each push, and fetches order/get and
// reconciles when told to. In the end the host's order is the platform's, and no push took
// effect twice: each payment, wait's end, parcel, completion, cancellation and settlement is
// reported once.
func TestPushesApplyExactlyOnce(t *testing.T) {
	t.Parallel()
	var applied, reflected, fetched int
	for seed := range uint64(400) {
		rnd := rand.New(rand.NewPCG(seed, 13))
		p := randomHistory(t, rnd)
		final := orderGet(t, p.o)

		// The host learned of the order from its order_new push: it fetched order/get then.
		host := hostCopyAtCreation(t, p)

		var deliveries [][]byte
		for i, body := range p.pushes {
			times := rnd.IntN(4)
			if i == len(p.pushes)-1 {
				times = max(times, 1)
			}
			for range times {
				deliveries = append(deliveries, body)
			}
		}
		rnd.Shuffle(len(deliveries), func(i, j int) { deliveries[i], deliveries[j] = deliveries[j], deliveries[i] })

		seen := map[string]int{}
		note := func(events []order.Event) {
			for _, e := range events {
				key := e.EventName()
				if s, ok := e.(order.Shipped); ok {
					key += " " + s.Parcel.TrackingNumber
				}
				seen[key]++
				require.Equal(t, 1, seen[key], "seed %d: %s took effect twice", seed, key)
			}
		}
		for _, body := range deliveries {
			if rnd.IntN(3) == 0 {
				b, err := json.Marshal(host)
				require.NoError(t, err)
				host = new(order.Order)
				require.NoError(t, json.Unmarshal(b, host), "seed %d", seed)
			}
			ev, err := wxapi.DecodeEvent(body)
			require.NoError(t, err)
			out, err := wxapi.ApplyToOrder(host, ev)
			require.NoError(t, err, "seed %d: %s", seed, body)
			switch out.Effect {
			case wxapi.Applied:
				applied++
				note(out.OrderEvents)
			case wxapi.AlreadyApplied:
				reflected++
			case wxapi.NeedsFetch:
				fetched++
				require.Equal(t, "order/get", out.Fetch.API)
				_, events, err := wxapi.ReconcileOrder(host, final, wxapi.OrderOptions{})
				require.NoError(t, err, "seed %d: reconcile after %s", seed, body)
				note(events)
			}
		}
		truth, err := wxapi.DecodeOrder(final, wxapi.OrderOptions{})
		require.NoError(t, err)
		require.Equal(t, p.o.Status(), host.Status(), "seed %d", seed)
		left, err := host.Reconcile(truth.Order)
		require.NoError(t, err, "seed %d", seed)
		require.Empty(t, left, "seed %d: the host's order is the platform's", seed)
		if _, settled := p.o.SettledAt(); settled {
			require.Equal(t, 1, seen["order_settled"], "seed %d", seed)
		}
	}
	t.Logf("%d pushes applied, %d already applied, %d fetched", applied, reflected, fetched)
	require.Positive(t, applied)
	require.Positive(t, reflected)
	require.Positive(t, fetched)
}

// hostCopyAtCreation is the host's order as order/get showed it right after creation.
func hostCopyAtCreation(t *testing.T, p *platform) *order.Order {
	t.Helper()
	s := p.o.State()
	at0, err := order.New(order.NewParams{ID: s.ID, Seller: s.Seller, Buyer: s.Buyer, Freight: s.Freight, Discount: s.Discount,
		CreatedAt: s.CreatedAt, Gift: s.Gift, GroupBuy: s.GroupBuy, Lines: linesOf(s)})
	require.NoError(t, err)
	res, err := wxapi.DecodeOrder(orderGet(t, at0), wxapi.OrderOptions{})
	require.NoError(t, err)
	return res.Order
}

// linesOf is the lines of a stored order as New takes them.
func linesOf(s order.State) []order.LineParams {
	out := make([]order.LineParams, len(s.Lines))
	for i, l := range s.Lines {
		out[i] = order.LineParams{Snapshot: l.Snapshot, Quantity: l.Quantity, UnitPrice: l.UnitPrice, Paid: l.Paid}
	}
	return out
}
