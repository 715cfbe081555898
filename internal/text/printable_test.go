package text_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/internal/text"
)

func TestPrintable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		s         string
		one, many bool // Printable, PrintableLines
	}{
		{"empty", "", true, true},
		{"Chinese and ASCII", "买家寄回商品影响二次销售 (SN-123)", true, true},
		{"emoji and zero-width joiner", "👨‍👩‍👧", true, true},
		{"line feed", "第一行\n第二行", false, true},
		{"carriage return", "a\r\nb", false, false},
		{"tab", "a\tb", false, false},
		{"NUL", "a\x00b", false, false},
		{"escape", "\x1b[2J", false, false},
		{"DEL", "a\x7f", false, false},
		{"C1 next line", "a\u0085b", false, false},
		{"invalid UTF-8", "a\xffb", false, false},
		{"truncated rune", "茶"[:2], false, false},
		{"U+FFFD itself", "\ufffd", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.one, text.Printable(tt.s), "Printable(%q)", tt.s)
			assert.Equal(t, tt.many, text.PrintableLines(tt.s), "PrintableLines(%q)", tt.s)
		})
	}
}
