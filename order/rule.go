package order

import (
	"strconv"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// Rule is one reason the platform refuses to ship an order (order/delivery/send), or, for
// RuleLateShipment, one thing a merchant is warned about. Its value is wxshop's own; its text
// is a stable snake_case name used in JSON ("sku_split"); it knows the platform's errcode for
// the refusal (PlatformCode), a Chinese label, an English title and what the merchant should
// do. The rules live in one table (see Rules), read by Ship, Reship, ShipmentProblems, Restore,
// package shipping's Check and package wxapi's error mapping, so that they cannot disagree.
//
// A Rule is also an error, like syscall.Errno: every *ShipmentError unwraps to its Rule, every
// shipping.Blocker too, and errors.Is(err, order.RuleSKUSplit) tests for one refusal wherever
// it came from. The zero value is not a rule.
type Rule uint8

// The rules, in the order the shipment check reports them. The order checks those about its
// own state and the request's shape; package shipping adds those that need what the order does
// not know (after-sale cases, the live catalog, the carrier list), marked "shipping".
const (
	RuleInvalidRequest      Rule = iota + 1 // shipping: the check lacks data it needs
	RuleOrderUnpaid                         // status 10: not paid yet
	RuleOrderWaiting                        // status 12, 13: a gift or a group buy not yet ready to ship
	RuleOrderCancelled                      // status 190, 200, 250
	RuleOrderShipped                        // status 30, 100: everything shipped (109001)
	RuleAfterSaleOpen                       // units held by an unfinished after-sale (108009)
	RuleSKUChangePending                    // the buyer asked to change the SKU; no answer yet
	RuleSKUDrift                            // shipping: the SKU changed after the order (606031)
	RuleSKUUnknown                          // an item names a SKU not in the order (606031)
	RuleParcelEmpty                         // a parcel without items, or no parcel (109002)
	RuleQuantityInvalid                     // an item quantity ≤ 0 (109000)
	RuleOverShipment                        // more units than ordered and not yet shipped (109000)
	RuleSKUSplit                            // a SKU's units in more than one parcel (606030)
	RuleUnitsRefunded                       // units that finished after-sale with a refund (109000)
	RuleShipmentIncomplete                  // a request meant to finish leaves units (no platform code)
	RuleCarrierMissing                      // no delivery_id (40097)
	RuleTrackingMissing                     // no waybill_id (40097)
	RuleCarrierUnknown                      // shipping: delivery_id not in the carrier list (606004)
	RuleTrackingInvalid                     // a waybill_id no carrier issues (606005)
	RuleTrackingDuplicate                   // a tracking number used twice (109000)
	RuleDeliverTypeMismatch                 // no logistics on an order of physical goods (606008)
	RuleLateShipment                        // a warning: the ship-by deadline has passed
	numRules
)

// Platform error codes of order/delivery/send that the rules stand for (REFERENCE §3).
const (
	codeInvalidArgs        = 40097  // invalid args: errmsg names the field
	codeAfterSaleOpen      = 108009 // 当前订单有未完成售后单，不允许发货
	codeShipFailed         = 109000 // 发货失败：商品、数量、售后或重复运单
	codeAlreadyShipped     = 109001 // 订单已全部发货
	codeNoItems            = 109002 // 请求中没有商品
	codeBadCarrier         = 606004 // delivery_id 不合法
	codeBadWaybill         = 606005 // waybill_id 不合法
	codeDeliverTypeMismach = 606008 // deliver_type 与订单 deliver_method 不符
	codeSKUSplit           = 606030 // 同一 sku 的所有商品必须在一个包裹里发出
	codeSKUMismatch        = 606031 // product_id 或 sku_id 填写不正确
)

// ruleInfo is everything known about one rule.
type ruleInfo struct {
	name     string
	platform int
	label    string // Chinese title
	title    string // English title
	action   string // Chinese: what the merchant should do
	actionEN string
}

// rules is THE table.
var rules = [numRules]ruleInfo{
	RuleInvalidRequest: {name: "invalid_request",
		label: "发货检查缺少必要数据", title: "the shipment check is missing data it needs",
		action:   "这是接入程序的问题：请让开发者传入订单、商品查询、售后单、快递公司列表和发货时间后重试",
		actionEN: "this is an integration fault: have the developer pass the order, a SKU lookup, the after-sale cases, the carrier list and the attempt time, then retry"},
	RuleOrderUnpaid: {name: "order_unpaid",
		label: "订单未付款", title: "the order is not paid",
		action:   "等待买家付款后再发货",
		actionEN: "wait for the buyer to pay before shipping"},
	RuleOrderWaiting: {name: "order_waiting",
		label: "订单尚未进入待发货", title: "the order does not await shipment yet",
		action:   "礼物订单等收礼人收下、一起买订单等成团后再发货",
		actionEN: "ship a gift once its recipient accepts it, a group buy once its group forms"},
	RuleOrderCancelled: {name: "order_cancelled",
		label: "订单已取消或已关闭", title: "the order is cancelled or closed",
		action:   "不要发货；如已出库，请拦截包裹",
		actionEN: "do not ship; if the goods already left, intercept the parcel"},
	RuleOrderShipped: {name: "order_shipped", platform: codeAlreadyShipped,
		label: "订单已全部发货", title: "the order is already fully shipped",
		action:   "无需再次发货；修改物流信息请用“修改物流”，漏发或拆包请用“补发货”",
		actionEN: "do not ship again; correct the waybill with the delivery-info update, send missing or split items with a re-shipment"},
	RuleAfterSaleOpen: {name: "aftersale_open", platform: codeAfterSaleOpen,
		label: "订单有未完成的售后单", title: "the order has an unfinished after-sale case",
		action:   "先处理售后单（同意、拒绝或协商），售后结束后再发货",
		actionEN: "handle the after-sale case first (accept, reject or negotiate), then ship once it has finished"},
	RuleSKUChangePending: {name: "sku_change_pending",
		label: "买家申请了发货前更换规格，商家尚未处理", title: "the buyer asked to change the SKU before shipment, and has no answer yet",
		action:   "先同意或拒绝买家的换规格申请：同意后按新规格发货，拒绝后按原规格发货",
		actionEN: "approve or reject the buyer's SKU change first: once approved, ship the new SKU; once rejected, the one ordered"},
	RuleSKUDrift: {name: "sku_drift", platform: codeSKUMismatch,
		label: "下单后商品规格已变更", title: "the SKU changed after the order",
		action:   "核对订单快照与当前商品：恢复原价格或规格，或与买家协商；仍无法发货请联系平台客服",
		actionEN: "compare the order's snapshot with the live SKU: restore its price or attributes, or agree a change with the buyer; if shipping still fails, contact platform support"},
	RuleSKUUnknown: {name: "sku_unknown", platform: codeSKUMismatch,
		label: "包裹中的商品不在订单中", title: "a parcel holds a SKU that is not in the order",
		action:   "按订单原始商品的 product_id 和 sku_id 填写包裹",
		actionEN: "fill the parcel with the order's original product_id and sku_id"},
	RuleParcelEmpty: {name: "parcel_empty", platform: codeNoItems,
		label: "包裹中没有商品", title: "a parcel has no items",
		action:   "在每个包裹中填写商品和数量",
		actionEN: "list the items and quantities in every parcel"},
	RuleQuantityInvalid: {name: "quantity_invalid", platform: codeShipFailed,
		label: "商品数量必须大于0", title: "an item quantity is not positive",
		action:   "把数量改为大于0的整数",
		actionEN: "set the quantity to a whole number above zero"},
	RuleOverShipment: {name: "over_shipment", platform: codeShipFailed,
		label: "发货数量超过待发数量", title: "more units than remain to ship",
		action:   "按订单中尚未发货的数量填写包裹",
		actionEN: "ship no more than the units still to ship"},
	RuleSKUSplit: {name: "sku_split", platform: codeSKUSplit,
		label: "同一商品规格被拆到多个包裹", title: "units of one SKU are spread over several parcels",
		action:   "把同一 SKU 的全部商品放进一个包裹；确需拆包，请发货后用“补发货”（原因：商品拆分包裹）",
		actionEN: "put every unit of a SKU in one parcel; to split anyway, ship first, then use a re-shipment with reason \"split package\""},
	RuleUnitsRefunded: {name: "units_refunded", platform: codeShipFailed,
		label: "商品已售后退款，不能发货", title: "the units were refunded through an after-sale",
		action:   "从包裹中去掉已退款的件数",
		actionEN: "remove the refunded units from the parcel"},
	RuleShipmentIncomplete: {name: "shipment_incomplete",
		label: "包裹商品与订单原始商品不一致", title: "the parcels do not match the order's original items",
		action:   "补齐缺少的商品，或按部分发货处理（不要标记为全部发货）",
		actionEN: "add the missing items, or ship them as a partial shipment (do not mark it complete)"},
	RuleCarrierMissing: {name: "carrier_missing", platform: codeInvalidArgs,
		label: "没有填写快递公司", title: "a parcel has no carrier",
		action:   "填写平台快递公司列表中的 delivery_id；小快递公司用 OTHER",
		actionEN: "fill in a delivery_id from the platform's carrier list; use OTHER for a small carrier"},
	RuleTrackingMissing: {name: "tracking_missing", platform: codeInvalidArgs,
		label: "没有填写快递单号", title: "a parcel has no tracking number",
		action:   "填写快递面单上的快递单号",
		actionEN: "fill in the tracking number from the waybill"},
	RuleCarrierUnknown: {name: "carrier_unknown", platform: codeBadCarrier,
		label: "快递公司编码无效", title: "the carrier is not known",
		action:   "使用平台快递公司列表中的 delivery_id；小快递公司用 OTHER",
		actionEN: "use a delivery_id from the platform's carrier list; use OTHER for a small carrier"},
	RuleTrackingInvalid: {name: "tracking_invalid", platform: codeBadWaybill,
		label: "快递单号格式不正确", title: "the tracking number is malformed",
		action:   "从快递面单上重新抄写单号，去掉空格和其他符号",
		actionEN: "copy the tracking number again from the waybill, without spaces or other symbols"},
	RuleTrackingDuplicate: {name: "tracking_duplicate", platform: codeShipFailed,
		label: "同一快递单号用了两次", title: "the same tracking number is used twice",
		action:   "每个包裹使用各自的快递单号",
		actionEN: "give every parcel its own tracking number"},
	RuleDeliverTypeMismatch: {name: "deliver_type_mismatch", platform: codeDeliverTypeMismach,
		label: "发货方式与订单不符", title: "the delivery type does not match the order",
		action:   "实物订单用快递发货，虚拟商品订单用无需物流发货",
		actionEN: "ship physical orders by express and virtual orders without logistics"},
	RuleLateShipment: {name: "late_shipment",
		label: "已超过发货截止时间", title: "the ship-by deadline has passed",
		action:   "尽快发货：超时未发货，平台可能直接给买家退款",
		actionEN: "ship as soon as possible: the platform may refund the buyer for a late shipment"},
}

var ruleSet = func() enum.Set[Rule] {
	specs := make([]enum.Spec[Rule], 0, numRules-1)
	for r := Rule(1); r < numRules; r++ {
		specs = append(specs, enum.Spec[Rule]{Value: r, Name: rules[r].name, Label: rules[r].label})
	}
	return enum.New("order.Rule", specs...)
}()

// Rules returns every rule, in the order the shipment check reports them.
func Rules() []Rule { return ruleSet.Values() }

// RulesForPlatform returns the rules a platform errcode of order/delivery/send can mean, in
// table order, or nil for an errcode no rule stands for. 109000, for instance, covers several;
// 606031 is both an unknown SKU and SKU drift.
func RulesForPlatform(errcode int) []Rule {
	var out []Rule
	for r := Rule(1); r < numRules; r++ {
		if errcode != 0 && rules[r].platform == errcode {
			out = append(out, r)
		}
	}
	return out
}

// IsValid reports whether r is one of the rules.
func (r Rule) IsValid() bool { return r > 0 && r < numRules }

// String returns the stable name ("sku_split"), or "order.Rule(n)" for a value that is not a
// rule.
func (r Rule) String() string {
	if !r.IsValid() {
		return "order.Rule(" + strconv.Itoa(int(r)) + ")"
	}
	return rules[r].name
}

// Error makes a Rule an error. It is the stable name, as String is, so that a rule prints the
// same with every fmt verb ("sku_split"); Title and ShipmentError's messages say more.
func (r Rule) Error() string { return r.String() }

// Label returns the Chinese title shown to a merchant (同一商品规格被拆到多个包裹).
func (r Rule) Label() string {
	if !r.IsValid() {
		return r.String()
	}
	return rules[r].label
}

// Title returns the English title.
func (r Rule) Title() string { return r.info().title }

// Action says, in Chinese, what the merchant should do about it.
func (r Rule) Action() string { return r.info().action }

// ActionEN says, in English, what the merchant should do about it.
func (r Rule) ActionEN() string { return r.info().actionEN }

// PlatformCode returns the errcode order/delivery/send answers for the rule, or 0 when the
// platform has none (the check is stricter than the platform, or the problem never reaches
// it).
func (r Rule) PlatformCode() int { return r.info().platform }

// IsWarning reports whether the rule is a warning that never blocks a shipment
// (RuleLateShipment).
func (r Rule) IsWarning() bool { return r == RuleLateShipment }

// MarshalText renders the stable name; a value that is not a rule is an error.
func (r Rule) MarshalText() ([]byte, error) { return ruleSet.MarshalText(r) }

// UnmarshalText parses a stable name and leaves r unchanged on error (which matches
// ErrUnknownCode).
func (r *Rule) UnmarshalText(b []byte) error { return ruleSet.UnmarshalText(r, b) }

func (r Rule) info() ruleInfo {
	if !r.IsValid() {
		return ruleInfo{}
	}
	return rules[r]
}
