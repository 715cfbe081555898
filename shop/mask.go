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

// maskName keeps the first character of a name ("王**").
func maskName(name string) string {
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
