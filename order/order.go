package order

import (
	"iter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/shop"
)

// Order is the order aggregate: its lines, its status and everything that happened to it.
// Every command takes the time it happens at, either succeeds completely or leaves the order
// exactly as it was, and returns the event it caused. The status always agrees with the
// quantities: nothing shipped before payment, shipped ≤ ordered for every SKU.
//
// An *Order is not safe for concurrent use: like any Go struct, the caller serialises commands
// on one order (one order per goroutine, or a lock of the host's own); that includes its
// queries. Events, lines and states it returns are independent values.
type Order struct {
	id        string
	seller    shop.SellerKind
	buyer     string
	status    Status
	createdAt time.Time
	paidAt    time.Time
	// shipDoneAt is when nothing was left to ship (ship_done_time); endedAt is when the order
	// completed or was cancelled or closed; updatedAt is the last accepted command, and no
	// command may be dated before it.
	shipDoneAt time.Time
	endedAt    time.Time
	updatedAt  time.Time
	confirm    ConfirmKind
	cancel     CancelReason
	virtual    bool // deliver_method 1: parcels ship without logistics
	// gift and groupBuy say where a payment leads: 12 and 13 wait before shipping, 20 does not.
	gift, groupBuy bool
	// settledAt is when the platform settled the order with the merchant (结算), zero before.
	settledAt time.Time

	lines []Line
	// freight and discount in fen; productFen (Σ unit × quantity) and linesPaid (Σ paid),
	// computed once by New and Restore.
	freight, discount, productFen, linesPaid int64
	// toShip is remainingTotal, the units left to ship over all lines: computed by New and
	// Restore, kept by Ship and RefundAfterSale, so that a shipment costs what its parcel
	// holds, not what the order holds.
	toShip int

	policy       DeadlinePolicy
	parcels      []Parcel
	items        []Item // backing store of the parcels' items (see allocOrder)
	reships      []Reshipment
	negotiations []Negotiation
	skuChanges   []SKUChange // rare: a slice, not a field of every line

	// index finds a line by SKU id in an order of more than scanLines lines; tracking holds
	// the tracking numbers used by an order of more than scanParcels parcels and
	// re-shipments. Both are built by New, Restore and the commands, never by a query.
	index    map[string]int
	tracking map[string]struct{}
}

// NewParams is what New needs to place an order.
type NewParams struct {
	// ID is the order id (order_id), required.
	ID string
	// Seller is who sells (shop.WeChatShop, ...), required.
	Seller shop.SellerKind
	// Buyer is the host's reference to the buyer (openid or its own id), required.
	Buyer string
	// Lines are the SKUs ordered: 1 to MaxLines, no SKU twice.
	Lines []LineParams
	// Freight is the shipping fee the buyer pays, in yuan (may be zero).
	Freight decimal.Decimal
	// Discount is the total discount, in yuan. It must equal the list total
	// (Σ UnitPrice × Quantity) minus the amounts paid for the lines (Σ Paid).
	Discount decimal.Decimal
	// CreatedAt is when the order was placed, required.
	CreatedAt time.Time
	// Policy sets the ship-by deadlines; the zero value means DefaultDeadlinePolicy().
	Policy DeadlinePolicy
	// Virtual marks a virtual-goods order (the platform's deliver_method 1): its parcels ship
	// without carrier and tracking number (deliver_type 3), and it takes no delivery
	// negotiation.
	Virtual bool
	// Gift marks a gift order (is_present): once paid, it waits for its recipient to accept it
	// (12, 礼物待收下) before it ships. GroupBuy marks a group buy (一起买): once paid, it waits
	// for its group to form (13). At most one of the two.
	Gift, GroupBuy bool
}

// LineParams is one line of NewParams.
type LineParams struct {
	// Snapshot is the SKU as the buyer saw it; required.
	Snapshot catalog.Snapshot
	// Quantity is the number of units ordered, 1..MaxQuantity.
	Quantity int
	// UnitPrice is the sale price of one unit, in yuan.
	UnitPrice decimal.Decimal
	// Paid is what the buyer paid for the whole line, in yuan: at most UnitPrice × Quantity.
	Paid decimal.Decimal
	// Stock is StockInStock (the zero value) or StockPresale.
	Stock StockType
	// PresaleShipWithin must lie in the policy's presale range for a presale line and be zero
	// for goods in stock.
	PresaleShipWithin time.Duration
}

// New places an order in status 10 (待付款). It validates every field and amount and computes
// the totals exactly; on any error it returns no order. Amount errors match ErrInvalidAmount,
// a repeated SKU ErrDuplicateSKU, a bad quantity ErrInvalidQuantity, too many lines
// ErrLimitReached, everything else ErrInvalidOrder. The order keeps copies of what it needs;
// it shares no memory with p.
func New(p NewParams) (*Order, error) {
	if len(p.Lines) > MaxLines {
		return nil, &LimitError{What: "lines", Max: MaxLines}
	}
	o := allocOrder(len(p.Lines))
	o.id, o.seller, o.buyer = p.ID, p.Seller, p.Buyer
	o.status, o.createdAt, o.updatedAt = StatusPendingPayment, p.CreatedAt, p.CreatedAt
	o.policy, o.virtual, o.gift, o.groupBuy = p.Policy, p.Virtual, p.Gift, p.GroupBuy
	if o.gift && o.groupBuy {
		return nil, o.invalid("both a gift and a group buy")
	}
	if o.policy.IsZero() {
		o.policy = DefaultDeadlinePolicy()
	}
	var err error
	if o.freight, err = money.ToFen("freight", p.Freight); err != nil {
		return nil, o.wrap(err)
	}
	if o.discount, err = money.ToFen("discount", p.Discount); err != nil {
		return nil, o.wrap(err)
	}
	for i, lp := range p.Lines {
		l := &o.lines[i]
		l.snap, l.quantity, l.stock, l.presale = lp.Snapshot, lp.Quantity, lp.Stock, lp.PresaleShipWithin
		if l.unit, err = money.ToFen("unit_price", lp.UnitPrice); err != nil {
			return nil, o.lineErr(i, err)
		}
		if l.paid, err = money.ToFen("paid", lp.Paid); err != nil {
			return nil, o.lineErr(i, err)
		}
	}
	if err := o.checkHeader(); err != nil {
		return nil, err
	}
	return o, nil
}

// ID returns the order id.
func (o *Order) ID() string { return o.id }

// Seller returns who sells.
func (o *Order) Seller() shop.SellerKind { return o.seller }

// Buyer returns the buyer reference.
func (o *Order) Buyer() string { return o.buyer }

// Status returns the current status.
func (o *Order) Status() Status { return o.status }

// CreatedAt returns when the order was placed.
func (o *Order) CreatedAt() time.Time { return o.createdAt }

// UpdatedAt returns when the order last changed: the time of its last accepted command. No
// command dated earlier is accepted.
func (o *Order) UpdatedAt() time.Time { return o.updatedAt }

// PaidAt returns when the order was paid, and false before payment.
func (o *Order) PaidAt() (time.Time, bool) { return o.paidAt, !o.paidAt.IsZero() }

// ShipDoneAt returns when nothing was left to ship (ship_done_time), and false until then.
func (o *Order) ShipDoneAt() (time.Time, bool) { return o.shipDoneAt, !o.shipDoneAt.IsZero() }

// CompletedAt returns when receipt was confirmed (status 100, 已完成): the start of the
// after-sale period. It is false for an order that has not completed.
func (o *Order) CompletedAt() (time.Time, bool) {
	if o.status != StatusCompleted {
		return time.Time{}, false
	}
	return o.endedAt, true
}

// EndedAt returns when the order completed, or was cancelled or closed, and false while it
// has not.
func (o *Order) EndedAt() (time.Time, bool) { return o.endedAt, !o.endedAt.IsZero() }

// Confirm returns who confirmed receipt of a completed order (0 before completion).
func (o *Order) Confirm() ConfirmKind { return o.confirm }

// CancelReason returns why a cancelled or closed order ended (0 while it has not).
func (o *Order) CancelReason() CancelReason { return o.cancel }

// Virtual reports whether the order sells virtual goods (deliver_method 1): its parcels ship
// without logistics.
func (o *Order) Virtual() bool { return o.virtual }

// Gift reports whether the order is a gift: paid, it waits in 12 for its recipient.
func (o *Order) Gift() bool { return o.gift }

// GroupBuy reports whether the order is a group buy: paid, it waits in 13 for its group.
func (o *Order) GroupBuy() bool { return o.groupBuy }

// SettledAt returns when the platform settled the order with the merchant (结算), and whether
// it has.
func (o *Order) SettledAt() (time.Time, bool) { return o.settledAt, !o.settledAt.IsZero() }

// Policy returns the deadline policy the order was placed with.
func (o *Order) Policy() DeadlinePolicy { return o.policy }

// Lines returns a copy of the lines, in order. To read lines without copying the slice, use
// NumLines and LineAt, or All.
func (o *Order) Lines() []Line {
	out := make([]Line, len(o.lines))
	copy(out, o.lines)
	return out
}

// NumLines returns the number of lines.
func (o *Order) NumLines() int { return len(o.lines) }

// LineAt returns line i (0 ≤ i < NumLines()), and false for an index out of range. It
// allocates nothing.
func (o *Order) LineAt(i int) (Line, bool) {
	if i < 0 || i >= len(o.lines) {
		return Line{}, false
	}
	return o.lines[i], true
}

// All yields each line's index and the line, in order, like slices.All; it allocates nothing.
// The order must not change while the loop runs.
func (o *Order) All() iter.Seq2[int, Line] {
	return func(yield func(int, Line) bool) {
		for i := range o.lines {
			if !yield(i, o.lines[i]) {
				return
			}
		}
	}
}

// Line returns the line of a SKU.
func (o *Order) Line(skuID string) (Line, bool) {
	if i := o.lineIndex(skuID); i >= 0 {
		return o.lines[i], true
	}
	return Line{}, false
}

// Total returns what the buyer pays for the order: the lines' paid amounts plus freight
// (order_price).
func (o *Order) Total() decimal.Decimal { return money.Yuan(o.linesPaid + o.freight) }

// ProductTotal returns the list total, Σ UnitPrice × Quantity (product_price).
func (o *Order) ProductTotal() decimal.Decimal { return money.Yuan(o.productFen) }

// Freight returns the shipping fee.
func (o *Order) Freight() decimal.Decimal { return money.Yuan(o.freight) }

// Discount returns the total discount.
func (o *Order) Discount() decimal.Decimal { return money.Yuan(o.discount) }

// Parcels returns copies of the parcels shipped so far, in order.
func (o *Order) Parcels() []Parcel { return cloneParcels(o.parcels) }

// Reshipments returns copies of the re-shipments so far, in order.
func (o *Order) Reshipments() []Reshipment { return cloneReships(o.reships) }

// Negotiations returns the accepted delivery negotiations, in order.
func (o *Order) Negotiations() []Negotiation {
	return append([]Negotiation(nil), o.negotiations...)
}

// Shipped returns the units of a SKU shipped so far (0 for a SKU not in the order).
func (o *Order) Shipped(skuID string) int {
	if i := o.lineIndex(skuID); i >= 0 {
		return o.lines[i].shipped
	}
	return 0
}

// Remaining returns the units of a SKU still to ship (0 for a SKU not in the order).
func (o *Order) Remaining(skuID string) int {
	if i := o.lineIndex(skuID); i >= 0 {
		return o.lines[i].left()
	}
	return 0
}

// lineIndex finds a line by SKU id: through the index in a large order, by a scan in a small
// one.
func (o *Order) lineIndex(skuID string) int {
	if o.index != nil {
		if i, ok := o.index[skuID]; ok {
			return i
		}
		return -1
	}
	for i := range o.lines {
		if o.lines[i].skuID() == skuID {
			return i
		}
	}
	return -1
}

// remainingTotal is the number of units still to ship over all lines, counted afresh (see
// toShip).
func (o *Order) remainingTotal() int {
	n := 0
	for i := range o.lines {
		n += o.lines[i].left()
	}
	return n
}
