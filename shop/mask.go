package shop

import (
	"unicode/utf8"
)

// MaskPhone masks a phone number for logs, keeping the first three and the last four digits
// ("138****8000"); anything shorter than eight characters becomes "****".
func MaskPhone(phone string) string {
	if len(phone) < 8 {
		return "****"
	}
	return phone[:3] + "****" + phone[len(phone)-4:]
}

// MaskName masks a person's name for logs, keeping its first character ("王**").
func MaskName(name string) string {
	if name == "" {
		return ""
	}
	_, n := utf8.DecodeRuneInString(name)
	rest := utf8.RuneCountInString(name[n:])
	out := name[:n]
	for range min(rest, 4) {
		out += "*"
	}
	return out
}

// MaskID masks an identifier of a person (an openid, a unionid) for logs, keeping its first
// four characters ("o9Ag****"), enough to tell two buyers apart in one log; anything of eight
// characters or fewer becomes "****".
func MaskID(id string) string {
	if len(id) <= 8 {
		return "****"
	}
	return id[:4] + "****"
}
