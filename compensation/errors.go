package compensation

import (
	"errors"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

// ErrInvalidAmount is matched by every error that rejects an order amount: negative, more than
// two decimal places, or above 1,000,000,000.00 元.
var ErrInvalidAmount = money.ErrInvalidAmount

// ErrInvalidPolicy is matched by every error that rejects a policy (NewPolicy, JSON) and by
// the error Payout returns for the zero Policy.
var ErrInvalidPolicy = errors.New("invalid compensation policy")

// ErrUnknownCode is matched when a mode, rounding, form or cause name is not known.
var ErrUnknownCode = enum.ErrUnknown

// PolicyError says which part of a policy is wrong and why. It matches ErrInvalidPolicy, and
// also whatever Err matches (ErrInvalidAmount for a bad threshold, floor or cap;
// ErrUnknownCode for an unknown name).
type PolicyError struct {
	// Field names the part of the policy, as in its JSON: "tiers", "tiers[1].rate", "floor".
	Field string
	// Value is the rejected value as text; empty when there is none.
	Value string
	// Reason is a short English explanation.
	Reason string
	// Err is the underlying error, if any.
	Err error
}

// Error implements error.
func (e *PolicyError) Error() string {
	msg := "compensation: invalid policy: " + e.Field
	if e.Value != "" {
		msg += " " + e.Value
	}
	return msg + ": " + e.Reason
}

// Unwrap makes errors.Is match ErrInvalidPolicy and Err.
func (e *PolicyError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidPolicy}
	}
	return []error{ErrInvalidPolicy, e.Err}
}
