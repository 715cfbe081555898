package main

import (
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/internal/beijing"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shop"
)

// The platform's product and SKU ids are decimal uint64s; the story names them.
const (
	longjing, longjing250 = "10000001", "20000001" // 西湖龙井 250g
	puerh, puerh357       = "10000002", "20000002" // 云南普洱 357g
	baihao, baihao100     = "10000003", "20000003" // 白毫银针 100g
	giftbox, giftbox1     = "10000004", "20000004" // 龙井礼盒
)

// story is the state the chapters share: one merchant's shop, its catalog and a clock that
// only moves forward. A real host would load these from its own stores.
type story struct {
	w       io.Writer
	now     time.Time
	shop    shop.Profile
	catalog *catalog.Catalog

	// The exchange the after-sale chapter opens and the shipping chapter runs into.
	exchangeOrder *order.Order
	exchangeCase  *aftersale.Case
}

// at advances the story's clock by d and returns the new time.
func (s *story) at(d time.Duration) time.Time {
	s.now = s.now.Add(d)
	return s.now
}

func (s *story) printf(format string, args ...any) { fmt.Fprintf(s.w, format, args...) }

// when is how the story writes a time: as the platform, the merchant and the buyer read it, in
// Beijing time.
func when(t time.Time) string { return beijing.Time(t) }

// yesNo answers a question in words.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// line is one product a buyer puts in the basket.
type line struct {
	productID, skuID string
	quantity         int
}

// placeOrder is what a host does when a buyer checks out: it reserves the stock, takes a
// snapshot of each SKU for the order lines, and creates the order. The buyer pays the listed
// prices; freight is free.
func (s *story) placeOrder(id string, basket ...line) (*order.Order, error) {
	var lines []order.LineParams
	for _, l := range basket {
		snap, err := s.catalog.Snapshot(l.productID, l.skuID)
		if err != nil {
			return nil, err
		}
		lines = append(lines, order.LineParams{
			Snapshot:  snap,
			Quantity:  l.quantity,
			UnitPrice: snap.Price(),
			Paid:      snap.Price().Mul(decimal.NewFromInt(int64(l.quantity))),
		})
	}
	o, err := order.New(order.NewParams{
		ID:        id,
		Seller:    s.shop.Kind(),
		Buyer:     "o6_buyer_" + id,
		Lines:     lines,
		CreatedAt: s.at(time.Minute),
	})
	if err != nil {
		return nil, err
	}
	for _, l := range basket {
		if err := s.catalog.Reserve(l.productID, l.skuID, l.quantity); err != nil {
			return nil, err
		}
	}
	return o, nil
}
