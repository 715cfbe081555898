package shop_test

import "github.com/shopspring/decimal"

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }
