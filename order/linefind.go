package order

// Requests (parcels, after-sale items) name lines by SKU id. They nearly always list them in
// the order's line order, so a cursor finds each item's line with one comparison; the rare
// out-of-order item falls back to a scan (small orders) or an index built once per request
// (large ones). The whole walk is then O(lines + items) and, in the usual case, allocates
// nothing.

const (
	// scanLines: orders up to this many lines are searched by a scan instead of a map.
	scanLines = 16
	// lookAhead: how many lines past the cursor are tried before a search, so a request that
	// skips a few lines (already shipped, not in this parcel) stays on the fast path.
	lookAhead = 4
)

// lineFinder finds lines by SKU id for one request.
type lineFinder struct {
	lines []Line
	next  int            // the line after the last one found: where the next item most likely is
	index map[string]int // SKU id → line, built on the first search of a large order
}

// find returns the index of the line of sku, or -1, and moves the cursor past it.
func (f *lineFinder) find(sku string) int {
	for i, end := f.next, min(f.next+lookAhead, len(f.lines)); i < end; i++ {
		if f.lines[i].Snapshot.SKUID == sku {
			f.next = i + 1
			return i
		}
	}
	i := f.search(sku)
	if i >= 0 {
		f.next = i + 1
	}
	return i
}

// search returns the index of the line of sku, or -1, without moving the cursor.
func (f *lineFinder) search(sku string) int {
	if len(f.lines) <= scanLines {
		for i := range f.lines {
			if f.lines[i].Snapshot.SKUID == sku {
				return i
			}
		}
		return -1
	}
	if f.index == nil {
		f.index = make(map[string]int, len(f.lines))
		for i := range f.lines {
			f.index[f.lines[i].Snapshot.SKUID] = i
		}
	}
	if i, ok := f.index[sku]; ok {
		return i
	}
	return -1
}

// lineSet is a set of line indexes: one word for orders of up to 64 lines, a bitmap beyond.
type lineSet struct {
	small uint64
	bits  []uint64
}

// add puts line i in the set of an order of n lines and reports whether it was already there.
func (s *lineSet) add(i, n int) bool {
	if n <= 64 {
		had := s.small&(1<<uint(i)) != 0
		s.small |= 1 << uint(i)
		return had
	}
	if s.bits == nil {
		s.bits = make([]uint64, (n+63)/64)
	}
	w, b := i/64, uint64(1)<<uint(i%64)
	had := s.bits[w]&b != 0
	s.bits[w] |= b
	return had
}
