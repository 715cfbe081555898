package compensation

import (
	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// Cliff is a threshold where a bigger order is paid less: the last amount below the threshold
// is paid more than the threshold itself. The published table has two: 99.99 元 is paid 50.00
// but 100.00 元 only 30.00, and 4999.99 元 is paid 1500.00 but 5000.00 元 only 1000.00.
type Cliff struct {
	// At is the threshold, a tier's From.
	At decimal.Decimal
	// Below is At − 0.01 元, the largest amount of the tier below.
	Below decimal.Decimal
	// PayoutBelow is what Below is paid.
	PayoutBelow decimal.Decimal
	// PayoutAt is what At is paid: less than PayoutBelow.
	PayoutAt decimal.Decimal
	// PaidLessUpTo is the largest amount from At on that is still paid less than PayoutBelow
	// (1,000,000,000.00 元 if every larger amount is). Every order from At to PaidLessUpTo gets
	// less than the smaller order Below: the width of the unfairness.
	PaidLessUpTo decimal.Decimal
}

// Cliffs returns every threshold where a bigger order is paid less than a smaller one, in
// increasing order, with the payouts on both sides; nil when there is none. Within a tier a
// payout never decreases, so thresholds are the only places to look. Marginal policies have
// no cliffs; Flat ones usually do when a higher tier has a lower rate, unless a floor or cap
// flattens them. A nil or zero Policy has none.
func (p *Policy) Cliffs() []Cliff {
	r, err := p.usable()
	if err != nil {
		return nil
	}
	var out []Cliff
	for i := 1; i < len(r.tiers); i++ {
		at := r.tiers[i].from
		below, onAt := r.payout(at-1).amount, r.payout(at).amount
		if below <= onAt {
			continue
		}
		out = append(out, Cliff{
			At: money.Yuan(at), Below: money.Yuan(at - 1),
			PayoutBelow: money.Yuan(below), PayoutAt: money.Yuan(onAt),
			PaidLessUpTo: money.Yuan(r.firstPaying(i, below) - 1),
		})
	}
	return out
}

// firstPaying returns the smallest amount (fen) from tier i's threshold on that is paid at
// least want fen, or money.MaxFen+1 if none is. Payouts never decrease within a tier, so each
// tier is a binary search.
func (r *rules) firstPaying(i int, want int64) int64 {
	for ; i < len(r.tiers); i++ {
		lo, hi := r.tiers[i].from, money.MaxFen
		if i+1 < len(r.tiers) {
			hi = r.tiers[i+1].from - 1
		}
		if r.payout(hi).amount < want {
			continue
		}
		for lo < hi { // invariant: hi is paid at least want
			mid := lo + (hi-lo)/2
			if r.payout(mid).amount >= want {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		return lo
	}
	return money.MaxFen + 1
}
