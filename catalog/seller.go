package catalog

// SellerKind is who sells on the platform. All three kinds carry the same obligation to ship
// every paid order.
type SellerKind uint8

// Seller kinds. The zero value is not a valid kind.
const (
	SellerWeChatShop       SellerKind = 1 // 微信小店商家
	SellerShowcaseMerchant SellerKind = 2 // 视频号橱窗商家
	SellerShowcaseCreator  SellerKind = 3 // 视频号橱窗达人
)
