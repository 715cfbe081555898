package wxapi

// Wire shape of POST /channels/ec/product/get (REFERENCE §4). data_type 1 answers with
// "product" (the online copy), 2 with "edit_product" (the draft), 3 with both. Only the fields
// wxshop reads are declared.

type wireProductGet struct {
	envelope
	Product     *wireProduct `json:"product"`
	EditProduct *wireProduct `json:"edit_product"`
}

type wireProduct struct {
	ProductID    jid           `json:"product_id"`
	OutProductID string        `json:"out_product_id"`
	Title        string        `json:"title"`
	SPUCode      string        `json:"spu_code"`
	Status       jint          `json:"status"`
	EditStatus   jint          `json:"edit_status"`
	HeadImgs     []string      `json:"head_imgs"`
	Desc         *wireDescInfo `json:"desc_info"`
	CatsV2       []wireCat     `json:"cats_v2"`
	Cats         []wireCat     `json:"cats"` // the older category tree; read only without cats_v2
	SKUs         []wireSKU     `json:"skus"`
}

type wireDescInfo struct {
	Desc string `json:"desc"`
}

type wireCat struct {
	CatID jid `json:"cat_id"`
}

type wireSKU struct {
	SKUID       jid        `json:"sku_id"`
	OutSKUID    string     `json:"out_sku_id"`
	SalePrice   jint       `json:"sale_price"`
	MarketPrice jint       `json:"market_price"`
	StockNum    jint       `json:"stock_num"`
	SKUCode     string     `json:"sku_code"`
	SKUAttrs    []wireAttr `json:"sku_attrs"`
	Status      jint       `json:"status"`
}
