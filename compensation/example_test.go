package compensation_test

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/compensation"
)

func ExampleDefault() {
	policy := compensation.Default()
	for _, amount := range []string{"0", "99.99", "100.00", "4999.99", "5000.00"} {
		payout, err := policy.Payout(decimal.RequireFromString(amount))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(payout.Explain())
	}
	// Output:
	// 订单金额 0.00 元，适用 <100 元档 50%：0.00 元
	// 订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元
	// 订单金额 100.00 元，适用 ≥100 元档 30%：30.00 元
	// 订单金额 4999.99 元，适用 ≥100 元档 30%：1499.997 → 1500.00 元
	// 订单金额 5000.00 元，适用 ≥5000 元档 20%：1000.00 元
}

func ExamplePolicy_Payout() {
	policy, err := compensation.NewPolicy(
		[]compensation.Tier{{From: decimal.Zero, Rate: decimal.RequireFromString("0.3")}},
		compensation.WithFloor(decimal.RequireFromString("5.00")),
		compensation.WithCap(decimal.RequireFromString("500.00")),
		compensation.WithForm(compensation.RedPacket),
		compensation.WithName("delay", "2025-01"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, amount := range []string{"3.00", "10.05", "100.05", "2000.00"} {
		payout, err := policy.Payout(decimal.RequireFromString(amount))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(payout.Amount().StringFixed(2), payout.Form(), payout.Floored(), payout.Capped())
		fmt.Println(payout.ExplainEN())
	}
	_, err = policy.Payout(decimal.RequireFromString("10.001"))
	fmt.Println(err)
	// Output:
	// 3.00 red_packet true false
	// Order 3.00 yuan, tier ≥0 yuan at 30%: 0.90 yuan, floor 5.00 yuan (limited to the amount paid) → 3.00 yuan
	// 5.00 red_packet true false
	// Order 10.05 yuan, tier ≥0 yuan at 30%: 3.015 → 3.02 yuan, floor 5.00 yuan → 5.00 yuan
	// 30.02 red_packet false false
	// Order 100.05 yuan, tier ≥0 yuan at 30%: 30.015 → 30.02 yuan
	// 500.00 red_packet false true
	// Order 2000.00 yuan, tier ≥0 yuan at 30%: 600.00 yuan, cap 500.00 yuan → 500.00 yuan
	// compensation: invalid amount: amount 10.001: more than two decimal places (not a whole number of fen)
}

func ExamplePolicy_Cliffs() {
	for _, c := range compensation.Default().Cliffs() {
		fmt.Printf("%s 元 is paid %s, but %s 元 only %s; every order up to %s 元 is paid less than %s 元\n",
			c.Below.StringFixed(2), c.PayoutBelow.StringFixed(2), c.At.StringFixed(2), c.PayoutAt.StringFixed(2),
			c.PaidLessUpTo.StringFixed(2), c.Below.StringFixed(2))
	}
	// Output:
	// 99.99 元 is paid 50.00, but 100.00 元 only 30.00; every order up to 166.64 元 is paid less than 99.99 元
	// 4999.99 元 is paid 1500.00, but 5000.00 元 only 1000.00; every order up to 7499.97 元 is paid less than 4999.99 元
}

func Example_marginal() {
	policy, err := compensation.NewPolicy(compensation.Default().Tiers(), compensation.WithMode(compensation.Marginal))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, amount := range []string{"99.99", "100.00", "150.00", "6000.00"} {
		payout, err := policy.Payout(decimal.RequireFromString(amount))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(payout.Explain())
	}
	fmt.Println("cliffs:", len(policy.Cliffs()))
	// Output:
	// 订单金额 99.99 元，超额累进 99.99×50%：49.995 → 50.00 元
	// 订单金额 100.00 元，超额累进 100.00×50%：50.00 元
	// 订单金额 150.00 元，超额累进 100.00×50% + 50.00×30%：65.00 元
	// 订单金额 6000.00 元，超额累进 100.00×50% + 4900.00×30% + 1000.00×20%：1720.00 元
	// cliffs: 0
}

func ExamplePolicy_UnmarshalJSON() {
	config := []byte(`{
		"name": "platform", "version": "2025-06",
		"mode": "flat", "rounding": "half_even", "form": "coupon",
		"floor": "3.00", "cap": "100.00",
		"liable": ["stock_shortage", "malicious"],
		"tiers": [{"from": "0", "rate": "0.05"}]
	}`)
	var policy compensation.Policy
	if err := json.Unmarshal(config, &policy); err != nil {
		fmt.Println(err)
		return
	}
	payout, err := policy.Payout(decimal.RequireFromString("250.50"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(payout.Explain(), payout.Form().Label(), payout.PolicyName(), payout.PolicyVersion())
	fmt.Println(policy.Liable(compensation.MerchantError), policy.Liable(compensation.Malicious))

	err = json.Unmarshal([]byte(`{"tiers": [{"from": "0", "rate": "1.5"}]}`), &policy)
	fmt.Println(err)
	// Output:
	// 订单金额 250.50 元，适用 ≥0 元档 5%：12.525 → 12.52 元 优惠券 platform 2025-06
	// false true
	// compensation: invalid policy: tiers[0].rate 1.5: rate outside [0, 1]
}
