package catalog

import "strings"

// Drift says how a live SKU no longer matches an order's snapshot of it. It is a bit set; the
// zero value means no drift.
type Drift uint8

// Drift bits.
const (
	DriftPrice   Drift = 1 << iota // the sale price changed
	DriftAttrs                     // the sale attributes changed
	DriftDeleted                   // the SKU was deleted, or is not in the catalog at all
)

// DriftNone is the zero Drift: the live SKU still matches the snapshot.
const DriftNone Drift = 0

var driftBits = [...]struct {
	bit         Drift
	name, label string
}{
	{DriftPrice, "price", "价格已变更"},
	{DriftAttrs, "attrs", "规格已变更"},
	{DriftDeleted, "deleted", "规格已删除"},
}

// None reports whether d is empty.
func (d Drift) None() bool { return d == DriftNone }

// Any reports whether d has any bit set.
func (d Drift) Any() bool { return d != DriftNone }

// Has reports whether every bit of bits is set in d.
func (d Drift) Has(bits Drift) bool { return d&bits == bits }

// String returns the set bits' names joined by "|" ("price|attrs"), or "none".
func (d Drift) String() string {
	return d.join(func(i int) string { return driftBits[i].name }, "|", "none")
}

// Label returns the Chinese labels joined by "、" (价格已变更、规格已变更), or 未变更.
func (d Drift) Label() string {
	return d.join(func(i int) string { return driftBits[i].label }, "、", "未变更")
}

func (d Drift) join(text func(int) string, sep, none string) string {
	if d == DriftNone {
		return none
	}
	var parts []string
	for i, b := range driftBits {
		if d&b.bit != 0 {
			parts = append(parts, text(i))
		}
	}
	if rest := d &^ (DriftPrice | DriftAttrs | DriftDeleted); rest != 0 {
		parts = append(parts, "unknown")
	}
	return strings.Join(parts, sep)
}

// Drifted compares the live SKU s with an order's snapshot of it: a deleted SKU, or a snapshot
// of another SKU, is DriftDeleted; a different price is DriftPrice; different attributes are
// DriftAttrs. It compares content, never revisions: a revision means something only within one
// catalog's history (a catalog rebuilt from the platform's product/get starts every SKU at
// revision 1 again). It allocates nothing.
func (s SKU) Drifted(snap Snapshot) Drift {
	if s.IsZero() || snap.skuID != s.id || snap.productID != s.productID {
		return DriftDeleted
	}
	return compareSpec(&s.skuCore, s.attrs, &snap)
}

// compareSpec compares a snapshot with the SKU it names (the IDs already matched), of which c
// is the core and attrs the packed attributes: the price in fen, the attributes as packed
// strings, which are equal exactly when the lists are (see packAttrs). A snapshot the catalog
// handed out shares the SKU's string, so comparing equal attributes is a pointer test.
func compareSpec(c *skuCore, attrs string, snap *Snapshot) Drift {
	if c.deleted {
		return DriftDeleted
	}
	var out Drift
	if snap.price != int64(c.price) {
		out |= DriftPrice
	}
	if snap.attrs != attrs {
		out |= DriftAttrs
	}
	return out
}

// DriftOf is LookupSKU followed by SKU.Drifted in one step, without copying the SKU or the
// snapshot: the per-line check of a shipment. A SKU that is not in the catalog (never added, or
// purged) is DriftDeleted. It compares content, always; it allocates nothing; a nil *Catalog
// finds nothing.
func (c *Catalog) DriftOf(snap *Snapshot) Drift {
	r, _ := c.find(snap.productID, snap.skuID)
	if r == nil {
		return DriftDeleted
	}
	return compareSpec(&r.skuCore, c.attrs.str(r.attrs), snap)
}
