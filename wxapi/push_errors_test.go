package wxapi_test

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// A shop's push configuration, made up for these tests.
const (
	shopToken  = "pushTokenLanshan2024"
	shopAESKey = "l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS"
	shopAppID  = "wx5f3c9a1d8e2b7046"
	shopNonce  = "1820930151"
	shopStamp  = "1717200095"
	payPush    = `{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs","CreateTime":1717200095,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3725020335455738368","pay_time":1717200093}}`
)

var shopAt = time.Unix(1717200096, 0)

func shopKey(t testing.TB) wxapi.PushKey {
	t.Helper()
	k, err := wxapi.NewPushKey(shopToken, shopAESKey, shopAppID)
	require.NoError(t, err)
	return k
}

// fixedRandom is the 16 "random" bytes of the tests' sealed pushes.
func fixedRandom() *strings.Reader { return strings.NewReader("wxshop-random-16") }

// signedQuery is the query of a safe-mode push of encrypt, signed by k.
func signedQuery(k wxapi.PushKey, timestamp, nonce, encrypt string) map[string][]string {
	return map[string][]string{
		"signature":     {k.Signature(timestamp, nonce)},
		"timestamp":     {timestamp},
		"nonce":         {nonce},
		"openid":        {"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs"},
		"encrypt_type":  {"aes"},
		"msg_signature": {k.MsgSignature(timestamp, nonce, encrypt)},
	}
}

// jsonEnvelope is the body of a push of encrypt.
func jsonEnvelope(encrypt string) []byte {
	return []byte(`{"ToUserName":"gh_7c1a2b3d4e5f","Encrypt":"` + encrypt + `"}`)
}

// rawEncrypt encrypts full as it is (no padding added, whole AES blocks) with an
// EncodingAESKey, by the platform's recipe: the way to build ciphertexts the sealer never
// makes.
func rawEncrypt(t testing.TB, encodingAESKey string, full []byte) string {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	require.NoError(t, err)
	block, err := aes.NewCipher(key)
	require.NoError(t, err)
	require.Zero(t, len(full)%aes.BlockSize)
	out := make([]byte, len(full))
	cipher.NewCBCEncrypter(block, key[:aes.BlockSize]).CryptBlocks(out, full)
	return base64.StdEncoding.EncodeToString(out)
}

// frame builds random ‖ length ‖ msg ‖ appid with the length field given.
func frame(length uint32, msg, appID string) []byte {
	b := []byte("wxshop-random-16")
	b = binary.BigEndian.AppendUint32(b, length)
	return append(append(b, msg...), appID...)
}

// padded appends n bytes of value v.
func padded(b []byte, n int, v byte) []byte {
	for range n {
		b = append(b, v)
	}
	return b
}

func TestOpenPushRefusals(t *testing.T) {
	t.Parallel()
	k := shopKey(t)
	good, err := k.Seal(fixedRandom(), []byte(payPush))
	require.NoError(t, err)
	msg := `{"Event":"channels_ec_order_pay"}` // 33 bytes: with the header and appid, 71 → pad 25
	full := frame(uint32(len(msg)), msg, shopAppID)
	require.Len(t, full, 71)

	// signed returns a correctly signed push of an arbitrary ciphertext.
	signed := func(encrypt string) (map[string][]string, []byte) {
		return signedQuery(k, shopStamp, shopNonce, encrypt), jsonEnvelope(encrypt)
	}
	// Flipping a bit of the second-to-last block flips the same bit of the last plaintext
	// block: the padding (28 bytes of 28) then ends in 29.
	raw, err := base64.StdEncoding.DecodeString(good)
	require.NoError(t, err)
	raw[len(raw)-aes.BlockSize-1] ^= 1
	tampered := base64.StdEncoding.EncodeToString(raw)

	tests := []struct {
		name  string
		push  func() (map[string][]string, []byte)
		at    time.Time
		opts  wxapi.PushOptions
		want  error
		field string
	}{
		{name: "tampered msg_signature", want: wxapi.ErrBadSignature, field: "msg_signature",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				s := []byte(q["msg_signature"][0])
				s[0] ^= 1
				q["msg_signature"] = []string{string(s)}
				return q, b
			}},
		{name: "tampered ciphertext", want: wxapi.ErrBadSignature, field: "msg_signature",
			push: func() (map[string][]string, []byte) {
				q, _ := signed(good)
				return q, jsonEnvelope(tampered)
			}},
		{name: "tampered timestamp", want: wxapi.ErrBadSignature, field: "msg_signature",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				q["timestamp"] = []string{"1717200096"}
				return q, b
			}},
		{name: "URL signature instead of msg_signature", want: wxapi.ErrBadSignature, field: "msg_signature",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				q["msg_signature"] = q["signature"]
				return q, b
			}},
		{name: "tampered ciphertext, re-signed", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) { return signed(tampered) }},
		{name: "wrong appid", want: wxapi.ErrWrongAppID, field: "appid",
			push: func() (map[string][]string, []byte) {
				other, err := wxapi.NewPushKey(shopToken, shopAESKey, "wx91c4e07b3a5d2f68")
				require.NoError(t, err)
				enc, err := other.Seal(fixedRandom(), []byte(payPush))
				require.NoError(t, err)
				return signed(enc)
			}},
		{name: "appid prefix", want: wxapi.ErrWrongAppID, field: "appid",
			push: func() (map[string][]string, []byte) {
				f := frame(uint32(len(msg)), msg, shopAppID[:17])
				return signed(rawEncrypt(t, shopAESKey, padded(f, 26, 26)))
			}},
		{name: "no appid", want: wxapi.ErrWrongAppID, field: "appid",
			push: func() (map[string][]string, []byte) {
				f := frame(uint32(len(msg)), msg, "")
				return signed(rawEncrypt(t, shopAESKey, padded(f, 11, 11)))
			}},
		{name: "length field too small", want: wxapi.ErrWrongAppID, field: "appid",
			push: func() (map[string][]string, []byte) {
				// The message's tail lands where the appid belongs; the error shows only its length.
				f := frame(uint32(len(msg)-12), msg, shopAppID)
				return signed(rawEncrypt(t, shopAESKey, padded(f, 25, 25)))
			}},
		{name: "another EncodingAESKey", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				return signed(rawEncrypt(t, "BKSZ70lDj0a4wtA2cRt3Ioq7pB7j22ESm1x3Hzg4Djv", padded(full, 25, 25)))
			}},
		{name: "pad byte 0", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) { return signed(rawEncrypt(t, shopAESKey, padded(full, 25, 0))) }},
		{name: "pad byte 33", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				return signed(rawEncrypt(t, shopAESKey, padded(padded(full, 24, 33), 1, 33)))
			}},
		{name: "pad bytes disagree", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				return signed(rawEncrypt(t, shopAESKey, padded(padded(full, 1, 24), 24, 25)))
			}},
		{name: "pad longer than the text", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				return signed(rawEncrypt(t, shopAESKey, padded([]byte("0123456789abcde"), 1, 32)))
			}},
		{name: "only padding", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) { return signed(rawEncrypt(t, shopAESKey, padded(nil, 32, 32))) }},
		{name: "length field beyond the data", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				f := frame(uint32(len(msg)+len(shopAppID)+1), msg, shopAppID)
				return signed(rawEncrypt(t, shopAESKey, padded(f, 25, 25)))
			}},
		{name: "length field 2^32-1", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				return signed(rawEncrypt(t, shopAESKey, padded(frame(^uint32(0), msg, shopAppID), 25, 25)))
			}},
		{name: "not whole AES blocks", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) {
				return signed(base64.StdEncoding.EncodeToString(make([]byte, 24)))
			}},
		{name: "not base64", want: wxapi.ErrBadCiphertext, field: "Encrypt",
			push: func() (map[string][]string, []byte) { return signed("订单" + good) }},
		{name: "stale timestamp", want: wxapi.ErrStaleTimestamp, field: "timestamp",
			at: shopAt.Add(4*time.Hour + time.Second), opts: wxapi.PushOptions{MaxAge: 4 * time.Hour},
			push: func() (map[string][]string, []byte) { return signed(good) }},
		{name: "timestamp from the future", want: wxapi.ErrStaleTimestamp, field: "timestamp",
			at: shopAt.Add(-time.Hour), opts: wxapi.PushOptions{MaxAge: 5 * time.Minute},
			push: func() (map[string][]string, []byte) { return signed(good) }},
		{name: "stale against the year 1", want: wxapi.ErrStaleTimestamp, field: "timestamp",
			at: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), opts: wxapi.PushOptions{MaxAge: time.Hour},
			push: func() (map[string][]string, []byte) { return signed(good) }},
		{name: "timestamp not a number", want: wxapi.ErrMalformedPush, field: "timestamp",
			opts: wxapi.PushOptions{MaxAge: time.Hour},
			push: func() (map[string][]string, []byte) {
				return signedQuery(k, "-1717200095", shopNonce, good), jsonEnvelope(good)
			}},
		{name: "timestamp in milliseconds", want: wxapi.ErrMalformedPush, field: "timestamp",
			opts: wxapi.PushOptions{MaxAge: time.Hour},
			push: func() (map[string][]string, []byte) {
				return signedQuery(k, "1717200095000", shopNonce, good), jsonEnvelope(good)
			}},
		{name: "bad signature before stale", want: wxapi.ErrBadSignature, field: "msg_signature",
			at: shopAt.Add(48 * time.Hour), opts: wxapi.PushOptions{MaxAge: time.Hour},
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				q["nonce"] = []string{"1"}
				return q, b
			}},
		{name: "oversize body", want: wxapi.ErrPushTooLarge, field: "(body)",
			push: func() (map[string][]string, []byte) {
				big := strings.Repeat("A", wxapi.MaxPushBody)
				return signed(big)
			}},
		{name: "missing msg_signature", want: wxapi.ErrMalformedPush, field: "msg_signature",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				delete(q, "msg_signature")
				return q, b
			}},
		{name: "missing timestamp", want: wxapi.ErrMalformedPush, field: "timestamp",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				q["timestamp"] = nil
				return q, b
			}},
		{name: "missing nonce", want: wxapi.ErrMalformedPush, field: "nonce",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				q["nonce"] = []string{""}
				return q, b
			}},
		{name: "not encrypted", want: wxapi.ErrMalformedPush, field: "encrypt_type",
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				delete(q, "encrypt_type")
				return q, b
			}},
		{name: "unknown encrypt_type", want: wxapi.ErrMalformedPush, field: "encrypt_type",
			opts: wxapi.PushOptions{AllowPlaintext: true},
			push: func() (map[string][]string, []byte) {
				q, b := signed(good)
				q["encrypt_type"] = []string{"AES"}
				return q, b
			}},
		{name: "nil query", want: wxapi.ErrMalformedPush, field: "timestamp",
			push: func() (map[string][]string, []byte) { return nil, jsonEnvelope(good) }},
	}
	for _, body := range []struct{ name, body string }{
		{"empty body", ""},
		{"white space", " \n\t"},
		{"null", "null"},
		{"array", `["` + good + `"]`},
		{"Encrypt a number", `{"Encrypt":1}`},
		{"no Encrypt", `{"ToUserName":"gh_7c1a2b3d4e5f"}`},
		{"empty Encrypt", `{"Encrypt":""}`},
		{"data after the JSON", `{"Encrypt":"` + good + `"}{}`},
		{"broken XML", `<xml><Encrypt><![CDATA[` + good + `]]></Encrypt>`},
		{"XML of another root", `<message><Encrypt><![CDATA[` + good + `]]></Encrypt></message>`},
		{"XML without Encrypt", `<xml><ToUserName><![CDATA[gh_7c1a2b3d4e5f]]></ToUserName></xml>`},
		{"form body", "Encrypt=" + good},
	} {
		tests = append(tests, struct {
			name  string
			push  func() (map[string][]string, []byte)
			at    time.Time
			opts  wxapi.PushOptions
			want  error
			field string
		}{name: body.name, want: wxapi.ErrMalformedPush,
			push: func() (map[string][]string, []byte) { q, _ := signed(good); return q, []byte(body.body) }})
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, body := tt.push()
			at := tt.at
			if at.IsZero() {
				at = shopAt
			}
			msg, err := k.OpenPush(q, body, at, tt.opts)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, msg)
			for _, other := range []error{wxapi.ErrBadSignature, wxapi.ErrWrongAppID, wxapi.ErrBadCiphertext,
				wxapi.ErrStaleTimestamp, wxapi.ErrMalformedPush, wxapi.ErrPushTooLarge, wxapi.ErrBadPushKey} {
				if other != tt.want {
					assert.NotErrorIs(t, err, other, "one sentinel per failure")
				}
			}
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "push", fe.Payload)
			if tt.field != "" {
				assert.Equal(t, tt.field, fe.Field)
			}
			assert.NotContains(t, err.Error(), shopToken)
			assert.NotContains(t, err.Error(), shopAESKey)
			assert.NotContains(t, err.Error(), "channels_ec_order_pay", "decrypted text never appears in an error")
			assert.NotContains(t, err.Error(), "_order_pay")
		})
	}
}

// TestOpenPushFreshness: inside the window, in either direction, a push opens; the default
// checks nothing.
func TestOpenPushFreshness(t *testing.T) {
	t.Parallel()
	k := shopKey(t)
	enc, err := k.Seal(fixedRandom(), []byte(payPush))
	require.NoError(t, err)
	q, body := signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc)
	sent := time.Unix(1717200095, 0)
	for _, tt := range []struct {
		at     time.Time
		maxAge time.Duration
	}{
		{sent, time.Second},
		{sent.Add(4 * time.Hour), 4 * time.Hour},
		{sent.Add(-4 * time.Hour), 4 * time.Hour},
		{sent.AddDate(5, 0, 0), 0},
		{sent.AddDate(5, 0, 0), -time.Hour},
		{time.Time{}, 0},
	} {
		msg, err := k.OpenPush(q, body, tt.at, wxapi.PushOptions{MaxAge: tt.maxAge})
		require.NoError(t, err, "at %s, max age %s", tt.at, tt.maxAge)
		assert.Equal(t, payPush, string(msg))
	}
}

// TestOpenPushPadding: every pad length from 1 to 32 opens, and a sealer that padded to 16
// (pad ≤ 16, whole AES blocks) is accepted too.
func TestOpenPushPadding(t *testing.T) {
	t.Parallel()
	k := shopKey(t)
	for n := 1; n <= 32; n++ {
		msg := strings.Repeat("x", 64-20-len(shopAppID)-n+32) // header + msg + appid + pad = 96
		f := padded(frame(uint32(len(msg)), msg, shopAppID), n, byte(n))
		require.Len(t, f, 96)
		enc := rawEncrypt(t, shopAESKey, f)
		got, err := k.OpenPush(signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc), shopAt, wxapi.PushOptions{})
		require.NoError(t, err, "pad %d", n)
		assert.Equal(t, msg, string(got))
	}
	msg := `{"Event":"debug_demo"}`
	f := frame(uint32(len(msg)), msg, shopAppID) // 60 bytes; padded to 16: 4 bytes of 4
	enc := rawEncrypt(t, shopAESKey, padded(f, 4, 4))
	got, err := k.OpenPush(signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc), shopAt, wxapi.PushOptions{})
	require.NoError(t, err)
	assert.Equal(t, msg, string(got))
}

// TestOpenPushLeavesInputAlone: opening does not write to the body or the query.
func TestOpenPushLeavesInputAlone(t *testing.T) {
	t.Parallel()
	k := shopKey(t)
	enc, err := k.Seal(fixedRandom(), []byte(payPush))
	require.NoError(t, err)
	q, body := signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc)
	before := string(body)
	sig := q["msg_signature"][0]
	_, err = k.OpenPush(q, body, shopAt, wxapi.PushOptions{})
	require.NoError(t, err)
	assert.Equal(t, before, string(body))
	assert.Equal(t, sig, q["msg_signature"][0])
}
