package order

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Line is one SKU of an order, as a value: what the buyer ordered (the catalog snapshot, the
// quantity, the unit price and the amount actually paid for the line), its ship-by deadline,
// the platform's per-line counters, and the money refunded for it. The order hands out copies
// (Line, LineAt, All, Lines); a Line cannot be changed, so it shares nothing that matters with
// the order. Money is held in fen; its getters build decimals on demand.
type Line struct {
	// What a shipment check reads comes first, in the line's first two cache lines: the
	// snapshot's ids, attributes and price (drift), the units left (quantity, shipped,
	// refunded), the units held by after-sale, and the ship-by deadline's instant (the late
	// warning); a deadline's location is only copied.
	snap                             catalog.Snapshot
	quantity, shipped, refunded      int
	onAfterSale                      int
	shipBy                           time.Time
	afterSaleDone, afterSaleAttempts int

	unit, paid, refundedAmount int64 // fen
	stock                      StockType
	presale                    time.Duration
}

// Snapshot returns the SKU as the buyer saw it when ordering.
func (l Line) Snapshot() catalog.Snapshot { return l.snap }

// SKUID returns the line's SKU id: lines are keyed by it.
func (l Line) SKUID() string { return l.snap.SKUID() }

// ProductID returns the line's product id.
func (l Line) ProductID() string { return l.snap.ProductID() }

// Quantity returns the number of units ordered (sku_cnt), > 0.
func (l Line) Quantity() int { return l.quantity }

// Shipped returns the units shipped in parcels.
func (l Line) Shipped() int { return l.shipped }

// OnAfterSale returns the units held by unfinished after-sale cases (on_aftersale_sku_cnt).
func (l Line) OnAfterSale() int { return l.onAfterSale }

// Refunded returns the units that finished after-sale with a refund (finish_aftersale_sku_cnt);
// units refunded before shipping can never ship.
func (l Line) Refunded() int { return l.refunded }

// AfterSaleDone returns the units whose after-sale finished without a refund but with goods
// delivered (an exchange or a re-send): the platform takes no new after-sale for them.
func (l Line) AfterSaleDone() int { return l.afterSaleDone }

// AfterSaleAttempts returns the after-sale requests made for this line.
func (l Line) AfterSaleAttempts() int { return l.afterSaleAttempts }

// UnitPrice returns the sale price of one unit, in yuan.
func (l Line) UnitPrice() decimal.Decimal { return money.Yuan(l.unit) }

// Paid returns the amount actually paid for the whole line after discounts, in yuan (at most
// UnitPrice × Quantity).
func (l Line) Paid() decimal.Decimal { return money.Yuan(l.paid) }

// RefundedAmount returns the money refunded for the line through after-sale, in yuan: the
// order's own ledger, never above Paid.
func (l Line) RefundedAmount() decimal.Decimal { return money.Yuan(l.refundedAmount) }

// Stock says whether the line is in stock or presale.
func (l Line) Stock() StockType { return l.stock }

// PresaleShipWithin returns a presale line's deadline after payment (zero for goods in stock).
func (l Line) PresaleShipWithin() time.Duration { return l.presale }

// ShipBy returns the latest ship time (delivery_deadline); zero until the order is paid.
func (l Line) ShipBy() time.Time { return l.shipBy }

// Remaining is the number of units still to ship: ordered, minus shipped, minus refunded. The
// platform ships every unit of one SKU in one parcel, so a refund before shipping removes units
// and a refund after shipping (a return) finds the line already done.
func (l Line) Remaining() int { return l.left() }

// left is Remaining for the order's own loops: a pointer receiver, so that no call copies the
// line.
func (l *Line) left() int { return max(0, l.quantity-l.shipped-l.refunded) }

// Eligible is the number of units an after-sale request may still cover: bought, minus
// refunded, minus held by an unfinished case, minus done through an exchange or re-send.
func (l Line) Eligible() int { return l.eligible() }

func (l *Line) eligible() int { return l.quantity - l.refunded - l.onAfterSale - l.afterSaleDone }

// skuID is the line's SKU id, for the order's own loops.
func (l *Line) skuID() string { return l.snap.SKUID() }
