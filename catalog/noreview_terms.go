package catalog

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/text"
)

// MaxCodeLength bounds the merchant's own codes, sku_code and spu_code, in characters.
// product/add and product/update document sku_code as 最多100字符
// (https://developers.weixin.qq.com/doc/store/API/product/add.html); an older page said 20.
// Which is current is UNCONFIRMED, so the catalog takes the lenient 100 and leaves a stricter
// limit to the platform.
const MaxCodeLength = 100

// CodeValid reports whether code can be a merchant's product or SKU code (spu_code,
// sku_code): at most MaxCodeLength characters of valid UTF-8 without control characters.
// The empty code means "none".
func CodeValid(code string) bool {
	return len(code) <= 4*MaxCodeLength && utf8.RuneCountInString(code) <= MaxCodeLength && text.Printable(code)
}

// checkCode reports an invalid code as a *ValidationError on field of structName.
func checkCode(structName, field, code string) error {
	if CodeValid(code) {
		return nil
	}
	return invalidBecause(structName, field, "code", fmt.Sprint(MaxCodeLength),
		fmt.Sprintf("at most %d characters, no control characters", MaxCodeLength))
}

// LimitPeriod is the period of a product's purchase limit (limited_info.period_type), with the
// platform's codes. The zero value, LimitNone, is a real code: no limit.
type LimitPeriod uint8

// Purchase-limit periods. LimitYearly is in product/add's table and not in the auditfree
// table seen (UNCONFIRMED there); it is accepted.
const (
	LimitNone    LimitPeriod = 0 // 无限购
	LimitDaily   LimitPeriod = 1 // 按自然日限购
	LimitWeekly  LimitPeriod = 2 // 按自然周限购
	LimitMonthly LimitPeriod = 3 // 按自然月限购
	LimitYearly  LimitPeriod = 4 // 按自然年限购
)

var limitPeriods = enum.New("catalog.LimitPeriod",
	enum.Spec[LimitPeriod]{Value: LimitNone, Name: "none", Label: "无限购"},
	enum.Spec[LimitPeriod]{Value: LimitDaily, Name: "daily", Label: "按自然日限购"},
	enum.Spec[LimitPeriod]{Value: LimitWeekly, Name: "weekly", Label: "按自然周限购"},
	enum.Spec[LimitPeriod]{Value: LimitMonthly, Name: "monthly", Label: "按自然月限购"},
	enum.Spec[LimitPeriod]{Value: LimitYearly, Name: "yearly", Label: "按自然年限购"},
)

// String returns the stable English name ("weekly").
func (p LimitPeriod) String() string { return limitPeriods.Name(p) }

// Label returns the Chinese label (按自然周限购).
func (p LimitPeriod) Label() string { return limitPeriods.Label(p) }

// IsValid reports whether p is a platform code.
func (p LimitPeriod) IsValid() bool { return limitPeriods.Valid(p) }

// MarshalText renders the stable name.
func (p LimitPeriod) MarshalText() ([]byte, error) { return limitPeriods.MarshalText(p) }

// UnmarshalText parses a stable name.
func (p *LimitPeriod) UnmarshalText(b []byte) error { return limitPeriods.UnmarshalText(p, b) }

// PurchaseLimit is how many units of a product one buyer may buy per period (limited_info).
// PurchaseLimit{} (LimitNone, 0 units) lifts the limit.
type PurchaseLimit struct {
	Period LimitPeriod // period_type
	// Units is limited_buy_num: 1 to MaxStock with a period, 0 without one.
	Units int
}

// Validate reports a limit the platform cannot take: an unknown period (matching
// ErrUnknownCode), units outside 1..MaxStock with a period, units without one (a
// *ValidationError matching ErrInvalid).
func (l PurchaseLimit) Validate() error {
	const name = "PurchaseLimit"
	switch {
	case !l.Period.IsValid():
		return limitPeriods.Check(l.Period)
	case l.Period == LimitNone && l.Units != 0:
		return invalidBecause(name, "Units", "excluded_unless", "Period", "must be 0 without a period (LimitNone lifts the limit)")
	case l.Period != LimitNone && l.Units < 1:
		return invalid(name, "Units", "min", "1")
	case l.Units > MaxStock:
		return invalid(name, "Units", "max", fmt.Sprint(MaxStock))
	}
	return nil
}

// StockType is how a SKU is stocked (sku_deliver_info.stock_type), with the platform's codes.
// The zero value, StockSpot, is a real code.
type StockType uint8

// Stock types. Only some categories allow presale (the category's attr.pre_sale).
const (
	StockSpot    StockType = 0 // 现货: in stock
	StockPresale StockType = 1 // 全款预售: paid in full now, shipped later
)

var stockTypes = enum.New("catalog.StockType",
	enum.Spec[StockType]{Value: StockSpot, Name: "spot", Label: "现货"},
	enum.Spec[StockType]{Value: StockPresale, Name: "presale", Label: "全款预售"},
)

// String returns the stable English name ("presale").
func (s StockType) String() string { return stockTypes.Name(s) }

// Label returns the Chinese label (全款预售).
func (s StockType) Label() string { return stockTypes.Label(s) }

// IsValid reports whether s is a platform code.
func (s StockType) IsValid() bool { return stockTypes.Valid(s) }

// MarshalText renders the stable name.
func (s StockType) MarshalText() ([]byte, error) { return stockTypes.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *StockType) UnmarshalText(b []byte) error { return stockTypes.UnmarshalText(s, b) }

// PresaleShipping is when a presale SKU's shipping clock starts
// (full_payment_presale_delivery_type), with the platform's codes. The zero value,
// ShipAfterPayment, is a real code.
type PresaleShipping uint8

// Presale shipping starts.
const (
	ShipAfterPayment PresaleShipping = 0 // 付款后n天发货
	ShipAfterPresale PresaleShipping = 1 // 预售结束后n天发货
)

var presaleShippings = enum.New("catalog.PresaleShipping",
	enum.Spec[PresaleShipping]{Value: ShipAfterPayment, Name: "after_payment", Label: "付款后发货"},
	enum.Spec[PresaleShipping]{Value: ShipAfterPresale, Name: "after_presale", Label: "预售结束后发货"},
)

// String returns the stable English name ("after_presale").
func (s PresaleShipping) String() string { return presaleShippings.Name(s) }

// Label returns the Chinese label (预售结束后发货).
func (s PresaleShipping) Label() string { return presaleShippings.Label(s) }

// IsValid reports whether s is a platform code.
func (s PresaleShipping) IsValid() bool { return presaleShippings.Valid(s) }

// MarshalText renders the stable name.
func (s PresaleShipping) MarshalText() ([]byte, error) { return presaleShippings.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *PresaleShipping) UnmarshalText(b []byte) error {
	return presaleShippings.UnmarshalText(s, b)
}

// Bounds of a presale. The days are lenient: the store doc's schema says 1 to 15, while the
// product/add page says 4 to 15 after payment and 1 to 3 after the presale ends (UNCONFIRMED
// which is current), so 1 to 15 is accepted either way and the platform keeps the stricter
// check. The window is documented in every source seen.
const (
	MinPresaleDays   = 1
	MaxPresaleDays   = 15
	MaxPresaleWindow = 15 * 24 * time.Hour // presale_end_time - presale_begin_time
)

// DeliveryTerms are a SKU's stock and presale terms (sku_deliver_info). A spot SKU has no
// presale fields. A presale SKU ships within Days of the payment (ShipAfterPayment) or of the
// presale's end (ShipAfterPresale, which needs the window PresaleBegin..PresaleEnd). The
// platform also wants the window to end within 30 days of the call; that needs the time of
// the call, so the platform checks it.
type DeliveryTerms struct {
	Stock StockType       // stock_type
	Ship  PresaleShipping // full_payment_presale_delivery_type; presale only
	// PresaleBegin and PresaleEnd are presale_begin_time and presale_end_time: the presale
	// window, for ShipAfterPresale only; End after Begin, at most MaxPresaleWindow apart.
	PresaleBegin, PresaleEnd time.Time
	// Days is full_payment_presale_delivery_time: MinPresaleDays to MaxPresaleDays for a
	// presale, 0 for spot stock.
	Days int
}

// Validate reports terms the platform cannot take: an unknown code (matching
// ErrUnknownCode), or a field that does not fit the stock type and the shipping start (a
// *ValidationError matching ErrInvalid).
func (t DeliveryTerms) Validate() error {
	const name = "DeliveryTerms"
	onlyPresale := func(field string) error {
		return invalidBecause(name, field, "excluded_unless", "Stock presale", "only for a presale SKU (StockPresale)")
	}
	onlyAfterPresale := func(field string) error {
		return invalidBecause(name, field, "excluded_unless", "Ship after_presale", "only when shipping starts after the presale (ShipAfterPresale)")
	}
	switch {
	case !t.Stock.IsValid():
		return stockTypes.Check(t.Stock)
	case !t.Ship.IsValid():
		return presaleShippings.Check(t.Ship)
	case t.Stock == StockSpot && t.Ship != ShipAfterPayment:
		return onlyPresale("Ship")
	case t.Stock == StockSpot && t.Days != 0:
		return onlyPresale("Days")
	case t.Stock == StockSpot && !t.PresaleBegin.IsZero():
		return onlyPresale("PresaleBegin")
	case t.Stock == StockSpot && !t.PresaleEnd.IsZero():
		return onlyPresale("PresaleEnd")
	case t.Stock == StockSpot:
		return nil
	case t.Days < MinPresaleDays:
		return invalid(name, "Days", "min", fmt.Sprint(MinPresaleDays))
	case t.Days > MaxPresaleDays:
		return invalid(name, "Days", "max", fmt.Sprint(MaxPresaleDays))
	case t.Ship == ShipAfterPayment && !t.PresaleBegin.IsZero():
		return onlyAfterPresale("PresaleBegin")
	case t.Ship == ShipAfterPayment && !t.PresaleEnd.IsZero():
		return onlyAfterPresale("PresaleEnd")
	case t.Ship == ShipAfterPayment:
		return nil
	case t.PresaleBegin.IsZero():
		return invalid(name, "PresaleBegin", "required", "")
	case t.PresaleEnd.IsZero():
		return invalid(name, "PresaleEnd", "required", "")
	case !t.PresaleEnd.After(t.PresaleBegin):
		return invalid(name, "PresaleEnd", "gtfield", "PresaleBegin")
	case t.PresaleEnd.Sub(t.PresaleBegin) > MaxPresaleWindow:
		return invalidBecause(name, "PresaleEnd", "max_window", MaxPresaleWindow.String(), "at most 15 days after PresaleBegin")
	}
	return nil
}
