package order

import (
	"iter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// Order is the order aggregate: its lines, its status and everything that happened to it.
// Every command takes the time it happens at, either succeeds completely or leaves the order
// exactly as it was, and returns the event it caused. The status always agrees with the
// quantities: nothing shipped before payment, shipped ≤ ordered for every SKU.
//
// An *Order is not safe for concurrent use: like any Go struct, the caller serialises commands
// on one order (one order per goroutine, or a lock of the host's own). Events, Lines and
// Snapshots it returns are independent values.
type Order struct {
	id        string
	seller    catalog.SellerKind
	buyer     string
	status    Status
	createdAt time.Time
	paidAt    time.Time
	// shipDoneAt is when nothing was left to ship (ship_done_time); endedAt is when the order
	// completed or was cancelled or closed.
	shipDoneAt time.Time
	endedAt    time.Time
	confirm    ConfirmKind
	cancel     CancelReason
	virtual    bool // deliver_method 1: parcels ship without logistics

	lines    []Line
	freight  decimal.Decimal
	discount decimal.Decimal
	// totals in fen, computed once by New/Restore.
	productFen, paidFen int64
	// catalogVersion is the lines' snapshots' common catalog version, computed once
	// by New/Restore (the snapshots never change).
	catalogVersion catalog.Version

	policy       DeadlinePolicy
	parcels      []Parcel
	items        []Item // backing store of the parcels' items (see allocOrder)
	reships      []Reshipment
	negotiations []Negotiation
}

// NewParams is what New needs to place an order.
type NewParams struct {
	// ID is the order id (order_id), required.
	ID string
	// Seller is who sells (catalog.SellerWeChatShop, ...), required.
	Seller catalog.SellerKind
	// Buyer is the host's reference to the buyer (openid or its own id), required.
	Buyer string
	// Lines are the SKUs ordered, at least one, no SKU twice.
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
}

// LineParams is one line of NewParams; the fields mean what they mean in Line.
type LineParams struct {
	Snapshot  catalog.Snapshot // product and SKU ids and a price are required
	Quantity  int              // 1..MaxQuantity
	UnitPrice decimal.Decimal
	Paid      decimal.Decimal // at most UnitPrice × Quantity
	Stock     StockType       // StockInStock (the zero value) or StockPresale
	// PresaleShipWithin must lie in the policy's presale range for a presale line and be zero
	// for goods in stock.
	PresaleShipWithin time.Duration
}

// New places an order in status 10 (待付款). It validates every field and amount and computes
// the totals exactly; on any error it returns no order. Amount errors match ErrInvalidAmount,
// a repeated SKU ErrDuplicateSKU, a bad quantity ErrInvalidQuantity, everything else
// ErrInvalidOrder.
func New(p NewParams) (*Order, error) {
	o := allocOrder(len(p.Lines))
	o.id, o.seller, o.buyer = p.ID, p.Seller, p.Buyer
	o.status, o.createdAt = StatusPendingPayment, p.CreatedAt
	o.freight, o.discount, o.policy, o.virtual = p.Freight, p.Discount, p.Policy, p.Virtual
	if o.policy.IsZero() {
		o.policy = DefaultDeadlinePolicy()
	}
	for i, lp := range p.Lines {
		o.lines[i] = Line{
			Snapshot:          lp.Snapshot,
			Quantity:          lp.Quantity,
			UnitPrice:         lp.UnitPrice,
			Paid:              lp.Paid,
			Stock:             lp.Stock,
			PresaleShipWithin: lp.PresaleShipWithin,
		}
	}
	if err := o.validateHeader(); err != nil {
		return nil, err
	}
	o.catalogVersion = commonCatalogVersion(o.lines)
	return o, nil
}

// ID returns the order id.
func (o *Order) ID() string { return o.id }

// Seller returns who sells.
func (o *Order) Seller() catalog.SellerKind { return o.seller }

// Buyer returns the buyer reference.
func (o *Order) Buyer() string { return o.buyer }

// Status returns the current status.
func (o *Order) Status() Status { return o.status }

// CreatedAt returns when the order was placed.
func (o *Order) CreatedAt() time.Time { return o.createdAt }

// PaidAt returns when the order was paid, and false before payment.
func (o *Order) PaidAt() (time.Time, bool) { return o.paidAt, !o.paidAt.IsZero() }

// CompletedAt returns when receipt was confirmed (status 100, 已完成): the start of the
// after-sale period. It is false for an order that has not completed.
func (o *Order) CompletedAt() (time.Time, bool) {
	if o.status != StatusCompleted {
		return time.Time{}, false
	}
	return o.endedAt, true
}

// Virtual reports whether the order sells virtual goods (deliver_method 1): its parcels ship
// without logistics.
func (o *Order) Virtual() bool { return o.virtual }

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

// LineAt returns a copy of line i (0 ≤ i < NumLines()), and false for an index out of range.
// It allocates nothing.
func (o *Order) LineAt(i int) (Line, bool) {
	if i < 0 || i >= len(o.lines) {
		return Line{}, false
	}
	return o.lines[i], true
}

// All yields each line's index and a copy of the line, in order, like slices.All; it
// allocates nothing. The order must not change while the loop runs.
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

// Paid returns the amount the buyer pays for the order: the lines' paid amounts plus freight.
func (o *Order) Paid() decimal.Decimal { return yuan(o.paidFen) }

// ProductTotal returns the list total, Σ UnitPrice × Quantity (product_price).
func (o *Order) ProductTotal() decimal.Decimal { return yuan(o.productFen) }

// Freight returns the shipping fee.
func (o *Order) Freight() decimal.Decimal { return o.freight }

// Discount returns the total discount.
func (o *Order) Discount() decimal.Decimal { return o.discount }

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
		return o.lines[i].Shipped
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

// lineIndex finds a line by SKU id; orders have few lines, so a scan beats a map.
func (o *Order) lineIndex(skuID string) int {
	for i := range o.lines {
		if o.lines[i].Snapshot.SKUID == skuID {
			return i
		}
	}
	return -1
}

// remainingTotal is the number of units still to ship over all lines.
func (o *Order) remainingTotal() int {
	n := 0
	for i := range o.lines {
		n += o.lines[i].left()
	}
	return n
}
