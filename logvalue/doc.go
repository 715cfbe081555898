// Package logvalue gives wxshop's aggregates and payloads to log/slog with personal data
// masked: slog.Info("shipped", "order", logvalue.Order(o)).
//
// Without it, a JSON handler logs an *order.Order or an *aftersale.Case through its
// MarshalJSON, which is the whole stored form, buyer openid included, and a text handler logs
// its String. The values here log a short group instead: ids, statuses, counts and amounts;
// openids keep their first four characters, names their first character, phone numbers their
// first three and last four digits (the shop package's Mask functions); street addresses,
// house numbers, notes and the buyer's own words are left out.
//
// The domain packages import no log package (they do no I/O, see DESIGN.md), so the
// slog.LogValuer implementations live here, beside them: each function wraps its value and
// reads it only when a handler asks. A nil or zero value logs as such and never panics.
package logvalue
