package wxapi

import "strconv"

// path is the JSON path of the field being decoded, as a chain of stack values. It is turned
// into text only when an error names it, so decoding a valid payload builds no strings.
type path struct {
	parent *path
	key    string // field name; empty for an array element
	index  int    // array index when key is empty
}

// root starts a path at a top-level field.
func root(key string) path { return path{key: key} }

// at is the path of the field key inside p.
func (p *path) at(key string) path { return path{parent: p, key: key} }

// elem is the path of element i of the array at p.
func (p *path) elem(i int) path { return path{parent: p, index: i} }

// String renders the path as "a.b[2].c".
func (p *path) String() string {
	return string(p.append(nil))
}

func (p *path) append(b []byte) []byte {
	if p == nil {
		return b
	}
	b = p.parent.append(b)
	if p.key == "" {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(p.index), 10)
		return append(b, ']')
	}
	if len(b) > 0 {
		b = append(b, '.')
	}
	return append(b, p.key...)
}
