// Package aftersale models WeChat Shop after-sale cases (售后单) and the non-shipment dispute
// (不发货纠纷) that ends in the platform's verdict and, when the merchant is liable, a
// compensation payout.
//
// A Case is opened against an *order.Order for some of its units (Open). Its Kind says what the
// buyer wants: a refund only (仅退款), a return and refund (退货退款), an exchange (换货) or a
// re-sent item (补寄). Its Status is the platform's own string (MERCHANT_PROCESSING,
// USER_CANCELD, ...). Each kind has its own transition table, held as data: the commands, the
// tests, Restore, Transitions and Mermaid all read it. A refund has no return leg; an exchange
// ends with goods sent back to the buyer.
//
// Every command takes the time it happens at, refuses a time before the case's last change (the
// order's rule too), changes the case and the order together or not at all, and returns the
// domain Event it produced. A command takes the order exactly when it reads or changes it:
// those that end the case (Refund, Cancel, ReceiveGoods, Expire, Decide) change the order's
// counters, and Intervene reads its evidence from it; the others (Accept, Reject, ReturnGoods,
// ConfirmReceipt, SendGoods, VerifyCause) concern the case alone. The order owns the after-sale
// counters and the refund ledger: opening a case holds its units; a refund releases them as
// refunded with an amount the order's ledger checks and shares out (order.RefundAfterSale:
// never more than the units paid, so no line refunds more than it paid); a finished exchange
// or re-send marks them done (no new after-sale for them); any other ending releases them
// untouched. While a case blocks shipping, the platform refuses to ship the order (108009): see
// (*Case).BlocksShipping.
//
// A case's State is its stored form: Restore rebuilds a case from it, refusing what the
// commands could never produce, and it (like a *Case) marshals to JSON and back unchanged,
// money as "10.10".
//
// A buyer whose paid order was not shipped asks for a refund with a KindRefund case. If the
// merchant does not settle, the platform intervenes (Intervene), verifies the cause
// (VerifyCause) and decides (Decide): a full refund, plus the payout of a compensation.Policy when
// the policy holds the merchant liable for the cause. The Verdict records its inputs, so Judge
// reproduces it.
//
// Cases are aggregates: a *Case is not safe for concurrent use. Enums, events, transitions and
// verdicts are values, safe to share.
package aftersale
