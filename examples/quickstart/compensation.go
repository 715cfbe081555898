package main

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
)

// compensationChapter prints what the published table pays the buyer of a never-shipped order,
// for a handful of order amounts, and where the table pays a bigger order less.
func compensationChapter(s *story) error {
	w := s.w
	fmt.Fprintln(w, "== Compensation (赔付) for orders that are never shipped ==")
	policy := compensation.Default()
	for _, amount := range []string{"0.99", "58.00", "99.99", "100.00", "4999.99", "5000.00"} {
		payout, err := policy.Payout(decimal.RequireFromString(amount))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "An order of %s 元 pays the buyer %s 元: %s\n", amount, payout.Amount().StringFixed(2), payout.Explain())
	}
	for _, cliff := range policy.Cliffs() {
		fmt.Fprintf(w, "Where the table pays a bigger order less: %s 元 is paid %s 元, but %s 元 only %s 元.\n",
			cliff.Below.StringFixed(2), cliff.PayoutBelow.StringFixed(2),
			cliff.At.StringFixed(2), cliff.PayoutAt.StringFixed(2))
	}
	return nil
}
