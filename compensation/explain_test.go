package compensation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/compensation"
)

func TestExplain(t *testing.T) {
	t.Parallel()
	marginal, err := compensation.NewPolicy(tiers("0", "0.5", "99.5", "0.3333", "5000", "0.2"), compensation.WithMode(compensation.Marginal))
	require.NoError(t, err)
	flat, err := compensation.NewPolicy(tiers("0", "0.5", "99.5", "0.3333", "5000", "0.2"))
	require.NoError(t, err)
	capped := single(t, "0.3", compensation.WithFloor(d("5")), compensation.WithCap(d("500")))
	tests := []struct {
		name   string
		policy *compensation.Policy
		amount string
		zh, en string
	}{
		{"half a fen", compensation.Default(), "99.99",
			"订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元",
			"Order 99.99 yuan, tier <100 yuan at 50%: 49.995 → 50.00 yuan"},
		{"exact", compensation.Default(), "100",
			"订单金额 100.00 元，适用 ≥100 元档 30%：30.00 元",
			"Order 100.00 yuan, tier ≥100 yuan at 30%: 30.00 yuan"},
		{"zero", compensation.Default(), "0",
			"订单金额 0.00 元，适用 <100 元档 50%：0.00 元",
			"Order 0.00 yuan, tier <100 yuan at 50%: 0.00 yuan"},
		{"fractional threshold and rate", flat, "100.00",
			"订单金额 100.00 元，适用 ≥99.50 元档 33.33%：33.33 元",
			"Order 100.00 yuan, tier ≥99.50 yuan at 33.33%: 33.33 yuan"},
		{"below a fractional threshold", flat, "99.49",
			"订单金额 99.49 元，适用 <99.50 元档 50%：49.745 → 49.75 元",
			"Order 99.49 yuan, tier <99.50 yuan at 50%: 49.745 → 49.75 yuan"},
		{"marginal in one band", marginal, "0.01",
			"订单金额 0.01 元，超额累进 0.01×50%：0.005 → 0.01 元",
			"Order 0.01 yuan, marginal 0.01×50%: 0.005 → 0.01 yuan"},
		{"marginal at a threshold", marginal, "99.50",
			"订单金额 99.50 元，超额累进 99.50×50%：49.75 元",
			"Order 99.50 yuan, marginal 99.50×50%: 49.75 yuan"},
		{"marginal over three bands", marginal, "6000",
			"订单金额 6000.00 元，超额累进 99.50×50% + 4900.50×33.33% + 1000.00×20%：1883.08665 → 1883.09 元",
			"Order 6000.00 yuan, marginal 99.50×50% + 4900.50×33.33% + 1000.00×20%: 1883.08665 → 1883.09 yuan"},
		{"marginal zero", marginal, "0",
			"订单金额 0.00 元，超额累进 0.00×50%：0.00 元",
			"Order 0.00 yuan, marginal 0.00×50%: 0.00 yuan"},
		{"floor", capped, "10.05",
			"订单金额 10.05 元，适用 ≥0 元档 30%：3.015 → 3.02 元，保底 5.00 元 → 5.00 元",
			"Order 10.05 yuan, tier ≥0 yuan at 30%: 3.015 → 3.02 yuan, floor 5.00 yuan → 5.00 yuan"},
		{"floor limited to the amount paid", capped, "3",
			"订单金额 3.00 元，适用 ≥0 元档 30%：0.90 元，保底 5.00 元（不超过订单金额） → 3.00 元",
			"Order 3.00 yuan, tier ≥0 yuan at 30%: 0.90 yuan, floor 5.00 yuan (limited to the amount paid) → 3.00 yuan"},
		{"cap", capped, "1666.70",
			"订单金额 1666.70 元，适用 ≥0 元档 30%：500.01 元，封顶 500.00 元 → 500.00 元",
			"Order 1666.70 yuan, tier ≥0 yuan at 30%: 500.01 yuan, cap 500.00 yuan → 500.00 yuan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := payout(t, tt.policy, tt.amount)
			assert.Equal(t, tt.zh, got.Explain())
			assert.Equal(t, tt.en, got.ExplainEN())
		})
	}
}
