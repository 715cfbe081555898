package shipping

import (
	"fmt"
	"strings"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// driftSource is what the order's shipment walk asks about each line it ships (606031): the
// catalog itself, whose DriftOf copies nothing, or the host's lookup.
func (c *checker) driftSource() order.DriftSource {
	if isNil(c.req.SKUs) {
		return nil
	}
	if cat, ok := c.req.SKUs.(*catalog.Catalog); ok {
		return cat
	}
	return lookupDrift{c.req.SKUs}
}

// lookupDrift asks a host's SKULookup the catalog's question: the live SKU's drift from the
// snapshot, DriftDeleted when the lookup does not find it.
type lookupDrift struct{ SKULookup }

// DriftOf implements order.DriftSource.
func (l lookupDrift) DriftOf(snap *catalog.Snapshot) catalog.Drift {
	live, found := l.LookupSKU(snap.ProductID(), snap.SKUID())
	if !found {
		return catalog.DriftDeleted
	}
	return live.Drifted(*snap)
}

// drifted words the order's RuleSKUDrift: the line's snapshot beside the live SKU, which the
// message quotes. Drift is rare: the copies are made for it alone.
func (c *checker) drifted(e *order.ShipmentError) Blocker {
	l, _ := c.req.Order.Line(e.SKUID)
	live, _ := c.req.SKUs.LookupSKU(e.ProductID, e.SKUID)
	return driftBlocker(e.Parcel, l.Snapshot(), live, e.Drift)
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
