package order

import "github.com/wxshop-go/wxshop/internal/enum"

// CancelReason says why an order was cancelled. 1–3 are the platform's cancel_type codes of the
// cancel event; CancelOversold and CancelUnknown are wxshop's own (the platform documents no
// code for them).
type CancelReason uint8

// Cancel reasons.
const (
	CancelByBuyer   CancelReason = 1 // 用户取消
	CancelTimeout   CancelReason = 2 // 超时取消 (unpaid)
	CancelAfterSale CancelReason = 3 // 全部商品售后完成 (set by CloseByAfterSale only)
	CancelOversold  CancelReason = 4 // 商品超卖商家取消
	// CancelUnknown is a cancelled order (250) whose reason, buyer or timeout, the host does not
	// know: order/get does not say. Only stored state (Restore) may carry it; Cancel refuses it.
	CancelUnknown CancelReason = 255
)

var cancelReasons = enum.New("order.CancelReason",
	enum.Spec[CancelReason]{Value: CancelByBuyer, Name: "buyer", Label: "用户取消"},
	enum.Spec[CancelReason]{Value: CancelTimeout, Name: "timeout", Label: "超时取消"},
	enum.Spec[CancelReason]{Value: CancelAfterSale, Name: "after_sale", Label: "全部商品售后完成"},
	enum.Spec[CancelReason]{Value: CancelOversold, Name: "oversold", Label: "超卖取消"},
	enum.Spec[CancelReason]{Value: CancelUnknown, Name: "unknown", Label: "取消原因未知"},
)

// String returns the stable name ("buyer").
func (r CancelReason) String() string { return cancelReasons.Name(r) }

// Label returns the Chinese term.
func (r CancelReason) Label() string { return cancelReasons.Label(r) }

// IsValid reports whether r is one of the reasons above (CancelUnknown included).
func (r CancelReason) IsValid() bool { return cancelReasons.Valid(r) }

// MarshalText renders the stable name.
func (r CancelReason) MarshalText() ([]byte, error) { return cancelReasons.MarshalText(r) }

// UnmarshalText parses a stable name.
func (r *CancelReason) UnmarshalText(b []byte) error { return cancelReasons.UnmarshalText(r, b) }

// ReshipReason is the platform's reason code of a re-shipment (delivery/compensation reason).
type ReshipReason uint8

// Re-shipment reasons with the platform's codes.
const (
	ReshipMissingItem  ReshipReason = 1 // 商品漏发
	ReshipSplitPackage ReshipReason = 2 // 商品拆分包裹
	ReshipDamaged      ReshipReason = 3 // 商品坏损
	ReshipGift         ReshipReason = 4 // 赠品
)

var reshipReasons = enum.New("order.ReshipReason",
	enum.Spec[ReshipReason]{Value: ReshipMissingItem, Name: "missing_item", Label: "商品漏发"},
	enum.Spec[ReshipReason]{Value: ReshipSplitPackage, Name: "split_package", Label: "商品拆分包裹"},
	enum.Spec[ReshipReason]{Value: ReshipDamaged, Name: "damaged", Label: "商品坏损"},
	enum.Spec[ReshipReason]{Value: ReshipGift, Name: "gift", Label: "赠品"},
)

// String returns the stable name ("missing_item").
func (r ReshipReason) String() string { return reshipReasons.Name(r) }

// Label returns the Chinese term.
func (r ReshipReason) Label() string { return reshipReasons.Label(r) }

// IsValid reports whether r is a known reason.
func (r ReshipReason) IsValid() bool { return reshipReasons.Valid(r) }

// MarshalText renders the stable name.
func (r ReshipReason) MarshalText() ([]byte, error) { return reshipReasons.MarshalText(r) }

// UnmarshalText parses a stable name.
func (r *ReshipReason) UnmarshalText(b []byte) error { return reshipReasons.UnmarshalText(r, b) }

// NegotiationReason is the platform's reason code of a delivery negotiation
// (deliverynegotiation/submit reason).
type NegotiationReason uint8

// Delivery-negotiation reasons with the platform's codes.
const (
	NegotiateBuyerRequest   NegotiationReason = 1 // 买家要求
	NegotiateStockShortage  NegotiationReason = 2 // 商品库存不足
	NegotiateStockGuarantee NegotiationReason = 3 // 缺货保障
	NegotiateWrongAddress   NegotiationReason = 4 // 收货信息有误
)

var negotiationReasons = enum.New("order.NegotiationReason",
	enum.Spec[NegotiationReason]{Value: NegotiateBuyerRequest, Name: "buyer_request", Label: "买家要求"},
	enum.Spec[NegotiationReason]{Value: NegotiateStockShortage, Name: "stock_shortage", Label: "商品库存不足"},
	enum.Spec[NegotiationReason]{Value: NegotiateStockGuarantee, Name: "stock_guarantee", Label: "缺货保障"},
	enum.Spec[NegotiationReason]{Value: NegotiateWrongAddress, Name: "wrong_address", Label: "收货信息有误"},
)

// String returns the stable name ("buyer_request").
func (r NegotiationReason) String() string { return negotiationReasons.Name(r) }

// Label returns the Chinese term.
func (r NegotiationReason) Label() string { return negotiationReasons.Label(r) }

// IsValid reports whether r is a known reason.
func (r NegotiationReason) IsValid() bool { return negotiationReasons.Valid(r) }

// MarshalText renders the stable name.
func (r NegotiationReason) MarshalText() ([]byte, error) { return negotiationReasons.MarshalText(r) }

// UnmarshalText parses a stable name.
func (r *NegotiationReason) UnmarshalText(b []byte) error {
	return negotiationReasons.UnmarshalText(r, b)
}

// ConfirmKind says who confirmed receipt. The platform's confirm_type values are undocumented;
// these codes are wxshop's own.
type ConfirmKind uint8

// Confirmation kinds.
const (
	ConfirmByBuyer ConfirmKind = 1 // 买家确认收货
	ConfirmAuto    ConfirmKind = 2 // 超时自动确认收货
	// ConfirmUnknown is a completed order (100) for which the host does not know who confirmed
	// receipt: order/get does not say. Only stored state (Restore) may carry it;
	// ConfirmReceipt refuses it.
	ConfirmUnknown ConfirmKind = 255
)

var confirmKinds = enum.New("order.ConfirmKind",
	enum.Spec[ConfirmKind]{Value: ConfirmByBuyer, Name: "buyer", Label: "买家确认收货"},
	enum.Spec[ConfirmKind]{Value: ConfirmAuto, Name: "auto", Label: "自动确认收货"},
	enum.Spec[ConfirmKind]{Value: ConfirmUnknown, Name: "unknown", Label: "确认方式未知"},
)

// String returns the stable name ("buyer").
func (k ConfirmKind) String() string { return confirmKinds.Name(k) }

// Label returns the Chinese term.
func (k ConfirmKind) Label() string { return confirmKinds.Label(k) }

// IsValid reports whether k is one of the kinds above (ConfirmUnknown included).
func (k ConfirmKind) IsValid() bool { return confirmKinds.Valid(k) }

// MarshalText renders the stable name.
func (k ConfirmKind) MarshalText() ([]byte, error) { return confirmKinds.MarshalText(k) }

// UnmarshalText parses a stable name.
func (k *ConfirmKind) UnmarshalText(b []byte) error { return confirmKinds.UnmarshalText(k, b) }

// StockType is a line's stock type (sku_deliver_info.stock_type): goods in stock or presale.
// Its values are the platform's codes, so the zero value (in stock) is valid.
type StockType uint8

// Stock types with the platform's codes.
const (
	StockInStock StockType = 0 // 现货
	StockPresale StockType = 1 // 预售
)

var stockTypes = enum.New("order.StockType",
	enum.Spec[StockType]{Value: StockInStock, Name: "in_stock", Label: "现货"},
	enum.Spec[StockType]{Value: StockPresale, Name: "presale", Label: "预售"},
)

// String returns the stable name ("in_stock").
func (s StockType) String() string { return stockTypes.Name(s) }

// Label returns the Chinese term.
func (s StockType) Label() string { return stockTypes.Label(s) }

// IsValid reports whether s is a known stock type.
func (s StockType) IsValid() bool { return stockTypes.Valid(s) }

// MarshalText renders the stable name.
func (s StockType) MarshalText() ([]byte, error) { return stockTypes.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *StockType) UnmarshalText(b []byte) error { return stockTypes.UnmarshalText(s, b) }
