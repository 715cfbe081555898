package catalog

// chunkLen is the number of records in a full chunk of a slab.
const chunkLen = 1024

// maxRecords bounds a slab, so that a position and position+1 both fit in a uint32 (an index
// slot keeps position+1). A catalog that large would hold over 200 GB of SKU rows alone.
const maxRecords = 1<<32 - 2

// slab holds records by value, in chunks of chunkLen, addressed by position: a catalog's rows
// take no heap object each and no size-class rounding, and a million of them take one
// allocation per thousand. Only the last chunk grows (doubling, so a small catalog holds a small
// slab); the full ones never move. A pointer from at is good until the next push.
type slab[T any] struct {
	chunks [][]T
}

// at returns the record at position i.
func (s *slab[T]) at(i uint32) *T { return &s.chunks[i/chunkLen][i%chunkLen] }

// len returns the number of records.
func (s *slab[T]) len() int {
	if len(s.chunks) == 0 {
		return 0
	}
	return (len(s.chunks)-1)*chunkLen + len(s.chunks[len(s.chunks)-1])
}

// push appends v and returns its position.
func (s *slab[T]) push(v T) uint32 {
	n := s.len()
	if n >= maxRecords {
		panic("catalog: more than 4294967294 records")
	}
	k := len(s.chunks) - 1
	switch {
	case k < 0 || len(s.chunks[k]) == chunkLen:
		c := 4 // a small catalog holds a small slab
		if k >= 0 {
			c = chunkLen // a catalog past its first chunk is a big one
		}
		s.chunks = append(s.chunks, make([]T, 0, c))
		k++
	case len(s.chunks[k]) == cap(s.chunks[k]):
		c := make([]T, len(s.chunks[k]), min(2*cap(s.chunks[k]), chunkLen))
		copy(c, s.chunks[k])
		s.chunks[k] = c
	}
	s.chunks[k] = append(s.chunks[k], v)
	return uint32(n)
}

// reserve sizes the first chunk for n records, when the slab is empty: what Restore knows.
func (s *slab[T]) reserve(n int) {
	if len(s.chunks) == 0 && n > 0 {
		s.chunks = [][]T{make([]T, 0, min(n, chunkLen))}
	}
}
