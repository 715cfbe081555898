// Package order is the order aggregate of a WeChat Shop (微信小店) merchant: its lines (each a
// catalog snapshot with quantity, unit price and the amount paid), its status with the
// platform's own codes (10 待付款 … 250 已取消), and the commands that move it: Pay, Cancel,
// Ship, Reship, ExtendShipBy, ConfirmReceipt, CloseByAfterSale, and the after-sale hooks.
//
// The status machine is one table (Transitions, Mermaid, Next). Every command takes the time
// it happens at, refuses a time before the order's last change (UpdatedAt), checks everything
// before it changes anything, and returns the event it caused as a value.
//
// The shipment refusals are one table too (Rule): each rule with its platform errcode, its
// texts and, since a Rule is an error, its own sentinel. ShipmentProblems checks a request
// against them (ShipmentProblemsIn also compares each line shipped with the live catalog); Ship and Reship apply a parcel only when it finds nothing; Restore checks stored
// parcels with the same walk; package shipping reports the same rules to merchants. The
// after-sale hooks (HoldForAfterSale, RefundCap, RefundAfterSale, CompleteAfterSale,
// ReleaseAfterSale) keep the platform's per-line counters and the money refunded per line:
// the order is the one owner of that ledger, in fen, and never refunds a line more than it
// paid.
//
// Three doors lead to an order: New places one, Restore rebuilds one from its stored form
// (State, which marshals to JSON), and FromPlatform rebuilds one from what the platform reports
// (PlatformOrder), deriving what order/get leaves out. Restore and FromPlatform refuse what the
// commands could never have produced. Sizes are bounded: MaxLines lines, MaxParcels parcels,
// MaxReships re-shipments, MaxQuantity units a line, amounts below 1,000,000,000.00 元, times
// in the years 1 to 9999, and text that is valid UTF-8.
//
// An *Order is not safe for concurrent use; every value it returns is.
package order
