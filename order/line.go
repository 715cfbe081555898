package order

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// Line is one SKU of an order, as a value: what the buyer ordered (the catalog snapshot, the
// quantity, the unit price and the amount actually paid for the line), its ship-by deadline,
// and the platform's per-line counters. Lines() and Line() return copies; changing one does not
// change the order. Snapshot.Attrs is shared with the order: treat it as read-only.
type Line struct {
	// Snapshot is the SKU as the buyer saw it when ordering.
	Snapshot catalog.Snapshot
	// Quantity is the number of units ordered (sku_cnt), > 0.
	Quantity int
	// UnitPrice is the sale price of one unit, in yuan.
	UnitPrice decimal.Decimal
	// Paid is the amount actually paid for the whole line after discounts, in yuan
	// (at most UnitPrice × Quantity).
	Paid decimal.Decimal
	// Stock says whether the line is in stock or presale.
	Stock StockType
	// PresaleShipWithin is a presale line's deadline after payment (zero for goods in stock).
	PresaleShipWithin time.Duration
	// ShipBy is the latest ship time (delivery_deadline); zero until the order is paid.
	ShipBy time.Time
	// Shipped counts the units shipped in parcels.
	Shipped int
	// OnAfterSale counts the units held by unfinished after-sale cases (on_aftersale_sku_cnt).
	OnAfterSale int
	// Refunded counts the units that finished after-sale with a refund
	// (finish_aftersale_sku_cnt); units refunded before shipping can never ship.
	Refunded int
	// AfterSaleAttempts counts the after-sale requests made for this line.
	AfterSaleAttempts int
}

// SKUID returns the line's SKU id: lines are keyed by it.
func (l Line) SKUID() string { return l.Snapshot.SKUID }

// Remaining is the number of units still to ship: ordered, minus shipped, minus refunded. The
// platform ships every unit of one SKU in one parcel, so a refund before shipping removes units
// and a refund after shipping (a return) finds the line already done.
func (l Line) Remaining() int { return max(0, l.Quantity-l.Shipped-l.Refunded) }

// Eligible is the number of units an after-sale request may still cover.
func (l Line) Eligible() int { return l.Quantity - l.Refunded - l.OnAfterSale }
