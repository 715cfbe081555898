package catalog

// attrTable holds each distinct list of sale attributes of the catalog's SKUs once, packed
// (see packAttrs): thousands of products have a SKU 颜色=红, and their rows share one string
// through a 4-byte reference. An entry counts the rows that hold it and goes when the last one
// lets go, so the table never keeps a list no SKU has.
//
// Reference 0 is the empty list; reference r > 0 is entry r-1. The strings handed out (to SKU
// values, snapshots) are the entries' own and never change; a freed entry's string lives on
// in whatever still holds it.
type attrTable struct {
	lists []attrList
	free  []uint32 // freed entries, taken again first
	ix    index    // packed list → entry
}

type attrList struct {
	packed string
	rows   uint32 // rows holding the list; 0 for a free entry
}

// str returns the packed list of reference r.
func (t *attrTable) str(r uint32) string {
	if r == 0 {
		return ""
	}
	return t.lists[r-1].packed
}

// find returns the reference of a packed list, if some row holds it.
func (t *attrTable) find(packed string) (uint32, bool) {
	if packed == "" {
		return 0, true
	}
	h := hashOf(packed)
	for i := h; ; {
		e, next, ok := t.ix.match(h, i)
		switch {
		case !ok:
			return 0, false
		case t.lists[e].packed == packed:
			return e + 1, true
		}
		i = next
	}
}

// hold returns the reference of a packed list for one more row holding it, adding the list if
// no row did.
func (t *attrTable) hold(packed string) uint32 {
	r, ok := t.find(packed)
	switch {
	case r == 0 && ok:
		return 0
	case ok:
		t.lists[r-1].rows++
		return r
	}
	l := attrList{packed: packed, rows: 1}
	var e uint32
	if n := len(t.free); n > 0 {
		e, t.free = t.free[n-1], t.free[:n-1]
		t.lists[e] = l
	} else {
		e = uint32(len(t.lists))
		t.lists = append(t.lists, l)
	}
	t.ix.insert(hashOf(packed), e)
	return e + 1
}

// drop lets go of reference r for one row; the last row to let go frees the entry.
func (t *attrTable) drop(r uint32) {
	if r == 0 {
		return
	}
	l := &t.lists[r-1]
	if l.rows--; l.rows > 0 {
		return
	}
	t.ix.remove(hashOf(l.packed), r-1)
	*l = attrList{}
	t.free = append(t.free, r-1)
}
