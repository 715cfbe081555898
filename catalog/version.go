package catalog

import (
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/internal/money"
)

// Version names one moment in one catalog's history of SKUs: how many SKU events it had seen
// (Seq: SKUs added, changed in a way that matters to a buyer, purged) and a hash of all of
// them, their content included (Hash). (*Catalog).Snapshot stamps it on every snapshot, so
// that a shipment check can ask the catalog which SKUs changed since the order was placed
// (ChangedSince) instead of looking up every line: usually none did.
//
// The hash is what makes a version safe to keep: a catalog answers only for versions of its own
// history. A catalog rebuilt after a restart, or another shop's, has another history (unless it
// was built from exactly the same events, when its answers are the same too), so snapshots from
// before it take the per-line path. Versions are computed from the catalog's content alone: the
// same commands give the same versions.
//
// The zero Version means "unknown": a snapshot built outside the catalog, or decoded from the
// platform's payload.
type Version struct {
	// Seq counts the SKU events the catalog had seen.
	Seq uint64 `json:"seq"`
	// Hash chains every one of those events, with the SKUs' content (a 64-bit FNV-1a chain).
	Hash uint64 `json:"hash,string"`
}

// IsZero reports whether v is the zero Version (unknown).
func (v Version) IsZero() bool { return v == Version{} }

// String returns "seq/hash" with the hash in hex, or "unknown" for the zero Version.
func (v Version) String() string {
	if v.IsZero() {
		return "unknown"
	}
	return fmt.Sprintf("%d/%016x", v.Seq, v.Hash)
}

// maxEvents bounds the event log: ChangedSince remembers the latest events only, and answers
// "cannot tell" for a version older than them. It is far more than the changes a shop makes
// between an order and its shipment.
const maxEvents = 1024

// skuEvent is one entry of the log: the SKU concerned, and the catalog's version after it.
type skuEvent struct {
	at    Version
	skuID string
}

// history is the catalog's side of Version: where it is, and the latest events.
type history struct {
	now  Version
	log  []skuEvent // oldest first; the events after base, one per Seq
	base Version    // the version the log starts after
}

// newHistory is the history of an empty catalog.
func newHistory() history {
	start := Version{Hash: fnvOffset}
	return history{now: start, base: start}
}

// added records a SKU the catalog did not hold (a new SKU, or one restored).
func (h *history) added(s *SKU) { h.record(s, 'a') }

// revised records a change to s that matters to a buyer (price, attributes, deletion): every
// such change goes through here, so that ChangedSince misses none.
func (h *history) revised(s *SKU) { h.record(s, 'r') }

// purged records that the catalog forgot s.
func (h *history) purged(s *SKU) { h.record(s, 'p') }

func (h *history) record(s *SKU, kind byte) {
	d := s.spec()
	x := fnvByte(h.now.Hash, kind)
	x = fnvString(x, s.id)
	x = fnvString(x, s.productID)
	x = fnvString(x, strconv.FormatUint(uint64(d.revision), 10))
	x = fnvString(x, money.Format(d.price))
	x = fnvString(x, strconv.FormatBool(d.deleted))
	for _, a := range d.attrs {
		x = fnvString(fnvString(x, a.Key), a.Value)
	}
	h.now = Version{Seq: h.now.Seq + 1, Hash: x}
	if len(h.log) == maxEvents {
		keep := maxEvents / 2
		h.base = h.log[len(h.log)-keep-1].at
		h.log = append(h.log[:0], h.log[len(h.log)-keep:]...)
	}
	h.log = append(h.log, skuEvent{at: h.now, skuID: s.id})
}

// vouches reports whether v is a moment of this history that the log still holds.
func (h *history) vouches(v Version) bool {
	at, ok := h.versionAt(v.Seq)
	return ok && at == v && !v.IsZero()
}

// versionAt returns the version the history had at seq, and false if the log no longer
// holds it.
func (h *history) versionAt(seq uint64) (Version, bool) {
	switch {
	case seq == h.base.Seq:
		return h.base, true
	case seq < h.base.Seq || seq > h.now.Seq:
		return Version{}, false
	}
	return h.log[seq-h.base.Seq-1].at, true
}

// FNV-1a, 64 bits: a fixed, portable hash, so that the same events give the same versions in
// every process. Strings end with 0xff, a byte UTF-8 never uses, so that "ab"+"c" and "a"+"bc"
// differ.
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return fnvByte(h, 0xff)
}

// Version returns the catalog's current version. A nil *Catalog has the zero Version.
func (c *Catalog) Version() Version {
	if c == nil {
		return Version{}
	}
	return c.hist.now
}

// ChangedSince appends to dst the IDs of the SKUs that were added, changed in a way that
// matters to a buyer (price, attributes, deletion) or purged after version v, one entry per
// event, oldest first (a SKU changed twice appears twice), and reports whether the catalog can
// tell. It cannot, and returns dst unchanged and false, for the zero Version, a version of
// another history (another catalog, or this one before a rebuild), one it has not reached, or
// one older than the latest 1,024 events it remembers: then every SKU must be compared. It
// allocates only when dst has no room.
func (c *Catalog) ChangedSince(dst []string, v Version) ([]string, bool) {
	if c == nil || !c.hist.vouches(v) {
		return dst, false
	}
	log := c.hist.log
	for _, e := range log[len(log)-int(c.hist.now.Seq-v.Seq):] {
		dst = append(dst, e.skuID)
	}
	return dst, true
}
