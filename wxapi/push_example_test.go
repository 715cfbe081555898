package wxapi_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/wxapi"
)

// Build the push configuration once, from the values of 「服务市场」-「自研」-「消息推送」. It
// never prints its secrets.
func ExampleNewPushKey() {
	key, err := wxapi.NewPushKey("pushTokenLanshan2024", "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS", "wx5f3c9a1d8e2b7046")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(key)
	fmt.Printf("%#v\n", key)

	_, err = wxapi.NewPushKey("pushTokenLanshan2024", "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7x", "wx5f3c9a1d8e2b7046")
	fmt.Println(errors.Is(err, wxapi.ErrBadPushKey), err)
	// Output:
	// wxapi.PushKey(appid wx5f3c9a1d8e2b7046)
	// wxapi.PushKey{AppID: "wx5f3c9a1d8e2b7046", Token: <redacted>, EncodingAESKey: <redacted>}
	// true wxapi: push key: EncodingAESKey: invalid push key: must be 43 letters and digits, got 42 bytes
}

// Answer the GET the platform sends when the push URL is saved (the platform's own sample):
// a host passes r.URL.Query() and writes the echostr back.
func ExamplePushKey_VerifyURL() {
	key, err := wxapi.NewPushKey("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9")
	if err != nil {
		fmt.Println(err)
		return
	}
	// https://www.qq.com/revice?signature=f464b24f…&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492
	echo, err := key.VerifyURL(map[string][]string{
		"signature": {"f464b24fc39322e44b38aa78f5edd27bd1441696"},
		"echostr":   {"4375120948345356249"},
		"timestamp": {"1714036504"},
		"nonce":     {"1514711492"},
	})
	fmt.Println(echo, err)

	_, err = key.VerifyURL(map[string][]string{
		"signature": {"f464b24fc39322e44b38aa78f5edd27bd1441696"},
		"echostr":   {"4375120948345356249"},
		"timestamp": {"1714036505"}, // not what was signed
		"nonce":     {"1514711492"},
	})
	fmt.Println(errors.Is(err, wxapi.ErrBadSignature))
	// Output:
	// 4375120948345356249 <nil>
	// true
}

// Open an order push and decode the event. The push is built here with SealReply (fixed
// random bytes, so the example is deterministic); a host receives it from the platform.
func ExamplePushKey_OpenPush() {
	key, err := wxapi.NewPushKey("pushTokenLanshan2024", "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS", "wx5f3c9a1d8e2b7046")
	if err != nil {
		fmt.Println(err)
		return
	}
	sent := time.Unix(1717200095, 0)
	sealed, err := key.SealReply(strings.NewReader("wxshop-random-16"), []byte(`{"ToUserName":"gh_7c1a2b3d4e5f",`+
		`"FromUserName":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs","CreateTime":1717200095,"MsgType":"event",`+
		`"Event":"channels_ec_order_pay","order_info":{"order_id":"3725020335455738368","pay_time":1717200093}}`),
		sent, "1820930151")
	if err != nil {
		fmt.Println(err)
		return
	}
	// What the platform POSTs: the query (r.URL.Query() in a host) and the JSON envelope.
	query := map[string][]string{
		"signature":     {key.Signature("1717200095", "1820930151")},
		"timestamp":     {strconv.FormatInt(sealed.TimeStamp, 10)},
		"nonce":         {sealed.Nonce},
		"openid":        {"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs"},
		"encrypt_type":  {"aes"},
		"msg_signature": {sealed.MsgSignature},
	}
	body := []byte(`{"ToUserName":"gh_7c1a2b3d4e5f","Encrypt":"` + sealed.Encrypt + `"}`)

	received := sent.Add(2 * time.Second)
	msg, err := key.OpenPush(query, body, received, wxapi.PushOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, err := wxapi.DecodeEvent(msg)
	if err != nil {
		fmt.Println(err)
		return
	}
	if paid, ok := ev.(wxapi.OrderPaid); ok {
		fmt.Println(paid.Kind(), paid.About.ID, paid.PaidAt.Format(time.RFC3339))
	}

	// A body changed on the way is refused before anything is decrypted.
	forged := []byte(`{"ToUserName":"gh_7c1a2b3d4e5f","Encrypt":"A` + sealed.Encrypt[1:] + `"}`)
	_, err = key.OpenPush(query, forged, received, wxapi.PushOptions{})
	fmt.Println(errors.Is(err, wxapi.ErrBadSignature))
	// Output:
	// channels_ec_order_pay 3725020335455738368 2024-06-01T00:01:33Z
	// true
}

// Seal an encrypted reply (the platform's sample). WeChat Shop events need none: a host
// answers "success"; the reply shows the format, which is also that of a push.
func ExamplePushKey_SealReply() {
	key, err := wxapi.NewPushKey("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9")
	if err != nil {
		fmt.Println(err)
		return
	}
	// A host passes crypto/rand.Reader; the sample's random bytes make it reproducible.
	reply, err := key.SealReply(strings.NewReader("707722b803182950"), []byte(`{"demo_resp":"good luck"}`),
		time.Unix(1713424427, 0), "415670741")
	if err != nil {
		fmt.Println(err)
		return
	}
	j, _ := json.Marshal(reply)
	fmt.Println(string(j))
	x, _ := xml.Marshal(reply)
	fmt.Println(string(x))
	fmt.Println(key.MsgSignature("1713424427", "415670741", reply.Encrypt) == reply.MsgSignature)
	// Output:
	// {"Encrypt":"ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==","MsgSignature":"1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1","TimeStamp":1713424427,"Nonce":"415670741"}
	// <xml><Encrypt><![CDATA[ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==]]></Encrypt><MsgSignature><![CDATA[1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1]]></MsgSignature><TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>
	// true
}

// Seal gives the Encrypt alone, and MsgSignature signs it: with both, a host's tests build any
// push.
func ExamplePushKey_Seal() {
	key, err := wxapi.NewPushKey("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9")
	if err != nil {
		fmt.Println(err)
		return
	}
	enc, err := key.Seal(strings.NewReader("707722b803182950"), []byte(`{"demo_resp":"good luck"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(enc)
	fmt.Println(key.MsgSignature("1713424427", "415670741", enc))
	fmt.Println(key.Signature("1714036504", "1514711492"))
	// Output:
	// ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==
	// 1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1
	// f464b24fc39322e44b38aa78f5edd27bd1441696
}
