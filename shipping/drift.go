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
// Parcels usually list items in the order's line order, so one walk over the lines, side by
// side with the items, finds every item's line without searching or copying whole lines. From
// the first item the walk cannot place (out of order, or not in the order) on, each item is
// found through a SKU index built once.
func (c *checker) drift() {
	if isNil(c.req.SKUs) {
		return
	}
	dp := driftPass{c: c}
	dp.cat, _ = c.req.SKUs.(*catalog.Catalog)
	if dp.cat == nil {
		if dp.fast, _ = c.req.SKUs.(snapshotDrifter); dp.fast != nil {
			dp.held = new(catalog.Snapshot)
		}
	}
	o := c.req.Order
	parcels := c.req.Parcels
	pi, ii := 0, 0
	// next moves (pi, ii) to the next item that ships units; false past the last one.
	next := func() bool {
		for ; pi < len(parcels); pi, ii = pi+1, 0 {
			for items := parcels[pi].Items; ii < len(items); ii++ {
				if items[ii].Quantity > 0 {
					return true
				}
			}
		}
		return false
	}
	more := next()
	for li, l := range o.All() {
		if !more {
			break
		}
		it := &parcels[pi].Items[ii]
		if it.SKUID != l.Snapshot.SKUID {
			continue
		}
		dp.line(li, &l, pi, it)
		ii++
		more = next()
	}
	if !more {
		return
	}
	index := lineIndex(o)
	for more {
		it := &parcels[pi].Items[ii]
		if li, ok := index[it.SKUID]; ok {
			l, _ := o.LineAt(li)
			dp.line(li, &l, pi, it)
		}
		ii++
		more = next()
	}
}

// driftPass is one drift check's state.
type driftPass struct {
	c        *checker
	cat      *catalog.Catalog  // the lookup, when it is the catalog: called directly
	fast     snapshotDrifter   // the lookup, when it has the in-place query
	held     *catalog.Snapshot // what fast is handed: through an interface a pointer escapes
	reported []int             // lines already reported as drifted
}

// line checks the line li that item it of parcel pi names.
func (dp *driftPass) line(li int, l *order.Line, pi int, it *order.Item) {
	if l.Snapshot.ProductID != it.ProductID {
		return
	}
	lookup := dp.c.req.SKUs
	var d catalog.Drift
	var live catalog.SKU
	switch {
	case dp.cat != nil:
		d = dp.cat.DriftOfSnapshot(&l.Snapshot)
	case dp.fast != nil:
		*dp.held = l.Snapshot
		d = dp.fast.DriftOfSnapshot(dp.held)
	default:
		var found bool
		live, found = lookup.LookupSKU(it.ProductID, it.SKUID)
		d = catalog.DriftOf(l.Snapshot, live, found)
	}
	if d.None() || slices.Contains(dp.reported, li) {
		return
	}
	dp.reported = append(dp.reported, li)
	if dp.cat != nil || dp.fast != nil {
		live, _ = lookup.LookupSKU(it.ProductID, it.SKUID) // for the message only
	}
	dp.c.block(driftBlocker(pi, l.Snapshot, live, d))
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
