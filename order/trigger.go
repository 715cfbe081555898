package order

import "github.com/wxshop-go/wxshop/internal/enum"

// Trigger is what happens to an order: the input of the status table. Commands pick the
// trigger (Ship picks TriggerShipPart or TriggerShipAll from the quantities) and the table
// decides whether the current status accepts it. The zero value is not a valid trigger.
type Trigger uint8

// Triggers. Their values are wxshop's own; the platform has no codes for them.
const (
	TriggerPay              Trigger = iota + 1 // 付款
	TriggerCancel                              // buyer cancels or the unpaid order times out
	TriggerCancelOversold                      // merchant cancels an oversold order
	TriggerShipPart                            // a parcel that leaves units to ship
	TriggerShipAll                             // the parcel (or refund) after which nothing is left to ship
	TriggerNegotiateShipBy                     // 发货协商: extend the ship-by deadline
	TriggerReship                              // 补发: a re-shipment after full shipment
	TriggerAfterSale                           // hold or release units for an after-sale case
	TriggerConfirmReceipt                      // buyer confirms receipt, or the timeout does
	TriggerCloseByAfterSale                    // every unit went through after-sale with a refund
	TriggerPayGift                             // 付款 of a gift (礼物): it waits for its recipient
	TriggerPayGroup                            // 付款 of a group buy (一起买): it waits for the group
	TriggerGiftAccepted                        // 收下礼物: the recipient accepted, the order awaits shipment
	TriggerGroupFormed                         // 成团: the group formed, the order awaits shipment
	numTriggers
)

var triggers = enum.New("order.Trigger",
	enum.Spec[Trigger]{Value: TriggerPay, Name: "pay", Label: "付款"},
	enum.Spec[Trigger]{Value: TriggerCancel, Name: "cancel", Label: "取消"},
	enum.Spec[Trigger]{Value: TriggerCancelOversold, Name: "cancel_oversold", Label: "超卖取消"},
	enum.Spec[Trigger]{Value: TriggerShipPart, Name: "ship_part", Label: "部分发货"},
	enum.Spec[Trigger]{Value: TriggerShipAll, Name: "ship_all", Label: "全部发货"},
	enum.Spec[Trigger]{Value: TriggerNegotiateShipBy, Name: "negotiate_ship_by", Label: "发货协商"},
	enum.Spec[Trigger]{Value: TriggerReship, Name: "reship", Label: "补发"},
	enum.Spec[Trigger]{Value: TriggerAfterSale, Name: "after_sale", Label: "售后"},
	enum.Spec[Trigger]{Value: TriggerConfirmReceipt, Name: "confirm_receipt", Label: "确认收货"},
	enum.Spec[Trigger]{Value: TriggerCloseByAfterSale, Name: "close_by_after_sale", Label: "全部售后关闭"},
	enum.Spec[Trigger]{Value: TriggerPayGift, Name: "pay_gift", Label: "礼物付款"},
	enum.Spec[Trigger]{Value: TriggerPayGroup, Name: "pay_group", Label: "一起买付款"},
	enum.Spec[Trigger]{Value: TriggerGiftAccepted, Name: "gift_accepted", Label: "收下礼物"},
	enum.Spec[Trigger]{Value: TriggerGroupFormed, Name: "group_formed", Label: "一起买成团"},
)

// Triggers returns every trigger in value order.
func Triggers() []Trigger { return triggers.Values() }

// String returns the stable English name ("ship_part").
func (t Trigger) String() string { return triggers.Name(t) }

// Label returns the Chinese term (部分发货).
func (t Trigger) Label() string { return triggers.Label(t) }

// IsValid reports whether t is a known trigger.
func (t Trigger) IsValid() bool { return t > 0 && t < numTriggers }

// MarshalText renders the stable name; an unknown trigger is an error.
func (t Trigger) MarshalText() ([]byte, error) { return triggers.MarshalText(t) }

// UnmarshalText parses a stable name and leaves t unchanged on error.
func (t *Trigger) UnmarshalText(text []byte) error { return triggers.UnmarshalText(t, text) }
