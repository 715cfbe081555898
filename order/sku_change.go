package order

import (
	"fmt"
	"slices"
	"time"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/instant"
)

// SKUChangeState is where a buyer's request to change SKU before shipment stands: the
// platform's preshipment_change_sku_state codes.
type SKUChangeState uint8

// SKU change states, with the platform's codes.
const (
	SKUChangePending   SKUChangeState = 3 // 等待商家处理: the merchant must answer
	SKUChangeApproved  SKUChangeState = 4 // 商家审核通过: the order ships the new SKU
	SKUChangeRejected  SKUChangeState = 5 // 商家拒绝
	SKUChangeCancelled SKUChangeState = 6 // 用户主动取消
	SKUChangeExpired   SKUChangeState = 7 // 超时默认拒绝: the merchant did not answer in time
)

var skuChangeStates = enum.New("order.SKUChangeState",
	enum.Spec[SKUChangeState]{Value: SKUChangePending, Name: "pending", Label: "等待商家处理"},
	enum.Spec[SKUChangeState]{Value: SKUChangeApproved, Name: "approved", Label: "商家审核通过"},
	enum.Spec[SKUChangeState]{Value: SKUChangeRejected, Name: "rejected", Label: "商家拒绝"},
	enum.Spec[SKUChangeState]{Value: SKUChangeCancelled, Name: "cancelled", Label: "用户主动取消"},
	enum.Spec[SKUChangeState]{Value: SKUChangeExpired, Name: "expired", Label: "超时默认拒绝"},
)

// String returns the stable name ("pending").
func (s SKUChangeState) String() string { return skuChangeStates.Name(s) }

// Label returns the platform's Chinese term.
func (s SKUChangeState) Label() string { return skuChangeStates.Label(s) }

// IsValid reports whether s is one of the states above.
func (s SKUChangeState) IsValid() bool { return skuChangeStates.Valid(s) }

// MarshalText renders the stable name.
func (s SKUChangeState) MarshalText() ([]byte, error) { return skuChangeStates.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *SKUChangeState) UnmarshalText(b []byte) error { return skuChangeStates.UnmarshalText(s, b) }

// SKUChange is a buyer's request, before shipment, to receive another SKU of the same product
// instead of the one ordered (发货前更换sku; order/get's change_sku_info). While it is pending,
// the line it names cannot ship (RuleSKUChangePending): the merchant answers first
// (order/preshipmentchangesku/approve or reject). Once approved, the line ships To.
type SKUChange struct {
	// From is the SKU ordered (old_sku_id), To the SKU asked for (new_sku_id).
	From string `json:"from"`
	To   string `json:"to"`
	// State is where the request stands.
	State SKUChangeState `json:"state"`
	// Deadline is when the merchant must answer by (ddl_time_stamp); only a pending request
	// has one, and then it may still be zero when the platform leaves it out.
	Deadline time.Time `json:"deadline,omitzero"`
}

// SKUChanges returns the order's SKU change requests, one per line at most, in line order.
func (o *Order) SKUChanges() []SKUChange { return slices.Clone(o.skuChanges) }

// skuChangePending reports whether a pending SKU change holds the line.
func (o *Order) skuChangePending(l *Line) bool {
	for i := range o.skuChanges {
		if c := &o.skuChanges[i]; c.State == SKUChangePending && c.From == l.skuID() {
			return true
		}
	}
	return false
}

// ShipsChangedSKU reports whether the line of sku ships a SKU the buyer asked for after
// ordering (an approved SKUChange): its snapshot then keeps the title and price of the order
// but not the attributes of the new SKU, and a drift check against the catalog says nothing
// about it.
func (o *Order) ShipsChangedSKU(sku string) bool {
	return len(o.skuChanges) > 0 && o.shipsChangedSKU(sku) // inlined: most orders have no change
}

func (o *Order) shipsChangedSKU(sku string) bool {
	for i := range o.skuChanges {
		if c := &o.skuChanges[i]; c.State == SKUChangeApproved && c.To == sku {
			return true
		}
	}
	return false
}

// checkSKUChanges checks the SKU change requests against the lines: each names a line (by From
// while it is not approved, by To once it is), From and To differ, no line has two, and only a
// pending request has a deadline. A change on a line that shipped must have been answered.
func (o *Order) checkSKUChanges() error {
	n := o.skuChanges
	if len(n) > len(o.lines) {
		return &LimitError{What: "sku_changes", Max: len(o.lines)}
	}
	seen := lineSet{}
	for i := range n {
		c := &n[i]
		sku := c.From
		if c.State == SKUChangeApproved {
			sku = c.To
		}
		li := o.lineIndex(sku)
		switch {
		case !c.State.IsValid():
			return fmt.Errorf("%w: order %s: sku change %d: %w", ErrInvalidOrder, o.id, i, skuChangeStates.Check(c.State))
		case c.From == "" || c.To == "" || c.From == c.To:
			return o.invalid("sku change %d from %q to %q", i, c.From, c.To)
		case li < 0:
			return o.invalid("sku change %d (%s) names sku %s, which is not a line", i, c.State, sku)
		case seen.add(li, len(o.lines)):
			return o.invalid("sku %s has two sku changes", sku)
		case !c.Deadline.IsZero() && (c.State != SKUChangePending || !instant.InYears(c.Deadline)):
			return o.invalid("sku change %d (%s) with a deadline %s", i, c.State, instant.Stamp(c.Deadline))
		case c.State == SKUChangePending && o.lines[li].shipped > 0:
			return o.invalid("sku %s shipped while its sku change was pending", sku)
		}
	}
	return nil
}

// applySKUChange makes the line of an approved change ship To, when the platform still names
// From in product_infos: the line's snapshot keeps the product, the title and the price of the
// order and drops the attributes, which describe From.
func applySKUChange(l *Line, c SKUChange) error {
	if c.State != SKUChangeApproved || l.skuID() != c.From {
		return nil
	}
	s := l.snap
	snap, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: s.ProductID(), SKUID: c.To, Title: s.Title(), Price: s.Price()})
	if err != nil {
		return err
	}
	l.snap = snap
	return nil
}
