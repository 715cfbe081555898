package wxapi_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomText returns n characters drawn from alphabet.
func randomText(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// TestPushSealOpenProperty: for random keys, messages, random prefixes, nonces and times,
// a sealed reply opens (in JSON and in XML) to the message it sealed, its ciphertext is whole
// 32-byte blocks, and changing any one character of Encrypt breaks the signature.
func TestPushSealOpenProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(20240601, 1717200095))
	for i := range 300 {
		token := randomText(r, 3+r.IntN(30), alnum+"_-!~")
		appID := "wx" + randomText(r, 16, "0123456789abcdef")
		k, err := wxapi.NewPushKey(token, randomText(r, 43, alnum), appID)
		require.NoError(t, err)

		message := make([]byte, r.IntN(3000))
		for j := range message {
			message[j] = byte(r.Uint32())
		}
		var prefix [16]byte
		for j := range prefix {
			prefix[j] = byte(r.Uint32())
		}
		at := time.Unix(1600000000+r.Int64N(400000000), 0)
		nonce := strconv.FormatUint(r.Uint64N(1e10), 10)

		reply, err := k.SealReply(bytes.NewReader(prefix[:]), message, at, nonce)
		require.NoError(t, err, "case %d", i)
		raw, err := base64.StdEncoding.DecodeString(reply.Encrypt)
		require.NoError(t, err)
		assert.Zero(t, len(raw)%32, "whole 32-byte blocks")
		assert.Greater(t, len(raw), 20+len(message)+len(appID)-1)

		q := map[string][]string{"timestamp": {strconv.FormatInt(reply.TimeStamp, 10)}, "nonce": {nonce},
			"msg_signature": {reply.MsgSignature}, "encrypt_type": {"aes"}}
		j, err := json.Marshal(reply)
		require.NoError(t, err)
		x, err := xml.Marshal(reply)
		require.NoError(t, err)
		for _, body := range [][]byte{j, x} {
			got, err := k.OpenPush(q, body, at, wxapi.PushOptions{MaxAge: time.Second})
			require.NoError(t, err, "case %d", i)
			require.Equal(t, message, got, "case %d", i)
		}

		// One character of Encrypt changed (to another base64 character): refused by the
		// signature, before any decryption.
		pos := r.IntN(len(reply.Encrypt) - 2)
		tampered := []byte(reply.Encrypt)
		tampered[pos] = alnum[(bytes.IndexByte([]byte(alnum), tampered[pos])+1+r.IntN(len(alnum)-1))%len(alnum)]
		bad := reply
		bad.Encrypt = string(tampered)
		j, err = json.Marshal(bad)
		require.NoError(t, err)
		_, err = k.OpenPush(q, j, at, wxapi.PushOptions{})
		require.ErrorIs(t, err, wxapi.ErrBadSignature, "case %d", i)
	}
}
