package catalog_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// storedShop is busyShop with everything else a catalog can hold: a product never listed,
// with a description, a SKU without attributes and one with a code and a market price; stock
// set by the merchant; a shelf with no products left on it.
func storedShop(t *testing.T) *catalog.Catalog {
	t.Helper()
	c := busyShop(t)
	require.NoError(t, c.AddProduct(catalog.ProductParams{
		ID: "gift-box", Title: "礼盒", CategoryID: "seasonal", Description: "中秋礼盒，含茶与月饼",
		Images: []string{"gift-1.jpg", "gift-2.jpg"},
		SKUs: []catalog.SKUParams{
			{ID: "gift-std", Price: yuan("199"), Stock: 3},
			{ID: "gift-lux", Code: "GB-LUX", Attrs: attrs("款式", "豪华"), Price: yuan("299.90"), MarketPrice: yuan("399"), Stock: 1},
		},
	}))
	require.NoError(t, c.AdjustStock("gift-box", "gift-std", catalog.StockAdjustment{Diff: catalog.DiffSet, Num: 7}))
	require.NoError(t, c.AddShelf(catalog.ShelfParams{ID: "promo", Name: "活动", ProductIDs: []string{"gift-box"}}))
	require.NoError(t, c.RemoveFromShelf("promo", "gift-box"))
	return c
}

// staleDrafts is a catalog whose drafts the catalog changed under: cup's draft keeps cup-9,
// which the no-review path then deleted; tea's draft adds tea-new, which another product
// took since. Both are states the commands produce, so Restore must take them, and approving
// either fails, before the restore and after.
func staleDrafts(t *testing.T) *catalog.Catalog {
	t.Helper()
	c := newShop(t)
	p := cupParams()
	p.SKUs = append(p.SKUs, catalog.SKUParams{ID: "cup-9", Attrs: attrs("颜色", "黑"), Price: yuan("49"), Stock: 1})
	require.NoError(t, c.UpdateProduct(p))
	require.NoError(t, c.SubmitForReview("cup"))
	require.NoError(t, c.ApproveReview("cup"))
	require.NoError(t, c.UpdateProduct(p))
	require.NoError(t, c.UpdateWithoutReview("cup", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "cup-9", Delete: true}}}))
	require.NoError(t, c.SubmitForReview("cup"))

	q := teaParams()
	q.SKUs = append(q.SKUs, catalog.SKUParams{ID: "tea-new", Price: yuan("1"), Stock: 1})
	require.NoError(t, c.UpdateProduct(q))
	other := mooncakeParams()
	other.ID, other.SKUs[0].ID = "mooncake-2", "tea-new"
	require.NoError(t, c.AddProduct(other))
	require.NoError(t, c.SubmitForReview("tea"))
	return c
}

func TestStateGolden(t *testing.T) {
	t.Parallel()
	c := storedShop(t)
	compact, err := json.Marshal(c.State())
	require.NoError(t, err)
	direct, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, string(compact), string(direct), "the catalog writes its State's bytes, straight from its fen")

	var indented bytes.Buffer
	require.NoError(t, json.Indent(&indented, compact, "", "  "))
	indented.WriteByte('\n')
	path := filepath.Join("testdata", "state.json")
	if *update {
		require.NoError(t, os.WriteFile(path, indented.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), indented.String())

	// The golden file reads back into the same catalog, which writes the same bytes.
	var r catalog.Catalog
	require.NoError(t, json.Unmarshal(want, &r))
	again, err := json.Marshal(&r)
	require.NoError(t, err)
	assert.Equal(t, string(compact), string(again))
	assert.Equal(t, dumpState(catalog.Records(c)), dumpState(catalog.Records(&r)), "restored to the same records, pointers included")
}

func TestStateJSONShape(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(storedShop(t))
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	products := raw["products"].([]any)
	byID := map[string]map[string]any{}
	for _, p := range products {
		byID[p.(map[string]any)["id"].(string)] = p.(map[string]any)
	}
	tea := byID["tea"]
	assert.Equal(t, "listed", tea["status"])
	assert.Equal(t, "initial", tea["edit_status"])
	sku := tea["skus"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{
		"id": "tea-250", "code": "LJ-250", "attrs": []any{map[string]any{"key": "规格", "value": "250g"}},
		"price": "99.50", "market_price": "168.00", "total": 9.0, "reserved": 2.0, "revision": 2.0, "status": "delisted",
	}, sku)
	cup := byID["cup"]
	assert.Equal(t, "under_review", cup["edit_status"])
	draft := cup["draft"].(map[string]any)
	assert.Equal(t, "新茶杯", draft["title"])
	assert.Equal(t, map[string]any{"id": "cup-2", "attrs": []any{map[string]any{"key": "颜色", "value": "白"}}, "price": "45.00", "stock": 2.0},
		draft["skus"].([]any)[1], "a draft's money is two decimals however it was given (45)")
	gift := byID["gift-box"]
	assert.Equal(t, "never_listed", gift["status"])
	assert.NotContains(t, gift["skus"].([]any)[0], "attrs", "no attributes, no key")
	assert.NotContains(t, gift["skus"].([]any)[0], "market_price", "no market price, no key")
	assert.Equal(t, []any{
		map[string]any{"id": "drinks", "name": "茶饮", "hidden": false},
		map[string]any{"id": "seasonal", "name": "节令", "hidden": true},
	}, raw["categories"])
	assert.Contains(t, raw["shelves"], map[string]any{"id": "promo", "name": "活动", "product_ids": []any{}})
}

func TestStateRoundTrip(t *testing.T) {
	t.Parallel()
	for name, build := range map[string]func(t *testing.T) *catalog.Catalog{
		"empty":        func(*testing.T) *catalog.Catalog { return catalog.New() },
		"new shop":     func(t *testing.T) *catalog.Catalog { return newShop(t) },
		"busy shop":    func(t *testing.T) *catalog.Catalog { return storedShop(t) },
		"stale drafts": staleDrafts,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := build(t)
			s := c.State()
			b, err := json.Marshal(s)
			require.NoError(t, err)
			var back catalog.State
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, s, back, "State → JSON → State")
			r, err := catalog.Restore(back)
			require.NoError(t, err)
			assert.Equal(t, s, r.State(), "→ Restore → State")
			again, err := json.Marshal(r)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again), "and the same bytes")
			if name != "empty" { // New leaves the maps to the first command; Restore makes them
				assert.Equal(t, dumpState(catalog.Records(c)), dumpState(catalog.Records(r)), "the same records")
			}
		})
	}
}

func TestRestoredStaleDraftsFailAsBefore(t *testing.T) {
	t.Parallel()
	c := staleDrafts(t)
	r, err := catalog.Restore(c.State())
	require.NoError(t, err)
	for _, id := range []string{"cup", "tea"} {
		want := c.ApproveReview(id)
		require.Error(t, want, id)
		got := r.ApproveReview(id)
		require.Error(t, got, id)
		assert.Equal(t, want.Error(), got.Error(), id)
	}
	assert.ErrorIs(t, r.ApproveReview("cup"), catalog.ErrSKUDeleted)
	assert.ErrorIs(t, r.ApproveReview("tea"), catalog.ErrDuplicate)
	// The merchant fixes the draft, and the restored catalog approves it as the original does.
	for _, k := range []*catalog.Catalog{c, r} {
		require.NoError(t, k.CancelReview("tea"))
		require.NoError(t, k.UpdateProduct(teaParams()))
		require.NoError(t, k.SubmitForReview("tea"))
		require.NoError(t, k.ApproveReview("tea"))
	}
	assert.Equal(t, dumpState(catalog.Records(c)), dumpState(catalog.Records(r)))
}

func TestStateSharesNoMemory(t *testing.T) {
	t.Parallel()
	c := storedShop(t)
	before := dumpState(c)
	s := c.State()
	mutate(s)
	assert.Equal(t, before, dumpState(c), "changing a State changes nothing in the catalog")

	s = c.State()
	r, err := catalog.Restore(s)
	require.NoError(t, err)
	restored := dumpState(r)
	mutate(s)
	assert.Equal(t, restored, dumpState(r), "nor in the catalog restored from it")
}

// mutate writes into every list of a State a catalog produced.
func mutate(s catalog.State) {
	s.Categories[0].Name = "x"
	s.Shelves[0].ProductIDs[0] = "x"
	for i := range s.Products {
		p := &s.Products[i]
		p.Images[0] = "x"
		for j := range p.SKUs {
			if len(p.SKUs[j].Attrs) > 0 {
				p.SKUs[j].Attrs[0].Value = "x"
			}
		}
		if p.Draft != nil {
			p.Draft.Images[0] = "x"
			p.Draft.SKUs[0].Attrs[0].Value = "x"
			p.Draft.SKUs[0].Price = yuan("1")
		}
	}
}

func TestNilCatalogState(t *testing.T) {
	t.Parallel()
	var c *catalog.Catalog
	assert.Equal(t, catalog.New().State(), c.State())
	b, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"categories":[],"products":[],"shelves":[]}`, string(b))
	require.ErrorIs(t, c.UnmarshalJSON(b), catalog.ErrNilCatalog)
	r, err := catalog.Restore(catalog.State{})
	require.NoError(t, err)
	require.NoError(t, r.AddCategory(catalog.CategoryParams{ID: "k", Name: "k"}), "a restored empty catalog takes commands")
}

func TestRestoreRefuses(t *testing.T) {
	t.Parallel()
	// Indices into busyShop's sorted State: products cup, mooncake, tea; shelves home, side.
	const cup, tea = 0, 2
	tests := []struct {
		name string
		edit func(s *catalog.State)
		is   error
		msg  string
	}{
		{"a category twice", func(s *catalog.State) { s.Categories = append(s.Categories, s.Categories[0]) },
			catalog.ErrDuplicate, `catalog: restore categories[2] "drinks": category "drinks" already exists`},
		{"a category without a name", func(s *catalog.State) { s.Categories[1].Name = "" },
			catalog.ErrInvalid, `catalog: restore categories[1] "seasonal": invalid CategoryParams: Name`},
		{"a product in an unknown category", func(s *catalog.State) { s.Products[tea].CategoryID = "nope" },
			catalog.ErrNotFound, `catalog: restore products[2] "tea": category "nope" not found`},
		{"a product twice", func(s *catalog.State) { s.Products = append(s.Products, s.Products[tea]) },
			catalog.ErrDuplicate, `catalog: restore products[3] "tea": product "tea" already exists`},
		{"a SKU in two products", func(s *catalog.State) { s.Products[tea].SKUs[0].ID = "cup-1" },
			catalog.ErrDuplicate, `sku "cup-1" already exists`},
		{"a SKU twice in a product", func(s *catalog.State) { s.Products[tea].SKUs[1].ID = "tea-250" },
			catalog.ErrInvalid, "SKUs[1].ID"},
		{"reserved above total", func(s *catalog.State) { s.Products[tea].SKUs[0].Reserved = s.Products[tea].SKUs[0].Total + 1 },
			catalog.ErrInvalid, "SKUs[0].Reserved"},
		{"negative reserved", func(s *catalog.State) { s.Products[tea].SKUs[0].Reserved = -1 }, catalog.ErrInvalid, "SKUs[0].Reserved"},
		{"negative stock", func(s *catalog.State) { s.Products[tea].SKUs[1].Total = -1 }, catalog.ErrInvalid, "SKUs[1].Stock"},
		{"stock above MaxStock", func(s *catalog.State) { s.Products[tea].SKUs[1].Total = catalog.MaxStock + 1 }, catalog.ErrInvalid, "SKUs[1].Stock"},
		{"a zero price", func(s *catalog.State) { s.Products[tea].SKUs[0].Price = yuan("0") }, catalog.ErrInvalidAmount, "must be greater than zero"},
		{"a price of three decimals", func(s *catalog.State) { s.Products[tea].SKUs[0].Price = yuan("9.999") }, catalog.ErrInvalidAmount, "SKUs[0].Price"},
		{"a price above the cap", func(s *catalog.State) { s.Products[tea].SKUs[0].Price = yuan("10000000.01") }, catalog.ErrInvalidAmount, "cap"},
		{"a market price below the price", func(s *catalog.State) { s.Products[tea].SKUs[0].MarketPrice = yuan("1") }, catalog.ErrInvalid, "MarketPrice"},
		{"an unknown product status", func(s *catalog.State) { s.Products[tea].Status = 7 }, catalog.ErrUnknownCode, "catalog.ProductStatus 7"},
		{"an unknown draft status", func(s *catalog.State) { s.Products[tea].EditStatus = 6 }, catalog.ErrUnknownCode, "catalog.EditStatus 6"},
		{"an unknown SKU status", func(s *catalog.State) { s.Products[tea].SKUs[0].Status = 0 }, catalog.ErrUnknownCode, "catalog.SKUStatus 0"},
		{"revision 0", func(s *catalog.State) { s.Products[tea].SKUs[0].Revision = 0 }, catalog.ErrInvalid, "SKUs[0].Revision"},
		{"listed with every SKU deleted", func(s *catalog.State) { s.Products[tea].SKUs[0].Deleted = true }, catalog.ErrInvalid, "not deleted"},
		{"no images", func(s *catalog.State) { s.Products[tea].Images = nil }, catalog.ErrInvalid, "Images"},
		{"no SKUs", func(s *catalog.State) { s.Products[cup].Status, s.Products[cup].SKUs = catalog.StatusDelisted, nil }, catalog.ErrInvalid, "SKUs"},
		{"under review without a draft", func(s *catalog.State) { s.Products[cup].Draft = nil }, catalog.ErrInvalid, "Draft"},
		{"a draft with no reason to be", func(s *catalog.State) { s.Products[cup].EditStatus = catalog.EditReviewPassed }, catalog.ErrInvalid, "Draft"},
		{"a draft of another product", func(s *catalog.State) { s.Products[cup].Draft.ID = "tea" }, catalog.ErrInvalid, "Draft.ID"},
		{"an invalid draft", func(s *catalog.State) { s.Products[cup].Draft.SKUs[0].Price = yuan("0.001") }, catalog.ErrInvalidAmount, "SKUs[0].Price"},
		{"a draft in an unknown category", func(s *catalog.State) { s.Products[cup].Draft.CategoryID = "nope" }, catalog.ErrNotFound, `category "nope"`},
		{"a shelf naming a missing product", func(s *catalog.State) { s.Shelves[0].ProductIDs[1] = "nope" },
			catalog.ErrNotFound, `catalog: restore shelves[0] "home": product "nope" not found`},
		{"a product twice on a shelf", func(s *catalog.State) { s.Shelves[0].ProductIDs[1] = "tea" }, catalog.ErrInvalid, "ProductIDs[1]"},
		{"a shelf twice", func(s *catalog.State) { s.Shelves[1].ID = "home" }, catalog.ErrDuplicate, `shelf "home" already exists`},
		{"a shelf without a name", func(s *catalog.State) { s.Shelves[1].Name = "" }, catalog.ErrInvalid, "Name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := busyShop(t).State()
			require.Equal(t, []string{"cup", "mooncake", "tea"}, []string{s.Products[0].ID, s.Products[1].ID, s.Products[2].ID})
			tt.edit(&s)
			before := busyShop(t).State()
			tt.edit(&before)

			r, err := catalog.Restore(s)
			require.ErrorIs(t, err, tt.is)
			assert.Nil(t, r)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, before, s, "Restore leaves the State as it was")

			// A catalog decoding the same state from JSON is left as it was.
			b, merr := json.Marshal(s)
			if merr != nil {
				return // an amount the stored form cannot even write
			}
			c := newShop(t)
			require.ErrorIs(t, requireUnchanged(t, c, func() error { return json.Unmarshal(b, c) }), tt.is)
		})
	}
}

// TestRestoreRefusesInvalidUTF8: text JSON could not carry (it would come back as U+FFFD, a
// different ID) is refused.
func TestRestoreRefusesInvalidUTF8(t *testing.T) {
	t.Parallel()
	for name, edit := range map[string]func(s *catalog.State){
		"title":     func(s *catalog.State) { s.Products[0].Title = "\xff" },
		"attribute": func(s *catalog.State) { s.Products[0].SKUs[0].Attrs[0].Value = "\xff" },
		"shelf":     func(s *catalog.State) { s.Shelves[0].Name = "\xff" },
		"category":  func(s *catalog.State) { s.Categories[0].Name = "\xff" },
	} {
		s := busyShop(t).State()
		edit(&s)
		_, err := catalog.Restore(s)
		require.ErrorIs(t, err, catalog.ErrInvalid, name)
		assert.Contains(t, err.Error(), "not valid UTF-8", name)
	}
}

func TestStateJSONRefusals(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(busyShop(t))
	require.NoError(t, err)
	doc := string(b)
	tests := []struct {
		name, from, to string
		is             error
	}{
		{"unknown top-level field", `{"categories":`, `{"version":2,"categories":`, nil},
		{"unknown category field", `"name":"茶饮"`, `"name":"茶饮","sort":1`, nil},
		{"unknown product field", `"edit_status":"initial"`, `"edit_status":"initial","brand":"x"`, nil},
		{"unknown SKU field", `"revision":1,`, `"revision":1,"weight":3,`, nil},
		{"unknown attribute field", `"value":"250g"`, `"value":"250g","lang":"zh"`, nil},
		{"unknown draft field", `"title":"新茶杯"`, `"title":"新茶杯","notes":""`, nil},
		{"unknown shelf field", `"name":"首页"`, `"name":"首页","link":"x"`, nil},
		{"a price of three decimals", `"price":"39.90"`, `"price":"39.901"`, catalog.ErrInvalidAmount},
		{"a negative price", `"price":"39.90"`, `"price":"-39.90"`, catalog.ErrInvalidAmount},
		{"a null price", `"price":"39.90"`, `"price":null`, catalog.ErrInvalidAmount},
		{"an unknown status name", `"status":"listed"`, `"status":"on_sale"`, catalog.ErrUnknownCode},
		{"a status code, not a name", `"status":"listed"`, `"status":5`, nil},
		{"a string for a count", `"total":9`, `"total":"9"`, nil},
		{"a revision beyond uint32", `"revision":1,`, `"revision":4294967296,`, nil},
		{"trailing data", doc, doc + `{}`, nil},
		{"a list, not an object", doc, `[` + doc + `]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Contains(t, doc, tt.from)
			in := strings.Replace(doc, tt.from, tt.to, 1)
			keep := newShop(t).State()
			got := keep
			err := json.Unmarshal([]byte(in), &got)
			require.Error(t, err)
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
			}
			assert.Equal(t, keep, got, "a refused decode leaves the State as it was")
			c := newShop(t)
			requireUnchanged(t, c, func() error { return json.Unmarshal([]byte(in), c) })
		})
	}
}

func TestStateMarshalRefusesBadAmounts(t *testing.T) {
	t.Parallel()
	s := busyShop(t).State()
	s.Products[0].Draft.SKUs[0].MarketPrice = yuan("99.999")
	_, err := json.Marshal(s)
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
	assert.Contains(t, err.Error(), "products[0].draft.skus[0].market_price", "the error names the amount")
	_, err = json.Marshal(catalog.SKUParams{ID: "x", Price: yuan("-1")})
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
}

func TestPartsJSON(t *testing.T) {
	t.Parallel()
	c := busyShop(t)
	cup, ok := c.ProductState("cup")
	require.True(t, ok)
	tests := []struct {
		name string
		v    any
		want string
		back any
	}{
		{"SKU params", catalog.SKUParams{ID: "tea-250", Code: "LJ-250", Attrs: attrs("规格", "250g"), Price: yuan("128"), MarketPrice: yuan("168.5"), Stock: 10},
			`{"id":"tea-250","code":"LJ-250","attrs":[{"key":"规格","value":"250g"}],"price":"128.00","market_price":"168.50","stock":10}`,
			new(catalog.SKUParams)},
		{"product params", catalog.ProductParams{ID: "cup", Title: "青瓷茶杯", CategoryID: "drinks", Images: []string{"cup.jpg"},
			SKUs: []catalog.SKUParams{{ID: "cup-1", Price: yuan("39.9"), Stock: 5}}},
			`{"id":"cup","title":"青瓷茶杯","category_id":"drinks","images":["cup.jpg"],"skus":[{"id":"cup-1","price":"39.90","stock":5}]}`,
			new(catalog.ProductParams)},
		{"SKU state", cup.SKUs[0],
			`{"id":"cup-1","attrs":[{"key":"颜色","value":"青"}],"price":"39.90","total":5,"reserved":0,"revision":1,"status":"listed"}`,
			new(catalog.SKUState)},
		{"category params", catalog.CategoryParams{ID: "drinks", Name: "茶饮", Hidden: true}, `{"id":"drinks","name":"茶饮","hidden":true}`,
			new(catalog.CategoryParams)},
		{"shelf params", catalog.ShelfParams{ID: "home", Name: "首页", ProductIDs: []string{"tea"}}, `{"id":"home","name":"首页","product_ids":["tea"]}`,
			new(catalog.ShelfParams)},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.v)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, string(b), tt.name)
		require.NoError(t, json.Unmarshal(b, tt.back), tt.name)
		again, err := json.Marshal(tt.back)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, string(again), tt.name)
	}

	// A product's stored form alone reads back equal, and restores.
	b, err := json.Marshal(cup)
	require.NoError(t, err)
	var back catalog.ProductState
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, cup, back)
	require.Error(t, json.Unmarshal([]byte(strings.Replace(string(b), `"id":"cup"`, `"id":"cup","x":1`, 1)), &back))
	assert.Equal(t, cup, back, "a refused decode leaves the ProductState as it was")
	r := catalog.New()
	require.NoError(t, r.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	require.NoError(t, r.RestoreProduct(back))
}

func TestCategoryJSON(t *testing.T) {
	t.Parallel()
	c := busyShop(t)
	k, ok := c.Category("seasonal")
	require.True(t, ok)
	b, err := json.Marshal(k)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"seasonal","name":"节令","hidden":true}`, string(b), "not {}")
	var back catalog.Category
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, k, back)

	for name, in := range map[string]string{
		"no ID":         `{"name":"节令"}`,
		"name too long": `{"id":"x","name":"` + strings.Repeat("长", 31) + `"}`,
		"unknown field": `{"id":"x","name":"y","order":1}`,
		"wrong type":    `{"id":"x","name":"y","hidden":"yes"}`,
	} {
		got := k
		require.Error(t, json.Unmarshal([]byte(in), &got), name)
		assert.Equal(t, k, got, "%s: a refused decode leaves the category as it was", name)
	}
}
