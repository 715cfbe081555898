package wxapi

// Wire shape of the pushes, after decryption (REFERENCE §5; the platform's notify pages). The
// body of each kind is its own key; the shop events put their fields at the top level.

type wireEvent struct {
	ToUserName   string `json:"ToUserName"`
	FromUserName string `json:"FromUserName"`
	CreateTime   jint   `json:"CreateTime"`
	MsgType      string `json:"MsgType"`
	Event        string `json:"Event"`

	Order         *wireEventOrder     `json:"order_info"`
	AfterSale     *wireEventAfterSale `json:"finder_shop_aftersale_status_update"`
	Complaint     *wireEventComplaint `json:"finder_shop_complaint"`
	SPUAudit      *wireEventProduct   `json:"ProductSpuAudit"`
	SPUListing    *wireEventProduct   `json:"ProductSpuListing"`
	SPUUpdate     *wireEventProduct   `json:"ProductSpuUpdate"`
	CategoryAudit *wireEventCategory  `json:"ProductCategoryAudit"`
	Stock         *wireEventStock     `json:"channels_ec_stock_no_enough"`
	Brand         *wireEventBrand     `json:"BrandEvent"`

	// channels_ec_close_store and set_shop_nickname.
	AppID          jcode  `json:"appid"`
	CloseTimestamp jint   `json:"close_timestamp"`
	OldNickname    string `json:"old_nickname"`
	NewNickname    string `json:"new_nickname"`
}

type wireEventOrder struct {
	OrderID        jid  `json:"order_id"`
	PayTime        jint `json:"pay_time"`
	FinishDelivery jint `json:"finish_delivery"`
	CancelType     jint `json:"cancel_type"`
	ConfirmType    jint `json:"confirm_type"`
	SettleTime     jint `json:"settle_time"`
	Type           jint `json:"type"`
}

type wireEventAfterSale struct {
	Status      string `json:"status"`
	AfterSaleID jid    `json:"after_sale_order_id"`
	OrderID     jid    `json:"order_id"`
}

type wireEventComplaint struct {
	Status      jint  `json:"complaint_status"`
	AfterSaleID jid   `json:"after_sale_order_id"`
	ComplaintID jcode `json:"complaint_id"`
	OrderID     jid   `json:"order_id"`
}

type wireEventProduct struct {
	ProductID jid    `json:"product_id"`
	Status    jint   `json:"status"`
	Reason    string `json:"reason"`
}

type wireEventCategory struct {
	AuditID jcode  `json:"audit_id"`
	Status  jint   `json:"status"`
	Reason  string `json:"reason"`
}

type wireEventStock struct {
	ProductID jid  `json:"product_id"`
	SKUID     jid  `json:"sku_id"`
	Remaining jint `json:"remaining_stock_amount"`
	Codes     jint `json:"remaining_code_amount"`
}

type wireEventBrand struct {
	BrandID jcode  `json:"brand_id"`
	AuditID jcode  `json:"audit_id"`
	Status  jint   `json:"status"`
	Reason  string `json:"reason"`
}
