package catalog_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// tagSyntax matches validator tag syntax in a message: "min=1", "max=20", "gtfield=Price",
// "breaks rule x".
var tagSyntax = regexp.MustCompile(`\b[a-z_]+=[A-Za-z0-9]|breaks rule|\b(min|max|gte|lte|gtfield|ltfield|eqfield|excluded_with|required_without|dive)\b`)

// TestValidationMessagesAreWords: every rule the catalog checks, by struct tag or in Go, says
// what it wants in words, and still names its rule for programs (Has, Violation.Rule).
func TestValidationMessagesAreWords(t *testing.T) {
	t.Parallel()
	product := func(edit func(p *catalog.ProductParams)) func(c *catalog.Catalog) error {
		return func(c *catalog.Catalog) error {
			p := teaParams()
			p.ID, p.SKUs[0].ID, p.SKUs[1].ID = "tea2", "tea2-250", "tea2-500"
			edit(&p)
			return c.AddProduct(p)
		}
	}
	noReview := func(skus ...catalog.NoReviewSKU) func(c *catalog.Catalog) error {
		return func(c *catalog.Catalog) error {
			return c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: skus})
		}
	}
	restore := func(edit func(s *catalog.ProductState)) func(c *catalog.Catalog) error {
		return func(c *catalog.Catalog) error {
			s, _ := c.ProductState("cup")
			s.ID, s.SKUs[0].ID = "cup9", "cup9-1"
			edit(&s)
			return c.RestoreProduct(s)
		}
	}
	tests := []struct {
		name        string
		cmd         func(c *catalog.Catalog) error
		field, rule string
		text        string // the violation as the message words it
	}{
		{"no images", product(func(p *catalog.ProductParams) { p.Images = nil }), "Images", "min", "Images: at least 1 item"},
		{"no SKUs", product(func(p *catalog.ProductParams) { p.SKUs = nil }), "SKUs", "min", "SKUs: at least 1 item"},
		{"no title", product(func(p *catalog.ProductParams) { p.Title = "" }), "Title", "required", "Title: required"},
		{"empty image", product(func(p *catalog.ProductParams) { p.Images = []string{"a", ""} }), "Images[1]", "required", "Images[1]: required"},
		{"ID too long", product(func(p *catalog.ProductParams) { p.ID = strings.Repeat("x", 65) }), "ID", "max", "ID: at most 64 characters"},
		{"code too long", product(func(p *catalog.ProductParams) { p.SKUs[0].Code = strings.Repeat("码", 101) }), "SKUs[0].Code", "max", "SKUs[0].Code: at most 100 characters"},
		{"negative stock", product(func(p *catalog.ProductParams) { p.SKUs[1].Stock = -1 }), "SKUs[1].Stock", "gte", "SKUs[1].Stock: at least 0"},
		{"stock above MaxStock", product(func(p *catalog.ProductParams) { p.SKUs[1].Stock = catalog.MaxStock + 1 }), "SKUs[1].Stock", "lte", "SKUs[1].Stock: at most 1000000000"},
		{"invalid UTF-8", product(func(p *catalog.ProductParams) { p.Description = "\xff" }), "Description", "utf8", "Description: not valid UTF-8"},
		{"same SKU twice", product(func(p *catalog.ProductParams) { p.SKUs[1].ID = p.SKUs[0].ID }), "SKUs[1].ID", "unique", "SKUs[1].ID: repeated: must be unique"},
		{"market price not above price", product(func(p *catalog.ProductParams) { p.SKUs[0].MarketPrice = yuan("1") }), "SKUs[0].MarketPrice", "gtfield", "SKUs[0].MarketPrice: must be greater than Price"},
		{"attribute without value", product(func(p *catalog.ProductParams) { p.SKUs[0].Attrs = attrs("规格", "") }), "SKUs[0].Attrs[0].Value", "required", "SKUs[0].Attrs[0].Value: required"},
		{"101 values of one key", product(func(p *catalog.ProductParams) {
			p.SKUs = nil
			for i := range 101 {
				p.SKUs = append(p.SKUs, catalog.SKUParams{ID: fmt.Sprintf("v%d", i), Attrs: attrs("号", fmt.Sprint(i)), Price: yuan("1")})
			}
		}), "SKUs[100].Attrs", "max_values_per_key", "SKUs[100].Attrs: at most 100 distinct values per attribute key in a product"},
		{"category without name", func(c *catalog.Catalog) error { return c.AddCategory(catalog.CategoryParams{ID: "x"}) },
			"Name", "required", "Name: required"},
		{"shelf name too long", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "s", Name: strings.Repeat("架", 31)})
		}, "Name", "max", "Name: at most 30 characters"},
		{"no-review update of nothing", noReview(), "SKUs", "min", "SKUs: at least 1 item"},
		{"no-review price not below market", noReview(catalog.NoReviewSKU{ID: "tea-250", Price: price("168")}), "SKUs[0].Price", "ltfield", "SKUs[0].Price: must be less than MarketPrice"},
		{"no-review delete with a price", noReview(catalog.NoReviewSKU{ID: "tea-250", Delete: true, Price: price("1")}), "SKUs[0].Delete", "excluded_with",
			"SKUs[0].Delete: must be left out when Price Stock Status Code Delivery is given"},
		{"no-review deleting every SKU", noReview(catalog.NoReviewSKU{ID: "tea-250", Delete: true}, catalog.NoReviewSKU{ID: "tea-500", Delete: true}),
			"SKUs", "min_live", "SKUs: at least 1 SKU that is not deleted"},
		{"listing a product without a live SKU", func(c *catalog.Catalog) error {
			require.NoError(t, c.UpdateWithoutReview("cup", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "cup-1", Status: catalog.SKUListed}}}))
			s, _ := c.ProductState("cup")
			s.ID, s.SKUs[0].ID, s.SKUs[0].Deleted, s.Status = "cup9", "cup9-1", true, catalog.StatusDelisted
			require.NoError(t, c.RestoreProduct(s))
			return c.List("cup9")
		}, "SKUs", "min_live", "SKUs: at least 1 SKU that is not deleted"},
		{"restored with revision 0", restore(func(s *catalog.ProductState) { s.SKUs[0].Revision = 0 }), "SKUs[0].Revision", "gte", "SKUs[0].Revision: at least 1"},
		{"restored with more reserved than on hand", restore(func(s *catalog.ProductState) { s.SKUs[0].Reserved = s.SKUs[0].Total + 1 }),
			"SKUs[0].Reserved", "lte", "SKUs[0].Reserved: at most Total"},
		{"restored under review without a draft", restore(func(s *catalog.ProductState) { s.EditStatus = catalog.EditUnderReview }),
			"Draft", "draft_matches_edit_status", "Draft: required when the draft status is under_review"},
		{"restored with a draft and no reason for one", restore(func(s *catalog.ProductState) {
			d := cupParams()
			d.ID = "cup9"
			s.Draft = &d
		}), "Draft", "draft_matches_edit_status", "Draft: must be left out when the draft status is initial"},
		{"restored with another product's draft", restore(func(s *catalog.ProductState) {
			d := cupParams()
			s.EditStatus, s.Draft = catalog.EditEditing, &d
		}), "Draft.ID", "eqfield", "Draft.ID: must equal ID"},
		{"shelf with a product twice", func(c *catalog.Catalog) error {
			return c.AddShelf(catalog.ShelfParams{ID: "s", Name: "x", ProductIDs: []string{"tea", "tea"}})
		}, "ProductIDs[1]", "unique", "ProductIDs[1]: repeated: must be unique"},
		{"SKU without product", func(*catalog.Catalog) error {
			_, err := catalog.NewSKU("", catalog.SKUParams{ID: "x", Price: yuan("1")})
			return err
		}, "ProductID", "required", "ProductID: required"},
		{"snapshot with a bad title", func(*catalog.Catalog) error {
			_, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p", SKUID: "s", Title: "\xff", Price: yuan("1")})
			return err
		}, "Title", "utf8", "Title: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newShop(t)
			err := tt.cmd(c)
			require.ErrorIs(t, err, catalog.ErrInvalid)
			var ve *catalog.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, tt.rule), "want %s %s in %+v", tt.field, tt.rule, ve.Fields)
			assert.Contains(t, err.Error(), tt.text)
			assert.True(t, strings.HasPrefix(err.Error(), "catalog: invalid "), err.Error())
			for _, v := range ve.Fields {
				assert.NotEmpty(t, v.Reason, "%s: every violation carries its reason", v.Field)
				assert.Equal(t, v.Field+": "+v.Reason, fmt.Sprint(v))
				assert.NotRegexp(t, tagSyntax, v.Reason, "%s: %q is tag syntax, not words", v.Field, v.Reason)
			}
		})
	}
}

// TestValidationErrorFields: the violation of a rule with a parameter carries it for
// programs, and the words for people.
func TestValidationErrorFields(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	p := teaParams()
	p.ID, p.Images = "tea2", nil
	err := c.AddProduct(p)
	require.EqualError(t, err, "catalog: invalid ProductParams: Images: at least 1 item")
	assert.NotContains(t, err.Error(), "min=1")
	var ve *catalog.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "ProductParams", ve.Struct)
	assert.Equal(t, []catalog.Violation{{Field: "Images", Rule: "min", Param: "1", Reason: "at least 1 item"}}, ve.Fields)
	assert.True(t, ve.Has("Images", "min"))
	assert.False(t, ve.Has("Images", "required"))
	assert.False(t, ve.Has("Title", "min"))

	p = teaParams()
	p.ID, p.Title, p.SKUs[0].Code = "", "", strings.Repeat("x", 101)
	err = c.AddProduct(p)
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Fields, 3, "every violation of the tags at once: %v", err)
	assert.EqualError(t, err, "catalog: invalid ProductParams: ID: required; Title: required; SKUs[0].Code: at most 100 characters")

	p = teaParams()
	p.ID = "tea2"
	p.SKUs[0].Price = yuan("-1")
	err = c.AddProduct(p)
	assert.True(t, errors.As(err, new(*catalog.AmountError)), "an amount error is an *AmountError")
	assert.False(t, errors.As(err, new(*catalog.ValidationError)))
	assert.ErrorIs(t, err, catalog.ErrInvalidAmount)
	assert.NotErrorIs(t, err, catalog.ErrInvalid)
}
