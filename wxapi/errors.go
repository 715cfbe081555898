package wxapi

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Sentinels matched (with errors.Is) by the *FieldError values the decoders return.
var (
	// ErrMalformed: the body is not JSON, or a field has the wrong JSON type, or a number that
	// must be an integer is not one, or an ID is not a positive uint64.
	ErrMalformed = errors.New("malformed payload")
	// ErrMissingField: a field the domain needs is absent, null or empty.
	ErrMissingField = errors.New("missing required field")
	// ErrUnknownCode: a code the platform documents as a closed set has a value wxshop does not
	// know. It is the same sentinel as the domain enums', so errors from either match.
	ErrUnknownCode = enum.ErrUnknown
	// ErrInvalidAmount: an amount that is not a whole number of fen, is negative or is above
	// money.MaxFen. It is the same sentinel every domain package re-exports.
	ErrInvalidAmount = money.ErrInvalidAmount
	// ErrInconsistent: each field is fine on its own, but together they describe something the
	// domain model refuses (a parcel of a SKU the order does not have, counters that exceed the
	// quantity, a status that disagrees with the quantities, ...).
	ErrInconsistent = errors.New("inconsistent payload")
)

// FieldError says which payload and which field could not be decoded, with the offending value.
// Err is the cause: one of the sentinels above, or a domain error wrapping one.
type FieldError struct {
	// Payload names the API or event: "order/get", "aftersale/getaftersaleorder", "event", ...
	Payload string
	// Field is the JSON path of the field, e.g. "order.order_detail.product_infos[1].sale_price".
	Field string
	// Value is the offending value as text; empty when the field is missing.
	Value string
	// Err is the cause.
	Err error
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("wxapi: %s: %s: %v", e.Payload, e.Field, e.Err)
	}
	return fmt.Sprintf("wxapi: %s: %s = %s: %v", e.Payload, e.Field, e.Value, e.Err)
}

// Unwrap returns the cause.
func (e *FieldError) Unwrap() error { return e.Err }
