package wxapi

import (
	"crypto/cipher"
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/wxshop-go/wxshop/internal/text"
)

// envelopeRoom is what Seal leaves of MaxPushBody for the envelope around Encrypt, so that
// whatever Seal produces, OpenPush accepts.
const envelopeRoom = 512

// maxNonce bounds a reply's nonce: the platform's are about 10 digits.
const maxNonce = 128

// Seal encrypts message for the key's appid and returns the Encrypt string: the inverse of
// what OpenPush opens. random supplies the 16 random bytes that start the sealed text (a host
// passes crypto/rand.Reader; tests pass fixed bytes): wxapi itself never reads randomness.
//
// WeChat Shop events need no encrypted reply (the platform asks for "success" or an empty
// body); Seal is for hosts that must answer encrypted, and for tests that build pushes.
// An error matches ErrPushTooLarge for a message whose push would exceed MaxPushBody,
// ErrBadPushKey for the zero PushKey, or is the reader's error.
func (k PushKey) Seal(random io.Reader, message []byte) (string, error) {
	if !k.usable() {
		return "", errZeroKey(payloadPushReply)
	}
	n := headerLen + len(message) + len(k.appID)
	size := n + padBlock - n%padBlock // a whole block of padding when n is already whole blocks
	if base64.StdEncoding.EncodedLen(size) > MaxPushBody-envelopeRoom {
		return "", pushError(payloadPushReply, "message", strconv.Itoa(len(message))+" bytes",
			fmt.Errorf("%w: sealed, it would exceed MaxPushBody", ErrPushTooLarge))
	}
	if random == nil {
		return "", fmt.Errorf("wxapi: %s: no source of random bytes", payloadPushReply)
	}
	buf := make([]byte, size)
	if _, err := io.ReadFull(random, buf[:randomLen]); err != nil {
		return "", fmt.Errorf("wxapi: %s: reading %d random bytes: %w", payloadPushReply, randomLen, err)
	}
	binary.BigEndian.PutUint32(buf[randomLen:headerLen], uint32(len(message)))
	copy(buf[headerLen:], message)
	copy(buf[headerLen+len(message):], k.appID)
	for i := n; i < size; i++ {
		buf[i] = byte(size - n)
	}
	cipher.NewCBCEncrypter(k.secret().block, k.secret().iv[:]).CryptBlocks(buf, buf)
	return base64.StdEncoding.EncodeToString(buf), nil
}

// PushReply is an encrypted reply (or, built by a host's tests, the parts of an encrypted
// push). json.Marshal renders the platform's JSON form,
//
//	{"Encrypt":"…","MsgSignature":"…","TimeStamp":1713424427,"Nonce":"…"}
//
// and xml.Marshal its XML form,
//
//	<xml><Encrypt><![CDATA[…]]></Encrypt><MsgSignature><![CDATA[…]]></MsgSignature><TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[…]]></Nonce></xml>
type PushReply struct {
	Encrypt      string `json:"Encrypt"`
	MsgSignature string `json:"MsgSignature"`
	TimeStamp    int64  `json:"TimeStamp"`
	Nonce        string `json:"Nonce"`
}

// SealReply seals message (see Seal) and signs it with the time at and nonce: the platform's
// recipe for a reply is the URL's nonce echoed back and the time of the reply. The nonce must
// be printable ASCII without spaces, at a time between 1970 and 9999.
func (k PushKey) SealReply(random io.Reader, message []byte, at time.Time, nonce string) (PushReply, error) {
	if !k.usable() {
		return PushReply{}, errZeroKey(payloadPushReply)
	}
	if nonce == "" || len(nonce) > maxNonce || firstNotGraphic(nonce) >= 0 {
		return PushReply{}, pushError(payloadPushReply, "Nonce", text.Quote(nonce),
			fmt.Errorf("%w: must be 1 to %d bytes of printable ASCII", ErrMalformedPush, maxNonce))
	}
	ts := at.Unix()
	if ts <= 0 || ts > maxUnix {
		return PushReply{}, pushError(payloadPushReply, "TimeStamp", strconv.FormatInt(ts, 10),
			fmt.Errorf("%w: not a time between 1970 and 9999", ErrMalformedPush))
	}
	encrypt, err := k.Seal(random, message)
	if err != nil {
		return PushReply{}, err
	}
	stamp := strconv.FormatInt(ts, 10)
	return PushReply{Encrypt: encrypt, MsgSignature: k.MsgSignature(stamp, nonce, encrypt), TimeStamp: ts, Nonce: nonce}, nil
}

// cdata is an XML element whose text is written as CDATA, as the platform writes it.
type cdata struct {
	Text string `xml:",cdata"`
}

// MarshalXML renders the reply in the platform's XML form, always as the <xml> element.
func (r PushReply) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	w := struct {
		Encrypt      cdata `xml:"Encrypt"`
		MsgSignature cdata `xml:"MsgSignature"`
		TimeStamp    int64 `xml:"TimeStamp"`
		Nonce        cdata `xml:"Nonce"`
	}{cdata{r.Encrypt}, cdata{r.MsgSignature}, r.TimeStamp, cdata{r.Nonce}}
	return e.EncodeElement(w, xml.StartElement{Name: xml.Name{Local: "xml"}})
}
