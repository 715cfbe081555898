package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// Identifiers from published examples of the two standards.
const (
	validResidentID  = "11010519491231002X" // GB 11643-1999 example
	validResidentID2 = "440524188001010014" // GB 11643-1999 example
	validUSCC        = "91350100M000100Y43" // the example code commonly published with GB 32100
)

func businessShop() catalog.ShopParams {
	return catalog.ShopParams{
		Name:    "龙井茶舍",
		Kind:    catalog.SellerWeChatShop,
		Contact: catalog.ContactParams{Name: "王店长", Phone: "13800138000"},
		Business: &catalog.BusinessParams{
			CompanyName:           "杭州龙井茶舍有限公司",
			LicenseNumber:         validUSCC,
			LegalRepresentative:   "张三",
			LegalRepresentativeID: validResidentID,
			BankAccount:           catalog.BankAccount{Holder: "杭州龙井茶舍有限公司", Bank: "中国银行杭州分行", Number: "6217000000001234"},
		},
	}
}

func personShop() catalog.ShopParams {
	return catalog.ShopParams{
		Name:    "小李的橱窗",
		Kind:    catalog.SellerShowcaseCreator,
		Contact: catalog.ContactParams{Name: "李四", Phone: "19912345678"},
		Person:  &catalog.PersonParams{RealName: "李四", IDNumber: validResidentID2},
	}
}

func TestNewShop(t *testing.T) {
	t.Parallel()
	s, err := catalog.NewShop(businessShop())
	require.NoError(t, err)
	assert.Equal(t, "龙井茶舍", s.Name())
	assert.Equal(t, catalog.SellerWeChatShop, s.Kind())
	assert.Equal(t, "13800138000", s.Contact().Phone)
	assert.True(t, s.IsBusiness())
	b, ok := s.Business()
	require.True(t, ok)
	assert.Equal(t, validUSCC, b.LicenseNumber)
	_, ok = s.Person()
	assert.False(t, ok)

	p, err := catalog.NewShop(personShop())
	require.NoError(t, err)
	assert.False(t, p.IsBusiness())
	person, ok := p.Person()
	require.True(t, ok)
	assert.Equal(t, "李四", person.RealName)
	_, ok = p.Business()
	assert.False(t, ok)
}

func TestNewShopCopiesItsInput(t *testing.T) {
	t.Parallel()
	in := businessShop()
	s, err := catalog.NewShop(in)
	require.NoError(t, err)
	in.Business.CompanyName = "changed"
	b, _ := s.Business()
	assert.Equal(t, "杭州龙井茶舍有限公司", b.CompanyName)
}

func TestNewShopRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		params func() catalog.ShopParams
		fields [][2]string // field, rule: every one must be reported
	}{
		{"no name", func() catalog.ShopParams { p := personShop(); p.Name = ""; return p }, [][2]string{{"Name", "required"}}},
		{"no kind", func() catalog.ShopParams { p := personShop(); p.Kind = 0; return p }, [][2]string{{"Kind", "required"}}},
		{"unknown kind", func() catalog.ShopParams { p := personShop(); p.Kind = 9; return p }, [][2]string{{"Kind", "oneof"}}},
		{"phone with country code", func() catalog.ShopParams { p := personShop(); p.Contact.Phone = "+8613800138000"; return p }, [][2]string{{"Contact.Phone", "cn_mobile"}}},
		{"landline", func() catalog.ShopParams { p := personShop(); p.Contact.Phone = "05718888888"; return p }, [][2]string{{"Contact.Phone", "cn_mobile"}}},
		{"no contact", func() catalog.ShopParams { p := personShop(); p.Contact = catalog.ContactParams{}; return p }, [][2]string{{"Contact", "required"}}},
		{"neither person nor business", func() catalog.ShopParams { p := personShop(); p.Person = nil; return p },
			[][2]string{{"Person", "required_without"}, {"Business", "required_without"}}},
		{"both person and business", func() catalog.ShopParams { p := personShop(); p.Business = businessShop().Business; return p },
			[][2]string{{"Person", "excluded_with"}}},
		{"ID number with a wrong check digit", func() catalog.ShopParams {
			p := personShop()
			p.Person.IDNumber = "440524188001010015"
			return p
		}, [][2]string{{"Person.IDNumber", "cn_resident_id"}}},
		{"ID number with lower-case x", func() catalog.ShopParams {
			p := personShop()
			p.Person.IDNumber = "11010519491231002x"
			return p
		}, [][2]string{{"Person.IDNumber", "cn_resident_id"}}},
		{"licence with a wrong check character", func() catalog.ShopParams {
			p := businessShop()
			p.Business.LicenseNumber = "91350100M000100Y44"
			return p
		}, [][2]string{{"Business.LicenseNumber", "uscc"}}},
		{"everything wrong in the business at once", func() catalog.ShopParams {
			p := businessShop()
			p.Business.LicenseNumber = "123"
			p.Business.LegalRepresentativeID = "123"
			p.Business.LegalRepresentative = ""
			p.Business.BankAccount.Number = "12ab"
			return p
		}, [][2]string{{"Business.LicenseNumber", "uscc"}, {"Business.LegalRepresentativeID", "cn_resident_id"},
			{"Business.LegalRepresentative", "required"}, {"Business.BankAccount.Number", "numeric"}}},
		{"bank account not in the company's name", func() catalog.ShopParams {
			p := businessShop()
			p.Business.BankAccount.Holder = "张三"
			return p
		}, [][2]string{{"Business.BankAccount.Holder", "eqfield"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := catalog.NewShop(tt.params())
			require.ErrorIs(t, err, catalog.ErrInvalid)
			assert.Equal(t, catalog.Shop{}, s)
			var ve *catalog.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "ShopParams", ve.Struct)
			for _, f := range tt.fields {
				assert.True(t, ve.Has(f[0], f[1]), "want %s %s in %v", f[0], f[1], err)
			}
			assert.NotContains(t, err.Error(), "44052418800101", "identity numbers stay out of messages")
		})
	}
}

func TestShopErrorMessage(t *testing.T) {
	t.Parallel()
	p := personShop()
	p.Name = ""
	p.Contact.Phone = "123"
	_, err := catalog.NewShop(p)
	assert.EqualError(t, err, "catalog: invalid ShopParams: Name: required; Contact.Phone: cn_mobile")
}
