package shipping

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// drift compares, for every line the parcels ship, the line's snapshot with the live SKU
// (606031). Each drifted line is reported once, at the first parcel that carries it. Items the
// order does not know, and bad quantities, are the order's rules and skipped here.
//
// With the catalog itself as the lookup, it first asks which SKUs changed since the order's
// snapshots were taken (the order's CatalogVersion): usually none, and then there is nothing
// to compare; a few, and only their lines are compared. The same report either way (a property
// test holds the two to it); the difference is one catalog lookup per line.
func (c *checker) drift() {
	if isNil(c.req.SKUs) {
		return
	}
	dp := newDriftPass(c.req.SKUs)
	if !dp.narrow(c.req.Order) {
		return // nothing changed since the order: no line can have drifted
	}
	dp.run(c.req.Order, c.req.Parcels)
	c.r.Blockers = append(c.r.Blockers, dp.found...)
}

// maxSuspects is how many SKU changes since the order the drift pass compares by name, line by
// line; beyond that, it asks the catalog about every line.
const maxSuspects = 8

// driftPass is one drift check. It keeps its findings to itself (found) rather than pointing
// back at the checker, so that the checker, which it would otherwise drag along to the heap
// with the pointers it hands to the lookup, stays on the stack.
type driftPass struct {
	lookup SKULookup
	cat    *catalog.Catalog  // the lookup, when it is the catalog: called directly
	fast   snapshotDrifter   // the lookup, when it has the in-place query
	held   *catalog.Snapshot // what fast is handed: through an interface a pointer escapes
	// suspects[:nSuspects], when narrowed, are the only SKUs that can have drifted: those the
	// catalog says changed since the order's catalog version. A count, not a slice: a slice
	// into the pass itself would move the pass to the heap.
	suspects  [maxSuspects]string
	nSuspects int
	narrowed  bool
	reported  []int // lines already reported as drifted
	found     []Blocker
}

func newDriftPass(lookup SKULookup) driftPass {
	dp := driftPass{lookup: lookup}
	dp.cat, _ = lookup.(*catalog.Catalog)
	if dp.cat == nil {
		if dp.fast, _ = lookup.(snapshotDrifter); dp.fast != nil {
			dp.held = new(catalog.Snapshot)
		}
	}
	return dp
}

// narrow asks the catalog which SKUs changed since the order's snapshots were taken. It
// returns false when none did: then no line can have drifted. When the catalog cannot tell
// (snapshots from outside it, of different moments, or of another history: another catalog,
// or this one rebuilt), or more than maxSuspects SKU events happened since, every line is
// compared.
func (dp *driftPass) narrow(o *order.Order) bool {
	if dp.cat == nil {
		return true
	}
	since, now := o.CatalogVersion(), dp.cat.Version()
	if since.IsZero() || now.Seq < since.Seq || now.Seq-since.Seq > maxSuspects {
		return true // cannot tell, or too many to compare by name: not worth listing them
	}
	changed, ok := dp.cat.ChangedSince(dp.suspects[:0], since)
	switch {
	case !ok:
		return true
	case len(changed) == 0:
		return false
	}
	dp.nSuspects, dp.narrowed = len(changed), true
	return true
}

// unchanged reports whether the line's SKU certainly did not change since the order: the pass
// is narrowed and the SKU is not a suspect.
func (dp *driftPass) unchanged(l *order.Line) bool {
	return dp.narrowed && !slices.Contains(dp.suspects[:dp.nSuspects], l.Snapshot.SKUID)
}

// run checks the lines the parcels ship. Parcels usually list items in the order's line
// order, so one walk over the lines, side by side with the items, finds every item's line
// without searching; the walk copies each line once (the order hands out copies) and, for the
// catalog itself, calls it directly. From the first item the walk cannot place (out of order,
// or not in the order) on, each item is found through a SKU index built once.
func (dp *driftPass) run(o *order.Order, parcels []order.Parcel) {
	cur := itemCursor{parcels: parcels, pi: -1}
	if !cur.next() {
		return
	}
	if dp.cat != nil {
		// The hot path. The catalog's query reads only the line's own snapshot, so the item's
		// product is compared (in report) only for a line that drifted: the same answer as
		// comparing first, without a string comparison per line.
		for li, l := range o.All() {
			it := cur.item()
			if it.SKUID != l.Snapshot.SKUID {
				continue
			}
			if !dp.unchanged(&l) {
				if d := dp.cat.DriftOfSnapshot(&l.Snapshot); d.Any() {
					dp.report(li, &l, cur.pi, it, d)
				}
			}
			if !cur.advance() {
				return
			}
		}
	} else {
		for li, l := range o.All() {
			it := cur.item()
			if it.SKUID != l.Snapshot.SKUID {
				continue
			}
			dp.line(li, &l, cur.pi, it)
			if !cur.advance() {
				return
			}
		}
	}
	index := lineIndex(o)
	for {
		it := cur.item()
		if li, ok := index[it.SKUID]; ok {
			l, _ := o.LineAt(li)
			dp.line(li, &l, cur.pi, it)
		}
		if !cur.advance() {
			return
		}
	}
}

// itemCursor walks the parcels' items that ship units (Quantity > 0), parcel by parcel.
type itemCursor struct {
	parcels []order.Parcel
	items   []order.Item // parcels[pi].Items
	pi, ii  int
}

// item is the current item; only valid after next or advance said true.
func (c *itemCursor) item() *order.Item { return &c.items[c.ii] }

// advance moves past the current item to the next one that ships units; false past the last.
func (c *itemCursor) advance() bool {
	c.ii++
	return c.next()
}

// next moves to the first item at or after the cursor that ships units; false past the last.
func (c *itemCursor) next() bool {
	for {
		for ; c.ii < len(c.items); c.ii++ {
			if c.items[c.ii].Quantity > 0 {
				return true
			}
		}
		if c.pi+1 >= len(c.parcels) {
			return false
		}
		c.pi++
		c.items, c.ii = c.parcels[c.pi].Items, 0
	}
}

// line checks the line li that item it of parcel pi names, with whatever query the lookup has.
func (dp *driftPass) line(li int, l *order.Line, pi int, it *order.Item) {
	if l.Snapshot.ProductID != it.ProductID || dp.unchanged(l) {
		return
	}
	var d catalog.Drift
	switch {
	case dp.cat != nil:
		d = dp.cat.DriftOfSnapshot(&l.Snapshot)
	case dp.fast != nil:
		*dp.held = l.Snapshot
		d = dp.fast.DriftOfSnapshot(dp.held)
	default:
		live, found := dp.lookup.LookupSKU(it.ProductID, it.SKUID)
		if d = catalog.DriftOf(l.Snapshot, live, found); d.Any() && dp.first(li) {
			dp.found = append(dp.found, driftBlocker(pi, l.Snapshot, live, d))
		}
		return
	}
	if d.Any() {
		dp.report(li, l, pi, it, d)
	}
}

// report adds the blocker of line li, drifted by d, unless the item names another product (the
// order's unknown SKU) or the line was reported already. The live SKU, for the message, is
// looked up only now: drift is rare.
func (dp *driftPass) report(li int, l *order.Line, pi int, it *order.Item, d catalog.Drift) {
	if l.Snapshot.ProductID != it.ProductID || !dp.first(li) {
		return
	}
	live, _ := dp.lookup.LookupSKU(it.ProductID, it.SKUID)
	dp.found = append(dp.found, driftBlocker(pi, l.Snapshot, live, d))
}

// first records line li as reported and says whether it was not already.
func (dp *driftPass) first(li int) bool {
	if slices.Contains(dp.reported, li) {
		return false
	}
	dp.reported = append(dp.reported, li)
	return true
}

// snapshotDrifter is the in-place drift query *catalog.Catalog offers (DriftOfSnapshot: the
// same rules as LookupSKU followed by DriftOf, without copying the SKU or the snapshot). A
// lookup that has it is checked with it.
type snapshotDrifter interface {
	DriftOfSnapshot(snap *catalog.Snapshot) catalog.Drift
}

func lineIndex(o *order.Order) map[string]int {
	m := make(map[string]int, o.NumLines())
	for i, l := range o.All() {
		m[l.Snapshot.SKUID] = i
	}
	return m
}

// driftBlocker says what changed: the price from → to, the attributes from → to, or the
// deletion.
func driftBlocker(pi int, snap catalog.Snapshot, live catalog.SKU, d catalog.Drift) Blocker {
	var zh, en []string
	if d.Has(catalog.DriftDeleted) {
		zh = append(zh, "规格已删除或不在商品库中")
		en = append(en, "the SKU was deleted or is not in the catalog")
	}
	if d.Has(catalog.DriftPrice) {
		zh = append(zh, fmt.Sprintf("价格由 %s 元改为 %s 元", money.Format(snap.Price), money.Format(live.Price())))
		en = append(en, fmt.Sprintf("price changed from %s to %s yuan", money.Format(snap.Price), money.Format(live.Price())))
	}
	if d.Has(catalog.DriftAttrs) {
		zh = append(zh, fmt.Sprintf("规格由 %s 改为 %s", attrsText(snap.Attrs), attrsText(live.Attrs())))
		en = append(en, fmt.Sprintf("attributes changed from %s to %s", attrsText(snap.Attrs), attrsText(live.Attrs())))
	}
	b := newBlocker(CodeSKUDrift,
		fmt.Sprintf("商品 %s（SKU %s）下单后已变更：%s", snap.Title, snap.SKUID, strings.Join(zh, "；")),
		fmt.Sprintf("%s (SKU %s) changed after the order: %s", snap.Title, snap.SKUID, strings.Join(en, "; ")))
	b.Parcel, b.ProductID, b.SKU = pi+1, snap.ProductID, snap.SKUID
	return b
}

func attrsText(attrs []catalog.Attr) string {
	if len(attrs) == 0 {
		return "(无 none)"
	}
	parts := make([]string, len(attrs))
	for i, a := range attrs {
		parts[i] = a.Key + "=" + a.Value
	}
	return strings.Join(parts, ",")
}
