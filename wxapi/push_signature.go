package wxapi

import (
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"slices"

	"github.com/wxshop-go/wxshop/internal/text"
)

// The platform signs a request as hex(sha1(concat(sort(items)))): the token and the request's
// values, sorted as strings, concatenated without separator. The URL's signature covers the
// token, timestamp and nonce; a push's msg_signature also covers the body's Encrypt.
// https://developers.weixin.qq.com/doc/channels/dev_before/base/message_push.md

// sigLen is the length of a signature: 20 bytes of SHA-1 in lower-case hex.
const sigLen = 2 * sha1.Size

// maxEchoStr bounds echostr: the platform sends a number of about 19 digits.
const maxEchoStr = 256

// sign returns hex(sha1(concat(sort(token, values...)))). It takes at most three values.
func (k PushKey) sign(values ...string) [sigLen]byte {
	var items [4]string
	items[0] = k.secret().token
	n := 1 + copy(items[1:], values)
	slices.Sort(items[:n])
	h := sha1.New()
	for _, s := range items[:n] {
		_, _ = io.WriteString(h, s)
	}
	var sum [sha1.Size]byte
	var out [sigLen]byte
	hex.Encode(out[:], h.Sum(sum[:0]))
	return out
}

// signedBy reports, in constant time, whether got is the signature of values.
func (k PushKey) signedBy(got string, values ...string) bool {
	want := k.sign(values...)
	return subtle.ConstantTimeCompare(want[:], []byte(got)) == 1
}

// Signature returns the URL's signature for timestamp and nonce: what the platform sends as
// signature when it verifies the URL, and with every push. A host's tests use it to build
// requests. The zero PushKey returns "".
func (k PushKey) Signature(timestamp, nonce string) string {
	if !k.usable() {
		return ""
	}
	s := k.sign(timestamp, nonce)
	return string(s[:])
}

// MsgSignature returns the msg_signature of a push (or the MsgSignature of a reply) with
// timestamp, nonce and the envelope's Encrypt. A host's tests use it to build pushes. The zero
// PushKey returns "".
func (k PushKey) MsgSignature(timestamp, nonce, encrypt string) string {
	if !k.usable() {
		return ""
	}
	s := k.sign(timestamp, nonce, encrypt)
	return string(s[:])
}

// VerifyURL answers the GET request the platform sends when the push URL is saved. query is
// the request's query (an url.Values from net/url can be passed as is). It checks signature
// against the token, timestamp and nonce in constant time and returns echostr, which the host
// writes back verbatim as the response body.
//
// echostr is not covered by the signature, so a replayed verification request could carry any
// echostr; VerifyURL accepts only a short string of letters, digits and "+/=_-." (the platform
// sends digits), so a host never echoes markup.
//
// An error is a *FieldError matching ErrBadSignature, ErrMalformedPush or ErrBadPushKey.
func (k PushKey) VerifyURL(query map[string][]string) (string, error) {
	if !k.usable() {
		return "", errZeroKey(payloadPushVerify)
	}
	var q [4]string
	for i, name := range [...]string{"signature", "timestamp", "nonce", "echostr"} {
		if q[i] = first(query, name); q[i] == "" {
			return "", pushError(payloadPushVerify, name, "", fmt.Errorf("%w: missing query parameter", ErrMalformedPush))
		}
	}
	signature, timestamp, nonce, echo := q[0], q[1], q[2], q[3]
	if !k.signedBy(signature, timestamp, nonce) {
		return "", pushError(payloadPushVerify, "signature", text.Quote(signature), ErrBadSignature)
	}
	if len(echo) > maxEchoStr || !echoSafe(echo) {
		return "", pushError(payloadPushVerify, "echostr", text.Quote(echo),
			fmt.Errorf("%w: not a short string of letters and digits", ErrMalformedPush))
	}
	return echo, nil
}

// echoSafe reports whether s holds only letters, digits and "+/=_-.".
func echoSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.':
		default:
			return false
		}
	}
	return true
}

// first returns the first value of a query parameter, as url.Values.Get does.
func first(query map[string][]string, name string) string {
	if vs := query[name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}
