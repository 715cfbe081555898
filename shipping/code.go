package shipping

import (
	"github.com/wxshop-go/wxshop/internal/enum"
)

// Code is the stable, machine-readable name of one reason a shipment is refused (or, for
// CodeLateShipment, a warning). Codes are part of the API: a host stores them, maps them to its
// own UI and branches on them; they never change meaning. Each code knows the platform error
// code it corresponds to (where the platform has one), a Chinese and an English title, and what
// the merchant should do about it.
//
// The zero value is not a valid code.
type Code string

// The codes, in the order Codes returns them.
const (
	// CodeInvalidRequest: Check was called without something it needs (no order, no SKU
	// lookup, a nil or foreign after-sale case, no carrier list, no attempt time). It is a
	// fault of the integration, not of the order.
	CodeInvalidRequest Code = "invalid_request"
	// CodeOrderUnpaid: the order is awaiting payment (status 10).
	CodeOrderUnpaid Code = "order_unpaid"
	// CodeOrderCancelled: the order was cancelled or closed (status 190, 200, 250).
	CodeOrderCancelled Code = "order_cancelled"
	// CodeOrderShipped: everything was shipped already (status 30, 100); platform 109001.
	CodeOrderShipped Code = "order_shipped"
	// CodeAfterSaleOpen: an after-sale case on the order is unfinished; platform 108009.
	CodeAfterSaleOpen Code = "aftersale_open"
	// CodeSKUDrift: a line's SKU changed after the order (price, attributes) or was deleted;
	// platform 606031.
	CodeSKUDrift Code = "sku_drift"
	// CodeSKUUnknown: a parcel names a SKU (or product/SKU pair) that is not in the order;
	// platform 606031.
	CodeSKUUnknown Code = "sku_unknown"
	// CodeParcelEmpty: a parcel has no items, or there are no parcels; platform 109002.
	CodeParcelEmpty Code = "parcel_empty"
	// CodeQuantityInvalid: a parcel item has a zero or negative quantity; platform 109000.
	CodeQuantityInvalid Code = "quantity_invalid"
	// CodeOverShipment: more units than remain to ship; platform 109000.
	CodeOverShipment Code = "over_shipment"
	// CodeSKUSplit: units of one SKU are spread over several parcels; platform 606030.
	CodeSKUSplit Code = "sku_split"
	// CodeUnitsRefunded: the parcels ship units that were refunded through an after-sale;
	// platform 109000.
	CodeUnitsRefunded Code = "units_refunded"
	// CodeShipmentIncomplete: the merchant says the shipment is complete but the parcels, with
	// what was shipped before, do not equal the order's original items. The platform has no
	// code for it: it would accept a partial shipment and leave the order partially shipped.
	CodeShipmentIncomplete Code = "shipment_incomplete"
	// CodeCarrierUnknown: the parcel's carrier (delivery_id) is not in the host's carrier
	// list; platform 606004.
	CodeCarrierUnknown Code = "carrier_unknown"
	// CodeTrackingInvalid: the tracking number (waybill_id) is empty, has characters a
	// tracking number cannot have, or does not fit the carrier's length or pattern;
	// platform 606005.
	CodeTrackingInvalid Code = "tracking_invalid"
	// CodeTrackingDuplicate: the same tracking number is used twice; platform 109000.
	CodeTrackingDuplicate Code = "tracking_duplicate"
	// CodeDeliverTypeMismatch: the delivery type does not match the order's delivery method
	// (express vs virtual); platform 606008. Check reports it for a parcel without any
	// logistics (no carrier, no tracking number) on an order of physical goods.
	CodeDeliverTypeMismatch Code = "deliver_type_mismatch"
	// CodeLateShipment is a warning, never a blocker: the ship-by deadline has passed.
	// Shipping late is still better than not shipping.
	CodeLateShipment Code = "late_shipment"
)

// Platform error codes of the delivery API (order/delivery/send) that the codes correspond to.
const (
	PlatformAfterSaleOpen       = 108009 // 当前订单有未完成售后单，不允许发货
	PlatformShipFailed          = 109000 // 发货失败：商品、数量、售后或重复运单
	PlatformAlreadyShipped      = 109001 // 订单已全部发货
	PlatformNoItems             = 109002 // 请求中没有商品
	PlatformBadCarrier          = 606004 // delivery_id 不合法
	PlatformBadWaybill          = 606005 // waybill_id 不合法
	PlatformDeliverTypeMismatch = 606008 // deliver_type 与订单 deliver_method 不符
	PlatformSKUSplit            = 606030 // 同一 sku 的所有商品必须在一个包裹里发出
	PlatformSKUMismatch         = 606031 // product_id 或 sku_id 填写不正确
)

// codeInfo is everything the package knows about one code. codeTable is the one table that
// Codes, the enum set, the sentinels and CodesForPlatform are derived from.
type codeInfo struct {
	code     Code
	platform int
	warning  bool
	label    string // Chinese title
	title    string // English title
	action   string // Chinese: what the merchant should do
	actionEN string
}

var codeTable = [...]codeInfo{
	{code: CodeInvalidRequest,
		label: "发货检查缺少必要数据", title: "the shipment check is missing data it needs",
		action:   "这是接入程序的问题：请让开发者传入订单、商品查询、售后单、快递公司列表和发货时间后重试",
		actionEN: "this is an integration fault: have the developer pass the order, a SKU lookup, the after-sale cases, the carrier list and the attempt time, then retry"},
	{code: CodeOrderUnpaid,
		label: "订单未付款", title: "the order is not paid",
		action:   "等待买家付款后再发货",
		actionEN: "wait for the buyer to pay before shipping"},
	{code: CodeOrderCancelled,
		label: "订单已取消或已关闭", title: "the order is cancelled or closed",
		action:   "不要发货；如已出库，请拦截包裹",
		actionEN: "do not ship; if the goods already left, intercept the parcel"},
	{code: CodeOrderShipped, platform: PlatformAlreadyShipped,
		label: "订单已全部发货", title: "the order is already fully shipped",
		action:   "无需再次发货；修改物流信息请用“修改物流”，漏发或拆包请用“补发货”",
		actionEN: "do not ship again; correct the waybill with the delivery-info update, send missing or split items with a re-shipment"},
	{code: CodeAfterSaleOpen, platform: PlatformAfterSaleOpen,
		label: "订单有未完成的售后单", title: "the order has an unfinished after-sale case",
		action:   "先处理售后单（同意、拒绝或协商），售后结束后再发货",
		actionEN: "handle the after-sale case first (accept, reject or negotiate), then ship once it has finished"},
	{code: CodeSKUDrift, platform: PlatformSKUMismatch,
		label: "下单后商品规格已变更", title: "the SKU changed after the order",
		action:   "核对订单快照与当前商品：恢复原价格或规格，或与买家协商；仍无法发货请联系平台客服",
		actionEN: "compare the order's snapshot with the live SKU: restore its price or attributes, or agree a change with the buyer; if shipping still fails, contact platform support"},
	{code: CodeSKUUnknown, platform: PlatformSKUMismatch,
		label: "包裹中的商品不在订单中", title: "a parcel holds a SKU that is not in the order",
		action:   "按订单原始商品的 product_id 和 sku_id 填写包裹",
		actionEN: "fill the parcel with the order's original product_id and sku_id"},
	{code: CodeParcelEmpty, platform: PlatformNoItems,
		label: "包裹中没有商品", title: "a parcel has no items",
		action:   "在每个包裹中填写商品和数量",
		actionEN: "list the items and quantities in every parcel"},
	{code: CodeQuantityInvalid, platform: PlatformShipFailed,
		label: "商品数量必须大于0", title: "an item quantity is not positive",
		action:   "把数量改为大于0的整数",
		actionEN: "set the quantity to a whole number above zero"},
	{code: CodeOverShipment, platform: PlatformShipFailed,
		label: "发货数量超过待发数量", title: "more units than remain to ship",
		action:   "按订单中尚未发货的数量填写包裹",
		actionEN: "ship no more than the units still to ship"},
	{code: CodeSKUSplit, platform: PlatformSKUSplit,
		label: "同一商品规格被拆到多个包裹", title: "units of one SKU are spread over several parcels",
		action:   "把同一 SKU 的全部商品放进一个包裹；确需拆包，请发货后用“补发货”（原因：商品拆分包裹）",
		actionEN: "put every unit of a SKU in one parcel; to split anyway, ship first, then use a re-shipment with reason \"split package\""},
	{code: CodeUnitsRefunded, platform: PlatformShipFailed,
		label: "商品已售后退款，不能发货", title: "the units were refunded through an after-sale",
		action:   "从包裹中去掉已退款的件数",
		actionEN: "remove the refunded units from the parcel"},
	{code: CodeShipmentIncomplete,
		label: "包裹商品与订单原始商品不一致", title: "the parcels do not match the order's original items",
		action:   "补齐缺少的商品，或按部分发货处理（不要标记为全部发货）",
		actionEN: "add the missing items, or ship them as a partial shipment (do not mark it complete)"},
	{code: CodeCarrierUnknown, platform: PlatformBadCarrier,
		label: "快递公司编码无效", title: "the carrier is not known",
		action:   "使用平台快递公司列表中的 delivery_id；小快递公司用 OTHER",
		actionEN: "use a delivery_id from the platform's carrier list; use OTHER for a small carrier"},
	{code: CodeTrackingInvalid, platform: PlatformBadWaybill,
		label: "快递单号格式不正确", title: "the tracking number is malformed",
		action:   "从快递面单上重新抄写单号，去掉空格和其他符号",
		actionEN: "copy the tracking number again from the waybill, without spaces or other symbols"},
	{code: CodeTrackingDuplicate, platform: PlatformShipFailed,
		label: "同一快递单号用了两次", title: "the same tracking number is used twice",
		action:   "每个包裹使用各自的快递单号",
		actionEN: "give every parcel its own tracking number"},
	{code: CodeDeliverTypeMismatch, platform: PlatformDeliverTypeMismatch,
		label: "发货方式与订单不符", title: "the delivery type does not match the order",
		action:   "实物订单用快递发货，虚拟商品订单用无需物流发货",
		actionEN: "ship physical orders by express and virtual orders without logistics"},
	{code: CodeLateShipment, warning: true,
		label: "已超过发货截止时间", title: "the ship-by deadline has passed",
		action:   "尽快发货：超时未发货，平台可能直接给买家退款",
		actionEN: "ship as soon as possible: the platform may refund the buyer for a late shipment"},
}

var codeSet = func() enum.Set[Code] {
	specs := make([]enum.Spec[Code], len(codeTable))
	for i, c := range codeTable {
		specs[i] = enum.Spec[Code]{Value: c.code, Name: string(c.code), Label: c.label}
	}
	return enum.New("shipping.Code", specs...)
}()

// ErrUnknownCode is matched by the error UnmarshalText returns for a code this package does not
// know.
var ErrUnknownCode = enum.ErrUnknown

// Codes returns every code, blockers first and the warning last (a new slice).
func Codes() []Code { return codeSet.Values() }

// CodesForPlatform returns the codes that a platform error code of the delivery API can mean, in
// the order Codes lists them, or nil for an errcode no code corresponds to. 109000, for
// instance, covers several of them; 606031 is both an unknown SKU and SKU drift.
func CodesForPlatform(errcode int) []Code {
	var out []Code
	for _, c := range codeTable {
		if c.platform != 0 && c.platform == errcode {
			out = append(out, c.code)
		}
	}
	return out
}

func (c Code) info() (codeInfo, bool) {
	for _, ci := range codeTable {
		if ci.code == c {
			return ci, true
		}
	}
	return codeInfo{}, false
}

// Valid reports whether c is one of the codes.
func (c Code) Valid() bool { return codeSet.Valid(c) }

// String returns the code itself, or "shipping.Code(x)" for a value that is not a code.
// (Not codeSet.Name: its fallback formats the value with %v, which would call String again.)
func (c Code) String() string {
	if !c.Valid() {
		return "shipping.Code(" + string(c) + ")"
	}
	return string(c)
}

// Label returns the Chinese title shown to a merchant, e.g. 订单有未完成的售后单, or the same
// fallback as String for a value that is not a code.
func (c Code) Label() string {
	if !c.Valid() {
		return c.String()
	}
	return codeSet.Label(c)
}

// Title returns the English title.
func (c Code) Title() string {
	ci, _ := c.info()
	return ci.title
}

// Action says, in Chinese, what the merchant should do about it.
func (c Code) Action() string {
	ci, _ := c.info()
	return ci.action
}

// ActionEN says, in English, what the merchant should do about it.
func (c Code) ActionEN() string {
	ci, _ := c.info()
	return ci.actionEN
}

// PlatformCode returns the platform error code the code corresponds to, or 0 when the platform
// has none (the check is stricter than the platform, or the problem never reaches it).
func (c Code) PlatformCode() int {
	ci, _ := c.info()
	return ci.platform
}

// IsWarning reports whether the code is a warning (it appears in Report.Warnings and never
// blocks a shipment).
func (c Code) IsWarning() bool {
	ci, _ := c.info()
	return ci.warning
}

// MarshalText renders the code; a value that is not a code is an error.
func (c Code) MarshalText() ([]byte, error) { return codeSet.MarshalText(c) }

// UnmarshalText parses a code and leaves c unchanged on error (which matches ErrUnknownCode).
func (c *Code) UnmarshalText(text []byte) error { return codeSet.UnmarshalText(c, text) }
