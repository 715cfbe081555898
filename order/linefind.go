package order

// Requests (parcels, after-sale items) name lines by SKU id. They nearly always list them in
// the order's line order, so a cursor finds each item's line with one comparison; the rare
// out-of-order item falls back to a scan (small orders) or the order's SKU index (large ones).
// The whole walk is then O(lines + items) and, in the usual case, allocates nothing.

// lookAhead: how many lines past the cursor are tried before a search, so a request that skips
// a few lines (already shipped, not in this parcel) stays on the fast path.
const lookAhead = 4

// lineFinder finds lines by SKU id for one request.
type lineFinder struct {
	o    *Order
	next int // the line after the last one found: where the next item most likely is
}

// find returns the index of the line of sku, or -1, and moves the cursor past it.
func (f *lineFinder) find(sku string) int {
	lines := f.o.lines
	for i, end := f.next, min(f.next+lookAhead, len(lines)); i < end; i++ {
		if lines[i].skuID() == sku {
			f.next = i + 1
			return i
		}
	}
	i := f.o.lineIndex(sku)
	if i >= 0 {
		f.next = i + 1
	}
	return i
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
