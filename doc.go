// Package wxshop is the overview of a pure Go SDK for the business rules of a WeChat Shop
// (微信小店) merchant backend. The code lives in its sub-packages; this package holds no code.
//
// A merchant must ship (发货) every paid order. The platform refuses a shipment while an
// after-sale case (售后: refund, return, exchange) is open on the order, when a SKU changed after
// the buyer ordered it, and when the parcels of a split shipment do not add up to what was
// ordered. When a merchant never ships, the buyer asks for a refund, the platform steps in, finds
// the cause, decides whether the merchant is liable and pays the buyer compensation (赔付) from a
// tiered table.
//
// # Packages and how data flows
//
//   - [github.com/wxshop-go/wxshop/shop]: the seller: its kind, its profile, its figures.
//   - [github.com/wxshop-go/wxshop/catalog]: categories, shelves (货架), products, SKUs and stock;
//     why an item cannot be bought; the Snapshot an order line keeps of its SKU.
//   - [github.com/wxshop-go/wxshop/order]: the order aggregate and its state machine, carrying the
//     platform's status codes; parcels, ship-by deadlines and delivery negotiation; the one
//     table of shipment refusals (order.Rule) and the refund ledger.
//   - [github.com/wxshop-go/wxshop/aftersale]: after-sale cases and the non-shipment dispute,
//     whose verdict pays compensation.
//   - [github.com/wxshop-go/wxshop/shipping]: Check, the pre-flight report of every reason an order
//     cannot be shipped yet.
//   - [github.com/wxshop-go/wxshop/compensation]: payout policies as data.
//   - [github.com/wxshop-go/wxshop/wxapi]: the WeChat Shop API's JSON in and out of the model.
//   - [github.com/wxshop-go/wxshop/logvalue]: orders, cases and addresses for log/slog, with
//     personal data masked.
//
// Data flows one way. A host decodes what the platform sends (wxapi, through
// order.FromPlatform) or restores its own records (order.Restore, aftersale.Restore), builds a
// catalog and orders, opens after-sale cases against orders, and asks shipping.Check whether an
// order can be shipped before it calls the platform; wxapi encodes the delivery request. Each
// fact has one owner: the order owns the shipment refusals and the refund ledger, the catalog
// owns drift, and the packages above them call them rather than restate them. The domain
// packages do no I/O and never read the clock: every method that needs a time takes one.
//
// # A worked example
//
// What the published table pays the buyer of a 99.99 元 order that was never shipped:
//
//	policy := compensation.Default() // <100 元 → 50%, ≥100 元 → 30%, ≥5000 元 → 20%
//	payout, err := policy.Payout(decimal.RequireFromString("99.99"))
//	if err != nil {
//		return err
//	}
//	fmt.Println(payout.Amount().StringFixed(2)) // 50.00
//	fmt.Println(payout.Explain())               // 订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元
//
// The runnable story of a whole merchant day is examples/quickstart.
package wxshop
