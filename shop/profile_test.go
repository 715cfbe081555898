package shop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shop"
)

// Identifiers from published examples of the two standards.
const (
	validResidentID  = "11010519491231002X" // GB 11643-1999 example
	validResidentID2 = "440524188001010014" // GB 11643-1999 example
	validUSCC        = "91350100M000100Y43" // the example code commonly published with GB 32100
)

func businessShop() shop.Params {
	return shop.Params{
		Name:    "龙井茶舍",
		Kind:    shop.WeChatShop,
		Contact: shop.Contact{Name: "王店长", Phone: "13800138000"},
		Business: &shop.Business{
			CompanyName:           "杭州龙井茶舍有限公司",
			LicenseNumber:         validUSCC,
			LegalRepresentative:   "张三",
			LegalRepresentativeID: validResidentID,
			BankAccount:           shop.BankAccount{Holder: "杭州龙井茶舍有限公司", Bank: "中国银行杭州分行", Number: "6217000000001234"},
		},
	}
}

func personShop() shop.Params {
	return shop.Params{
		Name:    "小李的橱窗",
		Kind:    shop.ShowcaseCreator,
		Contact: shop.Contact{Name: "李四", Phone: "19912345678"},
		Person:  &shop.Person{RealName: "李四", IDNumber: validResidentID2},
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	s, err := shop.New(businessShop())
	require.NoError(t, err)
	assert.Equal(t, "龙井茶舍", s.Name())
	assert.Equal(t, shop.WeChatShop, s.Kind())
	assert.Equal(t, "13800138000", s.Contact().Phone)
	assert.True(t, s.IsBusiness())
	b, ok := s.Business()
	require.True(t, ok)
	assert.Equal(t, validUSCC, b.LicenseNumber)
	_, ok = s.Person()
	assert.False(t, ok)

	p, err := shop.New(personShop())
	require.NoError(t, err)
	assert.False(t, p.IsBusiness())
	person, ok := p.Person()
	require.True(t, ok)
	assert.Equal(t, "李四", person.RealName)
	_, ok = p.Business()
	assert.False(t, ok)
}

func TestNewCopiesItsInput(t *testing.T) {
	t.Parallel()
	in := businessShop()
	s, err := shop.New(in)
	require.NoError(t, err)
	in.Business.CompanyName = "changed"
	b, _ := s.Business()
	assert.Equal(t, "杭州龙井茶舍有限公司", b.CompanyName)
}

func TestNewRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		params func() shop.Params
		fields [][2]string // field, rule: every one must be reported
	}{
		{"no name", func() shop.Params { p := personShop(); p.Name = ""; return p }, [][2]string{{"Name", "required"}}},
		{"no kind", func() shop.Params { p := personShop(); p.Kind = 0; return p }, [][2]string{{"Kind", "required"}}},
		{"unknown kind", func() shop.Params { p := personShop(); p.Kind = 9; return p }, [][2]string{{"Kind", "oneof"}}},
		{"phone with country code", func() shop.Params { p := personShop(); p.Contact.Phone = "+8613800138000"; return p }, [][2]string{{"Contact.Phone", "cn_mobile"}}},
		{"landline", func() shop.Params { p := personShop(); p.Contact.Phone = "05718888888"; return p }, [][2]string{{"Contact.Phone", "cn_mobile"}}},
		{"no contact", func() shop.Params { p := personShop(); p.Contact = shop.Contact{}; return p }, [][2]string{{"Contact", "required"}}},
		{"neither person nor business", func() shop.Params { p := personShop(); p.Person = nil; return p },
			[][2]string{{"Person", "required_without"}, {"Business", "required_without"}}},
		{"both person and business", func() shop.Params { p := personShop(); p.Business = businessShop().Business; return p },
			[][2]string{{"Person", "excluded_with"}}},
		{"ID number with a wrong check digit", func() shop.Params {
			p := personShop()
			p.Person.IDNumber = "440524188001010015"
			return p
		}, [][2]string{{"Person.IDNumber", "cn_resident_id"}}},
		{"ID number with lower-case x", func() shop.Params {
			p := personShop()
			p.Person.IDNumber = "11010519491231002x"
			return p
		}, [][2]string{{"Person.IDNumber", "cn_resident_id"}}},
		{"licence with a wrong check character", func() shop.Params {
			p := businessShop()
			p.Business.LicenseNumber = "91350100M000100Y44"
			return p
		}, [][2]string{{"Business.LicenseNumber", "uscc"}}},
		{"everything wrong in the business at once", func() shop.Params {
			p := businessShop()
			p.Business.LicenseNumber = "123"
			p.Business.LegalRepresentativeID = "123"
			p.Business.LegalRepresentative = ""
			p.Business.BankAccount.Number = "12ab"
			return p
		}, [][2]string{{"Business.LicenseNumber", "uscc"}, {"Business.LegalRepresentativeID", "cn_resident_id"},
			{"Business.LegalRepresentative", "required"}, {"Business.BankAccount.Number", "numeric"}}},
		{"bank account not in the company's name", func() shop.Params {
			p := businessShop()
			p.Business.BankAccount.Holder = "张三"
			return p
		}, [][2]string{{"Business.BankAccount.Holder", "eqfield"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := shop.New(tt.params())
			require.ErrorIs(t, err, shop.ErrInvalid)
			assert.Equal(t, shop.Profile{}, s)
			var ve *shop.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "Params", ve.Struct)
			for _, f := range tt.fields {
				assert.True(t, ve.Has(f[0], f[1]), "want %s %s in %v", f[0], f[1], err)
			}
			assert.NotContains(t, err.Error(), "44052418800101", "identity numbers stay out of messages")
		})
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	p := personShop()
	p.Name = ""
	p.Contact.Phone = "123"
	_, err := shop.New(p)
	assert.EqualError(t, err, "shop: invalid Params: Name: required; Contact.Phone: not a mainland mobile number (11 digits starting 13 to 19)")
}

// TestProfileIsAValue: nothing a caller gets from a profile can change it, and copies of a
// profile are the same profile.
func TestProfileIsAValue(t *testing.T) {
	t.Parallel()
	s, err := shop.New(businessShop())
	require.NoError(t, err)
	want := businessShop()
	out := s.Params()
	out.Business.CompanyName = "changed"
	out.Contact.Phone = "19900000000"
	b, _ := s.Business()
	b.BankAccount.Number = "0"
	assert.Equal(t, want, s.Params())
	cp := s
	assert.Equal(t, s.String(), cp.String())

	p, err := shop.New(personShop())
	require.NoError(t, err)
	in := p.Params()
	in.Person.IDNumber = validResidentID
	person, _ := p.Person()
	assert.Equal(t, validResidentID2, person.IDNumber)
}

func TestZeroProfile(t *testing.T) {
	t.Parallel()
	var z shop.Profile
	assert.Empty(t, z.Name())
	assert.Zero(t, z.Kind())
	assert.Equal(t, shop.Contact{}, z.Contact())
	assert.False(t, z.IsBusiness())
	_, ok := z.Person()
	assert.False(t, ok)
	_, ok = z.Business()
	assert.False(t, ok)
	assert.Equal(t, shop.Params{}, z.Params())
	_, err := shop.New(z.Params())
	require.ErrorIs(t, err, shop.ErrInvalid, "the zero Profile is not a shop")
}
