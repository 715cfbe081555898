package catalog

import "github.com/wxshop-go/wxshop/internal/enum"

// Stock moves between two counters per SKU: Total units on hand, of which Reserved are held
// by orders placed but not shipped; Available = Total − Reserved. Every operation keeps
// 0 ≤ Reserved ≤ Total ≤ MaxStock, so stock never goes negative and an order can never take a
// unit another order holds.
//
//	Reserve  order placed        Reserved += n      (n ≤ Available, else ErrOutOfStock)
//	Release  order cancelled     Reserved −= n      (n ≤ Reserved)
//	Commit   order shipped       Reserved −= n, Total −= n
//	Restock  goods returned      Total += n
//	AdjustStock                  the merchant's add / subtract / set of Available

// Reserve holds qty units of a SKU for an order being placed. It checks everything CanBuy
// checks, and its errors match the same sentinels with errors.Is; a shortage or a bad
// quantity comes as a *StockError saying how many units there were. On any error nothing
// changes. A successful reserve allocates nothing.
func (c *Catalog) Reserve(productID, skuID string, qty int) error {
	if err := c.writable(); err != nil {
		return err
	}
	if qty <= 0 {
		return &StockError{Op: "reserve", ProductID: productID, SKUID: skuID, Want: qty, err: ErrInvalidQuantity}
	}
	r, p, err := c.rec(productID, skuID)
	if err != nil {
		return err
	}
	switch a := availability(r, p, qty); a {
	case Buyable:
	case OutOfStock:
		return &StockError{Op: "reserve", ProductID: productID, SKUID: skuID, Want: qty, Have: r.available(), err: ErrOutOfStock}
	default:
		return a.Err()
	}
	r.reserved += int32(qty) // qty ≤ available ≤ MaxStock
	return nil
}

// Release gives back qty reserved units (order cancelled, or unpaid and timed out). It works
// on deleted SKUs too: their orders still need to let go.
func (c *Catalog) Release(productID, skuID string, qty int) error {
	if err := c.writable(); err != nil {
		return err
	}
	r, err := c.reserved("release", productID, skuID, qty)
	if err != nil {
		return err
	}
	r.reserved -= int32(qty)
	return nil
}

// Commit turns qty reserved units into shipped ones: they leave both Reserved and Total.
func (c *Catalog) Commit(productID, skuID string, qty int) error {
	if err := c.writable(); err != nil {
		return err
	}
	r, err := c.reserved("commit", productID, skuID, qty)
	if err != nil {
		return err
	}
	r.reserved -= int32(qty)
	r.total -= int32(qty)
	return nil
}

// Restock puts qty returned units back on hand (a return was received).
func (c *Catalog) Restock(productID, skuID string, qty int) error {
	if err := c.writable(); err != nil {
		return err
	}
	r, _, err := c.rec(productID, skuID)
	if err != nil {
		return err
	}
	if qty <= 0 || qty > MaxStock-int(r.total) {
		return &StockError{Op: "restock", ProductID: productID, SKUID: skuID, Want: qty, Have: int(r.total), err: ErrInvalidQuantity}
	}
	r.total += int32(qty)
	return nil
}

// reserved finds a SKU holding at least qty reserved units.
func (c *Catalog) reserved(op, productID, skuID string, qty int) (*skuRow, error) {
	r, _, err := c.rec(productID, skuID)
	if err != nil {
		return nil, err
	}
	if qty <= 0 || qty > int(r.reserved) {
		return nil, &StockError{Op: op, ProductID: productID, SKUID: skuID, Want: qty, Have: int(r.reserved), err: ErrInvalidQuantity}
	}
	return r, nil
}

// DiffType is how a stock adjustment applies its number, with the platform's diff_type codes.
type DiffType uint8

// Adjustment kinds (stock_info.diff_type). The platform recommends add and subtract: set
// races with concurrent orders.
const (
	DiffAdd      DiffType = 1 // 增加
	DiffSubtract DiffType = 2 // 减少
	DiffSet      DiffType = 3 // 设置为
)

var diffTypes = enum.New("catalog.DiffType",
	enum.Spec[DiffType]{Value: DiffAdd, Name: "add", Label: "增加"},
	enum.Spec[DiffType]{Value: DiffSubtract, Name: "subtract", Label: "减少"},
	enum.Spec[DiffType]{Value: DiffSet, Name: "set", Label: "设置为"},
)

// String returns the stable English name ("add").
func (d DiffType) String() string { return diffTypes.Name(d) }

// Label returns the Chinese label.
func (d DiffType) Label() string { return diffTypes.Label(d) }

// IsValid reports whether d is a platform code.
func (d DiffType) IsValid() bool { return diffTypes.Valid(d) }

// MarshalText renders the stable name.
func (d DiffType) MarshalText() ([]byte, error) { return diffTypes.MarshalText(d) }

// UnmarshalText parses a stable name.
func (d *DiffType) UnmarshalText(text []byte) error { return diffTypes.UnmarshalText(d, text) }

// StockAdjustment is a merchant's change of a SKU's available stock (stock_info). The zero
// value means "no change" where it is optional (NoReviewSKU).
type StockAdjustment struct {
	Diff DiffType
	// Num is the units to add or subtract (> 0: the platform rejects a zero delta) or the new
	// available count to set (≥ 0).
	Num int
}

// IsZero reports whether a is the zero adjustment.
func (a StockAdjustment) IsZero() bool { return a == StockAdjustment{} }

// AdjustStock applies a merchant's stock change to a SKU's available units
// (product/stock/update). Reserved units are untouched: setting 0 leaves orders already placed
// able to ship. Subtracting more than is available is a *StockError matching ErrOutOfStock; a
// zero delta, a negative number or a total above MaxStock matches ErrInvalidQuantity. Deleted
// SKUs cannot be adjusted.
func (c *Catalog) AdjustStock(productID, skuID string, a StockAdjustment) error {
	if err := c.writable(); err != nil {
		return err
	}
	r, p, err := c.rec(productID, skuID)
	if err != nil {
		return err
	}
	total, err := adjusted(r, p, a)
	if err != nil {
		return err
	}
	r.total = int32(total)
	return nil
}

// adjusted returns the new total of a SKU of product p after a, or why a cannot apply. It
// changes nothing. The total it returns is at most MaxStock.
func adjusted(r *skuRow, p *product, a StockAdjustment) (int, error) {
	fail := func(sentinel error, have int) (int, error) {
		return 0, &StockError{Op: "adjust " + a.Diff.String(), ProductID: p.id, SKUID: r.id, Want: a.Num, Have: have, err: sentinel}
	}
	if r.deleted {
		return 0, &StateError{Op: "adjust stock of", ProductID: p.id, SKUID: r.id, State: "deleted", err: ErrSKUDeleted}
	}
	total, reserved, available := int(r.total), int(r.reserved), r.available()
	if err := diffTypes.Check(a.Diff); err != nil {
		return 0, err
	}
	switch a.Diff {
	case DiffAdd:
		if a.Num <= 0 || a.Num > MaxStock-total {
			return fail(ErrInvalidQuantity, available)
		}
		return total + a.Num, nil
	case DiffSubtract:
		if a.Num <= 0 {
			return fail(ErrInvalidQuantity, available)
		}
		if a.Num > available {
			return fail(ErrOutOfStock, available)
		}
		return total - a.Num, nil
	default: // DiffSet
		if a.Num < 0 || a.Num > MaxStock-reserved {
			return fail(ErrInvalidQuantity, available)
		}
		return reserved + a.Num, nil
	}
}
