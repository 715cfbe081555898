package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// The platform's side of the tests: an order and its after-sale cases as the platform keeps
// them, moved only through the library's own commands, recorded step by step with the push
// each step sends and what order/get and aftersale/getaftersaleorder answer after it.

// history is one order's life on the platform.
type history struct {
	id    string
	steps []step
	// final is the order after the last step, and cases its after-sale cases then.
	final *order.Order
	cases []*aftersale.Case
}

// step is one change on the platform: the push it sent (the event's plaintext JSON) and the
// platform's answers right after it.
type step struct {
	push     []byte
	orderGet []byte
	cases    map[string][]byte // aftersale/getaftersaleorder, by after_sale_order_id
}

// The shop's catalog: three products of one SKU each. Every order's lines are some of them.
const numProducts = 3

func productID(i int) string { return fmt.Sprint(10000700 + i) }
func skuID(i int) string     { return fmt.Sprint(1000070001 + i) }
func productTitle(i int) string {
	return [...]string{"精梳棉圆领短袖T恤", "加厚帆布托特包", "不锈钢保温杯 500ml"}[i]
}
func productPrice(i int) decimal.Decimal { return decimal.New(int64(8900+1000*i), -2) }

// historyBuilder runs one order through a random platform history.
type historyBuilder struct {
	t      testing.TB
	rnd    *rand.Rand
	n      int
	h      *history
	o      *order.Order
	at     time.Time
	cases  []*aftersale.Case
	refund map[string]decimal.Decimal // what each case asks back
}

// newHistory returns the random life of the n-th order: placed, then paid or cancelled
// unpaid; a gift or a group buy waits for its recipient or its group; a refund-only
// after-sale may open before or after shipment, and be withdrawn or refunded (a refund of
// everything closes the order); the order may be cancelled as oversold, shipped in one to
// three parcels, confirmed by the buyer or on timeout, and settled.
func newHistory(t testing.TB, rnd *rand.Rand, n int) *history {
	t.Helper()
	b := newHistoryBuilder(t, rnd, n)
	b.random()
	return b.done()
}

func newHistoryBuilder(t testing.TB, rnd *rand.Rand, n int) *historyBuilder {
	b := &historyBuilder{t: t, rnd: rnd, n: n, h: &history{id: fmt.Sprint(3725020335455738368 + 7919*n)}, refund: map[string]decimal.Decimal{}}
	b.at = time.Unix(1717200000+int64(rnd.IntN(1e6)), 0).UTC()
	return b
}

// done returns the history, with the order and cases as the last step left them.
func (b *historyBuilder) done() *history {
	b.h.final, b.h.cases = b.o, b.cases
	return b.h
}

// Kinds of order.
const (
	plainOrder = iota
	giftOrder
	groupBuyOrder
)

// random runs the order through a random life.
func (b *historyBuilder) random() {
	kind := [...]int{plainOrder, plainOrder, plainOrder, giftOrder, groupBuyOrder}[b.rnd.IntN(5)]
	b.place(kind, 1+b.rnd.IntN(numProducts))
	if b.rnd.IntN(8) == 0 { // never paid: the buyer cancelled, or the payment timed out
		b.cancel(order.CancelReason(1 + b.rnd.IntN(2)))
		return
	}
	b.pay()
	if b.o.Gift() || b.o.GroupBuy() {
		if b.rnd.IntN(6) == 0 { // the recipient declined, or the group never formed
			b.cancel(order.CancelByBuyer)
			return
		}
		b.endWait()
	}
	if b.rnd.IntN(4) == 0 && b.randomAfterSale() {
		return // every unit refunded: the order closed
	}
	if b.rnd.IntN(10) == 0 {
		b.cancel(order.CancelOversold)
		return
	}
	b.ship(1 + b.rnd.IntN(3))
	if b.rnd.IntN(5) == 0 && b.randomAfterSale() {
		return
	}
	if b.rnd.IntN(5) == 0 {
		return // on its way
	}
	b.confirm(order.ConfirmKind(1 + b.rnd.IntN(2)))
	if b.rnd.IntN(3) == 0 {
		return
	}
	b.settle()
}

// place creates the order, of kind, with the first n products of the catalog.
func (b *historyBuilder) place(kind, n int) {
	var lines []order.LineParams
	discount := decimal.Zero
	for i := range n {
		snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: productID(i), SKUID: skuID(i), Title: productTitle(i), Price: productPrice(i)})
		require.NoError(b.t, err)
		q := 1 + b.rnd.IntN(3)
		paid := productPrice(i).Mul(decimal.NewFromInt(int64(q)))
		if kind == groupBuyOrder && i == 0 {
			paid, discount = paid.Sub(decimal.New(500, -2)), decimal.New(500, -2) // the group-buy price
		}
		lines = append(lines, order.LineParams{Snapshot: snap, Quantity: q, UnitPrice: productPrice(i), Paid: paid})
	}
	o, err := order.New(order.NewParams{ID: b.h.id, Seller: shop.WeChatShop, Buyer: "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs",
		Lines: lines, Discount: discount, Freight: decimal.New(600, -2), CreatedAt: b.at, Gift: kind == giftOrder, GroupBuy: kind == groupBuyOrder})
	require.NoError(b.t, err)
	b.o = o
	b.orderPush("channels_ec_order_new", "")
}

func (b *historyBuilder) cancel(reason order.CancelReason) {
	b.must(b.o.Cancel(reason, b.tick()))
	b.orderPush("channels_ec_order_cancel", fmt.Sprintf(`"cancel_type":%d`, reason))
}

func (b *historyBuilder) pay() {
	payAt := b.tick()
	b.must(b.o.Pay(payAt))
	b.orderPush("channels_ec_order_pay", fmt.Sprintf(`"pay_time":%d`, payAt.Unix()))
}

// endWait: the gift's recipient accepted it, or the group formed.
func (b *historyBuilder) endWait() {
	if b.o.Gift() {
		b.must(b.o.AcceptGift(b.tick()))
	} else {
		b.must(b.o.FormGroup(b.tick()))
	}
	b.orderPush("channels_ec_order_wait_shipping", "")
}

func (b *historyBuilder) confirm(kind order.ConfirmKind) {
	b.must(b.o.ConfirmReceipt(kind, b.tick()))
	b.orderPush("channels_ec_order_confirm", fmt.Sprintf(`"confirm_type":%d`, kind))
}

func (b *historyBuilder) settle() {
	settleAt := b.tick()
	b.must(b.o.Settle(settleAt))
	b.orderPush("channels_ec_order_settle", fmt.Sprintf(`"settle_time":%d`, settleAt.Unix()))
}

// ship sends what is left to ship in up to parcels parcels.
func (b *historyBuilder) ship(parcels int) {
	var left []order.Item
	for _, l := range b.o.All() {
		if n := b.o.Remaining(l.SKUID()); n > 0 {
			left = append(left, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: n})
		}
	}
	parcels = min(parcels, len(left))
	for k := range parcels {
		var items []order.Item
		for i := k; i < len(left); i += parcels {
			items = append(items, left[i])
		}
		ev, err := b.o.Ship(order.Parcel{Carrier: "SF", TrackingNumber: fmt.Sprintf("SF%s%02d", b.h.id[len(b.h.id)-11:], k), Items: items}, b.tick())
		require.NoError(b.t, err)
		finished := 0
		if ev.Finished {
			finished = 1
		}
		b.orderPush("channels_ec_order_deliver", fmt.Sprintf(`"finish_delivery":%d`, finished))
	}
}

// randomAfterSale runs an after-sale on a random line that never had one (afterSale), and
// reports whether it closed the order.
func (b *historyBuilder) randomAfterSale() bool {
	var fresh []int
	for i, l := range b.o.All() {
		if l.Eligible() == l.Quantity() {
			fresh = append(fresh, i)
		}
	}
	if len(fresh) == 0 {
		return false
	}
	return b.afterSale(fresh[b.rnd.IntN(len(fresh))], b.rnd.IntN(2) == 0)
}

// afterSale opens a refund-only case for the whole of line i, and ends it: refunded, or
// withdrawn by the buyer. It reports whether the refund closed the order.
func (b *historyBuilder) afterSale(i int, refund bool) bool {
	c := b.openCase(i)
	if !refund {
		b.mustCase(c.Cancel(b.o, b.tick()))
		b.casePush(c)
		return false
	}
	l, _ := b.o.LineAt(i)
	b.mustCase(c.Refund(b.o, l.Paid(), b.tick()))
	b.casePush(c)
	if !aftersale.CanCloseOrder(b.o) {
		return false
	}
	b.must(b.o.CloseByAfterSale(b.tick()))
	b.orderPush("channels_ec_order_cancel", `"cancel_type":3`)
	return true
}

// openCase opens a refund-only case for the whole of line i.
func (b *historyBuilder) openCase(i int) *aftersale.Case {
	l, _ := b.o.LineAt(i)
	id := fmt.Sprint(2000000490000000 + 100*b.n + len(b.h.steps)) // unique: an order has fewer than 100 steps
	c, _, err := aftersale.Open(b.o, aftersale.Request{ID: id, Kind: aftersale.KindRefund, Reason: aftersale.ReasonNoLongerWant,
		Detail: "不想要了", Items: []order.Item{{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: l.Quantity()}}}, b.tick())
	require.NoError(b.t, err)
	b.cases = append(b.cases, c)
	b.refund[id] = l.Paid()
	b.casePush(c)
	return c
}

// tick moves the platform's clock on by up to an hour.
func (b *historyBuilder) tick() time.Time {
	b.at = b.at.Add(time.Duration(1+b.rnd.IntN(3600)) * time.Second)
	return b.at
}

func (b *historyBuilder) must(_ order.Event, err error) {
	b.t.Helper()
	require.NoError(b.t, err)
}

func (b *historyBuilder) mustCase(_ aftersale.Event, err error) {
	b.t.Helper()
	require.NoError(b.t, err)
}

// orderPush records a step with its order push, created now.
func (b *historyBuilder) orderPush(event, fields string) {
	if fields != "" {
		fields = "," + fields
	}
	b.record(fmt.Appendf(nil, `{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":%q,"CreateTime":%d,"MsgType":"event","Event":%q,"order_info":{"order_id":%q%s}}`,
		b.o.Buyer(), b.at.Unix(), event, b.o.ID(), fields))
}

// casePush records a step with the after-sale push of c's new status.
func (b *historyBuilder) casePush(c *aftersale.Case) {
	b.record(fmt.Appendf(nil, `{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":%q,"CreateTime":%d,"MsgType":"event","Event":"channels_ec_aftersale_update",
		"finder_shop_aftersale_status_update":{"status":%q,"after_sale_order_id":%q,"order_id":%q}}`,
		b.o.Buyer(), b.at.Unix(), c.Status().String(), c.ID(), b.o.ID()))
}

func (b *historyBuilder) record(push []byte) {
	s := step{push: push, orderGet: orderGetBody(b.o, b.cases), cases: map[string][]byte{}}
	for _, c := range b.cases {
		s.cases[c.ID()] = afterSaleBody(c, b.refund[c.ID()])
	}
	b.h.steps = append(b.h.steps, s)
}

// fen renders an amount in the platform's integer fen.
func fen(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }

// unix renders a time as the platform does: Unix seconds, 0 for none.
func unix(at time.Time) int64 {
	if at.IsZero() {
		return 0
	}
	return at.Unix()
}

// orderGetBody is the platform's order/get answer for o, whose after-sale cases are cases.
func orderGetBody(o *order.Order, cases []*aftersale.Case) []byte {
	var products, packages, refs []string
	var list int64
	for _, l := range o.All() {
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
	open := 0
	for _, c := range cases {
		if c.Status().Class() != aftersale.ClassFinal {
			open++
		}
		refs = append(refs, fmt.Sprintf(`{"aftersale_order_id":%q,"status":%q}`, c.ID(), c.Status()))
	}
	paidAt, _ := o.PaidAt()
	settledAt, _ := o.SettledAt()
	var confirmed time.Time
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
		"aftersale_detail":{"on_aftersale_order_cnt":%d,"aftersale_order_list":[%s]}}}`,
		o.ID(), o.Status().Code(), o.CreatedAt().Unix(), o.UpdatedAt().Unix(), o.Buyer(), o.Gift(), strings.Join(products, ","),
		unix(paidAt), list, fen(o.Total()), fen(o.Freight()), group, strings.Join(packages, ","), unix(shipDone),
		unix(confirmed), unix(settledAt), open, strings.Join(refs, ","))
}

// afterSaleBody is the platform's aftersale/getaftersaleorder answer for c, a refund-only case
// of one SKU asking amount back.
func afterSaleBody(c *aftersale.Case, amount decimal.Decimal) []byte {
	it := c.Items()[0]
	if refunded, at := c.Refunded(); !at.IsZero() {
		amount = refunded
	}
	return fmt.Appendf(nil, `{"errcode":0,"errmsg":"ok","after_sale_order":{"after_sale_order_id":%q,"status":%q,"order_id":%q,
		"product_info":{"product_id":%q,"sku_id":%q,"count":%d},"details":{"desc":%q},"refund_info":{"amount":%d},
		"create_time":%d,"update_time":%d,"reason":%q,"type":%q}}`,
		c.ID(), c.Status(), c.OrderID(), it.ProductID, it.SKUID, it.Quantity, c.Detail(), fen(amount),
		c.OpenedAt().Unix(), c.ChangedAt().Unix(), c.Reason(), c.Kind())
}

// productBody is the platform's product/get answer for product i, at price.
func productBody(i int, price decimal.Decimal) []byte {
	return fmt.Appendf(nil, `{"errcode":0,"errmsg":"ok","product":{"product_id":%q,"title":%q,
		"head_imgs":["https://img.example.cn/p/%s/head01.jpg"],"cats_v2":[{"cat_id":"1001"},{"cat_id":"7421"}],"status":5,"edit_status":4,
		"skus":[{"sku_id":%q,"sale_price":%d,"stock_num":120,"sku_attrs":[],"status":5}]}}`,
		productID(i), productTitle(i), productID(i), skuID(i), fen(price))
}

// carrierListBody is the platform's carrier list.
const carrierListBody = `{"errcode":0,"errmsg":"ok","company_list":[{"delivery_id":"SF","delivery_name":"顺丰速运"},
	{"delivery_id":"ZTO","delivery_name":"中通快递"},{"delivery_id":"JD","delivery_name":"京东快递"}]}`
