// Package compensation computes what a buyer is paid (赔付) when a merchant never ships an
// order, exactly, from a payout table that is data rather than code.
//
// A Policy is a list of tiers (a Tier applies to order amounts at or above its From), a mode,
// a rounding rule, an optional floor and cap, the form the payout takes (cash, coupon, red
// packet, points) and which causes of non-shipment the merchant is liable for. Default is the
// table the platform publishes:
//
//	order amount         payout
//	below 100 元          50% of the order amount
//	100 元 and above      30%
//	5000 元 and above     20%
//
// Platforms change their rules, so a host normally loads the current table from its
// configuration as JSON (see Policy.UnmarshalJSON) or builds one with NewPolicy.
//
// (*Policy).Payout turns an order amount into a Payout: the amount paid, the tier and rate
// used, the exact value before rounding, whether the floor or the cap applied, and a one-line
// explanation for the merchant in Chinese (Explain) and English (ExplainEN). A payout is never
// negative, never above the amount paid, always a whole number of fen, and equal to the same
// computation done in integer fen. (*Policy).Cliffs shows where a flat table pays a bigger
// order less than a smaller one, before anyone publishes it. A Cause says why an order was not
// shipped; (*Policy).Liable says whether the merchant pays for it.
//
// Amounts are decimal yuan with at most two decimal places, up to 1,000,000,000.00 元 (the
// ceiling every wxshop amount shares); anything else is rejected with an error matching
// ErrInvalidAmount. Rates are decimals in [0, 1] with at most six decimal places. Inside, the
// arithmetic is in integer fen (times millionths of a rate, which stays far inside int64), so
// computing a payout needs no decimal arithmetic and rounds in exactly one place.
//
// Policies and payouts are immutable values, safe for concurrent use.
package compensation
