package wxapi

// Wire shape of POST /channels/ec/aftersale/getaftersaleorder (REFERENCE §2). Only the fields
// wxshop reads are declared; encoding/json skips the rest.

type wireAfterSaleGet struct {
	envelope
	AfterSale *wireAfterSale `json:"after_sale_order"`
}

type wireAfterSale struct {
	ID                    jid                   `json:"after_sale_order_id"`
	Status                jcode                 `json:"status"`
	OrderID               jid                   `json:"order_id"`
	Type                  string                `json:"type"`
	Reason                string                `json:"reason"`
	ReasonText            string                `json:"reason_text"`
	Product               *wireAfterSaleProduct `json:"product_info"`
	Details               *wireAfterSaleDetails `json:"details"`
	Refund                *wireRefundInfo       `json:"refund_info"`
	Return                *wireReturnInfo       `json:"return_info"`
	MerchantUpload        *wireMerchantUpload   `json:"merchant_upload_info"`
	CreateTime            jint                  `json:"create_time"`
	UpdateTime            jint                  `json:"update_time"`
	CompleteTime          jint                  `json:"complete_time"`
	ComplaintID           jid                   `json:"complaint_id"`
	CompensationLiability jint                  `json:"compensation_liability_amount"`
}

type wireAfterSaleProduct struct {
	ProductID jid  `json:"product_id"`
	SKUID     jid  `json:"sku_id"`
	Count     jint `json:"count"`
}

type wireAfterSaleDetails struct {
	Desc string `json:"desc"`
}

type wireRefundInfo struct {
	Amount       jint `json:"amount"`
	RefundReason jint `json:"refund_reason"`
}

type wireReturnInfo struct {
	WaybillID  string `json:"waybill_id"`
	DeliveryID string `json:"delivery_id"`
}

type wireMerchantUpload struct {
	RejectReason string `json:"reject_reason"`
}
