package wxapi

import (
	"time"

	"github.com/wxshop-go/wxshop/aftersale"
)

// AfterSaleUpdated is channels_ec_aftersale_update (body finder_shop_aftersale_status_update):
// an after-sale order changed status. The push carries the new status only;
// aftersale/getaftersaleorder has the rest (ReconcileAfterSale).
type AfterSaleUpdated struct {
	Header
	Status aftersale.Status `json:"status"`
}

// ComplaintUpdated is channels_ec_complaint_update (body finder_shop_complaint): a dispute
// (纠纷单) about an after-sale order changed status. Its Subject is the complaint, of the
// order OrderID; AfterSaleID is the after-sale order disputed.
type ComplaintUpdated struct {
	Header
	AfterSaleID string          `json:"after_sale_id"`
	Status      ComplaintStatus `json:"status"`
}

// ProductAudited is product_spu_audit: a product's review ended (Result), with the reason the
// platform gave.
type ProductAudited struct {
	Header
	Result ProductAudit `json:"result"`
	Reason string       `json:"reason,omitempty"`
}

// ProductListing is product_spu_listing: a product was listed (5) or delisted by the merchant
// (11), the system (13), a deposit breach (14), a brand expiry (15) or a ban (20). Status is
// the platform's product status code.
type ProductListing struct {
	Header
	Status int    `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// ProductUpdated is product_spu_update: a product was updated, added, deleted or purged.
type ProductUpdated struct {
	Header
	Operation ProductOperation `json:"operation"`
}

// CategoryAudited is product_category_audit: the review of a request for a category (类目) the
// shop may sell in moved on. Its Subject is the audit.
type CategoryAudited struct {
	Header
	Status CategoryAudit `json:"status"`
	Reason string        `json:"reason,omitempty"`
}

// StockShortage is channels_ec_stock_no_enough: a SKU's stock fell to 20 % and again to 10 %
// of what it was last set to. Its Subject is the product.
type StockShortage struct {
	Header
	SKUID string `json:"sku_id"`
	// Remaining is remaining_stock_amount; Codes is remaining_code_amount, the pre-stored
	// codes not yet issued (group-buy vouchers only, else 0).
	Remaining int `json:"remaining"`
	Codes     int `json:"codes,omitzero"`
}

// BrandUpdated is channels_ec_brand: a brand qualification of the shop moved (Status). Its
// Subject is the brand; AuditID is the review request.
type BrandUpdated struct {
	Header
	AuditID string      `json:"audit_id,omitempty"`
	Status  BrandStatus `json:"status"`
	Reason  string      `json:"reason,omitempty"`
}

// ShopClosed is channels_ec_close_store: the shop finished closing (注销). Its Subject is the
// shop's appid.
type ShopClosed struct {
	Header
	// ClosedAt is close_timestamp.
	ClosedAt time.Time `json:"closed_at,omitzero"`
}

// ShopRenamed is set_shop_nickname: the shop's name changed.
type ShopRenamed struct {
	Header
	Old string `json:"old"`
	New string `json:"new"`
}
