package catalog_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestAddProduct(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	p, ok := c.Product("tea")
	require.True(t, ok)
	assert.Equal(t, "西湖龙井", p.Title())
	assert.Equal(t, "drinks", p.CategoryID())
	assert.Equal(t, []string{"tea-1.jpg", "tea-2.jpg"}, p.Images())
	assert.Equal(t, catalog.StatusListed, p.Status())
	assert.Equal(t, catalog.EditInitial, p.EditStatus())
	assert.False(t, p.HasDraft())
	require.Len(t, p.SKUs(), 2)

	s := p.SKUs()[0]
	assert.Equal(t, "tea-250", s.ID())
	assert.Equal(t, "tea", s.ProductID())
	assert.Equal(t, "LJ-250", s.Code())
	assert.Equal(t, "128.00", s.Price().StringFixed(2))
	mp, ok := s.MarketPrice()
	assert.True(t, ok)
	assert.Equal(t, "168.00", mp.StringFixed(2))
	assert.Equal(t, attrs("规格", "250g"), s.Attrs())
	v, ok := s.Attr("规格")
	assert.True(t, ok)
	assert.Equal(t, "250g", v)
	_, ok = s.Attr("颜色")
	assert.False(t, ok)
	assert.Equal(t, uint32(1), s.Revision())
	assert.Equal(t, 10, s.Total())
	assert.Equal(t, 10, s.Available())
	assert.Equal(t, 0, s.Reserved())
	assert.Equal(t, catalog.SKUListed, s.Status())
	assert.False(t, s.Deleted())
	_, ok = p.SKUs()[1].MarketPrice()
	assert.False(t, ok, "no market price given")

	_, ok = c.Product("nope")
	assert.False(t, ok)
}

func TestProductValuesAreCopies(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	p, _ := c.Product("tea")
	p.Images()[0] = "changed"
	p.SKUs()[0].Attrs()[0].Value = "changed"
	s := mustSKU(t, c, "tea", "tea-250")
	s.Attrs()[0].Value = "changed"
	p2, _ := c.Product("tea")
	assert.Equal(t, "tea-1.jpg", p2.Images()[0])
	assert.Equal(t, attrs("规格", "250g"), mustSKU(t, c, "tea", "tea-250").Attrs())
}

func TestAddProductRejects(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("码", catalog.MaxCodeLength+1)
	tests := []struct {
		name   string
		edit   func(p *catalog.ProductParams)
		is     error
		field  string // for a ValidationError
		rule   string
		detail string // for other errors: a piece of the message
	}{
		{name: "no ID", edit: func(p *catalog.ProductParams) { p.ID = "" }, is: catalog.ErrInvalid, field: "ID", rule: "required"},
		{name: "no title", edit: func(p *catalog.ProductParams) { p.Title = "" }, is: catalog.ErrInvalid, field: "Title", rule: "required"},
		{name: "no images", edit: func(p *catalog.ProductParams) { p.Images = nil }, is: catalog.ErrInvalid, field: "Images", rule: "min"},
		{name: "empty image", edit: func(p *catalog.ProductParams) { p.Images = []string{""} }, is: catalog.ErrInvalid, field: "Images[0]", rule: "required"},
		{name: "no SKUs", edit: func(p *catalog.ProductParams) { p.SKUs = nil }, is: catalog.ErrInvalid, field: "SKUs", rule: "min"},
		{name: "SKU code of 101 characters", edit: func(p *catalog.ProductParams) { p.SKUs[0].Code = long }, is: catalog.ErrInvalid, field: "SKUs[0].Code", rule: "max"},
		{name: "negative stock", edit: func(p *catalog.ProductParams) { p.SKUs[1].Stock = -1 }, is: catalog.ErrInvalid, field: "SKUs[1].Stock", rule: "gte"},
		{name: "stock above MaxStock", edit: func(p *catalog.ProductParams) { p.SKUs[1].Stock = catalog.MaxStock + 1 }, is: catalog.ErrInvalid, field: "SKUs[1].Stock", rule: "lte"},
		{name: "SKU without ID", edit: func(p *catalog.ProductParams) { p.SKUs[0].ID = "" }, is: catalog.ErrInvalid, field: "SKUs[0].ID", rule: "required"},
		{name: "same SKU twice", edit: func(p *catalog.ProductParams) { p.SKUs[1].ID = "tea-250" }, is: catalog.ErrInvalid, field: "SKUs[1].ID", rule: "unique"},
		{name: "price zero", edit: func(p *catalog.ProductParams) { p.SKUs[0].Price = yuan("0") }, is: catalog.ErrInvalidAmount, detail: "greater than zero"},
		{name: "price negative", edit: func(p *catalog.ProductParams) { p.SKUs[0].Price = yuan("-1") }, is: catalog.ErrInvalidAmount, detail: "negative"},
		{name: "price with three decimals", edit: func(p *catalog.ProductParams) { p.SKUs[0].Price = yuan("1.005") }, is: catalog.ErrInvalidAmount, detail: "two decimal"},
		{name: "market price equal to sale price", edit: func(p *catalog.ProductParams) { p.SKUs[0].MarketPrice = yuan("128") }, is: catalog.ErrInvalid, field: "SKUs[0].MarketPrice", rule: "gtfield"},
		{name: "market price below sale price", edit: func(p *catalog.ProductParams) { p.SKUs[0].MarketPrice = yuan("100") }, is: catalog.ErrInvalid, field: "SKUs[0].MarketPrice", rule: "gtfield"},
		{name: "market price with three decimals", edit: func(p *catalog.ProductParams) { p.SKUs[0].MarketPrice = yuan("200.001") }, is: catalog.ErrInvalidAmount, detail: "MarketPrice"},
		{name: "attribute without key", edit: func(p *catalog.ProductParams) { p.SKUs[0].Attrs = attrs("", "x") }, is: catalog.ErrInvalid, field: "SKUs[0].Attrs[0].Key", rule: "required"},
		{name: "attribute without value", edit: func(p *catalog.ProductParams) { p.SKUs[0].Attrs = attrs("规格", "") }, is: catalog.ErrInvalid, field: "SKUs[0].Attrs[0].Value", rule: "required"},
		{name: "attribute key twice", edit: func(p *catalog.ProductParams) { p.SKUs[0].Attrs = attrs("规格", "a", "规格", "b") }, is: catalog.ErrInvalid, field: "SKUs[0].Attrs[1].Key", rule: "unique"},
		{name: "101 values of one key", edit: func(p *catalog.ProductParams) {
			p.SKUs = nil
			for i := range 101 {
				p.SKUs = append(p.SKUs, catalog.SKUParams{ID: "v" + string(rune('a'+i/26)) + string(rune('a'+i%26)), Attrs: attrs("号", string(rune('一'+i))), Price: yuan("1")})
			}
		}, is: catalog.ErrInvalid, field: "SKUs[100].Attrs", rule: "max_values_per_key"},
		{name: "unknown category", edit: func(p *catalog.ProductParams) { p.CategoryID = "toys" }, is: catalog.ErrNotFound, detail: `category "toys"`},
		{name: "product ID taken", edit: func(p *catalog.ProductParams) { p.ID = "cup" }, is: catalog.ErrDuplicate, detail: `product "cup"`},
		{name: "SKU ID taken by another product", edit: func(p *catalog.ProductParams) { p.ID = "tea2"; p.SKUs[1].ID = "cup-1" }, is: catalog.ErrDuplicate, detail: `sku "cup-1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := catalog.New()
			require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
			require.NoError(t, c.AddProduct(cupParams()))
			p := teaParams()
			tt.edit(&p)
			err := requireUnchanged(t, c, func() error { return c.AddProduct(p) })
			require.ErrorIs(t, err, tt.is)
			assert.True(t, strings.HasPrefix(err.Error(), "catalog: ") || errors.Is(err, catalog.ErrInvalidAmount), err.Error())
			if tt.field != "" {
				var ve *catalog.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.True(t, ve.Has(tt.field, tt.rule), "want %s %s in %v", tt.field, tt.rule, err)
			} else {
				assert.Contains(t, err.Error(), tt.detail)
			}
		})
	}
}

func TestSKUCodeOfTwentyCharactersIsAccepted(t *testing.T) {
	t.Parallel()
	c := catalog.New()
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	p := teaParams()
	p.SKUs[0].Code = strings.Repeat("码", 20)
	require.NoError(t, c.AddProduct(p))
	assert.Equal(t, strings.Repeat("码", 20), mustSKU(t, c, "tea", "tea-250").Code())
}

func TestLookupSKU(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	tests := []struct {
		name, product, sku string
		found              bool
	}{
		{"found", "tea", "tea-500", true},
		{"unknown SKU", "tea", "tea-1kg", false},
		{"unknown product", "coffee", "tea-500", false},
		{"SKU of another product", "cup", "tea-500", false},
	}
	for _, tt := range tests {
		s, ok := c.LookupSKU(tt.product, tt.sku)
		assert.Equal(t, tt.found, ok, tt.name)
		assert.Equal(t, !tt.found, s.IsZero(), tt.name)
	}
}

func TestCatalogSnapshot(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	snap, err := c.Snapshot("tea", "tea-250")
	require.NoError(t, err)
	assert.Equal(t, "tea", snap.ProductID())
	assert.Equal(t, "tea-250", snap.SKUID())
	assert.Equal(t, "西湖龙井", snap.Title())
	assert.Equal(t, attrs("规格", "250g"), snap.Attrs())
	assert.Equal(t, "128.00", snap.Price().StringFixed(2))
	assert.Equal(t, uint32(1), snap.Revision())
	rebuilt, err := catalog.NewSnapshot(snap.Params())
	require.NoError(t, err, "a catalog snapshot is valid by NewSnapshot's rules")
	assert.True(t, rebuilt.Equal(snap))
	assert.True(t, snap.Equal(mustSKU(t, c, "tea", "tea-250").Snapshot("西湖龙井")))

	_, err = c.Snapshot("tea", "nope")
	require.ErrorIs(t, err, catalog.ErrNotFound)
	assert.EqualError(t, err, `catalog: sku "nope" not found`)
	_, err = c.Snapshot("nope", "tea-250")
	assert.EqualError(t, err, `catalog: product "nope" not found`)

	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true}}}))
	_, err = c.Snapshot("tea", "tea-500")
	require.ErrorIs(t, err, catalog.ErrSKUDeleted)
}

func TestProductDescription(t *testing.T) {
	t.Parallel()
	c := catalog.New()
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	p := teaParams()
	p.Description = "明前采摘"
	require.NoError(t, c.AddProduct(p))
	got, _ := c.Product("tea")
	assert.Equal(t, "tea", got.ID())
	assert.Equal(t, "明前采摘", got.Description())
	assert.Equal(t, catalog.StatusNeverListed, got.Status())
}
