package catalog

import "github.com/wxshop-go/wxshop/internal/enum"

// ProductStatus is a product's online status (status), with the platform's codes. Only
// StatusListed is on sale. The zero value is StatusNeverListed, which is a real platform code.
type ProductStatus uint8

// Product statuses: the platform's codes for a product's online status (product/list/get).
const (
	StatusNeverListed  ProductStatus = 0  // 未上架: created, never listed
	StatusListed       ProductStatus = 5  // 上架: on sale
	StatusRecycleBin   ProductStatus = 6  // 回收站
	StatusDeleted      ProductStatus = 9  // 已删除: permanent, no further operation
	StatusDelisted     ProductStatus = 11 // 自主下架: delisted by the merchant
	StatusSoldOut      ProductStatus = 12 // 售罄下架: delisted because sold out
	StatusViolation    ProductStatus = 13 // 违规下架: delisted for a violation or by risk control
	StatusDepositShort ProductStatus = 14 // 保证金不足下架
	StatusBrandExpired ProductStatus = 15 // 品牌过期下架
	StatusBanned       ProductStatus = 20 // 封禁
)

var productStatuses = enum.New("catalog.ProductStatus",
	enum.Spec[ProductStatus]{Value: StatusNeverListed, Name: "never_listed", Label: "未上架"},
	enum.Spec[ProductStatus]{Value: StatusListed, Name: "listed", Label: "上架"},
	enum.Spec[ProductStatus]{Value: StatusRecycleBin, Name: "recycle_bin", Label: "回收站"},
	enum.Spec[ProductStatus]{Value: StatusDeleted, Name: "deleted", Label: "已删除"},
	enum.Spec[ProductStatus]{Value: StatusDelisted, Name: "delisted", Label: "自主下架"},
	enum.Spec[ProductStatus]{Value: StatusSoldOut, Name: "sold_out", Label: "售罄下架"},
	enum.Spec[ProductStatus]{Value: StatusViolation, Name: "violation", Label: "违规下架"},
	enum.Spec[ProductStatus]{Value: StatusDepositShort, Name: "deposit_short", Label: "保证金不足下架"},
	enum.Spec[ProductStatus]{Value: StatusBrandExpired, Name: "brand_expired", Label: "品牌过期下架"},
	enum.Spec[ProductStatus]{Value: StatusBanned, Name: "banned", Label: "封禁"},
)

// ProductStatuses returns every product status in code order.
func ProductStatuses() []ProductStatus { return productStatuses.Values() }

// String returns the stable English name ("listed").
func (s ProductStatus) String() string { return productStatuses.Name(s) }

// Label returns the Chinese label (上架).
func (s ProductStatus) Label() string { return productStatuses.Label(s) }

// IsValid reports whether s is a platform code.
func (s ProductStatus) IsValid() bool { return productStatuses.Valid(s) }

// Check returns nil for a platform code and an error naming s (matching ErrUnknownCode)
// otherwise: the way to accept a code from an API payload.
func (s ProductStatus) Check() error { return productStatuses.Check(s) }

// MarshalText renders the stable name.
func (s ProductStatus) MarshalText() ([]byte, error) { return productStatuses.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *ProductStatus) UnmarshalText(text []byte) error {
	return productStatuses.UnmarshalText(s, text)
}

// EditStatus is the status of a product's draft (edit_status), with the platform's codes.
type EditStatus uint8

// Draft statuses: the platform's edit_status codes.
const (
	EditInitial      EditStatus = 0 // 初始
	EditEditing      EditStatus = 1 // 编辑中
	EditUnderReview  EditStatus = 2 // 审核中: blocks updates, listing and deletion
	EditReviewFailed EditStatus = 3 // 审核失败
	EditReviewPassed EditStatus = 4 // 审核成功
	EditWriting      EditStatus = 5 // 商品信息写入中
	EditUploading    EditStatus = 7 // 商品异步提交，上传中: listing returns 10020067
	EditUploadFailed EditStatus = 8 // 商品异步提交，上传失败
)

var editStatuses = enum.New("catalog.EditStatus",
	enum.Spec[EditStatus]{Value: EditInitial, Name: "initial", Label: "初始"},
	enum.Spec[EditStatus]{Value: EditEditing, Name: "editing", Label: "编辑中"},
	enum.Spec[EditStatus]{Value: EditUnderReview, Name: "under_review", Label: "审核中"},
	enum.Spec[EditStatus]{Value: EditReviewFailed, Name: "review_failed", Label: "审核失败"},
	enum.Spec[EditStatus]{Value: EditReviewPassed, Name: "review_passed", Label: "审核成功"},
	enum.Spec[EditStatus]{Value: EditWriting, Name: "writing", Label: "写入中"},
	enum.Spec[EditStatus]{Value: EditUploading, Name: "uploading", Label: "上传中"},
	enum.Spec[EditStatus]{Value: EditUploadFailed, Name: "upload_failed", Label: "上传失败"},
)

// EditStatuses returns every draft status in code order.
func EditStatuses() []EditStatus { return editStatuses.Values() }

// String returns the stable English name ("under_review").
func (s EditStatus) String() string { return editStatuses.Name(s) }

// Label returns the Chinese label (审核中).
func (s EditStatus) Label() string { return editStatuses.Label(s) }

// IsValid reports whether s is a platform code.
func (s EditStatus) IsValid() bool { return editStatuses.Valid(s) }

// Check returns nil for a platform code and an error naming s otherwise.
func (s EditStatus) Check() error { return editStatuses.Check(s) }

// MarshalText renders the stable name.
func (s EditStatus) MarshalText() ([]byte, error) { return editStatuses.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *EditStatus) UnmarshalText(text []byte) error { return editStatuses.UnmarshalText(s, text) }

// SKUStatus is one SKU's listing state, as the no-review update path sets it (5 / 11). The zero
// value is not a status; in a NoReviewSKU it means "leave unchanged".
type SKUStatus uint8

// SKU statuses.
const (
	SKUListed   SKUStatus = 5  // 上架
	SKUDelisted SKUStatus = 11 // 下架
)

var skuStatuses = enum.New("catalog.SKUStatus",
	enum.Spec[SKUStatus]{Value: SKUListed, Name: "listed", Label: "上架"},
	enum.Spec[SKUStatus]{Value: SKUDelisted, Name: "delisted", Label: "下架"},
)

// String returns the stable English name.
func (s SKUStatus) String() string { return skuStatuses.Name(s) }

// Label returns the Chinese label.
func (s SKUStatus) Label() string { return skuStatuses.Label(s) }

// IsValid reports whether s is a SKU status.
func (s SKUStatus) IsValid() bool { return skuStatuses.Valid(s) }

// MarshalText renders the stable name.
func (s SKUStatus) MarshalText() ([]byte, error) { return skuStatuses.MarshalText(s) }

// UnmarshalText parses a stable name.
func (s *SKUStatus) UnmarshalText(text []byte) error { return skuStatuses.UnmarshalText(s, text) }
