package wxapi

import "errors"

// Sentinels matched (with errors.Is) by the *FieldError values that NewPushKey, VerifyURL,
// OpenPush and the sealing functions return. The FieldError's Payload is "push key", "push
// verification", "push" or "push reply"; its Field names the query parameter ("msg_signature",
// "timestamp", ...), the envelope field ("Encrypt"), a part of the decrypted text ("appid") or
// the configuration value ("EncodingAESKey") at fault. Secrets (the token, the EncodingAESKey,
// the decrypted message) never appear in an error.
var (
	// ErrBadPushKey: the push configuration is invalid (an EncodingAESKey that is not 43
	// letters and digits, an empty token or appid, ...), or a zero PushKey was used.
	ErrBadPushKey = errors.New("invalid push key")
	// ErrBadSignature: signature or msg_signature does not match the token and the request:
	// the request did not come from the platform, or the token is wrong.
	ErrBadSignature = errors.New("push signature mismatch")
	// ErrWrongAppID: the push is correctly signed and decrypts, but was sealed for another
	// appid than the configured one.
	ErrWrongAppID = errors.New("push for another appid")
	// ErrBadCiphertext: the signed Encrypt is not base64, is not whole AES blocks, has bad
	// PKCS#7 padding, or its framing (16 random bytes, a 4-byte length, the message, the
	// appid) does not hold. A correctly signed push never has it unless the EncodingAESKey is
	// wrong.
	ErrBadCiphertext = errors.New("bad push ciphertext")
	// ErrStaleTimestamp: the push is correctly signed, but its timestamp is outside the
	// freshness window the host asked for (PushOptions.MaxAge).
	ErrStaleTimestamp = errors.New("push timestamp outside the freshness window")
	// ErrMalformedPush: the request is not a push of the expected shape: a query parameter is
	// missing, the body is neither the JSON nor the XML envelope, Encrypt is missing, or the
	// push is not encrypted while the host did not allow plaintext.
	ErrMalformedPush = errors.New("malformed push")
	// ErrPushTooLarge: the body is longer than MaxPushBody; it is refused before any work.
	ErrPushTooLarge = errors.New("push too large")
)

// Payload names of the push functions' errors.
const (
	payloadPushKey    = "push key"
	payloadPushVerify = "push verification"
	payloadPush       = "push"
	payloadPushReply  = "push reply"
)

// pushError builds the *FieldError the push functions return.
func pushError(payload, field, value string, err error) error {
	return &FieldError{Payload: payload, Field: field, Value: value, Err: err}
}
