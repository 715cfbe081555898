package wxapi

import "strconv"

// The codes below describe an order without deciding any rule, so wxapi keeps whatever code
// the platform sends, known or not: a new code never loses an order. String names the known
// ones; JSON carries the platform's number.

// PaymentMethod is pay_info.payment_method.
type PaymentMethod uint8

// Payment methods, with the platform's codes.
const (
	PaymentWeChatPay    PaymentMethod = 1 // 微信支付
	PaymentPayLater     PaymentMethod = 2 // 先用后付
	PaymentLuckyDraw    PaymentMethod = 3 // 抽奖商品0元订单: a prize, nothing paid
	PaymentMemberPoints PaymentMethod = 4 // 会员积分兑换订单: paid in member points
)

// String returns the method's name ("wechat_pay"), or "payment_method(9)" for a code wxshop
// does not know.
func (m PaymentMethod) String() string {
	switch m {
	case PaymentWeChatPay:
		return "wechat_pay"
	case PaymentPayLater:
		return "pay_later"
	case PaymentLuckyDraw:
		return "lucky_draw"
	case PaymentMemberPoints:
		return "member_points"
	}
	return "payment_method(" + strconv.Itoa(int(m)) + ")"
}

// InspectionKind is delivery_info.quality_inspect_type.
type InspectionKind uint8

// Quality inspection kinds, with the platform's codes; 0 is none.
const (
	InspectionJewellery InspectionKind = 1 // 珠宝玉石类质检
	InspectionFresh     InspectionKind = 2 // 生鲜类质检
)

// String returns the kind's name ("jewellery"), or "inspection_kind(n)".
func (k InspectionKind) String() string {
	switch k {
	case 0:
		return "none"
	case InspectionJewellery:
		return "jewellery"
	case InspectionFresh:
		return "fresh"
	}
	return "inspection_kind(" + strconv.Itoa(int(k)) + ")"
}

// DropshipState is delivery_info.dropship_flag: whether a supplier ships the order.
type DropshipState uint8

// Dropship states, with the platform's codes.
const (
	DropshipNone       DropshipState = 0 // 不可代发
	DropshipUnassigned DropshipState = 1 // 未分配代发
	DropshipPartly     DropshipState = 2 // 部分分配
	DropshipAssigned   DropshipState = 3 // 已分配
)

// String returns the state's name ("assigned"), or "dropship_state(n)".
func (s DropshipState) String() string {
	switch s {
	case DropshipNone:
		return "none"
	case DropshipUnassigned:
		return "unassigned"
	case DropshipPartly:
		return "partly_assigned"
	case DropshipAssigned:
		return "assigned"
	}
	return "dropship_state(" + strconv.Itoa(int(s)) + ")"
}
