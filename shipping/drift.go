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
// Parcels usually list items in the order's line order, so a cursor finds each item's line
// without a search; only an out-of-order item builds the SKU index (once per call).
func (c *checker) drift() {
	if isNil(c.req.SKUs) {
		return
	}
	lines := c.req.Order.Lines()
	var index map[string]int
	var reported []int // lines already reported as drifted
	cursor := 0
	for pi := range c.req.Parcels {
		items := c.req.Parcels[pi].Items
		for ii := range items {
			it := &items[ii]
			if it.Quantity <= 0 {
				continue
			}
			li := -1
			if cursor < len(lines) && lines[cursor].Snapshot.SKUID == it.SKUID {
				li = cursor
			} else {
				if index == nil {
					index = lineIndex(lines)
				}
				if i, ok := index[it.SKUID]; ok {
					li = i
				}
			}
			if li < 0 {
				continue
			}
			cursor = li + 1
			snap := &lines[li].Snapshot
			if snap.ProductID != it.ProductID {
				continue
			}
			live, found := c.req.SKUs.LookupSKU(it.ProductID, it.SKUID)
			d := catalog.DriftOf(*snap, live, found)
			if d.None() || slices.Contains(reported, li) {
				continue
			}
			reported = append(reported, li)
			c.block(driftBlocker(pi, *snap, live, d))
		}
	}
}

func lineIndex(lines []order.Line) map[string]int {
	m := make(map[string]int, len(lines))
	for i := range lines {
		m[lines[i].Snapshot.SKUID] = i
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
