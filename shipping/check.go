package shipping

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/beijing"
	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

// SKULookup finds a live SKU in the catalog. *catalog.Catalog satisfies it; deleted SKUs must
// still be found (with Deleted() true) so that a deletion is reported as such. The catalog
// itself is asked (*catalog.Catalog).DriftOf instead, the same rules without copying.
type SKULookup interface {
	LookupSKU(productID, skuID string) (catalog.SKU, bool)
}

// Request is everything Check looks at. Check reads it and changes nothing in it.
type Request struct {
	// Order is the order to ship.
	Order *order.Order
	// Cases are the order's after-sale cases (any status; finished ones are ignored).
	Cases []*aftersale.Case
	// SKUs looks up the live SKUs, to compare them with the lines' snapshots.
	SKUs SKULookup
	// Parcels are the parcels the merchant wants to send in this request.
	Parcels []order.Parcel
	// Complete says the merchant means this request to finish the order: the parcels, with
	// what shipped before, must then cover every unit still to ship.
	Complete bool
	// Carriers are the carriers the host knows (from the platform's carrier list).
	Carriers Carriers
	// At is the time of the attempt.
	At time.Time
}

// Check runs every pre-flight check of a shipment and reports every blocker it finds, never
// only the first. It never panics: a request without an order (or with a zero Order), without
// a SKU lookup, with nil cases, or with an attempt time before the order's last change (which
// Ship would refuse) gets order.RuleInvalidRequest blockers for what is wrong, and the checks
// that do not need it still run. The report is deterministic: order-level blockers first, then
// parcel by parcel; within each, in the order the checks run.
//
// The order's own rules (status, after-sale counters, logistics and tracking numbers, empty
// parcels, quantities, unknown SKUs, split SKUs, over-shipment, refunded units, completeness)
// come from (*order.Order).ShipmentProblemsIn, the code order.Ship enforces, so an OK report
// means Ship succeeds; the same walk asks the SKU lookup about each line shipped (drift, see
// order.DriftSource). Check adds what the order cannot know: after-sale cases, the carrier
// list and its tracking-number formats, and the late-shipment warning.
func Check(req Request) Report {
	c := checker{req: req, r: Report{At: req.At}}
	usable := c.request()
	if usable {
		c.r.OrderID = req.Order.ID()
		c.orderRules()
		c.r.Blockers = append(c.r.Blockers, c.drifts...)
		c.late()
	}
	c.cases(usable)
	c.parcels(usable)
	c.r.Blockers = append(c.r.Blockers, c.tail...)
	if len(c.r.Blockers) > 1 {
		// Group by parcel, order-level first; stable, so each group keeps the checks' order.
		slices.SortStableFunc(c.r.Blockers, func(a, b Blocker) int { return cmp.Compare(a.Parcel, b.Parcel) })
	}
	return c.r
}

// checker carries one Check call.
type checker struct {
	req    Request
	r      Report
	tail   []Blocker // order-level blockers that read best last (what a complete shipment lacks)
	drifts []Blocker // the lines that drifted (606031), reported after the order's other rules
}

func (c *checker) block(b Blocker) { c.r.Blockers = append(c.r.Blockers, b) }

func (c *checker) invalid(zh, en string) { c.block(newBlocker(order.RuleInvalidRequest, zh, en)) }

// isNil reports whether the lookup is nil, including a nil pointer in the interface (a typed
// nil *catalog.Catalog would otherwise be called, and panic).
func isNil(l SKULookup) bool {
	if l == nil {
		return true
	}
	v := reflect.ValueOf(l)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// request reports what the request lacks, and whether it has an order to check.
func (c *checker) request() bool {
	req := c.req
	usable := req.Order != nil && req.Order.ID() != ""
	switch {
	case req.Order == nil:
		c.invalid("请求中没有订单", "the request has no order")
	case !usable:
		c.invalid("请求中的订单未经创建（零值订单）：请用 order.New、order.Restore 或 order.FromPlatform 得到订单",
			"the request's order was never built (a zero Order): get orders from order.New, order.Restore or order.FromPlatform")
	}
	if isNil(req.SKUs) {
		c.invalid("请求中没有商品查询，无法检查商品规格是否变更", "the request has no SKU lookup, so SKU drift cannot be checked")
	}
	if req.Carriers.Len() == 0 {
		c.invalid("请求中没有快递公司列表，无法检查快递公司编码", "the request has no carrier list, so carriers cannot be checked")
	}
	switch {
	case req.At.IsZero():
		c.invalid("请求中没有发货时间", "the request has no attempt time")
	case usable && req.Order.CheckTime(req.At) != nil:
		// Ship refuses the time (the order's own rule): an OK report must not promise a
		// shipment that Ship, at the same time, refuses.
		last := req.Order.UpdatedAt()
		c.invalid(fmt.Sprintf("发货时间 %s 早于订单最后一次变更的时间 %s，或不在 1 到 9999 年之间", beijing.Time(req.At), beijing.Time(last)),
			req.Order.CheckTime(req.At).Error())
	}
	if !usable && len(req.Parcels) == 0 {
		c.block(newBlocker(order.RuleParcelEmpty, "请求中没有包裹", "the request has no parcels"))
	}
	return usable
}

// orderRules turns the order's shipment problems, drift included, into blockers.
func (c *checker) orderRules() {
	for e := range c.req.Order.ShipmentProblemsIn(c.driftSource(), c.req.Parcels, c.req.Complete) {
		switch e.Rule {
		case order.RuleSKUDrift:
			c.drifts = append(c.drifts, c.drifted(e))
			continue
		case order.RuleAfterSaleOpen:
			open, stale := c.casesCovering(e.SKUID)
			if open {
				continue // the open case is reported by name (cases), which says more
			}
			if stale != nil {
				c.block(staleCaseBlocker(e, stale))
				continue
			}
		case order.RuleShipmentIncomplete:
			c.tail = append(c.tail, ruleBlocker(e))
			continue
		}
		c.block(ruleBlocker(e))
	}
}

// casesCovering looks for the request's cases that hold units of the SKU: open says one of them
// still blocks shipping; otherwise stale is one that no longer blocks but whose units the order
// still holds (a rejection whose escalation window lapsed, not yet recorded as ended).
func (c *checker) casesCovering(sku string) (open bool, stale *aftersale.Case) {
	for _, ac := range c.req.Cases {
		if ac == nil || !c.ownCase(ac) || ac.Units(sku) == 0 {
			continue
		}
		if ac.BlocksShipping(c.req.At) {
			return true, nil
		}
		if stale == nil {
			stale = ac
		}
	}
	return false, stale
}

// staleCaseBlocker explains units the order still holds for a case that no longer blocks.
func staleCaseBlocker(e *order.ShipmentError, ac *aftersale.Case) Blocker {
	b := caseBlocker(order.RuleAfterSaleOpen, ac,
		fmt.Sprintf("包裹%d：售后单 %s（%s）已不再阻止发货，但订单仍为它保留 SKU %s 的 %d 件：请先结束该售后单", e.Parcel+1, ac.ID(), ac.Status().Label(), e.SKUID, e.Got),
		fmt.Sprintf("parcel %d: after-sale case %s (%s) no longer blocks shipping, but the order still holds %s of SKU %s for it: record the case's end first", e.Parcel+1, ac.ID(), ac.Status(), text.Units(e.Got), e.SKUID))
	b.Parcel, b.ProductID, b.SKU, b.Got = e.Parcel+1, e.ProductID, e.SKUID, e.Got
	return b
}

func (c *checker) ownCase(ac *aftersale.Case) bool {
	return c.req.Order == nil || ac.OrderID() == c.req.Order.ID()
}

// cases reports every case that still blocks shipping (108009), and cases that cannot be
// checked.
func (c *checker) cases(usable bool) {
	for i, ac := range c.req.Cases {
		switch {
		case ac == nil:
			c.invalid(fmt.Sprintf("第 %d 个售后单为空", i+1), fmt.Sprintf("after-sale case #%d is nil", i+1))
		case usable && !c.ownCase(ac):
			c.block(caseBlocker(order.RuleInvalidRequest, ac,
				fmt.Sprintf("售后单 %s 属于订单 %s，不属于订单 %s", ac.ID(), ac.OrderID(), c.req.Order.ID()),
				fmt.Sprintf("after-sale case %s belongs to order %s, not %s", ac.ID(), ac.OrderID(), c.req.Order.ID())))
		case ac.BlocksShipping(c.req.At):
			c.block(caseBlocker(order.RuleAfterSaleOpen, ac,
				fmt.Sprintf("售后单 %s（%s，%s）尚未完成", ac.ID(), ac.Kind().Label(), ac.Status().Label()),
				fmt.Sprintf("after-sale case %s (%s, %s) is unfinished", ac.ID(), ac.Kind(), ac.Status())))
		}
	}
}

func caseBlocker(r order.Rule, ac *aftersale.Case, zh, en string) Blocker {
	b := newBlocker(r, zh, en)
	b.CaseID = ac.ID()
	return b
}

// parcels checks each parcel's carrier against the carrier list, and its tracking number
// against the carrier's own format. The rules every carrier shares (a carrier code and a
// tracking number present and well formed) are the order's (orderRules); without a usable
// order, or for the number of a parcel whose carrier the order already refused, they are
// checked here.
func (c *checker) parcels(usable bool) {
	known := c.req.Carriers.Len() > 0
	for pi := range c.req.Parcels {
		p := &c.req.Parcels[pi]
		if known && order.CarrierCodeValid(p.Carrier) {
			if _, ok := c.req.Carriers.Lookup(p.Carrier); !ok {
				b := newBlocker(order.RuleCarrierUnknown,
					fmt.Sprintf("包裹%d 的快递公司 %s 不在快递公司列表中", pi+1, text.Quote(p.Carrier)),
					fmt.Sprintf("parcel %d: carrier %s is not in the carrier list", pi+1, text.Quote(p.Carrier)))
				b.Parcel = pi + 1
				c.block(b)
			}
		}
		if p.TrackingNumber == "" {
			continue
		}
		var te *TrackingError
		switch {
		case !usable || !order.CarrierCodeValid(p.Carrier):
			// No order, or one that stops at the carrier (RuleCarrierMissing, RuleCarrierUnknown)
			// without looking at the number: the shared rules too are checked here, so that a
			// parcel wrong in both gets both blockers at once.
			te = c.req.Carriers.trackingProblem(p.Carrier, p.TrackingNumber)
		case order.TrackingProblemOf(p.TrackingNumber) == 0: // the order reports the others
			te = c.req.Carriers.carrierTrackingProblem(p.Carrier, p.TrackingNumber)
		}
		if te != nil {
			b := newBlocker(order.RuleTrackingInvalid,
				fmt.Sprintf("包裹%d 的快递单号 %s：%s", pi+1, text.Quote(p.TrackingNumber), te.Problem.Label()),
				fmt.Sprintf("parcel %d: tracking number %s: %s (%s)", pi+1, text.Quote(p.TrackingNumber), te.Problem, te.Detail))
			b.Parcel = pi + 1
			c.block(b)
		}
	}
}

// late adds the late-shipment warning from the order's own deadline.
func (c *checker) late() {
	// Overdue(at) is exactly "at is after ShipBy()"; one pass over the lines instead of two.
	deadline, ok := c.req.Order.ShipBy()
	if !ok || c.req.At.IsZero() || !c.req.At.After(deadline) {
		return
	}
	late := c.req.At.Sub(deadline)
	r := order.RuleLateShipment
	c.r.Warnings = append(c.r.Warnings, Warning{
		Code: r, Deadline: deadline, Late: late,
		Message:   fmt.Sprintf("已超过发货截止时间 %s，晚了 %s", beijing.Time(deadline), beijing.Duration(late)),
		MessageEN: fmt.Sprintf("the ship-by deadline %s passed %s ago", deadline.UTC().Format(time.RFC3339), beijing.DurationEN(late)),
		Action:    r.Action(), ActionEN: r.ActionEN(),
	})
}
