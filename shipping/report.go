package shipping

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wxshop-go/wxshop/internal/beijing"
	"github.com/wxshop-go/wxshop/order"
)

// Report is the outcome of Check: every blocker, in a deterministic order, and the warnings.
// Same request, same report. A Report is a value, safe to share; treat its slices as read-only.
type Report struct {
	// OrderID is the order checked ("" when the request had no order).
	OrderID string `json:"order_id"`
	// At is the time of the attempt, as given in the request.
	At time.Time `json:"attempted_at"`
	// Blockers lists every reason the shipment would be refused; empty means it can go.
	Blockers []Blocker `json:"blockers"`
	// Warnings never block the shipment.
	Warnings []Warning `json:"warnings"`
}

// OK reports whether nothing blocks the shipment.
func (r Report) OK() bool { return len(r.Blockers) == 0 }

// Has reports whether a blocker of the given rule is present.
func (r Report) Has(c order.Rule) bool {
	for _, b := range r.Blockers {
		if b.Code == c {
			return true
		}
	}
	return false
}

// Codes returns the rules of the blockers, each once, in the order they first appear.
func (r Report) Codes() []order.Rule {
	var out []order.Rule
	for _, b := range r.Blockers {
		if !slices.Contains(out, b.Code) {
			out = append(out, b.Code)
		}
	}
	return out
}

// Err returns nil for an OK report, and otherwise a *RefusedError that matches ErrBlocked and
// the order.Rule of every blocker (errors.Is), and from which errors.As extracts the first
// Blocker or the *RefusedError itself.
func (r Report) Err() error {
	if r.OK() {
		return nil
	}
	return &RefusedError{OrderID: r.OrderID, At: r.At, Blockers: r.Blockers}
}

// RefusedError is Report.Err's error: the order, the attempt time and the blockers.
type RefusedError struct {
	OrderID  string
	At       time.Time
	Blockers []Blocker
}

// Error lists the codes: "shipping: order 42 cannot ship: aftersale_open, sku_drift".
func (e *RefusedError) Error() string {
	codes := Report{Blockers: e.Blockers}.Codes()
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = c.String()
	}
	return fmt.Sprintf("shipping: order %q cannot ship: %s", e.OrderID, strings.Join(names, ", "))
}

// Unwrap returns ErrBlocked and every blocker, so errors.Is reaches each blocker's rule.
func (e *RefusedError) Unwrap() []error {
	errs := make([]error, 0, len(e.Blockers)+1)
	errs = append(errs, ErrBlocked)
	for _, b := range e.Blockers {
		errs = append(errs, b)
	}
	return errs
}

// SupportTicket returns the text a merchant pastes to platform support when a shipment is
// refused: the order id, the time of the attempt (in Beijing time, which the platform's support
// reads, and in RFC 3339 UTC), and each blocker with its code, its platform error code and its
// message in Chinese and English, then the warnings.
func (r Report) SupportTicket() string {
	var sb strings.Builder
	sb.WriteString("发货失败，请协助处理 / Shipment refused, please help\n")
	fmt.Fprintf(&sb, "订单号 / Order ID: %s\n", orDash(r.OrderID))
	fmt.Fprintf(&sb, "发货时间 / Attempted at: %s / %s\n", beijing.Time(r.At), r.At.UTC().Format(time.RFC3339))
	if r.OK() {
		sb.WriteString("问题 / Blockers: 无 / none\n")
	} else {
		fmt.Fprintf(&sb, "问题 / Blockers (%d):\n", len(r.Blockers))
	}
	for i, b := range r.Blockers {
		fmt.Fprintf(&sb, "%d. [%s%s] %s\n   %s\n", i+1, b.Code, platformSuffix(b.PlatformCode), b.Message, b.MessageEN)
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&sb, "提醒 / Warning [%s] %s\n   %s\n", w.Code, w.Message, w.MessageEN)
	}
	return sb.String()
}

func platformSuffix(code int) string {
	if code == 0 {
		return ""
	}
	return fmt.Sprintf(" %d", code)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// reportJSON adds the derived "ok" field and renders empty lists as [] rather than null.
type reportJSON struct {
	OrderID  string    `json:"order_id"`
	At       time.Time `json:"attempted_at"`
	OK       bool      `json:"ok"`
	Blockers []Blocker `json:"blockers"`
	Warnings []Warning `json:"warnings"`
}

// MarshalJSON renders the report for a host's UI: order_id, attempted_at, ok, blockers and
// warnings (empty lists as []).
func (r Report) MarshalJSON() ([]byte, error) {
	v := reportJSON{OrderID: r.OrderID, At: r.At, OK: r.OK(), Blockers: r.Blockers, Warnings: r.Warnings}
	if v.Blockers == nil {
		v.Blockers = []Blocker{}
	}
	if v.Warnings == nil {
		v.Warnings = []Warning{}
	}
	return json.Marshal(v)
}
