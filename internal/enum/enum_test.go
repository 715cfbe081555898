package enum_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/enum"
)

type color uint8

// String delegates to the set, as every domain enum does; formatting an unknown value must not
// recurse through it.
func (c color) String() string { return colors.Name(c) }

type word string

func (w word) String() string { return words.Name(w) }

var words = enum.New("test.word", enum.Spec[word]{Value: "A", Name: "a", Label: "甲"})

func TestUnknownValuesDoNotRecurse(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "test.color(9)", color(9).String())
	assert.Equal(t, `test.word("B")`, word("B").String())
	assert.EqualError(t, words.Check("B"), `unknown test.word "B"`)
	_, err := colors.MarshalText(9)
	assert.EqualError(t, err, "unknown test.color 9")
}

var colors = enum.New("test.color",
	enum.Spec[color]{Value: 1, Name: "red", Label: "红"},
	enum.Spec[color]{Value: 5, Name: "blue", Label: "蓝"},
)

func TestSet(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []color{1, 5}, colors.Values())
	assert.True(t, colors.Valid(5))
	assert.False(t, colors.Valid(2))
	assert.Equal(t, "blue", colors.Name(5))
	assert.Equal(t, "蓝", colors.Label(5))
	assert.Equal(t, "test.color(2)", colors.Name(2))
	assert.Equal(t, "test.color(2)", colors.Label(2))

	v, err := colors.Parse("red")
	require.NoError(t, err)
	assert.Equal(t, color(1), v)

	_, err = colors.Parse("green")
	require.ErrorIs(t, err, enum.ErrUnknown)
	assert.EqualError(t, err, `unknown test.color "green"`)

	require.NoError(t, colors.Check(1))
	require.ErrorIs(t, colors.Check(9), enum.ErrUnknown)
	assert.EqualError(t, colors.Check(9), "unknown test.color 9")
}

func TestText(t *testing.T) {
	t.Parallel()
	b, err := colors.MarshalText(5)
	require.NoError(t, err)
	assert.Equal(t, "blue", string(b))
	_, err = colors.MarshalText(7)
	require.ErrorIs(t, err, enum.ErrUnknown)

	c := color(5)
	require.ErrorIs(t, colors.UnmarshalText(&c, []byte("nope")), enum.ErrUnknown)
	assert.Equal(t, color(5), c, "a rejected text leaves the value unchanged")
	require.NoError(t, colors.UnmarshalText(&c, []byte("red")))
	assert.Equal(t, color(1), c)
}

func TestNewPanicsOnDuplicates(t *testing.T) {
	t.Parallel()
	assert.Panics(t, func() {
		enum.New("dup", enum.Spec[color]{Value: 1, Name: "a"}, enum.Spec[color]{Value: 1, Name: "b"})
	})
	assert.Panics(t, func() {
		enum.New("dup", enum.Spec[color]{Value: 1, Name: "a"}, enum.Spec[color]{Value: 2, Name: "a"})
	})
}

func TestNameAllocatesNothing(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = colors.Name(5); _ = colors.Label(1) }))
}

func FuzzParse(f *testing.F) {
	f.Add("red")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := colors.Parse(s)
		if err != nil {
			require.ErrorIs(t, err, enum.ErrUnknown)
			return
		}
		assert.Equal(t, s, colors.Name(v))
	})
}
