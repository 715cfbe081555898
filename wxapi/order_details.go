package wxapi

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/order"
)

// OrderDetails is what order/get says about an order beyond what the order's rules need: where
// and to whom it ships, the notes, the payment, the money as the platform itemises it, a gift's
// giver, and per line and per parcel what a backend shows or forwards. It is decoded from the
// same body as the order, so a host never decodes order/get twice.
//
// It holds personal data (names, phone numbers, addresses, openids). Its String and those of
// Address and Gift mask them, so that printing a result with %v or %+v keeps them out of logs;
// read the fields for the full values.
type OrderDetails struct {
	// BuyerUnionID is unionid: the buyer's UnionID, when the shop is bound to an Open
	// Platform account.
	BuyerUnionID string `json:"buyer_unionid,omitempty"`
	// Address is delivery_info.address_info, where the order ships.
	Address Address `json:"address,omitzero"`
	// AddressChange is address_under_review: an address the buyer asked for after ordering,
	// which replaces Address once the merchant accepts it (order/addressmodify/accept).
	// AddressChangeAt is address_apply_time. Both are zero when there is no such request.
	AddressChange   Address   `json:"address_change,omitzero"`
	AddressChangeAt time.Time `json:"address_change_at,omitzero"`
	// BuyerNote is ext_info.customer_notes, MerchantNote ext_info.merchant_notes.
	BuyerNote    string `json:"buyer_note,omitempty"`
	MerchantNote string `json:"merchant_note,omitempty"`
	// Payment is pay_info.
	Payment Payment `json:"payment,omitzero"`
	// Prices is price_info and refund_info as the platform reports them; the order's own
	// totals (Order.Total, Discount, Freight) are what they mean for the rules.
	Prices Prices `json:"prices"`
	// IsGift is is_present: the order is a gift, bought by one person (Gift.GiverOpenID) for
	// another, its recipient, who is the order's buyer (openid) and whose Address it ships to.
	// Gift is the giver and the message; zero when the order is not a gift.
	IsGift bool `json:"is_gift,omitzero"`
	Gift   Gift `json:"gift,omitzero"`
	// Lines are product_infos' fields beyond the order line, index-aligned with
	// Order.Lines().
	Lines []LineDetails `json:"lines"`
	// Parcels are delivery_product_info's fields beyond the parcel, index-aligned with
	// Order.Parcels().
	Parcels []ParcelDetails `json:"parcels,omitempty"`
	// Inspection is the quality inspection an order of jewellery or fresh food goes through:
	// it ships to the platform's inspection centre, not to the buyer (quality_inspect_type,
	// quality_inspect_info). Zero when none is needed.
	Inspection Inspection `json:"inspection,omitzero"`
	// Dropship is delivery_info.dropship_flag: whether a supplier ships the order for the
	// merchant (代发).
	Dropship DropshipState `json:"dropship,omitzero"`
}

// NationalSubsidy reports whether the order carries a national subsidy (国补,
// national_subsidy_discounted_price). Such an order ships only with each unit's serial number
// (delivery/send's sn_info): the host must collect them before shipping.
func (d OrderDetails) NationalSubsidy() bool {
	if !d.Prices.Discounts.NationalSubsidy.IsZero() {
		return true
	}
	for _, l := range d.Lines {
		if !l.Discounts.NationalSubsidy.IsZero() {
			return true
		}
	}
	return false
}

// Address is a delivery address (address_info). The phone number may be a virtual number the
// platform issued to hide the buyer's (UsesVirtualNumber).
type Address struct {
	Name        string `json:"name,omitempty"`         // user_name
	Phone       string `json:"phone,omitempty"`        // tel_number
	PostalCode  string `json:"postal_code,omitempty"`  // postal_code
	Province    string `json:"province,omitempty"`     // province_name
	City        string `json:"city,omitempty"`         // city_name
	County      string `json:"county,omitempty"`       // county_name
	Detail      string `json:"detail,omitempty"`       // detail_info
	HouseNumber string `json:"house_number,omitempty"` // house_number
	// NationalCode is national_code, the area code of the county.
	NationalCode string `json:"national_code,omitempty"`
	// VirtualOrderPhone is virtual_order_tel_number: the contact of a virtual-goods order.
	VirtualOrderPhone string `json:"virtual_order_phone,omitempty"`
	// UsesVirtualNumber is use_tel_number 1: Phone is a virtual number; VirtualNumber says
	// more (tel_number_ext_info).
	UsesVirtualNumber bool          `json:"uses_virtual_number,omitzero"`
	VirtualNumber     VirtualNumber `json:"virtual_number,omitzero"`
	// HashCode is hash_code: the same address of the same buyer in this shop has the same
	// code, whatever number masks it.
	HashCode string `json:"hash_code,omitempty"`
}

// IsZero reports whether the address is empty.
func (a Address) IsZero() bool { return a == Address{} }

// VirtualNumber is tel_number_ext_info: the virtual number that reaches the buyer, and the
// masked real one.
type VirtualNumber struct {
	// Masked is real_tel_number, the buyer's real number masked by the platform.
	Masked string `json:"masked,omitempty"`
	// Number is virtual_tel_number, the full virtual number, valid until ExpiresAt
	// (virtual_tel_expire_time).
	Number    string    `json:"number,omitempty"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	// Fetched is get_virtual_tel_cnt, how often the merchant fetched a virtual number;
	// Extended is has_delay_times, how often its validity was extended.
	Fetched  int `json:"fetched,omitzero"`
	Extended int `json:"extended,omitzero"`
}

// Payment is pay_info: how and when the buyer paid.
type Payment struct {
	Method PaymentMethod `json:"method,omitzero"`
	// TransactionID is transaction_id, the payment's id at WeChat Pay.
	TransactionID string `json:"transaction_id,omitempty"`
	// PrepayID is prepay_id, made at PrepayAt (prepay_time).
	PrepayID string    `json:"prepay_id,omitempty"`
	PrepayAt time.Time `json:"prepay_at,omitzero"`
}

// Prices is price_info and refund_info in yuan, as the platform reports them. Amounts the
// payload leaves out are zero; order.FromPlatform has checked them against the lines.
type Prices struct {
	// ProductPrice is product_price, the lines at their sale prices.
	ProductPrice decimal.Decimal
	// OrderPrice is order_price: what the buyer paid, freight included.
	OrderPrice decimal.Decimal
	// Freight is freight; ChangedFreight is change_freight when the merchant changed it
	// before payment (is_change_freight): the freight the buyer paid.
	Freight        decimal.Decimal
	ChangedFreight decimal.NullDecimal
	// RefundedFreight is refund_info.refund_freight, the freight refunded so far.
	RefundedFreight decimal.Decimal
	// OriginalOrderPrice is original_order_price, EstimatedProductPrice
	// estimate_product_price, ChangeDown change_down_price (what a price change took off)
	// and MerchantReceives merchant_receieve_price (sic), each when the payload has it. The
	// platform's docs disagree on how these relate to order_price, so wxshop reports them
	// and derives nothing from them.
	OriginalOrderPrice, EstimatedProductPrice, ChangeDown, MerchantReceives decimal.NullDecimal
	// Discounts itemises the order's discounts (discounted_price is Discounts.Merchant).
	Discounts order.Discounts
}

// Gift is what makes an order a gift (is_present, order_present_info): who gave it and with
// which message. The recipient is the order's buyer.
type Gift struct {
	// GiverOpenID and GiverUnionID are present_giver_openid and present_giver_unionid.
	GiverOpenID  string `json:"giver_openid,omitempty"`
	GiverUnionID string `json:"giver_unionid,omitempty"`
	// Note is present_note, the giver's message.
	Note string `json:"note,omitempty"`
	// GiftOrderID is present_order_id_str, the gift's own order id.
	GiftOrderID string `json:"gift_order_id,omitempty"`
	// SendType is present_send_type: where the gift was sent (0 a chat, 1 a group chat, 2 an
	// official account, 3 a Channels account, 4 a WeCom chat, 5 a WeCom group, 6 a mini
	// program); kept as the platform's code.
	SendType int `json:"send_type,omitzero"`
	// FreeForRecipient is is_b2c_free_present: a merchant's own gift the recipient pays
	// nothing for.
	FreeForRecipient bool `json:"free_for_recipient,omitzero"`
}

// IsZero reports whether the order is not a gift.
func (g Gift) IsZero() bool { return g == Gift{} }

// LineDetails is one product_infos entry's fields beyond the order line.
type LineDetails struct {
	// SKUCode is sku_code, the merchant's own code; OutProductID and OutSKUID are the
	// merchant's external ids (out_product_id, out_sku_id).
	SKUCode      string `json:"sku_code,omitempty"`
	OutProductID string `json:"out_product_id,omitempty"`
	OutSKUID     string `json:"out_sku_id,omitempty"`
	// Thumbnail is thumb_img.
	Thumbnail string `json:"thumbnail,omitempty"`
	// MarketPrice is market_price, the unit list price shown crossed out.
	MarketPrice decimal.Decimal
	// Estimated is estimate_price (the line after every discount) and Changed change_price
	// (the line after a price change, is_change_price), when given.
	Estimated, Changed decimal.NullDecimal
	// Discounts itemises the line's discounts.
	Discounts order.Discounts
	// FreeGift is is_free_gift: the line is a free gift (赠品) of the main lines in GiftOf
	// (free_gift_info.main_product_list).
	FreeGift bool         `json:"free_gift,omitzero"`
	GiftOf   []GiftSource `json:"gift_of,omitempty"`
	// DropshipOrderID is dropship_info.ds_order_id, the supplier's order when a supplier
	// ships the line.
	DropshipOrderID string `json:"dropship_order_id,omitempty"`
}

// GiftSource is a main line a free gift comes with: which SKU, which campaign (task_id) and how
// many gifts (gift_cnt).
type GiftSource struct {
	ProductID string `json:"product_id"`
	SKUID     string `json:"sku_id"`
	TaskID    string `json:"task_id,omitempty"`
	Count     int    `json:"count"`
}

// ParcelDetails is one delivery_product_info entry's fields beyond the parcel.
type ParcelDetails struct {
	// CarrierName is delivery_name, the carrier's name ("顺丰速运").
	CarrierName string `json:"carrier_name,omitempty"`
	// ShippedAt is delivery_time.
	ShippedAt time.Time `json:"shipped_at,omitzero"`
}

// Inspection is a quality inspection order's kind and where it stands.
type Inspection struct {
	Kind InspectionKind `json:"kind,omitzero"`
	// Status is quality_inspect_info.inspect_status, the platform's code: for jewellery 0 to
	// 14 (0 待录入送检信息, 1 待送检, 4 已入库, 5 质检中, 6 待出库, 11 已发货, …), for fresh food
	// 100 待上传打包信息, 200 质检中, 201 不通过, 202 通过.
	Status int `json:"status,omitzero"`
}
