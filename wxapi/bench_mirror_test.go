package wxapi_test

// mirrorOrderGet is order/get as a wire-only SDK declares it: plain fields with JSON tags, the
// ones DecodeOrder reads, IDs as strings, amounts as integer fen. It is the baseline of
// BenchmarkDecodeOrderMirror.
type mirrorOrderGet struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	Order   struct {
		OrderID    string `json:"order_id"`
		Status     int    `json:"status"`
		CreateTime int64  `json:"create_time"`
		UpdateTime int64  `json:"update_time"`
		OpenID     string `json:"openid"`
		UnionID    string `json:"unionid"`
		IsPresent  bool   `json:"is_present"`
		Detail     struct {
			Products []mirrorProduct `json:"product_infos"`
			Pay      struct {
				PayTime       int64  `json:"pay_time"`
				PrepayID      string `json:"prepay_id"`
				PrepayTime    int64  `json:"prepay_time"`
				TransactionID string `json:"transaction_id"`
				PaymentMethod int    `json:"payment_method"`
			} `json:"pay_info"`
			Price struct {
				ProductPrice    int64 `json:"product_price"`
				OrderPrice      int64 `json:"order_price"`
				Freight         int64 `json:"freight"`
				DiscountedPrice int64 `json:"discounted_price"`
				ChangeFreight   int64 `json:"change_freight"`
				IsChangeFreight bool  `json:"is_change_freight"`
				mirrorDiscounts
			} `json:"price_info"`
			Delivery struct {
				Address       mirrorAddress   `json:"address_info"`
				Packages      []mirrorPackage `json:"delivery_product_info"`
				ShipDoneTime  int64           `json:"ship_done_time"`
				DeliverMethod int             `json:"deliver_method"`
			} `json:"delivery_info"`
			Ext struct {
				CustomerNotes      string `json:"customer_notes"`
				MerchantNotes      string `json:"merchant_notes"`
				ConfirmReceiptTime int64  `json:"confirm_receipt_time"`
			} `json:"ext_info"`
		} `json:"order_detail"`
		AfterSale struct {
			OnAfterSaleOrderCnt int `json:"on_aftersale_order_cnt"`
			Orders              []struct {
				ID     string `json:"aftersale_order_id"`
				Status any    `json:"status"`
			} `json:"aftersale_order_list"`
		} `json:"aftersale_detail"`
	} `json:"order"`
}

type mirrorDiscounts struct {
	Merchant        int64 `json:"merchant_discounted_price"`
	Finder          int64 `json:"finder_discounted_price"`
	VIP             int64 `json:"vip_discounted_price"`
	NationalSubsidy int64 `json:"national_subsidy_discounted_price"`
	CashCoupon      int64 `json:"cash_coupon_discounted_price"`
}

type mirrorProduct struct {
	ProductID string `json:"product_id"`
	SKUID     string `json:"sku_id"`
	SKUCnt    int    `json:"sku_cnt"`
	Title     string `json:"title"`
	ThumbImg  string `json:"thumb_img"`
	SKUAttrs  []struct {
		Key   string `json:"attr_key"`
		Value string `json:"attr_value"`
	} `json:"sku_attrs"`
	SKUCode          string `json:"sku_code"`
	SalePrice        int64  `json:"sale_price"`
	MarketPrice      int64  `json:"market_price"`
	RealPrice        int64  `json:"real_price"`
	EstimatePrice    int64  `json:"estimate_price"`
	ChangePrice      int64  `json:"change_price"`
	OnAfterSaleCnt   int    `json:"on_aftersale_sku_cnt"`
	FinishAfterSale  int    `json:"finish_aftersale_sku_cnt"`
	DeliveryDeadline int64  `json:"delivery_deadline"`
	DeliverInfo      struct {
		StockType           int   `json:"stock_type"`
		PredictDeliveryTime int64 `json:"predict_delivery_time"`
	} `json:"sku_deliver_info"`
	mirrorDiscounts
}

type mirrorAddress struct {
	UserName     string `json:"user_name"`
	ProvinceName string `json:"province_name"`
	CityName     string `json:"city_name"`
	CountyName   string `json:"county_name"`
	DetailInfo   string `json:"detail_info"`
	TelNumber    string `json:"tel_number"`
}

type mirrorPackage struct {
	WaybillID    string `json:"waybill_id"`
	DeliveryID   string `json:"delivery_id"`
	DeliveryName string `json:"delivery_name"`
	DeliveryTime int64  `json:"delivery_time"`
	DeliverType  int    `json:"deliver_type"`
	Products     []struct {
		ProductID  string `json:"product_id"`
		SKUID      string `json:"sku_id"`
		ProductCnt int    `json:"product_cnt"`
	} `json:"product_infos"`
}
