package shop

import (
	"encoding/json"
	"fmt"

	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// Params is what a merchant fills in to open a shop (注册与开通): the shop's name, the kind of
// seller, a contact, and the subject behind the shop: either a person (real-name) or a business
// (licence, legal representative, corporate bank account). Exactly one of Person and Business
// is set.
type Params struct {
	Name     string     `validate:"required,max=30" json:"name"`
	Kind     SellerKind `validate:"required" json:"kind"`
	Contact  Contact    `validate:"required" json:"contact"`
	Person   *Person    `validate:"required_without=Business,excluded_with=Business" json:"person,omitempty"`
	Business *Business  `validate:"required_without=Person" json:"business,omitempty"`
}

// Contact is the shop's contact person.
type Contact struct {
	Name string `validate:"required" json:"name"`
	// Phone is a mainland mobile number: 11 digits starting 13 to 19, no country code.
	Phone string `validate:"required,cn_mobile" json:"phone"`
}

// Person is the real-name subject of a personal shop.
type Person struct {
	RealName string `validate:"required" json:"real_name"`
	// IDNumber is the 18-character resident identity number, check character included
	// (GB 11643; the last character may be X).
	IDNumber string `validate:"required,cn_resident_id" json:"id_number"`
}

// Business is the subject of a business shop (enterprise or sole proprietorship).
type Business struct {
	// CompanyName is the name on the business licence (营业执照).
	CompanyName string `validate:"required" json:"company_name"`
	// LicenseNumber is the licence's unified social credit code (统一社会信用代码): 18
	// characters with the GB 32100 check character.
	LicenseNumber string `validate:"required,uscc" json:"license_number"`
	// LegalRepresentative is the legal representative's name (法定代表人).
	LegalRepresentative string `validate:"required" json:"legal_representative"`
	// LegalRepresentativeID is the representative's resident identity number (GB 11643).
	LegalRepresentativeID string `validate:"required,cn_resident_id" json:"legal_representative_id"`
	// BankAccount is the corporate account (对公账户) settlements go to; its holder must be
	// the company.
	BankAccount BankAccount `validate:"required" json:"bank_account"`
}

// BankAccount is a settlement bank account.
type BankAccount struct {
	Holder string `validate:"required" json:"holder"`
	Bank   string `validate:"required" json:"bank"`
	Number string `validate:"required,numeric,min=8,max=32" json:"number"`
}

// ValidationError lists every field of Params that broke a rule, without the rejected values
// (they include identity numbers). It matches ErrInvalid.
type ValidationError = validate.Error

// Violation is one entry of a ValidationError: the field, the rule and its reason in words.
type Violation = validate.Violation

// ErrInvalid is matched by every *ValidationError.
var ErrInvalid = validate.ErrInvalid

// Profile is an opened shop's profile. It is a value, valid by construction (New); the zero
// Profile is not a shop. Its String masks the phone and identity numbers; its JSON (what a host
// stores) keeps them, and UnmarshalJSON validates as New does.
type Profile struct {
	// p is the validated form, never modified after New; nil in the zero Profile. Person and
	// Business point at copies the Profile owns. It is behind a pointer because fmt prints a
	// Profile held in an unexported field of another struct field by field, without calling
	// its Format: behind the pointer, all it can print is an address.
	p *Params
}

// zeroParams stands in for the zero Profile's missing Params.
var zeroParams Params

// params returns the profile's Params, never nil.
func (s Profile) params() *Params {
	if s.p == nil {
		return &zeroParams
	}
	return s.p
}

// New validates a merchant's onboarding form and returns the shop's profile. Every violation is
// listed in one *ValidationError (matching ErrInvalid), without the rejected values.
func New(p Params) (Profile, error) {
	if err := validate.Struct("shop", p); err != nil {
		return Profile{}, err
	}
	if !p.Kind.IsValid() {
		return Profile{}, invalid("Kind", "oneof", "wechat_shop showcase_merchant showcase_creator")
	}
	out := Profile{p: &Params{Name: p.Name, Kind: p.Kind, Contact: p.Contact}}
	if p.Business != nil {
		b := *p.Business
		if b.BankAccount.Holder != b.CompanyName {
			return Profile{}, invalid("Business.BankAccount.Holder", "eqfield", "Business.CompanyName")
		}
		out.p.Business = &b
	} else {
		person := *p.Person
		out.p.Person = &person
	}
	return out, nil
}

// invalid builds a one-field *ValidationError for a rule checked in Go rather than by a tag.
func invalid(field, rule, param string) error {
	return &ValidationError{Pkg: "shop", Struct: "Params", Fields: []Violation{{Field: field, Rule: rule, Param: param,
		Reason: validate.Reason(rule, param, "")}}}
}

// Name returns the shop's name.
func (s Profile) Name() string { return s.params().Name }

// Kind returns the kind of seller.
func (s Profile) Kind() SellerKind { return s.params().Kind }

// Contact returns the contact person.
func (s Profile) Contact() Contact { return s.params().Contact }

// IsBusiness reports whether a business, not a person, is behind the shop.
func (s Profile) IsBusiness() bool { return s.params().Business != nil }

// Person returns the personal subject, if the shop is a person's.
func (s Profile) Person() (Person, bool) {
	if p := s.params().Person; p != nil {
		return *p, true
	}
	return Person{}, false
}

// Business returns the business subject, if the shop is a business's.
func (s Profile) Business() (Business, bool) {
	if b := s.params().Business; b != nil {
		return *b, true
	}
	return Business{}, false
}

// Params returns what New would take to build this profile again (a deep copy).
func (s Profile) Params() Params {
	out := *s.params()
	if out.Person != nil {
		person := *out.Person
		out.Person = &person
	}
	if out.Business != nil {
		b := *out.Business
		out.Business = &b
	}
	return out
}

// String describes the shop for logs, with the phone and identity numbers masked:
// "龙井茶舍 (wechat_shop, business 杭州龙井茶舍有限公司, contact 王** 138****8000)".
func (s Profile) String() string {
	if s.p == nil {
		return "shop.Profile(zero)"
	}
	subject := "person " + MaskName(s.p.personName())
	if s.p.Business != nil {
		subject = "business " + s.p.Business.CompanyName
	}
	return fmt.Sprintf("%s (%s, %s, contact %s %s)", s.p.Name, s.p.Kind, subject, MaskName(s.p.Contact.Name), MaskPhone(s.p.Contact.Phone))
}

// GoString is String, so that %#v masks too.
func (s Profile) GoString() string { return s.String() }

// Format makes every verb print String: %v and %+v would otherwise print the phone and
// identity numbers.
func (s Profile) Format(f fmt.State, verb rune) { fmt.Fprint(f, s.String()) }

func (p Params) personName() string {
	if p.Person == nil {
		return ""
	}
	return p.Person.RealName
}

// MarshalJSON writes the profile's Params, personal data included: it is the shop's stored
// form, for the host's own database.
func (s Profile) MarshalJSON() ([]byte, error) {
	if s.p == nil {
		return nil, fmt.Errorf("shop: the zero Profile has no stored form")
	}
	return json.Marshal(s.p)
}

// UnmarshalJSON reads what MarshalJSON writes and validates it as New does; unknown fields are
// refused. On error s is left unchanged.
func (s *Profile) UnmarshalJSON(b []byte) error {
	var p Params
	if err := strict.Decode(b, &p); err != nil {
		return fmt.Errorf("shop: decoding profile: %w", err)
	}
	out, err := New(p)
	if err != nil {
		return err
	}
	*s = out
	return nil
}
