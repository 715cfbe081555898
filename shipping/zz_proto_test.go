package shipping_test

import (
	"hash/maphash"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

// V0: today's catalog layout.
type v0spec struct {
	code        string
	attrs       []catalog.Attr
	price       decimal.Decimal
	marketPrice decimal.Decimal
	revision    uint32
	deleted     bool
}
type v0sku struct {
	id, productID   string
	d               *v0spec
	total, reserved int
	status          uint8
}
type v0rec struct {
	sku  v0sku
	prod *int
}
type v0 struct{ skus map[string]*v0rec }

func (c *v0) drift(snap *catalog.Snapshot) catalog.Drift {
	r, ok := c.skus[snap.SKUID]
	if !ok || r.sku.productID != snap.ProductID {
		return catalog.DriftDeleted
	}
	d := r.sku.d
	if d == nil || d.deleted {
		return catalog.DriftDeleted
	}
	if snap.Revision == d.revision && snap.Revision != 0 {
		return catalog.DriftNone
	}
	return catalog.DriftPrice // the content comparison, not reached here
}

// V1: a second map whose values carry what the fast path reads, inline.
type v1entry struct {
	productID string
	revision  uint32
	deleted   bool
}
type v1 struct{ m map[string]v1entry }

func (c *v1) drift(snap *catalog.Snapshot) catalog.Drift {
	e, ok := c.m[snap.SKUID]
	if !ok || e.productID != snap.ProductID || e.deleted {
		return catalog.DriftDeleted
	}
	if snap.Revision == e.revision && snap.Revision != 0 {
		return catalog.DriftNone
	}
	return catalog.DriftPrice
}

// V2: open addressing, linear probing, the fast path's fields inline in the slot.
type v2slot struct {
	skuID, productID string
	revision         uint32
	deleted          bool
}
type v2 struct {
	seed  maphash.Seed
	slots []v2slot // power of two, at most half full
}

func (c *v2) put(e v2slot) {
	mask := uint64(len(c.slots) - 1)
	for i := maphash.String(c.seed, e.skuID) & mask; ; i = (i + 1) & mask {
		if c.slots[i].skuID == "" || c.slots[i].skuID == e.skuID {
			c.slots[i] = e
			return
		}
	}
}

func (c *v2) drift(snap *catalog.Snapshot) catalog.Drift {
	mask := uint64(len(c.slots) - 1)
	for i := maphash.String(c.seed, snap.SKUID) & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.skuID == snap.SKUID {
			if s.productID != snap.ProductID || s.deleted {
				return catalog.DriftDeleted
			}
			if snap.Revision == s.revision && snap.Revision != 0 {
				return catalog.DriftNone
			}
			return catalog.DriftPrice
		}
		if s.skuID == "" {
			return catalog.DriftDeleted
		}
	}
}

// V3: the snapshot carries the record's slot (here: the line index).
type v3 struct{ recs []*v0rec }

func (c *v3) drift(slot int, snap *catalog.Snapshot) catalog.Drift {
	if slot < len(c.recs) {
		if r := c.recs[slot]; r.sku.id == snap.SKUID && r.sku.productID == snap.ProductID {
			d := r.sku.d
			if !d.deleted && snap.Revision == d.revision && snap.Revision != 0 {
				return catalog.DriftNone
			}
		}
	}
	return catalog.DriftPrice
}

func protoWorld(req shipping.Request) (*v0, *v1, *v2, *v3) {
	o := req.Order
	c0 := &v0{skus: map[string]*v0rec{}}
	c1 := &v1{m: map[string]v1entry{}}
	n := 1
	for n < 2*o.NumLines() {
		n *= 2
	}
	c2 := &v2{seed: maphash.MakeSeed(), slots: make([]v2slot, n)}
	c3 := &v3{}
	prod := new(int)
	for _, l := range o.All() {
		s := l.Snapshot
		r := &v0rec{sku: v0sku{id: s.SKUID, productID: s.ProductID, total: 10, status: 1,
			d: &v0spec{attrs: s.Attrs, price: s.Price, revision: s.Revision}}, prod: prod}
		c0.skus[s.SKUID] = r
		c1.m[s.SKUID] = v1entry{productID: s.ProductID, revision: s.Revision}
		c2.put(v2slot{skuID: s.SKUID, productID: s.ProductID, revision: s.Revision})
		c3.recs = append(c3.recs, r)
	}
	return c0, c1, c2, c3
}

func BenchmarkProtoDrift(b *testing.B) {
	for _, v := range []string{"real", "v0", "v1", "v2", "v3"} {
		b.Run(v, func(b *testing.B) {
			benchLines(b, func(b *testing.B, req shipping.Request) func() {
				c0, c1, c2, c3 := protoWorld(req)
				cat := req.SKUs.(*catalog.Catalog)
				o := req.Order
				var f func(int, *order.Line) catalog.Drift
				_ = f
				switch v {
				case "real":
					return func() {
						for _, l := range o.All() {
							if cat.DriftOfSnapshot(&l.Snapshot).Any() {
								b.Fatal()
							}
						}
					}
				case "v0":
					return func() {
						for _, l := range o.All() {
							if c0.drift(&l.Snapshot).Any() {
								b.Fatal()
							}
						}
					}
				case "v1":
					return func() {
						for _, l := range o.All() {
							if c1.drift(&l.Snapshot).Any() {
								b.Fatal()
							}
						}
					}
				case "v2":
					return func() {
						for _, l := range o.All() {
							if c2.drift(&l.Snapshot).Any() {
								b.Fatal()
							}
						}
					}
				default:
					return func() {
						for i, l := range o.All() {
							if c3.drift(i, &l.Snapshot).Any() {
								b.Fatal()
							}
						}
					}
				}
			})
		})
	}
}

// slotLookup answers DriftOfSnapshot from a slot carried by the snapshot (here in Revision:
// slot+1), checking the record there names the same SKU; LookupSKU is the catalog's.
type slotLookup struct {
	cat  *catalog.Catalog
	recs []*v0rec
}

func (s slotLookup) LookupSKU(p, k string) (catalog.SKU, bool) { return s.cat.LookupSKU(p, k) }

func (s slotLookup) DriftOfSnapshot(snap *catalog.Snapshot) catalog.Drift {
	if i := int(snap.Revision) - 1; i >= 0 && i < len(s.recs) {
		if r := s.recs[i]; r.sku.id == snap.SKUID && r.sku.productID == snap.ProductID {
			if d := r.sku.d; !d.deleted && snap.Revision == d.revision {
				return catalog.DriftNone
			}
		}
	}
	return s.cat.DriftOfSnapshot(snap)
}

func slotRequest(b *testing.B, n int) shipping.Request {
	req := benchRequest(b, n)
	lines := make([]order.LineParams, 0, n)
	var recs []*v0rec
	prod := new(int)
	for i, l := range req.Order.All() {
		s := l.Snapshot
		s.Revision = uint32(i + 1)
		lines = append(lines, order.LineParams{Snapshot: s, Quantity: l.Quantity, UnitPrice: l.UnitPrice, Paid: l.Paid})
		recs = append(recs, &v0rec{sku: v0sku{id: s.SKUID, productID: s.ProductID, total: 10, status: 1,
			d: &v0spec{attrs: s.Attrs, price: s.Price, revision: s.Revision}}, prod: prod})
	}
	o, err := order.New(order.NewParams{ID: "bench", Seller: catalog.SellerWeChatShop, Buyer: "b",
		Lines: lines, Freight: decimal.Zero, Discount: decimal.Zero, CreatedAt: tOrder})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := o.Pay(tPay); err != nil {
		b.Fatal(err)
	}
	req.Order = o
	req.SKUs = slotLookup{cat: req.SKUs.(*catalog.Catalog), recs: recs}
	return req
}

func BenchmarkProtoCheckSlot(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmtLines(n), func(b *testing.B) {
			req := slotRequest(b, n)
			if !shipping.Check(req).OK() {
				b.Fatal(shipping.Check(req).Blockers)
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = shipping.Check(req)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}
