// Package wxapi translates WeChat Shop (微信小店, channels/ec) API payloads to and from wxshop's
// domain values. It is still pure: bytes in, domain values out, and back; no HTTP, no tokens.
//
// Platform to domain:
//
//   - DecodeOrder: order/get → *order.Order (through order.FromPlatform) and its after-sale
//     summary;
//   - DecodeAfterSale: aftersale/getaftersaleorder → *aftersale.Case (through aftersale.Restore);
//   - DecodeProduct: product/get → the product and its SKUs, as catalog.ProductState for
//     (*catalog.Catalog).RestoreProduct;
//   - DecodeEvent: an order or after-sale push → a typed Event, judged by a Dedupe and, for
//     payments and cancellations, applied with ApplyToOrder;
//   - DecodeResponse: any answer's errcode → an *APIError; a refusal of delivery/send matches
//     the same order.Rule values (errors.Is) as shipping.Check's report.
//
// Domain to platform: EncodeShipment (delivery/send, with the delivery type the order calls
// for), EncodeDeliveryCompensation and EncodeAuditFree build request bodies from order parcels
// and catalog no-review changes.
//
// order/get leaves some facts out, and wxapi does not guess them: who confirmed receipt and
// why an order was cancelled (the order says "unknown" unless the host passes what it learned
// from the push), and how much money after-sales refunded (none is recorded on the order; the
// amounts are in the after-sale orders). Whether finished after-sales were refunds or exchanges
// is read from the order's after-sale list where it settles the question (see DecodeOrder).
//
// Decoding is strict where the platform's data drives business rules and lenient elsewhere:
//
//   - an unknown code (an order status, an after-sale status, a cancel type, ...) is an error
//     that names the field and the value, never a silent default;
//   - a missing required field is an error;
//   - fields wxapi does not read are ignored, so new platform fields do not break hosts;
//   - amounts arrive in integer fen and leave as decimal yuan; an amount that is not a whole
//     number of fen, is negative or is absurd (above money.MaxFen) is an error;
//   - IDs are uint64 values above 2^53: they are accepted as JSON strings or as JSON numbers and
//     kept as decimal strings, never passed through a float;
//   - times are Unix seconds and come out in UTC;
//   - the result keeps the domain's invariants: what the order or case model refuses as a whole
//     is an error (ErrInconsistent), never a half-built value.
//
// Every decoding and encoding error is a *FieldError naming the payload and the JSON path of
// the field, and wraps a sentinel (ErrMissingField, ErrMalformed, ErrUnknownCode,
// ErrInvalidAmount, ErrInconsistent) for errors.Is.
//
// Event pushes are retried by the platform for hours and can arrive late or twice. A Dedupe
// remembers what was applied per order and per after-sale order and says whether a push should
// be applied, is a duplicate, or is stale.
package wxapi
