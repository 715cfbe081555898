package text

import (
	"unicode"
	"unicode/utf8"
)

// Printable reports whether s is valid UTF-8 without control characters (Unicode category Cc:
// the C0 range, DEL and the C1 range). What wxshop sends to the platform (a code, a reason, a
// page path) is shown to a buyer or a merchant, and a control character shows as nothing, or
// rewrites what a log or a terminal shows (a bare carriage return, an escape sequence).
func Printable(s string) bool { return printable(s, false) }

// PrintableLines is Printable that also allows line feeds ('\n'): free text a merchant writes
// in paragraphs. A carriage return is refused; a host normalises "\r\n" first.
func PrintableLines(s string) bool { return printable(s, true) }

func printable(s string, lines bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && !(lines && c == '\n')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) {
			return false
		}
		i += n
	}
	return true
}
