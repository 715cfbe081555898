package wxapi_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// pushVector is one push of testdata/push_vectors.json, made with openssl by
// testdata/push_vectors.sh: an implementation of the platform's recipe that shares no code
// with wxapi.
type pushVector struct {
	Name           string            `json:"name"`
	Token          string            `json:"token"`
	EncodingAESKey string            `json:"encoding_aes_key"`
	AppID          string            `json:"appid"`
	Query          map[string]string `json:"query"`
	Body           string            `json:"body"`
	RandomHex      string            `json:"random_hex"`
	Pad            int               `json:"pad"`
	Message        string            `json:"message"`
	Encrypt        string            `json:"encrypt"`
}

func readPushVectors(t testing.TB) []pushVector {
	t.Helper()
	var file struct {
		Vectors []pushVector `json:"vectors"`
	}
	require.NoError(t, json.Unmarshal(readTestdata(t, "push_vectors.json"), &file))
	require.GreaterOrEqual(t, len(file.Vectors), 3)
	return file.Vectors
}

// query turns a vector's query into the map OpenPush takes.
func (v pushVector) query() map[string][]string {
	q := make(map[string][]string, len(v.Query))
	for name, value := range v.Query {
		q[name] = []string{value}
	}
	return q
}

func TestPushVectors(t *testing.T) {
	t.Parallel()
	// What each message decodes to: the debug push is not an event wxapi decodes.
	kinds := map[string]wxapi.EventKind{
		"order_pay":         wxapi.EventOrderPaid,
		"aftersale_update":  wxapi.EventAfterSaleUpdated,
		"order_cancel_pad1": wxapi.EventOrderCancelled,
		"debug_pad32":       0,
	}
	pads := map[int]bool{}
	for _, v := range readPushVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			k, err := wxapi.NewPushKey(v.Token, v.EncodingAESKey, v.AppID)
			require.NoError(t, err)
			ts, err := strconv.ParseInt(v.Query["timestamp"], 10, 64)
			require.NoError(t, err)
			at := time.Unix(ts, 0)

			msg, err := k.OpenPush(v.query(), []byte(v.Body), at.Add(2*time.Second), wxapi.PushOptions{MaxAge: 4 * time.Hour})
			require.NoError(t, err)
			assert.Equal(t, v.Message, string(msg))

			random, err := hex.DecodeString(v.RandomHex)
			require.NoError(t, err)
			enc, err := k.Seal(bytes.NewReader(random), []byte(v.Message))
			require.NoError(t, err)
			assert.Equal(t, v.Encrypt, enc, "sealing gives openssl's ciphertext (pad %d)", v.Pad)
			assert.Equal(t, v.Query["msg_signature"], k.MsgSignature(v.Query["timestamp"], v.Query["nonce"], v.Encrypt))
			assert.Equal(t, v.Query["signature"], k.Signature(v.Query["timestamp"], v.Query["nonce"]))

			reply, err := k.SealReply(bytes.NewReader(random), []byte(v.Message), at, v.Query["nonce"])
			require.NoError(t, err)
			assert.Equal(t, wxapi.PushReply{Encrypt: v.Encrypt, MsgSignature: v.Query["msg_signature"], TimeStamp: ts, Nonce: v.Query["nonce"]}, reply)

			ev, err := wxapi.DecodeEvent(msg)
			want, ok := kinds[v.Name]
			require.True(t, ok, "an expectation for every vector")
			if want == 0 {
				require.ErrorIs(t, err, wxapi.ErrUnsupportedEvent)
			} else {
				require.NoError(t, err)
				assert.Equal(t, want, ev.Kind())
			}
		})
		pads[v.Pad] = true
	}
	assert.True(t, pads[1] && pads[32], "the vectors cover the shortest and the longest padding")
}
