package order

import (
	"fmt"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/text"
)

// ShipmentError is one broken shipment rule, with what it concerns. It unwraps to its Rule
// (errors.Is(err, order.RuleSKUSplit)); a status rule also to the status's TransitionError, an
// unknown SKU also to ErrUnknownSKU and a bad quantity to ErrInvalidQuantity. A zero Order has
// no status: its RuleInvalidRequest unwraps to the TransitionError too. Message and
// MessageEN say what is wrong with the values involved, in the words package shipping shows a
// merchant.
type ShipmentError struct {
	Rule Rule
	// Status is the order's status when it was checked.
	Status Status
	// Parcel is the parcel's index in the request, -1 for an order-level problem.
	Parcel int
	// ProductID and SKUID name the SKU concerned, if any (ProductID as the parcel gave it).
	ProductID, SKUID string
	// Want and Got are the numbers compared (units left vs units in the parcel, ...), when the
	// rule compares numbers.
	Want, Got int
	// TrackingNumber is set for the tracking rules.
	TrackingNumber string
	// Drift says what changed, for RuleSKUDrift.
	Drift catalog.Drift
}

// Code is the platform's errcode for the problem (0 when it has none).
func (e *ShipmentError) Code() int { return e.Rule.PlatformCode() }

// Error implements error with the English message: "order: sku_split: parcel 2: ...".
func (e *ShipmentError) Error() string { return "order: " + e.Rule.String() + ": " + e.MessageEN() }

// Unwrap returns the rule, and the more general error the rule is an instance of.
func (e *ShipmentError) Unwrap() []error {
	switch e.Rule {
	case RuleOrderUnpaid, RuleOrderWaiting, RuleOrderCancelled, RuleOrderShipped, RuleInvalidRequest:
		return []error{e.Rule, TransitionError{From: e.Status, Trigger: TriggerShipAll}}
	case RuleSKUUnknown:
		return []error{e.Rule, ErrUnknownSKU}
	case RuleQuantityInvalid:
		return []error{e.Rule, ErrInvalidQuantity}
	}
	return []error{e.Rule}
}

// Message says in Chinese what is wrong, with the values involved.
func (e *ShipmentError) Message() string { zh, _ := e.messages(); return zh }

// MessageEN says in English what is wrong, with the values involved.
func (e *ShipmentError) MessageEN() string { _, en := e.messages(); return en }

// messages words the problem in both languages at once, so that each rule's two texts stand
// side by side and name the same values.
func (e *ShipmentError) messages() (zh, en string) {
	pn := e.Parcel + 1
	tn := text.Quote(e.TrackingNumber)
	switch e.Rule {
	case RuleInvalidRequest:
		return fmt.Sprintf("订单没有有效的状态（%d）：零值订单，请用 order.New、order.Restore 或 order.FromPlatform 得到订单", uint8(e.Status)),
			fmt.Sprintf("the order has no valid status (%d): a zero Order; get orders from order.New, order.Restore or order.FromPlatform", uint8(e.Status))
	case RuleOrderUnpaid, RuleOrderWaiting, RuleOrderCancelled, RuleOrderShipped:
		return fmt.Sprintf("订单状态为%s（%d），不能发货", e.Status.Label(), uint8(e.Status)),
			fmt.Sprintf("the order is %s (%d) and cannot ship", e.Status, uint8(e.Status))
	case RuleAfterSaleOpen:
		return fmt.Sprintf("包裹%d：SKU %s 有 %d 件在售后中", pn, e.SKUID, e.Got),
			fmt.Sprintf("parcel %d: %s of SKU %s held by an unfinished after-sale", pn, text.Units(e.Got), e.SKUID)
	case RuleSKUChangePending:
		return fmt.Sprintf("包裹%d：买家申请把 SKU %s 换成其他规格，商家尚未处理", pn, e.SKUID),
			fmt.Sprintf("parcel %d: the buyer asked to change SKU %s for another, and the request has no answer yet", pn, e.SKUID)
	case RuleSKUDrift:
		return fmt.Sprintf("包裹%d：SKU %s 下单后已变更（%s）", pn, e.SKUID, e.Drift.Label()),
			fmt.Sprintf("parcel %d: SKU %s changed after the order (%s)", pn, e.SKUID, e.Drift)
	case RuleSKUUnknown:
		return fmt.Sprintf("包裹%d：商品 %s / SKU %s 不在订单中", pn, e.ProductID, e.SKUID),
			fmt.Sprintf("parcel %d: product %s / SKU %s is not in the order", pn, e.ProductID, e.SKUID)
	case RuleParcelEmpty:
		if e.Parcel < 0 {
			return "请求中没有包裹", "the request has no parcels"
		}
		return fmt.Sprintf("包裹%d 没有商品", pn), fmt.Sprintf("parcel %d has no items", pn)
	case RuleQuantityInvalid:
		return fmt.Sprintf("包裹%d：SKU %s 的数量为 %d", pn, e.SKUID, e.Got),
			fmt.Sprintf("parcel %d: SKU %s has quantity %d", pn, e.SKUID, e.Got)
	case RuleOverShipment:
		return fmt.Sprintf("包裹%d：SKU %s 最多还能发 %d 件，包裹中有 %d 件", pn, e.SKUID, e.Want, e.Got),
			fmt.Sprintf("parcel %d: SKU %s has %s left to ship, the parcel holds %d", pn, e.SKUID, text.Units(e.Want), e.Got)
	case RuleSKUSplit:
		if e.Want > 0 {
			return fmt.Sprintf("包裹%d：SKU %s 还有 %d 件待发，包裹中只有 %d 件，同一 SKU 须在一个包裹中发完", pn, e.SKUID, e.Want, e.Got),
				fmt.Sprintf("parcel %d: SKU %s has %s to ship but the parcel holds %d; all of them must ship in one parcel", pn, e.SKUID, text.Units(e.Want), e.Got)
		}
		return fmt.Sprintf("包裹%d：SKU %s 已出现在前面的包裹中", pn, e.SKUID),
			fmt.Sprintf("parcel %d: SKU %s is already in an earlier parcel", pn, e.SKUID)
	case RuleUnitsRefunded:
		return fmt.Sprintf("包裹%d：SKU %s 只有 %d 件可发（其余已售后退款），包裹中有 %d 件", pn, e.SKUID, e.Want, e.Got),
			fmt.Sprintf("parcel %d: SKU %s has only %s that can ship (the rest were refunded), the parcel holds %d", pn, e.SKUID, text.Units(e.Want), e.Got)
	case RuleShipmentIncomplete:
		return fmt.Sprintf("SKU %s 还有 %d 件未发，包裹中只有 %d 件", e.SKUID, e.Want, e.Got),
			fmt.Sprintf("SKU %s has %s left to ship, the parcels hold %d", e.SKUID, text.Units(e.Want), e.Got)
	case RuleCarrierMissing:
		return fmt.Sprintf("包裹%d 没有填写快递公司", pn), fmt.Sprintf("parcel %d has no carrier", pn)
	case RuleTrackingMissing:
		return fmt.Sprintf("包裹%d 没有填写快递单号", pn), fmt.Sprintf("parcel %d has no tracking number", pn)
	case RuleCarrierUnknown:
		return fmt.Sprintf("包裹%d 的快递公司编码不是平台的格式（1 到 64 个英文字母、数字、_ 或 -）", pn),
			fmt.Sprintf("parcel %d: the carrier code is not one the platform issues (1 to 64 ASCII letters, digits, '_' or '-')", pn)
	case RuleTrackingInvalid:
		p := TrackingProblemOf(e.TrackingNumber)
		return fmt.Sprintf("包裹%d 的快递单号 %s：%s", pn, tn, p.label()),
			fmt.Sprintf("parcel %d: tracking number %s: %s", pn, tn, p)
	case RuleTrackingDuplicate:
		return fmt.Sprintf("包裹%d 的快递单号 %s 已在本订单中使用", pn, tn),
			fmt.Sprintf("parcel %d: tracking number %s is already used on this order", pn, tn)
	case RuleDeliverTypeMismatch:
		return fmt.Sprintf("包裹%d 没有快递公司和快递单号：实物订单须用快递发货，无需物流发货只适用于虚拟商品订单", pn),
			fmt.Sprintf("parcel %d has neither carrier nor tracking number: an order of physical goods ships by express; shipping without logistics is for virtual goods", pn)
	}
	return e.Rule.Label(), e.Rule.Title()
}
