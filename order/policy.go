package order

import (
	"fmt"
	"time"
)

// Platform limits that are not deadlines.
const (
	// MaxReships is the platform's limit of re-shipments (补发) per order.
	MaxReships = 10
	// MaxAfterSaleAttempts is how many after-sale requests one line may see.
	MaxAfterSaleAttempts = 5
	// MaxQuantity bounds a line's quantity; larger numbers are input errors, and the bound keeps
	// every count and amount far inside int64.
	MaxQuantity = 1_000_000
	// MaxLines bounds an order's lines (product_infos). A WeChat Shop cart holds at most a few
	// hundred SKUs; 10,000 is far beyond anything the platform sends, and keeps a hostile
	// payload's cost bounded (every operation is linear in the lines).
	MaxLines = 10_000
	// MaxParcels bounds an order's parcels: every unit of a SKU ships in one parcel, so an
	// order never needs more parcels than lines.
	MaxParcels = MaxLines
)

// DeadlinePolicy says how long a merchant has to ship each line after payment, and the rules
// of delivery negotiation (发货协商). Deadlines vary by shop and category on the platform, so
// they are data: build your own or start from DefaultDeadlinePolicy. A DeadlinePolicy is a
// value, safe to share.
type DeadlinePolicy struct {
	// InStock is the deadline for goods in stock, from payment (default 48 h).
	InStock time.Duration
	// PresaleMin and PresaleMax bound a presale line's own deadline (default 4 and 15 days).
	PresaleMin, PresaleMax time.Duration
	// MaxNegotiations is how many delivery negotiations one order may have (default 3).
	MaxNegotiations int
	// NegotiationLead is how long before the deadline a negotiation must be sent at the
	// latest (default 4 h).
	NegotiationLead time.Duration
}

// DefaultDeadlinePolicy returns the platform's published defaults: 48 h for goods in stock,
// presale 4–15 days, at most 3 negotiations, each at least 4 h before the deadline.
func DefaultDeadlinePolicy() DeadlinePolicy {
	return DeadlinePolicy{
		InStock:         48 * time.Hour,
		PresaleMin:      4 * 24 * time.Hour,
		PresaleMax:      15 * 24 * time.Hour,
		MaxNegotiations: 3,
		NegotiationLead: 4 * time.Hour,
	}
}

// IsZero reports whether p is the zero policy (New then uses DefaultDeadlinePolicy).
func (p DeadlinePolicy) IsZero() bool { return p == DeadlinePolicy{} }

// Validate reports an impossible policy. The error matches ErrInvalidPolicy.
func (p DeadlinePolicy) Validate() error {
	switch {
	case p.InStock <= 0:
		return fmt.Errorf("%w: in-stock deadline %s must be positive", ErrInvalidPolicy, p.InStock)
	case p.PresaleMin <= 0 || p.PresaleMax < p.PresaleMin:
		return fmt.Errorf("%w: presale range %s..%s", ErrInvalidPolicy, p.PresaleMin, p.PresaleMax)
	case p.MaxNegotiations < 0:
		return fmt.Errorf("%w: max negotiations %d is negative", ErrInvalidPolicy, p.MaxNegotiations)
	case p.NegotiationLead < 0:
		return fmt.Errorf("%w: negotiation lead %s is negative", ErrInvalidPolicy, p.NegotiationLead)
	case p.InStock > maxDeadline || p.PresaleMax > maxDeadline || p.NegotiationLead > maxDeadline:
		return fmt.Errorf("%w: a duration above %s", ErrInvalidPolicy, maxDeadline)
	case p.MaxNegotiations > MaxLines:
		return fmt.Errorf("%w: max negotiations %d above %d", ErrInvalidPolicy, p.MaxNegotiations, MaxLines)
	}
	return nil
}

// checkLine validates a line's stock type and presale deadline against the policy.
func (p DeadlinePolicy) checkLine(stock StockType, within time.Duration) error {
	switch stock {
	case StockInStock:
		if within != 0 {
			return fmt.Errorf("%w: presale deadline %s on a line in stock", ErrInvalidOrder, within)
		}
	case StockPresale:
		if within < p.PresaleMin || within > p.PresaleMax {
			return fmt.Errorf("%w: presale deadline %s outside %s..%s", ErrInvalidOrder, within, p.PresaleMin, p.PresaleMax)
		}
	default:
		return fmt.Errorf("%w: %w", ErrInvalidOrder, stockTypes.Check(stock))
	}
	return nil
}

// deadline is a line's ship-by time for an order paid at paidAt.
func (p DeadlinePolicy) deadline(paidAt time.Time, stock StockType, within time.Duration) time.Time {
	if stock == StockPresale {
		return paidAt.Add(within)
	}
	return paidAt.Add(p.InStock)
}

// maxDeadline bounds the policy's durations: no ship-by deadline is more than about 330 days
// after payment on the platform (a special filing), so ten years is generous, and it keeps
// every deadline inside the years an order's times may fall in.
const maxDeadline = 10 * 365 * 24 * time.Hour
