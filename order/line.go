package order

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// Line is one SKU of an order, as a value: what the buyer ordered (the catalog snapshot, the
// quantity, the unit price and the amount actually paid for the line), its ship-by deadline,
// the platform's per-line counters, and the money refunded for it. Lines(), Line(), LineAt()
// and All() return copies; changing one does not change the order. Snapshot.Attrs is shared
// with the order: treat it as read-only.
type Line struct {
	// Snapshot is the SKU as the buyer saw it when ordering.
	Snapshot catalog.Snapshot
	// Quantity is the number of units ordered (sku_cnt), > 0.
	Quantity int

	// The per-line counters follow the quantity, so that the shipment check, which reads the
	// ids above and these, touches two cache lines of a line rather than four.

	// Shipped counts the units shipped in parcels.
	Shipped int
	// OnAfterSale counts the units held by unfinished after-sale cases (on_aftersale_sku_cnt).
	OnAfterSale int
	// Refunded counts the units that finished after-sale with a refund
	// (finish_aftersale_sku_cnt); units refunded before shipping can never ship.
	Refunded int
	// AfterSaleDone counts the units whose after-sale finished without a refund but with goods
	// delivered (an exchange or a re-send): the platform takes no new after-sale for them.
	AfterSaleDone int
	// AfterSaleAttempts counts the after-sale requests made for this line.
	AfterSaleAttempts int

	// UnitPrice is the sale price of one unit, in yuan.
	UnitPrice decimal.Decimal
	// Paid is the amount actually paid for the whole line after discounts, in yuan
	// (at most UnitPrice × Quantity).
	Paid decimal.Decimal
	// RefundedAmount is the money refunded for the line through after-sale, in yuan: the
	// order's own ledger, never above Paid (RefundAfterSale keeps it). Zero when no refund
	// recorded an amount.
	RefundedAmount decimal.Decimal
	// Stock says whether the line is in stock or presale.
	Stock StockType
	// PresaleShipWithin is a presale line's deadline after payment (zero for goods in stock).
	PresaleShipWithin time.Duration
	// ShipBy is the latest ship time (delivery_deadline); zero until the order is paid.
	ShipBy time.Time
}

// SKUID returns the line's SKU id: lines are keyed by it.
func (l Line) SKUID() string { return l.Snapshot.SKUID }

// Remaining is the number of units still to ship: ordered, minus shipped, minus refunded. The
// platform ships every unit of one SKU in one parcel, so a refund before shipping removes units
// and a refund after shipping (a return) finds the line already done.
func (l Line) Remaining() int { return l.left() }

// left is Remaining for the order's own loops: a pointer receiver, so that no call copies the
// line (a value receiver copies all of it, even inlined).
func (l *Line) left() int { return max(0, l.Quantity-l.Shipped-l.Refunded) }

// Eligible is the number of units an after-sale request may still cover: bought, minus
// refunded, minus held by an unfinished case, minus done through an exchange or re-send.
func (l Line) Eligible() int { return l.eligible() }

func (l *Line) eligible() int { return l.Quantity - l.Refunded - l.OnAfterSale - l.AfterSaleDone }
