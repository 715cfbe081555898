package wxapi

import (
	"time"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// EventKind is the kind of a push, named by the platform's Event string.
type EventKind uint8

// Event kinds: every push a WeChat Shop receives about its orders, after-sales, products and
// shop (developers.weixin.qq.com/doc/store/shop/notify/...). The zero value is not a kind.
const (
	EventOrderPlaced      EventKind = iota + 1 // channels_ec_order_new 订单下单
	EventOrderPaid                             // channels_ec_order_pay 订单支付成功
	EventOrderWaiting                          // channels_ec_order_wait_shipping 订单待发货
	EventOrderShipped                          // channels_ec_order_deliver 订单发货
	EventOrderConfirmed                        // channels_ec_order_confirm 订单确认收货
	EventOrderCancelled                        // channels_ec_order_cancel 订单取消
	EventOrderSettled                          // channels_ec_order_settle 订单结算
	EventOrderInfoUpdated                      // channels_ec_order_ext_info_update 订单其他信息更新
	EventAfterSaleUpdated                      // channels_ec_aftersale_update 售后单更新
	EventComplaintUpdated                      // channels_ec_complaint_update 纠纷单更新
	EventProductAudited                        // product_spu_audit 商品审核结果
	EventProductListing                        // product_spu_listing 商品上下架
	EventProductUpdated                        // product_spu_update 商品更新
	EventCategoryAudited                       // product_category_audit 类目审核结果
	EventStockShortage                         // channels_ec_stock_no_enough 库存不足
	EventBrandUpdated                          // channels_ec_brand 品牌资质事件
	EventShopClosed                            // channels_ec_close_store 小店注销
	EventShopRenamed                           // set_shop_nickname 小店修改名称
)

var eventKinds = enum.New("wxapi.EventKind",
	enum.Spec[EventKind]{Value: EventOrderPlaced, Name: "channels_ec_order_new", Label: "订单下单"},
	enum.Spec[EventKind]{Value: EventOrderPaid, Name: "channels_ec_order_pay", Label: "订单支付成功"},
	enum.Spec[EventKind]{Value: EventOrderWaiting, Name: "channels_ec_order_wait_shipping", Label: "订单待发货"},
	enum.Spec[EventKind]{Value: EventOrderShipped, Name: "channels_ec_order_deliver", Label: "订单发货"},
	enum.Spec[EventKind]{Value: EventOrderConfirmed, Name: "channels_ec_order_confirm", Label: "订单确认收货"},
	enum.Spec[EventKind]{Value: EventOrderCancelled, Name: "channels_ec_order_cancel", Label: "订单取消"},
	enum.Spec[EventKind]{Value: EventOrderSettled, Name: "channels_ec_order_settle", Label: "订单结算成功"},
	enum.Spec[EventKind]{Value: EventOrderInfoUpdated, Name: "channels_ec_order_ext_info_update", Label: "订单其他信息更新"},
	enum.Spec[EventKind]{Value: EventAfterSaleUpdated, Name: "channels_ec_aftersale_update", Label: "售后单状态更新"},
	enum.Spec[EventKind]{Value: EventComplaintUpdated, Name: "channels_ec_complaint_update", Label: "纠纷单状态更新"},
	enum.Spec[EventKind]{Value: EventProductAudited, Name: "product_spu_audit", Label: "商品审核结果"},
	enum.Spec[EventKind]{Value: EventProductListing, Name: "product_spu_listing", Label: "商品上下架"},
	enum.Spec[EventKind]{Value: EventProductUpdated, Name: "product_spu_update", Label: "商品更新"},
	enum.Spec[EventKind]{Value: EventCategoryAudited, Name: "product_category_audit", Label: "类目审核结果"},
	enum.Spec[EventKind]{Value: EventStockShortage, Name: "channels_ec_stock_no_enough", Label: "库存不足"},
	enum.Spec[EventKind]{Value: EventBrandUpdated, Name: "channels_ec_brand", Label: "品牌资质更新"},
	enum.Spec[EventKind]{Value: EventShopClosed, Name: "channels_ec_close_store", Label: "小店注销"},
	enum.Spec[EventKind]{Value: EventShopRenamed, Name: "set_shop_nickname", Label: "小店修改名称"},
)

// EventKinds returns every kind DecodeEvent decodes.
func EventKinds() []EventKind { return eventKinds.Values() }

// String returns the platform's Event name ("channels_ec_order_pay").
func (k EventKind) String() string { return eventKinds.Name(k) }

// Label returns the Chinese name (订单支付成功).
func (k EventKind) Label() string { return eventKinds.Label(k) }

// IsValid reports whether k is a known kind.
func (k EventKind) IsValid() bool { return eventKinds.Valid(k) }

// MarshalText renders the platform's Event name.
func (k EventKind) MarshalText() ([]byte, error) { return eventKinds.MarshalText(k) }

// UnmarshalText parses a platform Event name and leaves k unchanged on error.
func (k *EventKind) UnmarshalText(b []byte) error { return eventKinds.UnmarshalText(k, b) }

// SubjectKind says what a push is about.
type SubjectKind uint8

// Subject kinds.
const (
	SubjectOrder         SubjectKind = iota + 1 // 订单: ID is the order_id
	SubjectAfterSale                            // 售后单: ID is the after_sale_order_id
	SubjectComplaint                            // 纠纷单: ID is the complaint_id
	SubjectProduct                              // 商品: ID is the product_id
	SubjectCategoryAudit                        // 类目审核单: ID is the audit_id
	SubjectBrand                                // 品牌: ID is the brand_id
	SubjectShop                                 // 小店: ID is the shop's appid
)

var subjectKinds = enum.New("wxapi.SubjectKind",
	enum.Spec[SubjectKind]{Value: SubjectOrder, Name: "order", Label: "订单"},
	enum.Spec[SubjectKind]{Value: SubjectAfterSale, Name: "after_sale", Label: "售后单"},
	enum.Spec[SubjectKind]{Value: SubjectComplaint, Name: "complaint", Label: "纠纷单"},
	enum.Spec[SubjectKind]{Value: SubjectProduct, Name: "product", Label: "商品"},
	enum.Spec[SubjectKind]{Value: SubjectCategoryAudit, Name: "category_audit", Label: "类目审核单"},
	enum.Spec[SubjectKind]{Value: SubjectBrand, Name: "brand", Label: "品牌"},
	enum.Spec[SubjectKind]{Value: SubjectShop, Name: "shop", Label: "小店"},
)

// String returns the kind's name ("after_sale").
func (k SubjectKind) String() string { return subjectKinds.Name(k) }

// MarshalText renders the name.
func (k SubjectKind) MarshalText() ([]byte, error) { return subjectKinds.MarshalText(k) }

// UnmarshalText parses a name and leaves k unchanged on error.
func (k *SubjectKind) UnmarshalText(b []byte) error { return subjectKinds.UnmarshalText(k, b) }

// Subject is what a push is about: the object the platform names (Kind and ID) and, for an
// order, an after-sale or a complaint, the order it belongs to (OrderID), so that a host finds
// the stored aggregate without a type switch. It is comparable and can be a map key.
type Subject struct {
	Kind    SubjectKind `json:"kind"`
	ID      string      `json:"id"`
	OrderID string      `json:"order_id,omitempty"`
}

// String renders "order 3725020335455738368" or "after_sale 1234 of order 3725…".
func (s Subject) String() string {
	out := s.Kind.String() + " " + s.ID
	if s.OrderID != "" && s.OrderID != s.ID {
		out += " of order " + s.OrderID
	}
	return out
}

// Event is one decoded push. Every event answers, without a type switch, its kind, when the
// platform created it and what it is about; the concrete types (OrderPaid, AfterSaleUpdated,
// ProductListing, ...) carry the rest. The set is closed: only this package implements Event.
type Event interface {
	// Kind is the push's Event name.
	Kind() EventKind
	// Time is when the platform created the push (CreateTime). Retries keep it: it tells a
	// retry from a newer push about the same subject.
	Time() time.Time
	// Subject is what the push is about.
	Subject() Subject
	header() Header
}

// Header is what every push carries. Each event embeds it.
type Header struct {
	// Event is the push's kind.
	Event EventKind `json:"event"`
	// At is CreateTime, in UTC.
	At time.Time `json:"at"`
	// About is the subject.
	About Subject `json:"about"`
}

// Kind implements Event.
func (h Header) Kind() EventKind { return h.Event }

// Time implements Event.
func (h Header) Time() time.Time { return h.At }

// Subject implements Event.
func (h Header) Subject() Subject { return h.About }

func (h Header) header() Header { return h }
