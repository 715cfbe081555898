package compensation

import "strings"

// wording is one language's words for an explanation line; both languages share one layout.
type wording struct {
	order, unit, sep, colon string // "订单金额 ", " 元", "，", "："
	tier, tierAt            string // "适用 " … " 元档 "
	marginal                string // "超额累进 "
	floor, limited, cap     string
	payout                  string // the zero Payout: "赔付 "
}

var (
	chinese = wording{order: "订单金额 ", unit: " 元", sep: "，", colon: "：",
		tier: "适用 ", tierAt: " 元档 ", marginal: "超额累进 ",
		floor: "保底 ", limited: "（不超过订单金额）", cap: "封顶 ", payout: "赔付 "}
	english = wording{order: "Order ", unit: " yuan", sep: ", ", colon: ": ",
		tier: "tier ", tierAt: " yuan at ", marginal: "marginal ",
		floor: "floor ", limited: " (limited to the amount paid)", cap: "cap ", payout: "payout "}
)

// Explain returns one line a merchant understands, in Chinese: the order amount, the tier and
// rate (or, in Marginal mode, each band and its rate), the exact value and the rounded
// payout, and the floor or cap when one applied. For example:
//
//	订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元
//	订单金额 150.00 元，超额累进 100.00×50% + 50.00×30%：65.00 元
//	订单金额 8.00 元，适用 <100 元档 50%：4.00 元，保底 10.00 元（不超过订单金额） → 8.00 元
func (o Payout) Explain() string { return o.explain(&chinese) }

// ExplainEN is Explain in English, for example:
//
//	Order 99.99 yuan, tier <100 yuan at 50%: 49.995 → 50.00 yuan
func (o Payout) ExplainEN() string { return o.explain(&english) }

func (o Payout) explain(w *wording) string {
	var b strings.Builder
	b.WriteString(w.order + yuanText(o.paid) + w.unit + w.sep)
	if o.r == nil {
		b.WriteString(w.payout + yuanText(o.amount) + w.unit)
		return b.String()
	}
	tiers, i, rounded := o.r.tiers, tierAt(o.r.tiers, o.paid), o.rounded()
	if o.r.mode == Marginal {
		b.WriteString(w.marginal + bands(tiers[:i+1], o.paid))
	} else {
		b.WriteString(w.tier + tierLabel(tiers, i) + w.tierAt + percentText(tiers[i].num) + "%")
	}
	b.WriteString(w.colon)
	if o.exact != rounded*rateDen {
		b.WriteString(scaled(o.exact, 2+rateScale, 2) + " → ")
	}
	b.WriteString(yuanText(rounded) + w.unit)
	switch {
	case o.Capped():
		b.WriteString(w.sep + w.cap + yuanText(o.r.cap) + w.unit + " → " + yuanText(o.amount) + w.unit)
	case o.Floored() && o.amount < o.r.floor:
		b.WriteString(w.sep + w.floor + yuanText(o.r.floor) + w.unit + w.limited + " → " + yuanText(o.amount) + w.unit)
	case o.Floored():
		b.WriteString(w.sep + w.floor + yuanText(o.r.floor) + w.unit + " → " + yuanText(o.amount) + w.unit)
	}
	return b.String()
}

// tierLabel names a tier as a table prints it: "<100" for a first tier with others above it,
// "≥100" for the rest.
func tierLabel(tiers []tier, i int) string {
	if i == 0 && len(tiers) > 1 {
		return "<" + thresholdText(tiers[1].from)
	}
	return "≥" + thresholdText(tiers[i].from)
}

// bands lists the marginal bands an amount of paid fen covers, "100.00×50% + 50.00×30%"; the
// last tier of tiers is the one paid falls in.
func bands(tiers []tier, paid int64) string {
	parts := make([]string, 0, len(tiers))
	for i, t := range tiers {
		width := paid - t.from
		if i+1 < len(tiers) {
			width = tiers[i+1].from - t.from
		}
		if width > 0 || len(tiers) == 1 {
			parts = append(parts, yuanText(width)+"×"+percentText(t.num)+"%")
		}
	}
	return strings.Join(parts, " + ")
}
