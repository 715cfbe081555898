package catalog

import "hash/maphash"

// hashSeed seeds every index: random, so that no one can pick IDs that collide, and one per
// process, so that the same commands build the same catalog slot for slot.
var hashSeed = maphash.MakeSeed()

// hashOf is the 32-bit hash an index files a key under.
func hashOf(key string) uint32 { return uint32(maphash.String(hashSeed, key)) }

// index finds a record by its string key: a hash table of open addressing with linear probing,
// in one array of 8-byte slots. The keys stay in the records (a slab's rows); a slot holds the
// record's position and its key's hash, so a probe reads a record only when the hashes match,
// and growing rehashes no key. At a million keys it takes 8 to 17 bytes a key, where a Go map
// from string takes 28 to 57.
//
// At most three slots in four are used, so a probe soon meets an empty slot. Removal shifts
// the slots after the removed one back (no tombstones), so probes stay short however many
// records come and go.
type index struct {
	slots []uint64 // hash<<32 | position+1; 0 is an empty slot. The length is 0 or a power of 2.
	n     int      // slots in use
}

// match walks the slots from slot i on (i is the hash at first, and wraps) and returns the
// position in the first one filed under hash h, with where to walk on from; false when the
// walk meets an empty slot: no key with that hash is in the index. A lookup is
//
//	for i := h; ; i = next {
//		pos, next, ok := x.match(h, i)
//		if !ok || keyAt(pos) == key { return pos, ok }
//	}
//
// written out where the keys are, so that it runs in registers and the key comparison is
// inlined.
func (x *index) match(h, i uint32) (pos, next uint32, ok bool) {
	if len(x.slots) == 0 {
		return 0, 0, false
	}
	mask := uint32(len(x.slots) - 1)
	for ; ; i++ {
		s := x.slots[i&mask]
		switch {
		case s == 0:
			return 0, 0, false
		case uint32(s>>32) == h:
			return uint32(s) - 1, i + 1, true
		}
	}
}

// insert files position pos under hash h. The key must not be in the index already.
func (x *index) insert(h, pos uint32) {
	if (x.n+1)*4 > len(x.slots)*3 {
		x.grow()
	}
	x.place(uint64(h)<<32 | uint64(pos) + 1)
	x.n++
}

// place puts a slot's content in the first empty slot from its hash on.
func (x *index) place(s uint64) {
	mask := uint32(len(x.slots) - 1)
	for i := uint32(s >> 32); ; i++ {
		if x.slots[i&mask] == 0 {
			x.slots[i&mask] = s
			return
		}
	}
}

// grow doubles the slots (8 at first).
func (x *index) grow() { x.resize(max(8, 2*len(x.slots))) }

// resize moves the slots into an array of size slots, a power of 2 that holds them.
func (x *index) resize(size int) {
	old := x.slots
	x.slots = make([]uint64, size)
	for _, s := range old {
		if s != 0 {
			x.place(s)
		}
	}
}

// remove takes position pos, filed under hash h, out of the index; it is not an error if it
// is not there. Each slot after it that probing could no longer reach moves back into the gap.
func (x *index) remove(h, pos uint32) {
	if len(x.slots) == 0 {
		return
	}
	want := uint64(h)<<32 | uint64(pos) + 1
	mask := uint32(len(x.slots) - 1)
	i := h & mask
	for x.slots[i] != want {
		if x.slots[i] == 0 {
			return
		}
		i = (i + 1) & mask
	}
	for j := (i + 1) & mask; x.slots[j] != 0; j = (j + 1) & mask {
		// The slot at j may fill the gap at i unless its hash leads to a slot after i (in
		// probing order, up to j): then a probe for it would start past the gap.
		home := uint32(x.slots[j]>>32) & mask
		if (j-home)&mask >= (j-i)&mask {
			x.slots[i] = x.slots[j]
			i = j
		}
	}
	x.slots[i] = 0
	x.n--
}

// reserve makes room for n more keys without growing on the way.
func (x *index) reserve(n int) {
	size := max(8, len(x.slots))
	for (x.n+n)*4 > size*3 {
		size *= 2
	}
	if size != len(x.slots) {
		x.resize(size)
	}
}
