// Package aftersale models WeChat Shop after-sale cases (售后单) and the non-shipment dispute
// (不发货纠纷) that ends in the platform's verdict and, when the merchant is liable, a
// compensation payout.
//
// A Case is opened against an *order.Order for some of its units (Open). Its Kind says what the
// buyer wants: a refund only (仅退款), a return and refund (退货退款), an exchange (换货) or a
// re-sent item (补寄). Its Status is the platform's own string (MERCHANT_PROCESSING,
// USER_CANCELD, ...). Each kind has its own transition table, held as data: the commands, the
// tests, Transitions and Mermaid all read it. A refund has no return leg; an exchange ends with
// goods sent back to the buyer.
//
// Every command takes the time it happens at, changes the case and the order together or not at
// all, and returns the domain Event it produced. The order keeps the platform's per-line
// after-sale counters and the money refunded per line: opening a case holds its units; a
// refund releases them as refunded and records the amount on the order, whose ledger never
// lets a line refund more than it paid; a finished exchange or re-send marks them done (no new
// after-sale for them); any other ending releases them untouched. While a case is open the
// platform refuses to ship the order (108009): see (*Case).Open and (*Case).OpenAt.
//
// A case's Snapshot is its stored state: Restore rebuilds a case from it, and it (like a
// *Case) marshals to JSON and back unchanged, money as "10.10".
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
