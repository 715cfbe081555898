package text_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/internal/text"
)

func TestValid(t *testing.T) {
	t.Parallel()
	assert.True(t, text.Valid("龙井茶 SF-123"))
	assert.False(t, text.Valid("a\xffb"))
	assert.True(t, text.ValidAll("a", "茶", ""))
	assert.False(t, text.ValidAll("a", "\xc3"))
}

func TestQuote(t *testing.T) {
	t.Parallel()
	assert.Equal(t, `"a\xffb"`, text.Quote("a\xffb"), "invalid bytes are escaped")
	long := text.Quote(strings.Repeat("x", 10_000))
	assert.Less(t, len(long), 100, "a hostile value cannot make a message huge")
	assert.Contains(t, long, "10000 bytes")
}

func TestUnits(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "1 unit", text.Units(1))
	assert.Equal(t, "0 units", text.Units(0))
	assert.Equal(t, "3 units", text.Units(3))
}
