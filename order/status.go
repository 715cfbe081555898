package order

import (
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// Status is an order's status. Its value is the platform's own code (order.status), so a host
// converts an API payload with Status(code) and StatusFromCode. The zero value is not a valid
// status: the platform has no status 0.
type Status uint8

// Order statuses with the platform's codes.
const (
	StatusPendingPayment    Status = 10  // 待付款
	StatusGiftPending       Status = 12  // 礼物待收下: a gift paid for, waiting for its recipient to accept
	StatusGroupForming      Status = 13  // 一起买待成团 (凑单买凑团中): paid, waiting for the group to form
	StatusPendingShipment   Status = 20  // 待发货 (paid)
	StatusPartiallyShipped  Status = 21  // 部分发货
	StatusShipped           Status = 30  // 待收货: everything that can ship has shipped
	StatusCompleted         Status = 100 // 已完成: receipt confirmed by the buyer or on timeout
	StatusCancelledOversold Status = 190 // 商品超卖商家取消订单
	StatusClosedByAfterSale Status = 200 // 全部商品售后之后，订单取消
	StatusCancelled         Status = 250 // 用户主动取消 / 待付款超时取消
)

var statuses = enum.New("order.Status",
	enum.Spec[Status]{Value: StatusPendingPayment, Name: "pending_payment", Label: "待付款"},
	enum.Spec[Status]{Value: StatusGiftPending, Name: "gift_pending", Label: "礼物待收下"},
	enum.Spec[Status]{Value: StatusGroupForming, Name: "group_forming", Label: "一起买待成团"},
	enum.Spec[Status]{Value: StatusPendingShipment, Name: "pending_shipment", Label: "待发货"},
	enum.Spec[Status]{Value: StatusPartiallyShipped, Name: "partially_shipped", Label: "部分发货"},
	enum.Spec[Status]{Value: StatusShipped, Name: "shipped", Label: "待收货"},
	enum.Spec[Status]{Value: StatusCompleted, Name: "completed", Label: "已完成"},
	enum.Spec[Status]{Value: StatusCancelledOversold, Name: "cancelled_oversold", Label: "超卖取消"},
	enum.Spec[Status]{Value: StatusClosedByAfterSale, Name: "closed_by_after_sale", Label: "全部售后取消"},
	enum.Spec[Status]{Value: StatusCancelled, Name: "cancelled", Label: "已取消"},
)

// Statuses returns every status in code order.
func Statuses() []Status { return statuses.Values() }

// StatusFromCode converts the platform's numeric code into a Status. A code missing from the
// table (the platform has sent undocumented ones) is an error naming it that matches
// ErrUnknownCode.
func StatusFromCode(code int) (Status, error) {
	if code < 0 || code > 255 || !statuses.Valid(Status(code)) {
		return 0, &enum.UnknownError{Type: "order.Status", Value: fmt.Sprint(code)}
	}
	return Status(code), nil
}

// String returns the stable English name used in text and JSON ("pending_shipment").
func (s Status) String() string { return statuses.Name(s) }

// Label returns the Chinese term a merchant sees (待发货).
func (s Status) Label() string { return statuses.Label(s) }

// Code returns the platform's numeric code.
func (s Status) Code() int { return int(s) }

// IsValid reports whether s is one of the platform's statuses.
func (s Status) IsValid() bool { return statuses.Valid(s) }

// Terminal reports whether the status accepts no trigger at all (190, 200, 250).
func (s Status) Terminal() bool {
	idx := statusIndex[s]
	if idx == 0 {
		return false
	}
	for _, to := range table[idx] {
		if to != 0 {
			return false
		}
	}
	return true
}

// MarshalText renders the stable name; a status outside the table is an error.
func (s Status) MarshalText() ([]byte, error) { return statuses.MarshalText(s) }

// UnmarshalText parses a stable name and leaves s unchanged on error.
func (s *Status) UnmarshalText(text []byte) error { return statuses.UnmarshalText(s, text) }
