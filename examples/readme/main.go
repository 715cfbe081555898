package main

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
)

func main() {
	// The platform's published table: <100 元 → 50%, ≥100 元 → 30%, ≥5000 元 → 20%.
	policy := compensation.Default()

	payout, err := policy.Payout(decimal.RequireFromString("99.99"))
	if err != nil {
		panic(err)
	}
	fmt.Println(payout.Amount().StringFixed(2))
	fmt.Println(payout.Explain())
	fmt.Println(payout.ExplainEN())
}
