package catalog_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func TestCodeValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		ok   bool
	}{
		{"", true},
		{"LJ-250", true},
		{"龙井-明前-250克", true},
		{strings.Repeat("码", catalog.MaxCodeLength), true},
		{strings.Repeat("码", catalog.MaxCodeLength+1), false},
		{strings.Repeat("A", catalog.MaxCodeLength+1), false},
		{"LJ\n250", false},
		{"LJ\t250", false},
		{"LJ\x00", false},
		{"LJ\xff", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.ok, catalog.CodeValid(tt.code), "%q", tt.code)
	}
}

func TestPurchaseLimitValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		limit catalog.PurchaseLimit
		field string // "" when valid
		is    error
	}{
		{catalog.PurchaseLimit{}, "", nil},
		{catalog.PurchaseLimit{Period: catalog.LimitDaily, Units: 1}, "", nil},
		{catalog.PurchaseLimit{Period: catalog.LimitYearly, Units: catalog.MaxStock}, "", nil},
		{catalog.PurchaseLimit{Units: 2}, "Units", catalog.ErrInvalid},
		{catalog.PurchaseLimit{Period: catalog.LimitWeekly}, "Units", catalog.ErrInvalid},
		{catalog.PurchaseLimit{Period: catalog.LimitWeekly, Units: -1}, "Units", catalog.ErrInvalid},
		{catalog.PurchaseLimit{Period: catalog.LimitMonthly, Units: catalog.MaxStock + 1}, "Units", catalog.ErrInvalid},
		{catalog.PurchaseLimit{Period: 5, Units: 1}, "", catalog.ErrUnknownCode},
	}
	for _, tt := range tests {
		err := tt.limit.Validate()
		if tt.is == nil {
			assert.NoError(t, err, "%+v", tt.limit)
			continue
		}
		assert.ErrorIs(t, err, tt.is, "%+v", tt.limit)
		if tt.field != "" {
			var ve *catalog.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.field, ve.Fields[0].Field)
		}
	}
}

func TestDeliveryTermsValidate(t *testing.T) {
	t.Parallel()
	begin := time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)
	afterPresale := catalog.DeliveryTerms{Stock: catalog.StockPresale, Ship: catalog.ShipAfterPresale, Days: 3,
		PresaleBegin: begin, PresaleEnd: begin.Add(catalog.MaxPresaleWindow)}
	with := func(edit func(t *catalog.DeliveryTerms)) catalog.DeliveryTerms {
		t := afterPresale
		edit(&t)
		return t
	}
	tests := []struct {
		name  string
		terms catalog.DeliveryTerms
		field string // "" when valid or an unknown code
		rule  string
		is    error
	}{
		{"spot", catalog.DeliveryTerms{}, "", "", nil},
		{"presale after payment", catalog.DeliveryTerms{Stock: catalog.StockPresale, Days: catalog.MaxPresaleDays}, "", "", nil},
		{"presale after its end, 15-day window", afterPresale, "", "", nil},
		{"presale of one day (lenient)", with(func(t *catalog.DeliveryTerms) { t.Days = catalog.MinPresaleDays }), "", "", nil},
		{"unknown stock type", catalog.DeliveryTerms{Stock: 2}, "", "", catalog.ErrUnknownCode},
		{"unknown shipping start", with(func(t *catalog.DeliveryTerms) { t.Ship = 2 }), "", "", catalog.ErrUnknownCode},
		{"spot with days", catalog.DeliveryTerms{Days: 5}, "Days", "excluded_unless", catalog.ErrInvalid},
		{"spot shipped after a presale", catalog.DeliveryTerms{Ship: catalog.ShipAfterPresale}, "Ship", "excluded_unless", catalog.ErrInvalid},
		{"spot with a window", catalog.DeliveryTerms{PresaleBegin: begin}, "PresaleBegin", "excluded_unless", catalog.ErrInvalid},
		{"spot with a window end", catalog.DeliveryTerms{PresaleEnd: begin}, "PresaleEnd", "excluded_unless", catalog.ErrInvalid},
		{"presale without days", with(func(t *catalog.DeliveryTerms) { t.Days = 0 }), "Days", "min", catalog.ErrInvalid},
		{"presale of 16 days", with(func(t *catalog.DeliveryTerms) { t.Days = 16 }), "Days", "max", catalog.ErrInvalid},
		{"after payment with a window", with(func(t *catalog.DeliveryTerms) { t.Ship = catalog.ShipAfterPayment }), "PresaleBegin", "excluded_unless", catalog.ErrInvalid},
		{"after payment with a window end", with(func(t *catalog.DeliveryTerms) { t.Ship, t.PresaleBegin = catalog.ShipAfterPayment, time.Time{} }),
			"PresaleEnd", "excluded_unless", catalog.ErrInvalid},
		{"no window", with(func(t *catalog.DeliveryTerms) { t.PresaleBegin = time.Time{} }), "PresaleBegin", "required", catalog.ErrInvalid},
		{"no window end", with(func(t *catalog.DeliveryTerms) { t.PresaleEnd = time.Time{} }), "PresaleEnd", "required", catalog.ErrInvalid},
		{"window ends as it begins", with(func(t *catalog.DeliveryTerms) { t.PresaleEnd = begin }), "PresaleEnd", "gtfield", catalog.ErrInvalid},
		{"window a second too long", with(func(t *catalog.DeliveryTerms) { t.PresaleEnd = t.PresaleEnd.Add(time.Second) }), "PresaleEnd", "max_window", catalog.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.terms.Validate()
			if tt.is == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, tt.is)
			if tt.field != "" {
				var ve *catalog.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.True(t, ve.Has(tt.field, tt.rule), "%v", err)
				assert.NotContains(t, err.Error(), "breaks rule", "the reason is in words")
			}
		})
	}
}

// TestUpdateWithoutReview_CodesAndTerms: a new SKU code applies without a new revision; codes,
// limits and terms the rules refuse leave the catalog unchanged; a 100-character code survives
// the catalog's own stored form.
func TestUpdateWithoutReview_CodesAndTerms(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	before := mustSKU(t, c, "tea", "tea-250")
	long := strings.Repeat("码", catalog.MaxCodeLength)
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{
		SPUCode: "XHLJ-2024", Limit: &catalog.PurchaseLimit{Period: catalog.LimitDaily, Units: 2},
		SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Code: long,
			Delivery: &catalog.DeliveryTerms{Stock: catalog.StockPresale, Ship: catalog.ShipAfterPayment, Days: 7}}},
	}))
	after := mustSKU(t, c, "tea", "tea-250")
	assert.Equal(t, long, after.Code())
	assert.Equal(t, before.Revision(), after.Revision(), "a code is nothing a buyer ordered by")
	assert.Equal(t, "LJ-250", before.Code(), "a SKU handed out before does not change")

	st, ok := c.ProductState("tea")
	require.True(t, ok)
	back := catalog.New()
	require.NoError(t, back.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	require.NoError(t, back.RestoreProduct(st), "a 100-character code restores")
	assert.Equal(t, long, mustSKU(t, back, "tea", "tea-250").Code())

	refused := []struct {
		name string
		u    catalog.NoReviewUpdate
		is   error
	}{
		{"SPU code with a newline", catalog.NoReviewUpdate{SPUCode: "XH\nLJ", SKUs: []catalog.NoReviewSKU{{ID: "tea-250"}}}, catalog.ErrInvalid},
		{"SKU code too long", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Code: long + "码"}}}, catalog.ErrInvalid},
		{"units without a period", catalog.NoReviewUpdate{Limit: &catalog.PurchaseLimit{Units: 1}, SKUs: []catalog.NoReviewSKU{{ID: "tea-250"}}}, catalog.ErrInvalid},
		{"unknown stock type", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Code: "NEW", Delivery: &catalog.DeliveryTerms{Stock: 9}}}}, catalog.ErrUnknownCode},
		{"presale without days", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{
			{ID: "tea-500", Code: "NEW"}, {ID: "tea-250", Delivery: &catalog.DeliveryTerms{Stock: catalog.StockPresale}}}}, catalog.ErrInvalid},
		{"delete with a code", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true, Code: "X"}}}, catalog.ErrInvalid},
		{"delete with terms", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-500", Delete: true, Delivery: &catalog.DeliveryTerms{}}}}, catalog.ErrInvalid},
	}
	for _, tt := range refused {
		err := requireUnchanged(t, c, func() error { return c.UpdateWithoutReview("tea", tt.u) })
		assert.ErrorIs(t, err, tt.is, tt.name)
	}
}

func TestTermEnums(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v           enumValue
		name, label string
		code        int
		back        interface{ UnmarshalText([]byte) error }
	}{
		{catalog.LimitNone, "none", "无限购", 0, new(catalog.LimitPeriod)},
		{catalog.LimitDaily, "daily", "按自然日限购", 1, new(catalog.LimitPeriod)},
		{catalog.LimitWeekly, "weekly", "按自然周限购", 2, new(catalog.LimitPeriod)},
		{catalog.LimitMonthly, "monthly", "按自然月限购", 3, new(catalog.LimitPeriod)},
		{catalog.LimitYearly, "yearly", "按自然年限购", 4, new(catalog.LimitPeriod)},
		{catalog.StockSpot, "spot", "现货", 0, new(catalog.StockType)},
		{catalog.StockPresale, "presale", "全款预售", 1, new(catalog.StockType)},
		{catalog.ShipAfterPayment, "after_payment", "付款后发货", 0, new(catalog.PresaleShipping)},
		{catalog.ShipAfterPresale, "after_presale", "预售结束后发货", 1, new(catalog.PresaleShipping)},
	}
	for _, tt := range tests {
		assert.True(t, tt.v.IsValid())
		assert.Equal(t, tt.name, tt.v.String())
		assert.Equal(t, tt.label, tt.v.Label())
		assert.Equal(t, fmt.Sprint(tt.code), fmt.Sprintf("%d", tt.v), "platform code")
		text, err := tt.v.MarshalText()
		require.NoError(t, err)
		require.NoError(t, tt.back.UnmarshalText(text))
		assert.Equal(t, tt.v, reflect.ValueOf(tt.back).Elem().Interface())
		assert.ErrorIs(t, tt.back.UnmarshalText([]byte("forever")), catalog.ErrUnknownCode)
	}
	_, err := catalog.LimitPeriod(5).MarshalText()
	assert.ErrorIs(t, err, catalog.ErrUnknownCode)
	assert.False(t, catalog.StockType(2).IsValid())
	assert.False(t, catalog.PresaleShipping(2).IsValid())
	assert.True(t, errors.Is(catalog.PurchaseLimit{Period: 9}.Validate(), catalog.ErrUnknownCode))
}

// A presale that ships within three days of its end needs its window; the window is at most
// 15 days.
func ExampleDeliveryTerms_Validate() {
	begin := time.Date(2024, 11, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	terms := catalog.DeliveryTerms{Stock: catalog.StockPresale, Ship: catalog.ShipAfterPresale, Days: 3,
		PresaleBegin: begin, PresaleEnd: begin.AddDate(0, 0, 10)}
	fmt.Println(terms.Validate())
	terms.PresaleEnd = begin.AddDate(0, 0, 20)
	fmt.Println(terms.Validate())
	// Output:
	// <nil>
	// catalog: invalid DeliveryTerms: PresaleEnd: at most 15 days after PresaleBegin
}

// A limit needs a period, and no period means no limit.
func ExamplePurchaseLimit_Validate() {
	fmt.Println(catalog.PurchaseLimit{Period: catalog.LimitWeekly, Units: 3}.Validate())
	fmt.Println(catalog.PurchaseLimit{Units: 3}.Validate())
	// Output:
	// <nil>
	// catalog: invalid PurchaseLimit: Units: must be 0 without a period (LimitNone lifts the limit)
}

// A code may be Chinese or ASCII, but holds no control character.
func ExampleCodeValid() {
	fmt.Println(catalog.CodeValid("TEE-CC-WH-M"), catalog.CodeValid("TEE\tCC"))
	// Output:
	// true false
}
