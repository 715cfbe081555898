// Package wxapi translates WeChat Shop (微信小店, channels/ec) API payloads and pushes to and
// from wxshop's domain values. It is pure: bytes in, domain values out, and back; no HTTP, no
// tokens, no clock, no randomness of its own. It maps fields; every rule stays with the package
// that owns the data (order, aftersale, catalog, shipping).
//
// # A push, from the request to the stored order
//
//	key, _ := wxapi.NewPushKey(token, encodingAESKey, appID) // once, from the shop's settings
//
//	// GET when the push URL is saved: echo echostr back.
//	echo, err := key.VerifyURL(r.URL.Query())
//
//	// POST: check the signature, decrypt, decode, apply; store; then answer "success".
//	msg, err := key.OpenPush(r.URL.Query(), body, now, wxapi.PushOptions{})
//	ev, err := wxapi.DecodeEvent(msg)
//	o := load(ev.Subject().OrderID)          // the host's stored order, by the push's subject
//	out, err := wxapi.ApplyToOrder(o, ev)    // or ApplyToCase for an after-sale push
//	if out.Effect == wxapi.NeedsFetch {      // the push does not carry what the change needs
//		body := call(out.Fetch.API, out.Fetch.ID)
//		_, events, err := wxapi.ReconcileOrder(o, body, opts)
//	}
//	save(o)                                  // in the same transaction as whatever else changed
//
// OpenPush checks msg_signature in constant time before anything is decrypted, then decrypts
// the envelope (AES-256-CBC with the EncodingAESKey, PKCS#7 over 32 bytes) and checks the appid;
// every refusal is a *FieldError matching ErrBadSignature, ErrWrongAppID, ErrBadCiphertext,
// ErrStaleTimestamp, ErrMalformedPush, ErrPushTooLarge or ErrBadPushKey. WeChat Shop pushes in
// safe mode and JSON only; the XML envelope is read too. No freshness window is documented and
// the platform retries a push for about 3.6 hours (0 s, 0 s, 10 s, 1 min, 5 min, 30 min, then
// hourly, at most 10 times), so the timestamp is checked only when PushOptions.MaxAge is set.
// Seal, SealReply and MsgSignature build encrypted replies and, in a host's tests, pushes; the
// random bytes come from the caller.
//
// Applying a push is idempotent and order-aware with no memory of its own: the aggregate's
// status and last change (UpdatedAt, ChangedAt) say whether a push took effect, so a retry, a
// late push or a push delivered to another instance is AlreadyApplied, in any process, after
// any restore from JSON. (An earlier in-memory de-duplicator is gone: what it remembered was a
// second copy of what the aggregate already says, and it was lost on every restart.) A push
// that carries enough changes the aggregate through its own commands (payment, the end of a
// gift's or group buy's wait, confirmation, cancellation, settlement; an after-sale case
// accepted or withdrawn, its units released on the order at once); one that does not is
// NeedsFetch, naming the API call, and ReconcileOrder or ReconcileAfterSale applies the answer
// and returns the domain events that explain the difference. Times must come from one clock:
// the platform's, or the host's kept close to it.
//
// # What is covered
//
// Platform to domain:
//
//   - order/get: DecodeOrder → *order.Order (through order.FromPlatform: money derived from
//     real_price, estimate_price, change_price and order_price, never guessed; itemised
//     discounts checked against the lines), the after-sale summary, and OrderDetails (address
//     and address change, virtual numbers, notes, payment, prices, gift, free gifts, line and
//     parcel details, quality inspection, dropship), masked when printed;
//   - aftersale/getaftersaleorder: DecodeAfterSale → *aftersale.Case;
//   - product/get: DecodeProduct → catalog.ProductState (cats_v2, or the older cats);
//   - order/list/get, aftersale/getaftersalelist, product/list/get: DecodeOrderList,
//     DecodeAfterSaleList, DecodeProductList → a Page of IDs;
//   - order/deliverycompanylist/new/get: DecodeCarrierList → shipping.Carriers;
//   - every answer's errcode: DecodeResponse → *APIError; a refusal of delivery/send matches
//     the same order.Rule values (errors.Is) as shipping.Check's report;
//   - pushes: channels_ec_order_new, _pay, _wait_shipping, _deliver, _confirm, _cancel,
//     _settle and _ext_info_update; channels_ec_aftersale_update and
//     channels_ec_complaint_update; product_spu_audit, product_spu_listing,
//     product_spu_update, product_category_audit, channels_ec_stock_no_enough and
//     channels_ec_brand; channels_ec_close_store and set_shop_nickname (see EventKinds).
//
// Domain to platform: EncodeShipment / EncodeShipmentWith and EncodeDeliverySend /
// EncodeDeliverySendWith (delivery/send; SendOptions adds a parcel's 国补 serial numbers and
// course information), EncodeDeliveryCompensation, EncodeDeliveryInfoUpdate and
// EncodeDeliveryInfoChange (deliveryinfo/update, whole order or one parcel), the after-sale
// actions EncodeAcceptApply, EncodeRejectApply, EncodeUploadRefundCertificate,
// EncodeMerchantUpdateAfterSale, EncodeAcceptExchangeReship and EncodeRejectExchangeReship,
// the list requests EncodeOrderList, EncodeAfterSaleList, EncodeProductList and
// EncodeCarrierList, and for products EncodeStockUpdate, EncodeListing, EncodeDelisting and
// EncodeAuditFree. Each takes typed input, checks it with the owning package's rules, and
// returns the whole body or a *FieldError naming the field: nothing is half-encoded.
//
// # What is left out, on purpose
//
// Pushes of coupons, membership, sharers, funds, supplier and dropship orders, e-waybill tracks
// and customer service decode to an *UnsupportedEventError (ErrUnsupportedEvent) that still
// names the push, its time and, where the body says it, its order or shop. Left out of the
// encoders: order/search, order/price/update, the address-change and pre-shipment SKU-change
// answers (approve/reject), delivery negotiation, the dropship, gift-product, coupon, live and
// fund APIs, and aftersale/handlefastexchangereceipt. order/get's commission, sharer, settle
// fees, greeting card and custom-print fields are not read: they drive no rule here.
//
// order/get leaves some facts out, and wxapi does not guess them: who confirmed receipt and
// why an order was cancelled (OrderOptions carries what the host learned from the push), and
// the money after-sales refunded (its amounts are in the after-sale orders).
//
// # Decoding
//
// Strict where the platform's data drives a rule, lenient elsewhere:
//
//   - an unknown code that drives a rule (an order status, an after-sale status, a cancel
//     type) is an error that names the field and the value; a code that only describes (a
//     payment method, an ext-info change, a dispute status) is kept as sent and prints as a
//     number when unknown;
//   - a missing required field is an error; fields wxapi does not read are ignored, so new
//     platform fields do not break hosts;
//   - amounts arrive in integer fen and leave as decimal yuan; an amount that is not a whole
//     number of fen, is negative or is absurd (above 1,000,000,000.00 yuan) is an error;
//   - IDs are uint64 values above 2^53: accepted as JSON strings or numbers and kept as
//     decimal strings, never passed through a float;
//   - times are Unix seconds and come out in UTC;
//   - the result keeps the domain's invariants: what the order or case refuses as a whole is
//     an error (ErrInconsistent), never a half-built value.
//
// Every decoding and encoding error is a *FieldError naming the payload and the JSON path of
// the field ("order.order_detail.delivery_info.ship_done_time"), and wraps a sentinel
// (ErrMissingField, ErrMalformed, ErrUnknownCode, ErrInvalidAmount, ErrInconsistent) for
// errors.Is.
package wxapi
