package catalog

import "encoding/binary"

// A packed list is a list of strings laid end to end in one string, each after its length as a
// uvarint. The catalog keeps a SKU's attributes (key, value, key, value, ...) and a product's
// images this way: one allocation and one string header for the whole list instead of a slice
// header, a backing array and a header per string. The encoding is one-to-one, so two lists are
// equal exactly when their packed strings are (see TestPackedEqualIsSliceEqual), and every
// string, empty or not, reads back exactly as it was written.
//
// Packed strings are made only by the functions below. Comparing one, or looking a value up in
// it, allocates nothing; unpacking returns a fresh slice.

// packAttrs packs attributes as key, value, key, value, ...; "" for none.
func packAttrs(attrs []Attr) string {
	n := 0
	for _, a := range attrs {
		n += uvarintLen(len(a.Key)) + len(a.Key) + uvarintLen(len(a.Value)) + len(a.Value)
	}
	b := make([]byte, 0, n)
	for _, a := range attrs {
		b = appendPacked(appendPacked(b, a.Key), a.Value)
	}
	return string(b)
}

// packStrings packs a list of strings; "" for none.
func packStrings(ss []string) string {
	n := 0
	for _, s := range ss {
		n += uvarintLen(len(s)) + len(s)
	}
	b := make([]byte, 0, n)
	for _, s := range ss {
		b = appendPacked(b, s)
	}
	return string(b)
}

// unpackAttrs returns a fresh copy of packed attributes; nil for none. The strings share the
// packed string's memory, which never changes.
func unpackAttrs(p string) []Attr {
	if p == "" {
		return nil
	}
	return appendAttrs(make([]Attr, 0, countAttrs(p)), p)
}

// appendAttrs appends packed attributes to dst.
func appendAttrs(dst []Attr, p string) []Attr {
	for it := p; it != ""; {
		var a Attr
		a.Key, it = nextPacked(it)
		a.Value, it = nextPacked(it)
		dst = append(dst, a)
	}
	return dst
}

// countAttrs returns the number of packed attributes.
func countAttrs(p string) int {
	n := 0
	for it := p; it != ""; n++ {
		_, it = nextPacked(it)
		_, it = nextPacked(it)
	}
	return n
}

// lookupAttr returns the value of the packed attribute named key.
func lookupAttr(p, key string) (string, bool) {
	for it := p; it != ""; {
		var k, v string
		k, it = nextPacked(it)
		v, it = nextPacked(it)
		if k == key {
			return v, true
		}
	}
	return "", false
}

// unpackStrings returns a fresh copy of a packed list of strings; nil for none.
func unpackStrings(p string) []string {
	if p == "" {
		return nil
	}
	n := 0
	for it := p; it != ""; n++ {
		_, it = nextPacked(it)
	}
	out := make([]string, 0, n)
	for it := p; it != ""; {
		var s string
		s, it = nextPacked(it)
		out = append(out, s)
	}
	return out
}

// firstPacked returns the first string of a packed list ("" for none).
func firstPacked(p string) string {
	s, _ := nextPacked(p)
	return s
}

// nextPacked splits the first string off a packed list. A list the functions above did not
// write cannot reach it; should one, it ends the list rather than read past it.
func nextPacked(p string) (s, rest string) {
	var n uint64
	for i, shift := 0, uint(0); i < len(p) && shift < 64; i, shift = i+1, shift+7 {
		b := p[i]
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			p = p[i+1:]
			if n > uint64(len(p)) {
				return p, ""
			}
			return p[:n], p[n:]
		}
	}
	return "", ""
}

// appendPacked appends s with its length to a packed list.
func appendPacked(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// uvarintLen is the length of n's uvarint.
func uvarintLen(n int) int {
	k := 1
	for ; n >= 0x80; n >>= 7 {
		k++
	}
	return k
}
