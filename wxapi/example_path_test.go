package wxapi_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// examplePush is what the platform POSTs for the plain push msg: the query and the encrypted
// JSON envelope, sealed with fixed random bytes so the example is deterministic.
func examplePush(key wxapi.PushKey, msg string, sent time.Time) (map[string][]string, []byte) {
	sealed, err := key.SealReply(strings.NewReader("wxshop-random-16"), []byte(msg), sent, "1820930151")
	if err != nil {
		panic(err)
	}
	query := map[string][]string{
		"signature":     {key.Signature(strconv.FormatInt(sealed.TimeStamp, 10), sealed.Nonce)},
		"timestamp":     {strconv.FormatInt(sealed.TimeStamp, 10)},
		"nonce":         {sealed.Nonce},
		"encrypt_type":  {"aes"},
		"msg_signature": {sealed.MsgSignature},
	}
	return query, []byte(`{"ToUserName":"gh_7c1a2b3d4e5f","Encrypt":"` + sealed.Encrypt + `"}`)
}

// The whole path of a push: verify and decrypt it (OpenPush), decode it (DecodeEvent), apply
// it to the stored order (ApplyToOrder). A retry is a no-op; a push that does not carry what
// the change needs says what to fetch, and ReconcileOrder applies the answer.
func ExampleApplyToOrder() {
	key, _ := wxapi.NewPushKey("pushTokenLanshan2024", "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS", "wx5f3c9a1d8e2b7046")
	stored, _ := wxapi.DecodeOrder(exampleFile("order/unpaid.json"), wxapi.OrderOptions{})
	o := stored.Order // what the host restored from its database

	handle := func(msg string, sent time.Time) {
		query, body := examplePush(key, msg, sent)
		plain, err := key.OpenPush(query, body, sent.Add(time.Second), wxapi.PushOptions{})
		if err != nil {
			fmt.Println("refused:", err)
			return
		}
		ev, err := wxapi.DecodeEvent(plain)
		if err != nil {
			fmt.Println("not decoded:", err)
			return
		}
		out, err := wxapi.ApplyToOrder(o, ev)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %s", ev.Kind(), out.Effect)
		for _, e := range out.OrderEvents {
			fmt.Print(" ", e.EventName())
		}
		if out.Effect == wxapi.NeedsFetch {
			fmt.Printf(" %s %s (%s)", out.Fetch.API, out.Fetch.ID, out.Fetch.Why)
		}
		fmt.Println(" →", o.Status())
	}
	pay := `{"CreateTime":1717200095,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"` + o.ID() + `","pay_time":1717200093}}`
	handle(pay, time.Unix(1717200095, 0))
	handle(pay, time.Unix(1717200095, 0)) // the platform's retry
	handle(`{"CreateTime":1717290000,"MsgType":"event","Event":"channels_ec_order_deliver","order_info":{"order_id":"`+o.ID()+`","finish_delivery":0}}`,
		time.Unix(1717290000, 0))
	// Output:
	// channels_ec_order_pay: applied order_paid → pending_shipment
	// channels_ec_order_pay: already_applied → pending_shipment
	// channels_ec_order_deliver: needs_fetch order/get 3725020417822203904 (the push does not carry the parcels) → pending_shipment
}

// Reconcile a stored order with a fresh order/get: the order takes the platform's truth, and
// the events say what changed, for the host's audit log. Reconciling again changes nothing.
func ExampleReconcileOrder() {
	stored, _ := wxapi.DecodeOrder(exampleFile("order/paid_two_lines.json"), wxapi.OrderOptions{})
	o := stored.Order
	fresh := []byte(strings.NewReplacer(`"status": 20`, `"status": 21`, `"update_time": 1717286500`, `"update_time": 1717290000`,
		`"delivery_product_info": []`, `"delivery_product_info": [{"waybill_id": "SF1432198765012", "delivery_id": "SF", "deliver_type": 1,
		"product_infos": [{"product_id": "10000211", "sku_id": "1000021104", "product_cnt": 2}]}]`).Replace(string(exampleFile("order/paid_two_lines.json"))))
	_, events, err := wxapi.ReconcileOrder(o, fresh, wxapi.OrderOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events {
		if s, ok := e.(order.Shipped); ok {
			fmt.Println(s.EventName(), s.Parcel.TrackingNumber, s.From, "→", s.To)
		}
	}
	_, again, _ := wxapi.ReconcileOrder(o, fresh, wxapi.OrderOptions{})
	fmt.Println(o.Status(), len(again), "events the second time")
	// Output:
	// order_shipped SF1432198765012 pending_shipment → partially_shipped
	// partially_shipped 0 events the second time
}

// exampleFile reads testdata/name, which the examples share with the tests.
func exampleFile(name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return b
}
