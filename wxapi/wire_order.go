package wxapi

// Wire shapes of POST /channels/ec/order/get (REFERENCE §5). Only the fields wxshop reads are
// declared; encoding/json skips the rest, so new or odd platform fields never break decoding.

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
	Detail     *wireOrderDetail    `json:"order_detail"`
	AfterSale  *wireOrderAfterSale `json:"aftersale_detail"`
}

type wireOrderDetail struct {
	Products []wireOrderProduct `json:"product_infos"`
	Pay      *wirePayInfo       `json:"pay_info"`
	Price    *wirePriceInfo     `json:"price_info"`
	Delivery *wireDeliveryInfo  `json:"delivery_info"`
	Ext      *wireExtInfo       `json:"ext_info"`
}

type wireAttr struct {
	Key   string `json:"attr_key"`
	Value string `json:"attr_value"`
}

type wireOrderProduct struct {
	ProductID        jid                 `json:"product_id"`
	SKUID            jid                 `json:"sku_id"`
	SKUCnt           jint                `json:"sku_cnt"`
	Title            string              `json:"title"`
	SKUAttrs         []wireAttr          `json:"sku_attrs"`
	SalePrice        jint                `json:"sale_price"`
	RealPrice        jint                `json:"real_price"`
	OnAfterSaleCnt   jint                `json:"on_aftersale_sku_cnt"`
	FinishAfterSale  jint                `json:"finish_aftersale_sku_cnt"`
	DeliveryDeadline jint                `json:"delivery_deadline"`
	DeliverInfo      *wireSKUDeliverInfo `json:"sku_deliver_info"`
}

type wireSKUDeliverInfo struct {
	StockType           jint `json:"stock_type"`
	PredictDeliveryTime jint `json:"predict_delivery_time"`
}

type wirePayInfo struct {
	PayTime jint `json:"pay_time"`
}

type wirePriceInfo struct {
	ProductPrice jint `json:"product_price"`
	Freight      jint `json:"freight"`
}

type wireDeliveryInfo struct {
	Packages      []wireDeliveryPackage `json:"delivery_product_info"`
	ShipDoneTime  jint                  `json:"ship_done_time"`
	DeliverMethod jint                  `json:"deliver_method"`
}

type wireDeliveryPackage struct {
	WaybillID   string              `json:"waybill_id"`
	DeliveryID  string              `json:"delivery_id"`
	DeliverType jint                `json:"deliver_type"`
	Products    []wireParcelProduct `json:"product_infos"`
}

type wireParcelProduct struct {
	ProductID  jid  `json:"product_id"`
	SKUID      jid  `json:"sku_id"`
	ProductCnt jint `json:"product_cnt"`
}

type wireExtInfo struct {
	ConfirmReceiptTime jint `json:"confirm_receipt_time"`
}

type wireOrderAfterSale struct {
	OnAfterSaleOrderCnt jint               `json:"on_aftersale_order_cnt"`
	Orders              []wireAfterSaleRef `json:"aftersale_order_list"`
}

type wireAfterSaleRef struct {
	ID     jid   `json:"aftersale_order_id"`
	Status jcode `json:"status"`
}
