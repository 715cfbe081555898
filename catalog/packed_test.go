package catalog

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPackedAttrsRoundTrip(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("长", 200) // 600 bytes: a two-byte length
	for name, attrs := range map[string][]Attr{
		"none":         nil,
		"one":          {{Key: "颜色", Value: "红"}},
		"several":      {{Key: "颜色", Value: "红"}, {Key: "尺码", Value: "XL"}, {Key: "款式", Value: "长袖"}},
		"empty value":  {{Key: "k", Value: ""}, {Key: "", Value: "v"}},
		"long":         {{Key: long, Value: long + "x"}},
		"length bytes": {{Key: "\x00\x7f\x80", Value: "\xff"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := packAttrs(attrs)
			assert.Equal(t, attrs, unpackAttrs(p))
			assert.Equal(t, len(attrs), countAttrs(p))
			assert.Equal(t, attrs, appendAttrs(nil, p))
			for _, a := range attrs {
				v, ok := lookupAttr(p, a.Key)
				assert.True(t, ok, a.Key)
				assert.Equal(t, firstValue(attrs, a.Key), v)
			}
			_, ok := lookupAttr(p, "没有")
			assert.False(t, ok)
		})
	}
	assert.Empty(t, packAttrs([]Attr{}), "no attributes pack to the empty string, however given")
	assert.Nil(t, unpackAttrs(""))
}

func TestPackedStringsRoundTrip(t *testing.T) {
	t.Parallel()
	for _, ss := range [][]string{nil, {"a.jpg"}, {"a.jpg", "", "https://example.com/b.jpg"}, {strings.Repeat("x", 300)}} {
		p := packStrings(ss)
		assert.Equal(t, ss, unpackStrings(p))
		if len(ss) > 0 {
			assert.Equal(t, ss[0], firstPacked(p))
		}
	}
	assert.Empty(t, firstPacked(""))
}

// TestPackedEqualIsSliceEqual holds the comparison DriftOf makes (one string comparison) to the
// slow one it stands for (slices.Equal of the attribute lists), on lists built to be nearly
// equal: the same strings cut at other places, swapped, with an attribute more or less.
func TestPackedEqualIsSliceEqual(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 5))
	words := []string{"", "a", "ab", "b", "颜色", "红", "颜", "色红", "\x00", "\x01a", strings.Repeat("z", 130)}
	randomAttrs := func() []Attr {
		out := make([]Attr, rng.IntN(4))
		for i := range out {
			out[i] = Attr{Key: words[rng.IntN(len(words))], Value: words[rng.IntN(len(words))]}
		}
		return out
	}
	equal := 0
	for range 20000 {
		a, b := randomAttrs(), randomAttrs()
		if rng.IntN(3) == 0 {
			b = slices.Clone(a)
			if len(b) > 0 && rng.IntN(2) == 0 {
				b[rng.IntN(len(b))].Value += words[rng.IntN(len(words))]
			}
		}
		want := slices.Equal(a, b)
		if want {
			equal++
		}
		require.Equal(t, want, packAttrs(a) == packAttrs(b), "%q vs %q", a, b)
	}
	assert.Greater(t, equal, 3000, "enough equal pairs to mean something")
}

// FuzzPackedAttrs: any attributes pack and unpack to themselves, two lists pack equal exactly
// when they are equal, and reading any string as a packed list never panics.
func FuzzPackedAttrs(f *testing.F) {
	f.Add("颜色", "红", "尺码", "XL", "\x80\x01")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, raw string) {
		a := []Attr{{Key: k1, Value: v1}, {Key: k2, Value: v2}}
		b := []Attr{{Key: k1 + v1, Value: k2 + v2}}
		require.Equal(t, a, unpackAttrs(packAttrs(a)))
		require.Equal(t, slices.Equal(a, b), packAttrs(a) == packAttrs(b))
		require.Equal(t, slices.Equal(a[:1], a[1:]), packAttrs(a[:1]) == packAttrs(a[1:]))
		_ = unpackAttrs(raw)
		_ = unpackStrings(raw)
		_, _ = lookupAttr(raw, k1)
		_ = countAttrs(raw)
	})
}

func firstValue(attrs []Attr, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Value
		}
	}
	return ""
}
