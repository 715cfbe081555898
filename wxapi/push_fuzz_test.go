package wxapi_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// pushSentinels are the errors OpenPush can match; every refusal matches exactly one.
var pushSentinels = []error{wxapi.ErrBadSignature, wxapi.ErrWrongAppID, wxapi.ErrBadCiphertext,
	wxapi.ErrStaleTimestamp, wxapi.ErrMalformedPush, wxapi.ErrPushTooLarge, wxapi.ErrBadPushKey}

// requirePushRefusal checks a refusal: a *FieldError matching exactly one sentinel.
func requirePushRefusal(t *testing.T, err error) {
	t.Helper()
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	matched := 0
	for _, s := range pushSentinels {
		if errors.Is(err, s) {
			matched++
		}
	}
	require.Equal(t, 1, matched, "%v", err)
	require.NotEmpty(t, err.Error())
}

// envelopeEncrypt is the test's own reading of a body's Encrypt: JSON, or XML when the first
// non-space byte is "<".
func envelopeEncrypt(body []byte) string {
	var env struct {
		Encrypt string `json:"Encrypt" xml:"Encrypt"`
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '<' {
		_ = xml.Unmarshal(body, &env)
	} else {
		_ = json.Unmarshal(body, &env)
	}
	return env.Encrypt
}

// FuzzOpenPush: any request is refused with one sentinel or opened, and only correctly signed
// requests open: a safe-mode push whose msg_signature signs its Encrypt, a plaintext push
// (when allowed) whose signature signs its timestamp and nonce.
func FuzzOpenPush(f *testing.F) {
	k := shopKey(f)
	enc, err := k.Seal(fixedRandom(), []byte(payPush))
	require.NoError(f, err)
	sig := k.MsgSignature(shopStamp, shopNonce, enc)
	f.Add(shopStamp, shopNonce, sig, "aes", jsonEnvelope(enc), false)
	f.Add(shopStamp, shopNonce, sig, "aes", []byte(`<xml><Encrypt><![CDATA[`+enc+`]]></Encrypt></xml>`), false)
	f.Add(shopStamp, shopNonce, k.Signature(shopStamp, shopNonce), "", []byte(payPush), true)
	f.Add(shopStamp, shopNonce, sig, "aes", jsonEnvelope(enc[1:]), false)
	f.Add(shopStamp, shopNonce, sig, "raw", []byte(`{}`), true)
	f.Add("", "", "", "", []byte(nil), false)
	f.Add("1", "1", "0000000000000000000000000000000000000000", "aes", []byte(`{"Encrypt":"AAAA"}`), false)
	f.Add(shopStamp, shopNonce, sig, "aes", []byte(`<xml><Encrypt>`), true)
	f.Fuzz(func(t *testing.T, timestamp, nonce, signature, encryptType string, body []byte, plaintext bool) {
		q := map[string][]string{
			"timestamp": {timestamp}, "nonce": {nonce}, "encrypt_type": {encryptType},
			"signature": {signature}, "msg_signature": {signature},
		}
		msg, err := k.OpenPush(q, body, shopAt, wxapi.PushOptions{AllowPlaintext: plaintext})
		if err != nil {
			require.Nil(t, msg)
			requirePushRefusal(t, err)
			return
		}
		if encryptType == "aes" {
			require.Equal(t, k.MsgSignature(timestamp, nonce, envelopeEncrypt(body)), signature, "opened without a valid msg_signature")
			require.Less(t, len(msg), len(body))
			return
		}
		require.True(t, plaintext, "a plaintext push opened while not allowed")
		require.Equal(t, k.Signature(timestamp, nonce), signature, "opened without a valid signature")
		require.Equal(t, body, msg)
	})
}

// FuzzOpenPushDecrypted: the fuzzer writes the decrypted text itself (padding and framing
// included); it is encrypted and correctly signed, so the signature check passes and the
// unpadding and framing are under test. OpenPush must agree with a direct reading of the
// platform's recipe: open exactly the well-formed texts, to the same message.
func FuzzOpenPushDecrypted(f *testing.F) {
	k := shopKey(f)
	msg := `{"Event":"channels_ec_order_pay"}`
	full := frame(uint32(len(msg)), msg, shopAppID)
	f.Add(padded(full, 25, 25))
	f.Add(padded(full, 25, 0))
	f.Add(padded(full, 9, 9)) // padded to 16
	f.Add(padded(frame(uint32(len(msg)), msg, "wx91c4e07b3a5d2f68"), 25, 25))
	f.Add(padded(frame(^uint32(0), msg, shopAppID), 25, 25))
	f.Add(padded(nil, 32, 32))
	f.Add(padded(frame(0, "", shopAppID), 26, 26))
	f.Fuzz(func(t *testing.T, full []byte) {
		full = full[:len(full)/16*16]
		if len(full) == 0 || len(full) > 4096 {
			return
		}
		enc := rawEncrypt(t, shopAESKey, full)
		got, err := k.OpenPush(signedQuery(k, shopStamp, shopNonce, enc), jsonEnvelope(enc), shopAt, wxapi.PushOptions{})

		want, wantErr := referenceOpen(full, shopAppID)
		if wantErr != nil {
			require.ErrorIs(t, err, wantErr)
			require.Nil(t, got)
			requirePushRefusal(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

// referenceOpen reads a decrypted text by the platform's recipe, written as plainly as
// possible: PKCS#7 padding of 1 to 32 equal bytes, then 16 random bytes, a big-endian length,
// the message and the appid.
func referenceOpen(full []byte, appID string) ([]byte, error) {
	pad := int(full[len(full)-1])
	if pad == 0 || pad > 32 || pad > len(full) {
		return nil, wxapi.ErrBadCiphertext
	}
	if !bytes.Equal(full[len(full)-pad:], bytes.Repeat([]byte{byte(pad)}, pad)) {
		return nil, wxapi.ErrBadCiphertext
	}
	text := full[:len(full)-pad]
	if len(text) < 20 {
		return nil, wxapi.ErrBadCiphertext
	}
	n := int64(binary.BigEndian.Uint32(text[16:20]))
	if n > int64(len(text)-20) {
		return nil, wxapi.ErrBadCiphertext
	}
	if string(text[20+n:]) != appID {
		return nil, wxapi.ErrWrongAppID
	}
	return text[20 : 20+n], nil
}
