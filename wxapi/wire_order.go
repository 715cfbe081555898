package wxapi

// Wire shapes of POST /channels/ec/order/get (REFERENCE §5; the platform's order/get page,
// developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorder.html). Only the
// fields wxshop reads are declared; encoding/json skips the rest, so new or odd platform fields
// never break decoding.

type wireOrderGet struct {
	envelope
	Order *wireOrder `json:"order"`
}

type wireOrder struct {
	OrderID    jid                 `json:"order_id"`
	Status     jint                `json:"status"`
	CreateTime jint                `json:"create_time"`
	UpdateTime jint                `json:"update_time"`
	OpenID     string              `json:"openid"`
	UnionID    string              `json:"unionid"`
	Detail     *wireOrderDetail    `json:"order_detail"`
	AfterSale  *wireOrderAfterSale `json:"aftersale_detail"`

	// A gift order: the older top-level fields, and order_present_info, their newer home.
	IsPresent          jbool            `json:"is_present"`
	PresentOrderIDStr  string           `json:"present_order_id_str"`
	PresentNote        string           `json:"present_note"`
	PresentGiverOpenID string           `json:"present_giver_openid"`
	PresentGiverUnion  string           `json:"present_giver_unionid"`
	PresentSendType    jint             `json:"present_send_type"`
	PresentInfo        *wirePresentInfo `json:"order_present_info"`
}

type wirePresentInfo struct {
	Note           string `json:"present_note"`
	GiverOpenID    string `json:"present_giver_openid"`
	GiverUnionID   string `json:"present_giver_unionid"`
	OrderIDStr     string `json:"present_order_id_str"`
	SendType       jint   `json:"present_send_type"`
	FreeB2CPresent jbool  `json:"is_b2c_free_present"`
}

type wireOrderDetail struct {
	Products   []wireOrderProduct   `json:"product_infos"`
	Pay        *wirePayInfo         `json:"pay_info"`
	Price      *wirePriceInfo       `json:"price_info"`
	Delivery   *wireDeliveryInfo    `json:"delivery_info"`
	Ext        *wireExtInfo         `json:"ext_info"`
	RefundInfo *wireOrderRefundInfo `json:"refund_info"`
	Settle     *wireSettleInfo      `json:"settle_info"`
}

type wireAttr struct {
	Key   string `json:"attr_key"`
	Value string `json:"attr_value"`
}

// wireDiscounts are the itemised discounts, the same names in price_info and product_infos[].
type wireDiscounts struct {
	Merchant         jint `json:"merchant_discounted_price"`
	Finder           jint `json:"finder_discounted_price"`
	VIP              jint `json:"vip_discounted_price"`
	BulkBuy          jint `json:"bulkbuy_discounted_price"`
	LimitedDiscount  jint `json:"limited_discount_discounted_price"`
	CashCoupon       jint `json:"cash_coupon_discounted_price"`
	NationalSubsidy  jint `json:"national_subsidy_discounted_price"`
	LocalSubsidy     jint `json:"national_subsidy_merchant_discounted_price"`
	PlatformActivity jint `json:"platform_activity_merchant_discounted_price"`
	Deduction        jint `json:"deduction_price"`
}

type wireOrderProduct struct {
	ProductID        jid                 `json:"product_id"`
	SKUID            jid                 `json:"sku_id"`
	SKUCnt           jint                `json:"sku_cnt"`
	Title            string              `json:"title"`
	ThumbImg         string              `json:"thumb_img"`
	SKUAttrs         []wireAttr          `json:"sku_attrs"`
	SKUCode          string              `json:"sku_code"`
	OutProductID     string              `json:"out_product_id"`
	OutSKUID         string              `json:"out_sku_id"`
	SalePrice        jint                `json:"sale_price"`
	MarketPrice      jint                `json:"market_price"`
	RealPrice        jint                `json:"real_price"`
	EstimatePrice    jint                `json:"estimate_price"`
	IsChangePrice    jbool               `json:"is_change_price"`
	ChangePrice      jint                `json:"change_price"`
	OnAfterSaleCnt   jint                `json:"on_aftersale_sku_cnt"`
	FinishAfterSale  jint                `json:"finish_aftersale_sku_cnt"`
	DeliveryDeadline jint                `json:"delivery_deadline"`
	DeliverInfo      *wireSKUDeliverInfo `json:"sku_deliver_info"`
	IsFreeGift       jbool               `json:"is_free_gift"`
	FreeGiftInfo     *wireFreeGiftInfo   `json:"free_gift_info"`
	ChangeSKU        *wireChangeSKU      `json:"change_sku_info"`
	Dropship         *wireDropshipInfo   `json:"dropship_info"`
	wireDiscounts
}

type wireSKUDeliverInfo struct {
	StockType           jint `json:"stock_type"`
	PredictDeliveryTime jint `json:"predict_delivery_time"`
}

type wireFreeGiftInfo struct {
	Main []wireFreeGiftMain `json:"main_product_list"`
}

type wireFreeGiftMain struct {
	ProductID jid  `json:"product_id"`
	SKUID     jid  `json:"sku_id"`
	TaskID    jid  `json:"task_id"`
	GiftCnt   jint `json:"gift_cnt"`
}

type wireChangeSKU struct {
	State    jint `json:"preshipment_change_sku_state"`
	OldSKUID jid  `json:"old_sku_id"`
	NewSKUID jid  `json:"new_sku_id"`
	Deadline jint `json:"ddl_time_stamp"`
}

type wireDropshipInfo struct {
	OrderID jid `json:"ds_order_id"`
}

type wirePayInfo struct {
	PayTime       jint   `json:"pay_time"`
	PrepayID      string `json:"prepay_id"`
	PrepayTime    jint   `json:"prepay_time"`
	TransactionID string `json:"transaction_id"`
	PaymentMethod jint   `json:"payment_method"`
}

type wirePriceInfo struct {
	ProductPrice         jint  `json:"product_price"`
	OrderPrice           jint  `json:"order_price"`
	Freight              jint  `json:"freight"`
	DiscountedPrice      jint  `json:"discounted_price"`
	OriginalOrderPrice   jint  `json:"original_order_price"`
	EstimateProductPrice jint  `json:"estimate_product_price"`
	ChangeDownPrice      jint  `json:"change_down_price"`
	ChangeFreight        jint  `json:"change_freight"`
	IsChangeFreight      jbool `json:"is_change_freight"`
	MerchantReceive      jint  `json:"merchant_receieve_price"` // sic: the platform's spelling
	wireDiscounts
}

type wireSettleInfo struct {
	SettleTime jint `json:"settle_time"`
}

type wireOrderRefundInfo struct {
	RefundFreight jint `json:"refund_freight"`
}

type wireDeliveryInfo struct {
	Address            *wireAddress          `json:"address_info"`
	AddressUnderReview *wireAddress          `json:"address_under_review"`
	AddressApplyTime   jint                  `json:"address_apply_time"`
	Packages           []wireDeliveryPackage `json:"delivery_product_info"`
	ShipDoneTime       jint                  `json:"ship_done_time"`
	DeliverMethod      jint                  `json:"deliver_method"`
	QualityInspectType jint                  `json:"quality_inspect_type"`
	QualityInspectInfo *wireQualityInspect   `json:"quality_inspect_info"`
	DropshipFlag       jint                  `json:"dropship_flag"`
}

type wireAddress struct {
	UserName        string            `json:"user_name"`
	PostalCode      string            `json:"postal_code"`
	ProvinceName    string            `json:"province_name"`
	CityName        string            `json:"city_name"`
	CountyName      string            `json:"county_name"`
	DetailInfo      string            `json:"detail_info"`
	NationalCode    string            `json:"national_code"`
	TelNumber       string            `json:"tel_number"`
	HouseNumber     string            `json:"house_number"`
	VirtualOrderTel string            `json:"virtual_order_tel_number"`
	TelExt          *wireTelNumberExt `json:"tel_number_ext_info"`
	UseTelNumber    jint              `json:"use_tel_number"`
	HashCode        string            `json:"hash_code"`
}

type wireTelNumberExt struct {
	RealTelNumber    string `json:"real_tel_number"`
	VirtualTelNumber string `json:"virtual_tel_number"`
	ExpireTime       jint   `json:"virtual_tel_expire_time"`
	GetCnt           jint   `json:"get_virtual_tel_cnt"`
	DelayTimes       jint   `json:"has_delay_times"`
}

type wireQualityInspect struct {
	Status jint `json:"inspect_status"`
}

type wireDeliveryPackage struct {
	WaybillID    string              `json:"waybill_id"`
	DeliveryID   string              `json:"delivery_id"`
	DeliveryName string              `json:"delivery_name"`
	DeliveryTime jint                `json:"delivery_time"`
	DeliverType  jint                `json:"deliver_type"`
	Products     []wireParcelProduct `json:"product_infos"`
}

type wireParcelProduct struct {
	ProductID  jid  `json:"product_id"`
	SKUID      jid  `json:"sku_id"`
	ProductCnt jint `json:"product_cnt"`
}

type wireExtInfo struct {
	CustomerNotes      string `json:"customer_notes"`
	MerchantNotes      string `json:"merchant_notes"`
	ConfirmReceiptTime jint   `json:"confirm_receipt_time"`
}

type wireOrderAfterSale struct {
	OnAfterSaleOrderCnt jint               `json:"on_aftersale_order_cnt"`
	Orders              []wireAfterSaleRef `json:"aftersale_order_list"`
}

type wireAfterSaleRef struct {
	ID     jid   `json:"aftersale_order_id"`
	Status jcode `json:"status"`
}
