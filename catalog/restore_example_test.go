package catalog_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// A host stores the whole catalog as JSON and restores it after a restart: the restored
// catalog carries on exactly where the stored one stopped, reservations included. A stored
// form the commands could never have produced is refused, naming the entry.
func ExampleRestore() {
	c := exampleCatalog()
	_ = c.Reserve("longjing", "longjing-250", 2) // both units held by an order
	stored, _ := json.Marshal(c)

	var s catalog.State
	if err := json.Unmarshal(stored, &s); err != nil {
		panic(err)
	}
	r, err := catalog.Restore(s)
	if err != nil {
		panic(err)
	}
	fmt.Println("can buy:", r.CanBuy("longjing", "longjing-250", 1))
	fmt.Println("commit:", r.Commit("longjing", "longjing-250", 2))
	sku, _ := r.LookupSKU("longjing", "longjing-250")
	fmt.Println("left:", sku.Total(), "price:", s.Products[0].SKUs[0].Price.StringFixed(2))

	s.Shelves[0].ProductIDs = append(s.Shelves[0].ProductIDs, "oolong")
	_, err = catalog.Restore(s)
	fmt.Println(err)
	fmt.Println(errors.Is(err, catalog.ErrNotFound))
	// Output:
	// can buy: catalog: out of stock
	// commit: <nil>
	// left: 0 price: 128.00
	// catalog: restore shelves[0] "home": product "oolong" not found
	// true
}

// The stored form of a small catalog: snake_case keys, money as strings with two decimals,
// enums by name, stock and reservations as the catalog keeps them.
func ExampleCatalog_State() {
	c := catalog.New()
	_ = c.AddCategory(catalog.CategoryParams{ID: "tea", Name: "茶叶"})
	_ = c.AddProduct(catalog.ProductParams{
		ID: "longjing", Title: "西湖龙井", CategoryID: "tea", Images: []string{"longjing.jpg"},
		SKUs: []catalog.SKUParams{{ID: "longjing-250", Attrs: []catalog.Attr{{Key: "规格", Value: "250g"}},
			Price: decimal.RequireFromString("10.1"), MarketPrice: decimal.RequireFromString("12"), Stock: 5}},
	})
	_ = c.List("longjing")
	_ = c.Reserve("longjing", "longjing-250", 2)
	_ = c.AddShelf(catalog.ShelfParams{ID: "home", Name: "首页", ProductIDs: []string{"longjing"}})

	b, err := json.MarshalIndent(c.State(), "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "categories": [
	//     {
	//       "id": "tea",
	//       "name": "茶叶",
	//       "hidden": false
	//     }
	//   ],
	//   "products": [
	//     {
	//       "id": "longjing",
	//       "title": "西湖龙井",
	//       "category_id": "tea",
	//       "images": [
	//         "longjing.jpg"
	//       ],
	//       "status": "listed",
	//       "edit_status": "initial",
	//       "skus": [
	//         {
	//           "id": "longjing-250",
	//           "attrs": [
	//             {
	//               "key": "规格",
	//               "value": "250g"
	//             }
	//           ],
	//           "price": "10.10",
	//           "market_price": "12.00",
	//           "total": 5,
	//           "reserved": 2,
	//           "revision": 1,
	//           "status": "listed"
	//         }
	//       ]
	//     }
	//   ],
	//   "shelves": [
	//     {
	//       "id": "home",
	//       "name": "首页",
	//       "product_ids": [
	//         "longjing"
	//       ]
	//     }
	//   ]
	// }
}
