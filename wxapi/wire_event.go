package wxapi

// Wire shape of the order and after-sale event pushes (REFERENCE §1 transitions, §5). The body
// of an order event is "order_info"; of an after-sale event, "finder_shop_aftersale_status_update".

type wireEvent struct {
	ToUserName   string              `json:"ToUserName"`
	FromUserName string              `json:"FromUserName"`
	CreateTime   jint                `json:"CreateTime"`
	MsgType      string              `json:"MsgType"`
	Event        string              `json:"Event"`
	Order        *wireEventOrder     `json:"order_info"`
	AfterSale    *wireEventAfterSale `json:"finder_shop_aftersale_status_update"`
}

type wireEventOrder struct {
	OrderID        jid  `json:"order_id"`
	PayTime        jint `json:"pay_time"`
	FinishDelivery jint `json:"finish_delivery"`
	CancelType     jint `json:"cancel_type"`
	ConfirmType    jint `json:"confirm_type"`
}

type wireEventAfterSale struct {
	Status      string `json:"status"`
	AfterSaleID jid    `json:"after_sale_order_id"`
	OrderID     jid    `json:"order_id"`
}
