package wxapi

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/internal/text"
)

// Limits of the push configuration. The platform documents the EncodingAESKey's shape; it
// bounds the token only for other products (3 to 32 letters and digits for mini programs), so
// the bounds here are lenient.
const (
	encodingAESKeyLen = 43  // letters and digits, base64 of the 32-byte AES key without its "="
	maxTokenLen       = 128 // lenient: the platform's own forms allow 32
	maxAppIDLen       = 64  // an appid is "wx" and 16 hex digits
)

// PushKey is the message-push configuration of a shop (微信小店后台「服务市场」-「自研」-「消息推送」):
// the Token that signs every request, the EncodingAESKey that encrypts every push, and the
// appid the pushes are sealed for. Build it once with NewPushKey and share it: it is immutable
// and safe for concurrent use. It is not comparable.
//
// The token and the key are secrets: PushKey prints (with any fmt verb) and marshals to JSON
// as its appid only.
//
// The zero PushKey is not usable: every method returns an error matching ErrBadPushKey (the
// signing methods return "").
type PushKey struct {
	appID string
	// secret is reached through a function because fmt, spew and the like print a function
	// as an address whatever the verb, even inside a host's unexported field, where they
	// would print a pointed-to struct field by field.
	secret func() *pushSecret
}

// pushSecret is what PushKey must never print.
type pushSecret struct {
	token string
	block cipher.Block // AES-256 with the decoded EncodingAESKey
	iv    [aes.BlockSize]byte
}

// NewPushKey validates the configuration and builds the PushKey. The EncodingAESKey must be 43
// letters and digits (it is the base64 of the 32-byte AES key without its trailing "="); the
// token and the appid must be non-empty printable ASCII without spaces (a space is almost
// always a copy-paste slip that would make every signature fail).
//
// appID is the appid the platform seals pushes for: the shop's own AppID (the one its
// access_token is issued for). The WeChat Shop pages do not say so in as many words (the
// message-push pages of other products name their own appid, and SDKs use the shop's); a
// third-party platform receiving pushes on a shop's behalf may find its own appid there. So
// the appid is the host's to pass, and a push for another one is refused with ErrWrongAppID,
// which names the appid it carried.
//
// An error matches ErrBadPushKey and never contains the token or the key.
func NewPushKey(token, encodingAESKey, appID string) (PushKey, error) {
	if err := checkKeyText(encodingAESKey); err != nil {
		return PushKey{}, pushError(payloadPushKey, "EncodingAESKey", "", err)
	}
	if err := checkASCII(token, maxTokenLen); err != nil {
		return PushKey{}, pushError(payloadPushKey, "Token", "", err)
	}
	if err := checkASCII(appID, maxAppIDLen); err != nil {
		return PushKey{}, pushError(payloadPushKey, "AppID", text.Quote(appID), err)
	}
	// The platform's recipe: AESKey = Base64_Decode(EncodingAESKey + "="). The 43rd character
	// carries 2 bits that the decoding drops, so the non-strict decoder is the right one.
	raw, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(raw) != 32 {
		return PushKey{}, pushError(payloadPushKey, "EncodingAESKey", "", fmt.Errorf("%w: does not decode to 32 bytes", ErrBadPushKey))
	}
	block, err := aes.NewCipher(raw)
	if err != nil {
		return PushKey{}, pushError(payloadPushKey, "EncodingAESKey", "", fmt.Errorf("%w: %v", ErrBadPushKey, err))
	}
	secret := &pushSecret{token: token, block: block}
	copy(secret.iv[:], raw) // the IV is the first 16 bytes of the key, as in the platform's sample code
	return PushKey{appID: appID, secret: func() *pushSecret { return secret }}, nil
}

// checkKeyText checks the EncodingAESKey's shape, naming the first bad character by position
// only: the key must not end up in a log.
func checkKeyText(s string) error {
	if len(s) != encodingAESKeyLen {
		return fmt.Errorf("%w: must be %d letters and digits, got %d bytes", ErrBadPushKey, encodingAESKeyLen, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return fmt.Errorf("%w: character %d is not a letter or digit", ErrBadPushKey, i+1)
		}
	}
	return nil
}

// checkASCII checks a token or appid: 1 to limit bytes of printable ASCII, no spaces.
func checkASCII(s string, limit int) error {
	if s == "" {
		return fmt.Errorf("%w: empty", ErrBadPushKey)
	}
	if len(s) > limit {
		return fmt.Errorf("%w: longer than %d bytes", ErrBadPushKey, limit)
	}
	if i := firstNotGraphic(s); i >= 0 {
		return fmt.Errorf("%w: byte %d is not printable ASCII (or is a space)", ErrBadPushKey, i+1)
	}
	return nil
}

// firstNotGraphic returns the index of the first byte of s outside '!'..'~', or -1.
func firstNotGraphic(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '!' || s[i] > '~' {
			return i
		}
	}
	return -1
}

// usable reports whether k was built by NewPushKey.
func (k PushKey) usable() bool { return k.secret != nil }

// errZeroKey is returned by every method of the zero PushKey.
func errZeroKey(payload string) error {
	return pushError(payload, "PushKey", "", fmt.Errorf("%w: the zero PushKey; build one with NewPushKey", ErrBadPushKey))
}

// AppID returns the appid pushes must be sealed for.
func (k PushKey) AppID() string { return k.appID }

// String renders "wxapi.PushKey(appid wxba5fad812f8e6fb9)": the appid only, never a secret.
func (k PushKey) String() string {
	if !k.usable() {
		return "wxapi.PushKey(unset)"
	}
	return "wxapi.PushKey(appid " + k.appID + ")"
}

// GoString renders the key for %#v with the secrets redacted.
func (k PushKey) GoString() string {
	if !k.usable() {
		return "wxapi.PushKey{}"
	}
	return "wxapi.PushKey{AppID: " + strconv.Quote(k.appID) + ", Token: <redacted>, EncodingAESKey: <redacted>}"
}

// Format implements fmt.Formatter so that no verb (%v, %+v, %x, %q, ...) can print the token
// or the key: %#v prints GoString, every other verb String.
func (k PushKey) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = f.Write([]byte(k.GoString()))
		return
	}
	_, _ = f.Write([]byte(k.String()))
}

// MarshalJSON renders {"appid": "…"}: a PushKey inside a host's logged or stored configuration
// never writes the token or the key.
func (k PushKey) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		AppID string `json:"appid"`
	}{k.appID})
}
