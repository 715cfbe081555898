package wxapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// kibPush is a 1 KiB order push: the pay event with fields wxapi does not read, the size of a
// large real push.
func kibPush(t testing.TB) []byte {
	t.Helper()
	head := `{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs","CreateTime":1717200095,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3725020335455738368","pay_time":1717200093},"ext_info":{"remark":"`
	tail := `"}}`
	msg := head + strings.Repeat("订单备注", (1024-len(head)-len(tail))/12) // 12 bytes each
	msg += strings.Repeat("x", 1024-len(msg)-len(tail)) + tail
	require.Len(t, msg, 1024)
	return []byte(msg)
}

var sinkPush []byte

func BenchmarkOpenPush(b *testing.B) {
	k := shopKey(b)
	msg := kibPush(b)
	enc, err := k.Seal(fixedRandom(), msg)
	require.NoError(b, err)
	q, body := signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		got, err := k.OpenPush(q, body, shopAt, wxapi.PushOptions{MaxAge: 4 * time.Hour})
		if err != nil {
			b.Fatal(err)
		}
		sinkPush = got
	}
}

func BenchmarkOpenPushXML(b *testing.B) {
	k := shopKey(b)
	enc, err := k.Seal(fixedRandom(), kibPush(b))
	require.NoError(b, err)
	q := signedQuery(k, shopStamp, shopNonce, enc)
	body := []byte("<xml><ToUserName><![CDATA[gh_7c1a2b3d4e5f]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		got, err := k.OpenPush(q, body, shopAt, wxapi.PushOptions{})
		if err != nil {
			b.Fatal(err)
		}
		sinkPush = got
	}
}

// BenchmarkOpenPushForged: the cost of refusing a forged push, which stops at the signature.
func BenchmarkOpenPushForged(b *testing.B) {
	k := shopKey(b)
	enc, err := k.Seal(fixedRandom(), kibPush(b))
	require.NoError(b, err)
	q, body := signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc)
	q["msg_signature"] = []string{strings.Repeat("0", 40)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.OpenPush(q, body, shopAt, wxapi.PushOptions{}); err == nil {
			b.Fatal("forged push opened")
		}
	}
}

func BenchmarkVerifyURL(b *testing.B) {
	k := sampleKey(b)
	q := map[string][]string{
		"signature": {"f464b24fc39322e44b38aa78f5edd27bd1441696"}, "echostr": {"4375120948345356249"},
		"timestamp": {"1714036504"}, "nonce": {"1514711492"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.VerifyURL(q); err != nil {
			b.Fatal(err)
		}
	}
}

var sinkReply wxapi.PushReply

func BenchmarkSealReply(b *testing.B) {
	k := shopKey(b)
	msg := kibPush(b)
	rnd := strings.NewReader("")
	b.ReportAllocs()
	for b.Loop() {
		rnd.Reset("wxshop-random-16")
		r, err := k.SealReply(rnd, msg, shopAt, shopNonce)
		if err != nil {
			b.Fatal(err)
		}
		sinkReply = r
	}
}
