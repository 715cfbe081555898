package shop

import (
	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// OverviewParams are the figures a host counts for a period (小店概况): visits to the shop,
// paid orders, and what those orders took in.
type OverviewParams struct {
	Visits int
	Orders int
	Sales  decimal.Decimal
}

// Overview is a shop's figures for a period with the rates derived from them. It is a value.
type Overview struct {
	visits, orders int
	sales          int64 // fen
}

// NewOverview checks the counts (not negative) and the sales amount (a valid amount, zero
// when there are no orders).
func NewOverview(p OverviewParams) (Overview, error) {
	switch {
	case p.Visits < 0:
		return Overview{}, overviewInvalid("Visits", "gte", "0")
	case p.Orders < 0:
		return Overview{}, overviewInvalid("Orders", "gte", "0")
	}
	sales, err := money.ToFen("sales", p.Sales)
	if err != nil {
		return Overview{}, err
	}
	if p.Orders == 0 && sales != 0 {
		return Overview{}, &ValidationError{Pkg: "shop", Struct: "OverviewParams", Fields: []Violation{{Field: "Sales", Rule: "eq", Param: "0",
			Reason: "must be zero when there are no orders"}}}
	}
	return Overview{visits: p.Visits, orders: p.Orders, sales: sales}, nil
}

// Visits returns the number of visits.
func (o Overview) Visits() int { return o.visits }

// Orders returns the number of paid orders.
func (o Overview) Orders() int { return o.orders }

// Sales returns the amount the orders took in, in yuan.
func (o Overview) Sales() decimal.Decimal { return money.Yuan(o.sales) }

// ConversionRate returns orders per visit as a percentage with two decimals, rounded half up
// (1 order in 3 visits is 33.33; 2 in 3 is 66.67), and false when there were no visits (no
// rate, rather than a division by zero or a made-up 0%). A visitor can order more than once,
// so the rate can exceed 100.
func (o Overview) ConversionRate() (decimal.Decimal, bool) {
	if o.visits == 0 {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(int64(o.orders)).Shift(2).DivRound(decimal.NewFromInt(int64(o.visits)), 2), true
}

// AverageOrderValue returns the sales per order in yuan, rounded half up to the fen (客单价),
// and false when there were no orders.
func (o Overview) AverageOrderValue() (decimal.Decimal, bool) {
	if o.orders == 0 {
		return decimal.Decimal{}, false
	}
	return money.Yuan(o.sales).DivRound(decimal.NewFromInt(int64(o.orders)), 2), true
}

// overviewInvalid builds a one-field *ValidationError of OverviewParams.
func overviewInvalid(field, rule, param string) error {
	return &ValidationError{Pkg: "shop", Struct: "OverviewParams", Fields: []Violation{{Field: field, Rule: rule, Param: param,
		Reason: validate.Reason(rule, param, "number")}}}
}
