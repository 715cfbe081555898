package order

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// Sentinels of the shipment rules; every *ShipmentError unwraps to the one of its Rule.
var (
	// ErrNotShippable: the order is not awaiting shipment (unpaid, fully shipped, cancelled).
	ErrNotShippable = errors.New("order: order cannot ship in its status")
	// ErrOnAfterSale: units of the SKU are held by an unfinished after-sale case.
	ErrOnAfterSale = errors.New("order: units are held by an unfinished after-sale")
	// ErrMissingTracking: a parcel without carrier code or tracking number.
	ErrMissingTracking = errors.New("order: parcel without carrier or tracking number")
	// ErrDuplicateTracking: a tracking number already used on the order or in the request.
	ErrDuplicateTracking = errors.New("order: tracking number used twice on the order")
	// ErrEmptyParcel: a parcel without items.
	ErrEmptyParcel = errors.New("order: parcel without items")
	// ErrBadQuantity: an item quantity of zero or less.
	ErrBadQuantity = errors.New("order: item quantity must be positive")
	// ErrUnknownSKU: a product/SKU pair that is not a line of the order.
	ErrUnknownSKU = errors.New("order: SKU not in the order")
	// ErrSplitSKU: the units of one SKU spread over parcels, or only some of them shipped.
	ErrSplitSKU = errors.New("order: units of one SKU must ship in one parcel")
	// ErrOverShipment: more units than are ordered and not yet shipped.
	ErrOverShipment = errors.New("order: more units than are left to ship")
	// ErrRefundedUnits: units that finished after-sale with a refund.
	ErrRefundedUnits = errors.New("order: units refunded through after-sale cannot ship")
	// ErrIncompleteShipment: a request meant to complete the order leaves units unshipped.
	ErrIncompleteShipment = errors.New("order: shipment leaves units unshipped")
)

// Rule names one shipment rule. The order checks them in one place (ShipmentProblems), which
// Ship and package shipping both use.
type Rule uint8

// Shipment rules, in the order they are checked for each parcel.
const (
	RuleNotShippable      Rule = iota + 1 // status is not 20 or 21 (109001 when already fully shipped)
	RuleOnAfterSale                       // units of the SKU are held by after-sale (108009)
	RuleMissingTracking                   // carrier or tracking number empty (40097)
	RuleDuplicateTracking                 // tracking number already used on the order or in the request (109000)
	RuleEmptyParcel                       // no items (109002)
	RuleBadQuantity                       // quantity ≤ 0 (109000)
	RuleUnknownSKU                        // product/SKU not in the order (606031)
	RuleSplitSKU                          // a SKU's units in more than one parcel (606030)
	RuleOverShipment                      // more units than ordered and not yet shipped (109000)
	RuleRefundedUnits                     // units that finished after-sale with a refund (109000)
	RuleIncomplete                        // complete requested but units are left (wxshop's own check)
	numRules
)

type ruleSpec struct {
	code int
	err  error
}

var ruleSpecs = [numRules]ruleSpec{
	RuleNotShippable:      {0, ErrNotShippable},
	RuleOnAfterSale:       {108009, ErrOnAfterSale},
	RuleMissingTracking:   {40097, ErrMissingTracking},
	RuleDuplicateTracking: {109000, ErrDuplicateTracking},
	RuleEmptyParcel:       {109002, ErrEmptyParcel},
	RuleBadQuantity:       {109000, ErrBadQuantity},
	RuleUnknownSKU:        {606031, ErrUnknownSKU},
	RuleSplitSKU:          {606030, ErrSplitSKU},
	RuleOverShipment:      {109000, ErrOverShipment},
	RuleRefundedUnits:     {109000, ErrRefundedUnits},
	RuleIncomplete:        {0, ErrIncompleteShipment},
}

var rules = enum.New("order.Rule",
	enum.Spec[Rule]{Value: RuleNotShippable, Name: "not_shippable", Label: "订单状态不可发货"},
	enum.Spec[Rule]{Value: RuleOnAfterSale, Name: "on_after_sale", Label: "商品售后中"},
	enum.Spec[Rule]{Value: RuleMissingTracking, Name: "missing_tracking", Label: "缺少快递公司或运单号"},
	enum.Spec[Rule]{Value: RuleDuplicateTracking, Name: "duplicate_tracking", Label: "运单号重复"},
	enum.Spec[Rule]{Value: RuleEmptyParcel, Name: "empty_parcel", Label: "包裹没有商品"},
	enum.Spec[Rule]{Value: RuleBadQuantity, Name: "bad_quantity", Label: "商品数量有误"},
	enum.Spec[Rule]{Value: RuleUnknownSKU, Name: "unknown_sku", Label: "商品不在订单中"},
	enum.Spec[Rule]{Value: RuleSplitSKU, Name: "split_sku", Label: "同一SKU须在一个包裹发出"},
	enum.Spec[Rule]{Value: RuleOverShipment, Name: "over_shipment", Label: "发货数量超出"},
	enum.Spec[Rule]{Value: RuleRefundedUnits, Name: "refunded_units", Label: "已售后退款商品不能发货"},
	enum.Spec[Rule]{Value: RuleIncomplete, Name: "incomplete", Label: "未全部发货"},
)

// String returns the stable name ("over_shipment").
func (r Rule) String() string { return rules.Name(r) }

// Label returns the Chinese description.
func (r Rule) Label() string { return rules.Label(r) }

// IsValid reports whether r is a known rule.
func (r Rule) IsValid() bool { return r > 0 && r < numRules }

// PlatformCode is the delivery/send error code the platform answers for this rule, or 0 when
// it has none (RuleNotShippable before payment, RuleIncomplete).
func (r Rule) PlatformCode() int {
	if !r.IsValid() {
		return 0
	}
	return ruleSpecs[r].code
}

// Err returns the rule's sentinel (nil for an unknown rule).
func (r Rule) Err() error {
	if !r.IsValid() {
		return nil
	}
	return ruleSpecs[r].err
}

// MarshalText renders the stable name.
func (r Rule) MarshalText() ([]byte, error) { return rules.MarshalText(r) }

// UnmarshalText parses a stable name.
func (r *Rule) UnmarshalText(b []byte) error { return rules.UnmarshalText(r, b) }

// ShipmentError is one broken shipment rule. It unwraps to its Rule's sentinel; for
// RuleNotShippable also to the *TransitionError of the status.
type ShipmentError struct {
	Rule Rule
	// Status is the order's status when it was checked.
	Status Status
	// Parcel is the parcel's index in the request, -1 for an order-level problem.
	Parcel int
	// SKUID names the SKU concerned, if any.
	SKUID string
	// Want and Got are the numbers compared (units left vs units in the parcel, ...), when the
	// rule compares numbers.
	Want, Got int
	// TrackingNumber is set for the tracking rules.
	TrackingNumber string
}

// Code is the platform's error code for the problem (0 when it has none).
func (e *ShipmentError) Code() int {
	if e.Rule == RuleNotShippable && (e.Status == StatusShipped || e.Status == StatusCompleted) {
		return 109001
	}
	return e.Rule.PlatformCode()
}

// Error implements error.
func (e *ShipmentError) Error() string {
	msg := "order: " + e.Rule.String()
	if e.Parcel >= 0 {
		msg += fmt.Sprintf(": parcel %d", e.Parcel)
	}
	switch e.Rule {
	case RuleNotShippable:
		msg += fmt.Sprintf(": status %s (%d)", e.Status, uint8(e.Status))
	case RuleMissingTracking, RuleDuplicateTracking:
		msg += fmt.Sprintf(": tracking number %q", e.TrackingNumber)
	case RuleEmptyParcel:
	default:
		msg += fmt.Sprintf(": sku %s: want %d, got %d", e.SKUID, e.Want, e.Got)
	}
	return msg
}

// Unwrap returns the rule's sentinel, and for RuleNotShippable the status's *TransitionError.
func (e *ShipmentError) Unwrap() []error {
	if e.Rule == RuleNotShippable {
		if _, err := Next(e.Status, TriggerShipAll); err != nil {
			return []error{ErrNotShippable, err}
		}
		return []error{ErrNotShippable}
	}
	if err := e.Rule.Err(); err != nil {
		return []error{err}
	}
	return nil
}
