package shop

import "github.com/wxshop-go/wxshop/internal/enum"

// SellerKind is who sells on the platform. All three kinds carry the same obligation to ship
// every paid order.
type SellerKind uint8

// Seller kinds. The zero value is not a valid kind.
const (
	WeChatShop       SellerKind = 1 // 微信小店商家
	ShowcaseMerchant SellerKind = 2 // 视频号橱窗商家
	ShowcaseCreator  SellerKind = 3 // 视频号橱窗达人
)

var sellerKinds = enum.New("shop.SellerKind",
	enum.Spec[SellerKind]{Value: WeChatShop, Name: "wechat_shop", Label: "微信小店商家"},
	enum.Spec[SellerKind]{Value: ShowcaseMerchant, Name: "showcase_merchant", Label: "视频号橱窗商家"},
	enum.Spec[SellerKind]{Value: ShowcaseCreator, Name: "showcase_creator", Label: "视频号橱窗达人"},
)

// SellerKinds returns every seller kind.
func SellerKinds() []SellerKind { return sellerKinds.Values() }

// String returns the stable English name ("wechat_shop"), used in JSON.
func (k SellerKind) String() string { return sellerKinds.Name(k) }

// Label returns the Chinese label (微信小店商家).
func (k SellerKind) Label() string { return sellerKinds.Label(k) }

// IsValid reports whether k is one of the three kinds.
func (k SellerKind) IsValid() bool { return sellerKinds.Valid(k) }

// MarshalText renders the stable name; an invalid kind is an error.
func (k SellerKind) MarshalText() ([]byte, error) { return sellerKinds.MarshalText(k) }

// UnmarshalText parses a stable name; an unknown name is an error matching ErrUnknownCode.
func (k *SellerKind) UnmarshalText(text []byte) error { return sellerKinds.UnmarshalText(k, text) }
