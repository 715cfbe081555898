package catalog

import "github.com/wxshop-go/wxshop/internal/validate"

// ShopParams is what a merchant fills in to open a shop (注册与开通): the shop's name, the kind
// of seller, a contact, and the subject behind the shop: either a person (real-name) or a
// business (licence, legal representative, corporate bank account). Exactly one of Person and
// Business is set.
type ShopParams struct {
	Name     string          `validate:"required,max=30"`
	Kind     SellerKind      `validate:"required"`
	Contact  ContactParams   `validate:"required"`
	Person   *PersonParams   `validate:"required_without=Business,excluded_with=Business"`
	Business *BusinessParams `validate:"required_without=Person"`
}

// ContactParams is the shop's contact person.
type ContactParams struct {
	Name string `validate:"required"`
	// Phone is a mainland mobile number: 11 digits starting 13 to 19, no country code.
	Phone string `validate:"required,cn_mobile"`
}

// PersonParams is the real-name subject of a personal shop.
type PersonParams struct {
	RealName string `validate:"required"`
	// IDNumber is the 18-character resident identity number, check character included
	// (GB 11643; the last character may be X).
	IDNumber string `validate:"required,cn_resident_id"`
}

// BusinessParams is the subject of a business shop (enterprise or sole proprietorship).
type BusinessParams struct {
	// CompanyName is the name on the business licence (营业执照).
	CompanyName string `validate:"required"`
	// LicenseNumber is the licence's unified social credit code (统一社会信用代码): 18
	// characters with the GB 32100 check character.
	LicenseNumber string `validate:"required,uscc"`
	// LegalRepresentative is the legal representative's name (法定代表人).
	LegalRepresentative string `validate:"required"`
	// LegalRepresentativeID is the representative's resident identity number (GB 11643).
	LegalRepresentativeID string `validate:"required,cn_resident_id"`
	// BankAccount is the corporate account (对公账户) settlements go to; its holder must be
	// the company.
	BankAccount BankAccount `validate:"required"`
}

// BankAccount is a settlement bank account.
type BankAccount struct {
	Holder string `validate:"required"`
	Bank   string `validate:"required"`
	Number string `validate:"required,numeric,min=8,max=32"`
}

// Shop is an opened shop's profile. It is a value, valid by construction (NewShop); the zero
// Shop is not a shop.
type Shop struct {
	name     string
	kind     SellerKind
	contact  ContactParams
	person   *PersonParams
	business *BusinessParams
}

// NewShop validates a merchant's onboarding form and returns the shop profile. Every
// violation is listed in one *ValidationError (matching ErrInvalid), without the rejected
// values, which include identity numbers.
func NewShop(p ShopParams) (Shop, error) {
	if err := validate.Struct("catalog", p); err != nil {
		return Shop{}, err
	}
	if !p.Kind.IsValid() {
		return Shop{}, invalid("ShopParams", "Kind", "oneof", "1 2 3")
	}
	s := Shop{name: p.Name, kind: p.Kind, contact: p.Contact}
	if p.Business != nil {
		b := *p.Business
		if b.BankAccount.Holder != b.CompanyName {
			return Shop{}, invalid("ShopParams", "Business.BankAccount.Holder", "eqfield", "Business.CompanyName")
		}
		s.business = &b
	} else {
		person := *p.Person
		s.person = &person
	}
	return s, nil
}

// Name returns the shop's name.
func (s Shop) Name() string { return s.name }

// Kind returns the kind of seller.
func (s Shop) Kind() SellerKind { return s.kind }

// Contact returns the contact person.
func (s Shop) Contact() ContactParams { return s.contact }

// IsBusiness reports whether a business, not a person, is behind the shop.
func (s Shop) IsBusiness() bool { return s.business != nil }

// Person returns the personal subject, if the shop is a person's.
func (s Shop) Person() (PersonParams, bool) {
	if s.person == nil {
		return PersonParams{}, false
	}
	return *s.person, true
}

// Business returns the business subject, if the shop is a business's.
func (s Shop) Business() (BusinessParams, bool) {
	if s.business == nil {
		return BusinessParams{}, false
	}
	return *s.business, true
}
