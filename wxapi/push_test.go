package wxapi_test

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// The platform's published sample (消息推送, 消息解密方式为安全模式, JSON): Token AAAAA, the
// EncodingAESKey of 43 "A", appid wxba5fad812f8e6fb9.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// https://developers.weixin.qq.com/doc/channels/dev_before/base/message_push.md (URL check)
const (
	sampleToken   = "AAAAA"
	sampleAESKey  = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	sampleAppID   = "wxba5fad812f8e6fb9"
	sampleEncrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="
	sampleMessage = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}`
)

// sampleKey is the sample's PushKey.
func sampleKey(t testing.TB) wxapi.PushKey {
	t.Helper()
	k, err := wxapi.NewPushKey(sampleToken, sampleAESKey, sampleAppID)
	require.NoError(t, err)
	return k
}

// sampleQuery is the query of the sample's safe-mode push.
func sampleQuery() map[string][]string {
	return map[string][]string{
		"signature":     {"6c5c811b55cc85e0e1b54100749188c20beb3f5d"},
		"timestamp":     {"1714112445"},
		"nonce":         {"415670741"},
		"openid":        {"o9AgO5Kd5ggOC-bXrbNODIiE3bGY"},
		"encrypt_type":  {"aes"},
		"msg_signature": {"046e02f8204d34f8ba5fa3b1db94908f3df2e9b3"},
	}
}

func sampleBody() []byte {
	return []byte(`{"ToUserName":"gh_97417a04a28d","Encrypt":"` + sampleEncrypt + `"}`)
}

// sampleAt is when the sample push arrived.
var sampleAt = time.Unix(1714112446, 0)

func TestVerifyURLSample(t *testing.T) {
	t.Parallel()
	k := sampleKey(t)
	echo, err := k.VerifyURL(map[string][]string{
		"signature": {"f464b24fc39322e44b38aa78f5edd27bd1441696"},
		"echostr":   {"4375120948345356249"},
		"timestamp": {"1714036504"},
		"nonce":     {"1514711492"},
	})
	require.NoError(t, err)
	assert.Equal(t, "4375120948345356249", echo)
	assert.Equal(t, "f464b24fc39322e44b38aa78f5edd27bd1441696", k.Signature("1714036504", "1514711492"))
	// The plaintext-mode sample's signature, and the safe-mode push's URL signature.
	assert.Equal(t, "899cf89e464efb63f54ddac96b0a0a235f53aa78", k.Signature("1714037059", "486452656"))
	assert.Equal(t, "6c5c811b55cc85e0e1b54100749188c20beb3f5d", k.Signature("1714112445", "415670741"))
}

func TestVerifyURLRefusals(t *testing.T) {
	t.Parallel()
	k := sampleKey(t)
	good := func() map[string][]string {
		return map[string][]string{
			"signature": {"f464b24fc39322e44b38aa78f5edd27bd1441696"}, "echostr": {"4375120948345356249"},
			"timestamp": {"1714036504"}, "nonce": {"1514711492"},
		}
	}
	tests := []struct {
		name  string
		edit  func(q map[string][]string)
		field string
		want  error
	}{
		{"missing signature", func(q map[string][]string) { delete(q, "signature") }, "signature", wxapi.ErrMalformedPush},
		{"empty echostr", func(q map[string][]string) { q["echostr"] = []string{""} }, "echostr", wxapi.ErrMalformedPush},
		{"missing nonce", func(q map[string][]string) { delete(q, "nonce") }, "nonce", wxapi.ErrMalformedPush},
		{"another nonce", func(q map[string][]string) { q["nonce"] = []string{"1514711493"} }, "signature", wxapi.ErrBadSignature},
		{"upper-case hex", func(q map[string][]string) { q["signature"] = []string{"F464B24FC39322E44B38AA78F5EDD27BD1441696"} }, "signature", wxapi.ErrBadSignature},
		{"signature prefix", func(q map[string][]string) { q["signature"] = []string{"f464b24fc39322e44b38"} }, "signature", wxapi.ErrBadSignature},
		{"markup in echostr", func(q map[string][]string) { q["echostr"] = []string{"<script>alert(1)</script>"} }, "echostr", wxapi.ErrMalformedPush},
		{"huge echostr", func(q map[string][]string) { q["echostr"] = []string{strings.Repeat("9", 257)} }, "echostr", wxapi.ErrMalformedPush},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q := good()
			tt.edit(q)
			echo, err := k.VerifyURL(q)
			require.ErrorIs(t, err, tt.want)
			assert.Empty(t, echo)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "push verification", fe.Payload)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
	// A wrong token fails the same check.
	other, err := wxapi.NewPushKey("BBBBB", sampleAESKey, sampleAppID)
	require.NoError(t, err)
	_, err = other.VerifyURL(good())
	require.ErrorIs(t, err, wxapi.ErrBadSignature)
}

func TestOpenPushSample(t *testing.T) {
	t.Parallel()
	k := sampleKey(t)
	msg, err := k.OpenPush(sampleQuery(), sampleBody(), sampleAt, wxapi.PushOptions{})
	require.NoError(t, err)
	assert.Equal(t, sampleMessage, string(msg))
	assert.Equal(t, len(msg), cap(msg), "the appid and padding after the message are not reachable")
	assert.Equal(t, "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", k.MsgSignature("1714112445", "415670741", sampleEncrypt))

	// The same push in the XML envelope (other products' format): the signature covers only
	// Encrypt, so it opens the same.
	xmlBody := "\n <xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[" + sampleEncrypt + "]]></Encrypt></xml>"
	msg, err = k.OpenPush(sampleQuery(), []byte(xmlBody), sampleAt, wxapi.PushOptions{})
	require.NoError(t, err)
	assert.Equal(t, sampleMessage, string(msg))
}

func TestSealReplySample(t *testing.T) {
	t.Parallel()
	k := sampleKey(t)
	reply, err := k.SealReply(strings.NewReader("707722b803182950"), []byte(`{"demo_resp":"good luck"}`),
		time.Unix(1713424427, 0), "415670741")
	require.NoError(t, err)
	assert.Equal(t, wxapi.PushReply{
		Encrypt:      "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==",
		MsgSignature: "1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1",
		TimeStamp:    1713424427,
		Nonce:        "415670741",
	}, reply)

	j, err := json.Marshal(reply)
	require.NoError(t, err)
	assert.Equal(t, `{"Encrypt":"ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==","MsgSignature":"1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1","TimeStamp":1713424427,"Nonce":"415670741"}`, string(j))
	x, err := xml.Marshal(reply)
	require.NoError(t, err)
	assert.Equal(t, `<xml><Encrypt><![CDATA[ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==]]></Encrypt><MsgSignature><![CDATA[1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1]]></MsgSignature><TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>`, string(x))

	// The reply is itself a well-formed push: opened with its own signature, it gives back
	// the message.
	q := map[string][]string{"timestamp": {"1713424427"}, "nonce": {"415670741"}, "encrypt_type": {"aes"},
		"msg_signature": {reply.MsgSignature}}
	for _, body := range [][]byte{j, x} {
		msg, err := k.OpenPush(q, body, time.Unix(1713424427, 0), wxapi.PushOptions{MaxAge: time.Minute})
		require.NoError(t, err)
		assert.Equal(t, `{"demo_resp":"good luck"}`, string(msg))
	}
}

func TestSealReplyRefusals(t *testing.T) {
	t.Parallel()
	k := sampleKey(t)
	rnd := func() *strings.Reader { return strings.NewReader("707722b803182950") }
	at := time.Unix(1713424427, 0)
	_, err := k.SealReply(rnd(), nil, at, "")
	require.ErrorIs(t, err, wxapi.ErrMalformedPush)
	_, err = k.SealReply(rnd(), nil, at, "4156 70741")
	require.ErrorIs(t, err, wxapi.ErrMalformedPush)
	_, err = k.SealReply(rnd(), nil, time.Time{}, "415670741")
	require.ErrorIs(t, err, wxapi.ErrMalformedPush)
	_, err = k.SealReply(strings.NewReader("short"), nil, at, "415670741")
	require.Error(t, err, "fewer than 16 random bytes")
	_, err = k.SealReply(nil, nil, at, "415670741")
	require.Error(t, err, "no reader")
	_, err = k.Seal(rnd(), make([]byte, wxapi.MaxPushBody))
	require.ErrorIs(t, err, wxapi.ErrPushTooLarge)
}

func TestNewPushKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, token, key, appID string
		field                   string // "" when valid
	}{
		{"sample", sampleToken, sampleAESKey, sampleAppID, ""},
		{"mixed key", "pushTokenLanshan2024", "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS", "wx5f3c9a1d8e2b7046", ""},
		{"key too short", sampleToken, sampleAESKey[:42], sampleAppID, "EncodingAESKey"},
		{"key too long", sampleToken, sampleAESKey + "A", sampleAppID, "EncodingAESKey"},
		{"key with padding", sampleToken, sampleAESKey[:42] + "=", sampleAppID, "EncodingAESKey"},
		{"key with plus", sampleToken, "+" + sampleAESKey[1:], sampleAppID, "EncodingAESKey"},
		{"key with slash", sampleToken, sampleAESKey[1:] + "/", sampleAppID, "EncodingAESKey"},
		{"key with a space", sampleToken, " " + sampleAESKey[1:], sampleAppID, "EncodingAESKey"},
		{"key not ASCII", sampleToken, "é" + sampleAESKey[2:], sampleAppID, "EncodingAESKey"},
		{"empty key", sampleToken, "", sampleAppID, "EncodingAESKey"},
		{"empty token", "", sampleAESKey, sampleAppID, "Token"},
		{"token with a trailing space", sampleToken + " ", sampleAESKey, sampleAppID, "Token"},
		{"token with a newline", sampleToken + "\n", sampleAESKey, sampleAppID, "Token"},
		{"token too long", strings.Repeat("t", 129), sampleAESKey, sampleAppID, "Token"},
		{"empty appid", sampleToken, sampleAESKey, "", "AppID"},
		{"appid not ASCII", sampleToken, sampleAESKey, "wx小店", "AppID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k, err := wxapi.NewPushKey(tt.token, tt.key, tt.appID)
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.appID, k.AppID())
				return
			}
			require.ErrorIs(t, err, wxapi.ErrBadPushKey)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "push key", fe.Payload)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, wxapi.PushKey{}, k)
			if tt.key != "" {
				assert.NotContains(t, err.Error(), tt.key, "the key never appears in an error")
			}
			if tt.token != "" {
				assert.NotContains(t, err.Error(), tt.token, "the token never appears in an error")
			}
		})
	}
}

// TestPushKeyKeepsSecrets: no fmt verb and no JSON rendering shows the token or the key.
func TestPushKeyKeepsSecrets(t *testing.T) {
	t.Parallel()
	const token, key = "pushTokenLanshan2024", "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS"
	k, err := wxapi.NewPushKey(token, key, "wx5f3c9a1d8e2b7046")
	require.NoError(t, err)
	holder := struct {
		Key  wxapi.PushKey
		Ptr  *wxapi.PushKey
		Keys []wxapi.PushKey
	}{k, &k, []wxapi.PushKey{k}}
	// fmt cannot call methods on an unexported field and prints it raw: the secrets are
	// behind a pointer, printed as an address.
	type hostConfig struct {
		addr string
		key  wxapi.PushKey
	}
	host := hostConfig{":8080", k}
	var outs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T"} {
		outs = append(outs, fmt.Sprintf(verb, k), fmt.Sprintf(verb, holder), fmt.Sprintf(verb, host))
	}
	outs = append(outs, k.String(), k.GoString(), fmt.Sprint(k), fmt.Sprintln(&k))
	j, err := json.Marshal(holder)
	require.NoError(t, err)
	outs = append(outs, string(j))
	raw, err := base64.StdEncoding.DecodeString(key + "=")
	require.NoError(t, err)
	for _, out := range outs {
		assert.NotContains(t, out, token)
		assert.NotContains(t, out, key)
		assert.NotContains(t, out, key[:8])
		assert.NotContains(t, out, hex.EncodeToString(raw[:4]), "no key bytes in hex")
		assert.NotContains(t, out, fmt.Sprint(raw[:4])[1:10], "no key bytes as numbers")
	}
	assert.Equal(t, "wxapi.PushKey(appid wx5f3c9a1d8e2b7046)", fmt.Sprint(k))
	assert.Equal(t, `wxapi.PushKey{AppID: "wx5f3c9a1d8e2b7046", Token: <redacted>, EncodingAESKey: <redacted>}`, fmt.Sprintf("%#v", k))
	kj, err := json.Marshal(k)
	require.NoError(t, err)
	assert.JSONEq(t, `{"appid":"wx5f3c9a1d8e2b7046"}`, string(kj))
	assert.Equal(t, "wxapi.PushKey(unset)", fmt.Sprint(wxapi.PushKey{}))
}

// TestZeroPushKey: the zero value refuses everything, and panics on nothing.
func TestZeroPushKey(t *testing.T) {
	t.Parallel()
	var k wxapi.PushKey
	_, err := k.VerifyURL(map[string][]string{"signature": {"x"}, "timestamp": {"1"}, "nonce": {"1"}, "echostr": {"1"}})
	require.ErrorIs(t, err, wxapi.ErrBadPushKey)
	_, err = k.OpenPush(sampleQuery(), sampleBody(), sampleAt, wxapi.PushOptions{})
	require.ErrorIs(t, err, wxapi.ErrBadPushKey)
	_, err = k.Seal(strings.NewReader("707722b803182950"), []byte("{}"))
	require.ErrorIs(t, err, wxapi.ErrBadPushKey)
	_, err = k.SealReply(strings.NewReader("707722b803182950"), []byte("{}"), sampleAt, "1")
	require.ErrorIs(t, err, wxapi.ErrBadPushKey)
	assert.Empty(t, k.Signature("1", "2"))
	assert.Empty(t, k.MsgSignature("1", "2", "3"))
	assert.Empty(t, k.AppID())
}

// TestOpenPushPlaintext: plaintext mode is refused unless asked for; when asked for, the URL
// signature is checked and the body comes back as sent.
func TestOpenPushPlaintext(t *testing.T) {
	t.Parallel()
	k := sampleKey(t)
	body := []byte(`{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714037059,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}`)
	q := map[string][]string{"signature": {"899cf89e464efb63f54ddac96b0a0a235f53aa78"}, "timestamp": {"1714037059"}, "nonce": {"486452656"}}

	_, err := k.OpenPush(q, body, time.Unix(1714037059, 0), wxapi.PushOptions{})
	require.ErrorIs(t, err, wxapi.ErrMalformedPush, "WeChat Shop pushes are always encrypted")

	plain := wxapi.PushOptions{AllowPlaintext: true}
	msg, err := k.OpenPush(q, body, time.Unix(1714037059, 0), plain)
	require.NoError(t, err)
	assert.Equal(t, string(body), string(msg))
	msg[0] = 'X'
	assert.Equal(t, byte('{'), body[0], "the result is a copy")

	q["encrypt_type"] = []string{"raw"}
	_, err = k.OpenPush(q, body, time.Unix(1714037059, 0), plain)
	require.NoError(t, err)

	q["signature"] = []string{"899cf89e464efb63f54ddac96b0a0a235f53aa79"}
	_, err = k.OpenPush(q, body, time.Unix(1714037059, 0), plain)
	require.ErrorIs(t, err, wxapi.ErrBadSignature)
	delete(q, "signature")
	_, err = k.OpenPush(q, body, time.Unix(1714037059, 0), plain)
	require.ErrorIs(t, err, wxapi.ErrMalformedPush)

	// A safe-mode push is still opened as one when plaintext is allowed.
	msg, err = k.OpenPush(sampleQuery(), sampleBody(), sampleAt, plain)
	require.NoError(t, err)
	assert.Equal(t, sampleMessage, string(msg))
}
