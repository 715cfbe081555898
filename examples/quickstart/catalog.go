package main

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/shop"
)

// catalogChapter opens a business shop, lists three teas on the home shelf, then stops selling
// a gift box three ways and shows what a buyer sees each time.
func catalogChapter(s *story) error {
	s.printf("== Catalog: a shop, a shelf (货架), and three ways to stop selling ==\n")
	profile, err := shop.New(shop.Params{
		Name:    "龙井茶舍",
		Kind:    shop.WeChatShop,
		Contact: shop.Contact{Name: "王店长", Phone: "13800138000"},
		Business: &shop.Business{
			CompanyName:           "杭州龙井茶舍有限公司",
			LicenseNumber:         "91350100M000100Y43",
			LegalRepresentative:   "王五",
			LegalRepresentativeID: "11010519491231002X",
			BankAccount:           shop.BankAccount{Holder: "杭州龙井茶舍有限公司", Bank: "中国银行杭州分行", Number: "6217000000001234"},
		},
	})
	if err != nil {
		return err
	}
	s.shop = profile
	s.printf("The shop %s opens as a %s (%s).\n", profile.Name(), profile.Kind().Label(), profile.Kind())

	c := catalog.New()
	s.catalog = c
	if err := c.AddCategory(catalog.CategoryParams{ID: "tea", Name: "茶叶"}); err != nil {
		return err
	}
	if err := c.AddCategory(catalog.CategoryParams{ID: "gifts", Name: "礼盒"}); err != nil {
		return err
	}
	products := []struct{ id, sku, title, category, spec, price string }{
		{longjing, longjing250, "西湖龙井", "tea", "250g", "128.00"},
		{puerh, puerh357, "云南普洱", "tea", "357g", "89.90"},
		{baihao, baihao100, "白毫银针", "tea", "100g", "4999.99"},
		{giftbox, giftbox1, "龙井礼盒", "gifts", "2罐装", "399.00"},
	}
	for _, p := range products {
		err := c.AddProduct(catalog.ProductParams{
			ID: p.id, Title: p.title, CategoryID: p.category, Images: []string{p.id + ".jpg"},
			SKUs: []catalog.SKUParams{{
				ID: p.sku, Attrs: []catalog.Attr{{Key: "规格", Value: p.spec}},
				Price: decimal.RequireFromString(p.price), Stock: 10,
			}},
		})
		if err != nil {
			return err
		}
		if err := c.List(p.id); err != nil {
			return err
		}
	}
	if err := c.AddShelf(catalog.ShelfParams{ID: "home", Name: "首页", ProductIDs: []string{longjing, puerh, baihao, giftbox}}); err != nil {
		return err
	}
	if err := s.showShelf(); err != nil {
		return err
	}

	s.printf("Three ways to stop selling 龙井礼盒, and what a buyer then reads:\n")
	stops := []struct {
		how  string
		stop func() error
		undo func() error
	}{
		{"Stock set to 0", func() error {
			return c.AdjustStock(giftbox, giftbox1, catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 0})
		}, func() error {
			return c.AdjustStock(giftbox, giftbox1, catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 10})
		}},
		{"Delisted", func() error { return c.Delist(giftbox) }, func() error { return c.List(giftbox) }},
		{"Category hidden", func() error { return c.HideCategory("gifts") }, func() error { return c.ShowCategory("gifts") }},
	}
	for _, st := range stops {
		if err := st.stop(); err != nil {
			return err
		}
		buyErr := c.CanBuy(giftbox, giftbox1, 1)
		view, err := c.BuyerView(giftbox)
		if err != nil {
			return err
		}
		stock := "it still counts as in stock"
		if errors.Is(buyErr, catalog.ErrOutOfStock) {
			stock = "it counts as out of stock"
		}
		s.printf("  %-16s the buyer reads %s, %s (CanBuy says: %v).\n", st.how+":", view.Availability.Label(), stock, buyErr)
		if err := st.undo(); err != nil {
			return err
		}
	}
	return c.CanBuy(giftbox, giftbox1, 1)
}

// showShelf prints the home shelf as a buyer sees it.
func (s *story) showShelf() error {
	shelf, err := s.catalog.Shelf("home")
	if err != nil {
		return err
	}
	s.printf("The shelf %s shows:\n", shelf.Name)
	for _, p := range shelf.Products {
		s.printf("  %-6s ¥%8s  %s\n", p.Title, p.SKUs[0].Price.StringFixed(2), p.Availability.Label())
	}
	return nil
}
