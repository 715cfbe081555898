package aftersale

import (
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// Kind is what the buyer asks for (after_sale_order.type). Its text is the platform's string
// ("REFUND"); its value is the platform's numeric code for the same type in negotiation records
// (merchant_update_detail.type, old/new_after_sale_type: 1–4). The zero value is not a kind.
type Kind uint8

// Kinds with the platform's numeric codes.
const (
	KindRefund   Kind = 1 // REFUND 仅退款: money back, the goods stay with the buyer (or never left)
	KindReturn   Kind = 2 // RETURN 退货退款: the buyer sends the goods back, then gets the money
	KindExchange Kind = 3 // EXCHANGE 换货: the buyer sends the goods back and gets others
	KindReship   Kind = 4 // RESHIP 补寄: the merchant sends what was missing
	numKinds          = 5 // table dimension: the codes above plus the unused 0
)

var kinds = enum.New("aftersale.Kind",
	enum.Spec[Kind]{Value: KindRefund, Name: "REFUND", Label: "仅退款"},
	enum.Spec[Kind]{Value: KindReturn, Name: "RETURN", Label: "退货退款"},
	enum.Spec[Kind]{Value: KindExchange, Name: "EXCHANGE", Label: "换货"},
	enum.Spec[Kind]{Value: KindReship, Name: "RESHIP", Label: "补寄"},
)

// Kinds returns every kind in code order.
func Kinds() []Kind { return kinds.Values() }

// ParseKind parses the platform's string ("REFUND", "RETURN", "EXCHANGE", "RESHIP"). Anything
// else is an error naming the value that matches ErrUnknownCode.
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// KindFromCode converts the platform's numeric type (1 refund, 2 return, 3 exchange, 4 reship).
func KindFromCode(code int) (Kind, error) {
	if code < 1 || code >= numKinds {
		return 0, &enum.UnknownError{Type: "aftersale.Kind", Value: fmt.Sprint(code)}
	}
	return Kind(code), nil
}

// String returns the platform's string ("REFUND"), used in text and JSON.
func (k Kind) String() string { return kinds.Name(k) }

// Label returns the Chinese term a merchant sees (仅退款).
func (k Kind) Label() string { return kinds.Label(k) }

// Code returns the platform's numeric type.
func (k Kind) Code() int { return int(k) }

// IsValid reports whether k is one of the platform's kinds.
func (k Kind) IsValid() bool { return k > 0 && k < numKinds }

// Refunds reports whether the case ends, when it succeeds, with money back to the buyer.
func (k Kind) Refunds() bool { return k == KindRefund || k == KindReturn }

// NeedsShipment reports whether the kind is about goods the buyer received: a return, an
// exchange and a re-send need shipped units; a refund only does not.
func (k Kind) NeedsShipment() bool { return k == KindReturn || k == KindExchange || k == KindReship }

// MarshalText renders the platform's string; an unknown kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return kinds.MarshalText(k) }

// UnmarshalText parses the platform's string and leaves k unchanged on error.
func (k *Kind) UnmarshalText(text []byte) error { return kinds.UnmarshalText(k, text) }
