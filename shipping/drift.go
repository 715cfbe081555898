package shipping

import (
	"fmt"
	"strings"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// drift compares, for every line the parcels ship, the line's snapshot with the live SKU
// (606031). Each drifted line is reported once, at the first parcel that carries it. Items the
// order does not know, and bad quantities, are the order's rules and skipped here. Drift is
// decided from content, always: the catalog compares the snapshot's price in fen and its
// attributes with the live SKU's. A line that ships the SKU the buyer changed to
// (order.SKUChange, approved) is not compared: its snapshot is of the SKU ordered.
func (c *checker) drift() {
	if isNil(c.req.SKUs) {
		return
	}
	dp := driftPass{o: c.req.Order, lookup: c.req.SKUs}
	dp.cat, _ = c.req.SKUs.(*catalog.Catalog)
	dp.run(c.req.Order, c.req.Parcels)
	c.r.Blockers = append(c.r.Blockers, dp.found...)
}

// driftPass is one drift check.
type driftPass struct {
	o        *order.Order
	lookup   SKULookup
	cat      *catalog.Catalog // the lookup, when it is the catalog: asked DriftOf directly
	reported map[string]struct{}
	found    []Blocker
}

// run checks the lines the parcels ship. Parcels usually list items in the order's line
// order, so one walk over the lines, side by side with the items, finds every item's line
// without searching. From the first item the walk cannot place (out of order, or not in the
// order) on, each item's line is looked up in the order.
func (dp *driftPass) run(o *order.Order, parcels []order.Parcel) {
	cur := itemCursor{parcels: parcels, pi: -1}
	if !cur.next() {
		return
	}
	for _, l := range o.All() {
		it := cur.item()
		if it.SKUID != l.SKUID() {
			continue
		}
		dp.line(&l, cur.pi, it)
		if !cur.advance() {
			return
		}
	}
	for {
		it := cur.item()
		if l, ok := o.Line(it.SKUID); ok {
			dp.line(&l, cur.pi, it)
		}
		if !cur.advance() {
			return
		}
	}
}

// line checks line l, which item it of parcel pi names.
func (dp *driftPass) line(l *order.Line, pi int, it *order.Item) {
	if l.ProductID() != it.ProductID {
		return // the order's unknown SKU
	}
	if dp.o.ShipsChangedSKU(l.SKUID()) {
		return // the buyer chose this SKU after ordering: the snapshot describes the one ordered
	}
	var d catalog.Drift
	if dp.cat != nil {
		d = l.DriftIn(dp.cat)
	} else if live, found := dp.lookup.LookupSKU(it.ProductID, it.SKUID); found {
		d = live.Drifted(l.Snapshot())
	} else {
		d = catalog.DriftDeleted
	}
	if d.None() {
		return
	}
	if _, seen := dp.reported[it.SKUID]; seen {
		return
	}
	if dp.reported == nil {
		dp.reported = make(map[string]struct{})
	}
	dp.reported[it.SKUID] = struct{}{}
	live, _ := dp.lookup.LookupSKU(it.ProductID, it.SKUID) // drift is rare: the message's SKU
	dp.found = append(dp.found, driftBlocker(pi, l.Snapshot(), live, d))
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

// driftBlocker says what changed: the price from → to, the attributes from → to, or the
// deletion.
func driftBlocker(pi int, snap catalog.Snapshot, live catalog.SKU, d catalog.Drift) Blocker {
	var zh, en []string
	if d.Has(catalog.DriftDeleted) {
		zh = append(zh, "规格已删除或不在商品库中")
		en = append(en, "the SKU was deleted or is not in the catalog")
	}
	if d.Has(catalog.DriftPrice) {
		zh = append(zh, fmt.Sprintf("价格由 %s 元改为 %s 元", money.Format(snap.Price()), money.Format(live.Price())))
		en = append(en, fmt.Sprintf("price changed from %s to %s yuan", money.Format(snap.Price()), money.Format(live.Price())))
	}
	if d.Has(catalog.DriftAttrs) {
		zh = append(zh, fmt.Sprintf("规格由 %s 改为 %s", attrsText(snap.Attrs()), attrsText(live.Attrs())))
		en = append(en, fmt.Sprintf("attributes changed from %s to %s", attrsText(snap.Attrs()), attrsText(live.Attrs())))
	}
	b := newBlocker(order.RuleSKUDrift,
		fmt.Sprintf("商品 %s（SKU %s）下单后已变更：%s", snap.Title(), snap.SKUID(), strings.Join(zh, "；")),
		fmt.Sprintf("%s (SKU %s) changed after the order: %s", snap.Title(), snap.SKUID(), strings.Join(en, "; ")))
	b.Parcel, b.ProductID, b.SKU = pi+1, snap.ProductID(), snap.SKUID()
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
