package wxapi

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"time"

	"github.com/wxshop-go/wxshop/internal/text"
)

// MaxPushBody is the longest push body OpenPush accepts: 1 MiB, far above any event (a few
// hundred bytes), so that a hostile body is refused before any work. A host can read the
// request body through io.LimitReader(body, MaxPushBody+1) and let OpenPush refuse the rest.
const MaxPushBody = 1 << 20

// The platform's framing of an encrypted push (消息加解密, 安全模式):
//
//	Encrypt  = Base64_Encode(AES-256-CBC(FullStr)), key = Base64_Decode(EncodingAESKey + "="),
//	           IV = the key's first 16 bytes
//	FullStr  = random(16 B) ‖ msg_len (4 B, big-endian) ‖ msg ‖ appid ‖ PKCS#7 padding to 32 B
//
// The padding block is 32 bytes (the key's length), not AES's 16: pad values run from 1 to 32.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
const (
	randomLen = 16
	headerLen = randomLen + 4 // random ‖ msg_len
	padBlock  = 32
)

// PushOptions says how OpenPush treats the request beyond the platform's checks.
type PushOptions struct {
	// MaxAge, when positive, refuses a push whose URL timestamp is further than MaxAge from
	// the time OpenPush is given, in either direction (ErrStaleTimestamp). Zero or negative
	// means no check, the default: the platform documents no freshness window, retries a push
	// for about 3.6 hours, and does not say whether a retry carries a new timestamp. A host
	// that sets it should use at least 4 hours; a replayed push is harmless anyway, because
	// ApplyToOrder and ApplyToCase apply each push once whatever its timestamp.
	MaxAge time.Duration
	// AllowPlaintext accepts pushes without encrypt_type=aes (明文模式): the URL signature is
	// checked and the body is returned as is. WeChat Shop allows only safe mode (安全模式,
	// "视频号小店只允许安全模式，不可选择"), so a shop receiver leaves it false and an unencrypted
	// push is an error. In plaintext mode the signature does not cover the body: anyone who
	// saw one signed URL can send any body with it.
	AllowPlaintext bool
}

// pushEnvelope is the body of an encrypted push, in JSON ({"ToUserName", "Encrypt"}) or XML
// (<xml><ToUserName/><Encrypt/></xml>).
type pushEnvelope struct {
	XMLName    xml.Name `json:"-" xml:"xml"`
	ToUserName string   `json:"ToUserName" xml:"ToUserName"`
	Encrypt    string   `json:"Encrypt" xml:"Encrypt"`
}

// OpenPush checks and opens one event push (the platform's POST) and returns the message: the
// event's JSON, for DecodeEvent. query is the request's query (an url.Values from net/url can
// be passed as is), body the request body, at the time the request arrived.
//
// In order, and nothing is decrypted before the signature holds:
//
//  1. a body longer than MaxPushBody is refused (ErrPushTooLarge);
//  2. timestamp and nonce must be present, and encrypt_type "aes" unless
//     opts.AllowPlaintext (ErrMalformedPush);
//  3. the envelope is read: JSON, or XML when its first non-space byte is "<" (ErrMalformedPush);
//  4. msg_signature must be the signature of the token, timestamp, nonce and the envelope's
//     Encrypt, compared in constant time (ErrBadSignature); the URL's signature does not
//     cover the body and is not used;
//  5. with opts.MaxAge, the timestamp must be within MaxAge of at (ErrStaleTimestamp);
//  6. Encrypt is decrypted and its padding and framing checked (ErrBadCiphertext), and the
//     appid it ends with must be the key's (ErrWrongAppID).
//
// Every error is a *FieldError matching one of those sentinels, or ErrBadPushKey for the zero
// PushKey. The returned slice is the caller's.
func (k PushKey) OpenPush(query map[string][]string, body []byte, at time.Time, opts PushOptions) ([]byte, error) {
	if !k.usable() {
		return nil, errZeroKey(payloadPush)
	}
	if len(body) > MaxPushBody {
		return nil, pushError(payloadPush, "(body)", strconv.Itoa(len(body))+" bytes",
			fmt.Errorf("%w: above the limit of %d bytes", ErrPushTooLarge, MaxPushBody))
	}
	timestamp, nonce := first(query, "timestamp"), first(query, "nonce")
	if timestamp == "" {
		return nil, missingParam("timestamp")
	}
	if nonce == "" {
		return nil, missingParam("nonce")
	}
	switch mode := first(query, "encrypt_type"); {
	case mode == "aes":
	case opts.AllowPlaintext && (mode == "" || mode == "raw"):
		return k.openPlain(query, body, timestamp, nonce, at, opts)
	default:
		value := ""
		if mode != "" {
			value = text.Quote(mode)
		}
		return nil, pushError(payloadPush, "encrypt_type", value,
			fmt.Errorf("%w: not an encrypted push (WeChat Shop pushes are always encrypted, encrypt_type=aes)", ErrMalformedPush))
	}
	signature := first(query, "msg_signature")
	if signature == "" {
		return nil, missingParam("msg_signature")
	}
	encrypt, err := readEnvelope(body)
	if err != nil {
		return nil, err
	}
	if !k.signedBy(signature, timestamp, nonce, encrypt) {
		return nil, pushError(payloadPush, "msg_signature", text.Quote(signature), ErrBadSignature)
	}
	if err := checkFresh(timestamp, at, opts.MaxAge); err != nil {
		return nil, err
	}
	return k.decrypt(encrypt)
}

// openPlain is OpenPush in plaintext mode: the URL's signature, then the body as sent.
func (k PushKey) openPlain(query map[string][]string, body []byte, timestamp, nonce string, at time.Time, opts PushOptions) ([]byte, error) {
	signature := first(query, "signature")
	if signature == "" {
		return nil, missingParam("signature")
	}
	if !k.signedBy(signature, timestamp, nonce) {
		return nil, pushError(payloadPush, "signature", text.Quote(signature), ErrBadSignature)
	}
	if err := checkFresh(timestamp, at, opts.MaxAge); err != nil {
		return nil, err
	}
	msg := make([]byte, len(body))
	copy(msg, body)
	return msg, nil
}

func missingParam(name string) error {
	return pushError(payloadPush, name, "", fmt.Errorf("%w: missing query parameter", ErrMalformedPush))
}

// readEnvelope returns the envelope's Encrypt. Nothing else of the body is read: it is not
// signed.
func readEnvelope(body []byte) (string, error) {
	var env pushEnvelope
	var err error
	switch firstByte(body) {
	case '{':
		err = json.Unmarshal(body, &env)
	case '<':
		err = xml.Unmarshal(body, &env)
	default:
		return "", pushError(payloadPush, "(body)", "", fmt.Errorf("%w: neither a JSON nor an XML envelope", ErrMalformedPush))
	}
	if err != nil {
		return "", pushError(payloadPush, "(body)", "", fmt.Errorf("%w: %v", ErrMalformedPush, err))
	}
	if env.Encrypt == "" {
		return "", pushError(payloadPush, "Encrypt", "", fmt.Errorf("%w: missing", ErrMalformedPush))
	}
	return env.Encrypt, nil
}

// firstByte returns the first byte of b that is not JSON or XML white space, or 0.
func firstByte(b []byte) byte {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c
		}
	}
	return 0
}

// checkFresh refuses a timestamp further than maxAge from at; maxAge ≤ 0 accepts any.
func checkFresh(timestamp string, at time.Time, maxAge time.Duration) error {
	if maxAge <= 0 {
		return nil
	}
	sec, err := strconv.ParseUint(timestamp, 10, 64)
	if err != nil || sec > maxUnix {
		return pushError(payloadPush, "timestamp", text.Quote(timestamp),
			fmt.Errorf("%w: not a Unix time in seconds", ErrMalformedPush))
	}
	sent := time.Unix(int64(sec), 0).UTC()
	// Sub saturates, so an extreme at cannot overflow the comparison.
	if d := at.Sub(sent); d > maxAge || d < -maxAge {
		return pushError(payloadPush, "timestamp", timestamp,
			fmt.Errorf("%w: sent %s, received %s, more than %s apart", ErrStaleTimestamp,
				sent.Format(time.RFC3339), at.UTC().Format(time.RFC3339), maxAge))
	}
	return nil
}

// decrypt opens a signed Encrypt and returns the message.
func (k PushKey) decrypt(encrypt string) ([]byte, error) {
	buf, err := base64.StdEncoding.DecodeString(encrypt)
	if err != nil {
		return nil, badCiphertext("not base64")
	}
	if len(buf) == 0 || len(buf)%aes.BlockSize != 0 {
		// A well-formed push is whole 32-byte blocks; whole AES blocks are accepted, leniently,
		// for a sealer that padded to 16.
		return nil, badCiphertext(strconv.Itoa(len(buf)) + " bytes is not a whole number of AES blocks")
	}
	cipher.NewCBCDecrypter(k.secret().block, k.secret().iv[:]).CryptBlocks(buf, buf)

	pad := int(buf[len(buf)-1])
	switch {
	case pad < 1 || pad > padBlock:
		return nil, badCiphertext("padding byte " + strconv.Itoa(pad) + " is not in 1..32")
	case pad > len(buf):
		return nil, badCiphertext("padding of " + strconv.Itoa(pad) + " bytes is longer than the " + strconv.Itoa(len(buf)) + " bytes")
	}
	for _, c := range buf[len(buf)-pad:] {
		if int(c) != pad {
			return nil, badCiphertext("padding bytes disagree")
		}
	}
	full := buf[:len(buf)-pad]
	if len(full) < headerLen {
		return nil, badCiphertext("shorter than the 20-byte header")
	}
	n := uint64(binary.BigEndian.Uint32(full[randomLen:headerLen]))
	rest := full[headerLen:]
	if n > uint64(len(rest)) {
		return nil, badCiphertext("message length " + strconv.FormatUint(n, 10) + " is beyond the " +
			strconv.Itoa(len(rest)) + " bytes left")
	}
	msg, appID := rest[:n:n], rest[n:]
	if subtle.ConstantTimeCompare(appID, []byte(k.appID)) != 1 {
		return nil, pushError(payloadPush, "appid", shownAppID(appID), fmt.Errorf("%w: want %s", ErrWrongAppID, k.appID))
	}
	return msg, nil
}

// shownAppID renders the appid a push was sealed for, for an error: as text when it looks
// like an appid, else by its length only, since a wrong length field can put part of the
// message there.
func shownAppID(b []byte) string {
	if len(b) == 0 || len(b) > 32 {
		return "(" + strconv.Itoa(len(b)) + " bytes)"
	}
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return "(" + strconv.Itoa(len(b)) + " bytes)"
		}
	}
	return string(b)
}

func badCiphertext(why string) error {
	return pushError(payloadPush, "Encrypt", "", fmt.Errorf("%w: %s", ErrBadCiphertext, why))
}
