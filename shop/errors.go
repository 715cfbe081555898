package shop

import (
	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
)

// Sentinels shared with every package of the module, so that a host matches a shop error as it
// matches any other.
var (
	// ErrInvalidAmount is matched by every rejected amount of money (NewOverview's sales).
	ErrInvalidAmount = money.ErrInvalidAmount
	// ErrUnknownCode is matched when decoding a SellerKind name the package does not know.
	ErrUnknownCode = enum.ErrUnknown
)

// AmountError says which amount was rejected and why. It matches ErrInvalidAmount; every
// package of the module returns the same type.
type AmountError = money.AmountError

// UnknownCodeError names a code or name an enum does not know. It matches ErrUnknownCode;
// every package of the module returns the same type.
type UnknownCodeError = enum.UnknownError
