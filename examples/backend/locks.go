package main

import (
	"hash/fnv"
	"sync"
)

// orderLocks serialises the pushes of one order in this process. A push reads the stored
// order, may call the platform, and writes the order back; two pushes of one order doing that
// at once would make one lose its write (ErrConflict) and wait for the platform's retry. A
// fixed set of stripes keeps memory bounded: two orders on one stripe merely take turns.
type orderLocks [64]sync.Mutex

// lock locks the stripe of order id and returns its unlock.
func (l *orderLocks) lock(id string) (unlock func()) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id)) // a hash.Hash never fails to write
	m := &l[h.Sum32()%uint32(len(l))]
	m.Lock()
	return m.Unlock
}
