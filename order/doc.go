// Package order is the order aggregate of a WeChat Shop (微信小店) merchant: its lines (each a
// catalog snapshot with quantity, unit price and the amount paid), its status with the
// platform's own codes (10 待付款 … 250 已取消), and the commands that move it: Pay, Cancel,
// Ship, Reship, ExtendShipBy, ConfirmReceipt, CloseByAfterSale, and the after-sale hooks.
//
// The status machine is one table (Transitions, Mermaid, Next). Every command takes the time
// it happens at, checks everything before it changes anything, and returns the event it
// caused as a value. The shipment rules (one parcel per SKU, no over-shipment, no refunded
// units, unique tracking numbers, ...) live in ShipmentProblems, which Ship and package
// shipping share. The after-sale hooks (HoldForAfterSale, RefundAfterSale, CompleteAfterSale,
// ReleaseAfterSale) keep the platform's per-line counters and the money refunded per line,
// never more than the line paid.
//
// An *Order is not safe for concurrent use; every value it returns is.
package order
