package wxapi

import "strconv"

// The codes below describe what a push says without deciding a rule of the domain, so a code
// the platform adds later still decodes: String names the known ones ("order_change(31)" for
// the rest) and JSON carries the platform's number. The tables are the platform's own
// (developers.weixin.qq.com/doc/store/shop/notify/...).

// codeName is a known code's name and the platform's Chinese label.
type codeName struct{ name, label string }

// name returns the known name of code v in names, or "typ(v)".
func name[T ~uint8 | ~uint16](names map[T]codeName, typ string, v T) string {
	if n, ok := names[v]; ok {
		return n.name
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// label returns the Chinese label of code v, or its name.
func label[T ~uint8 | ~uint16](names map[T]codeName, typ string, v T) string {
	if n, ok := names[v]; ok {
		return n.label
	}
	return name(names, typ, v)
}

// OrderChange is channels_ec_order_ext_info_update's type: what changed.
type OrderChange uint8

var orderChanges = map[OrderChange]codeName{
	1: {"commission", "联盟佣金信息"}, 2: {"address", "商家修改地址或同意用户修改地址申请"}, 3: {"merchant_note", "商家备注修改"},
	4: {"address_request", "用户申请修改收货地址"}, 5: {"virtual_number", "订单虚拟号码信息更新"}, 6: {"sharer", "分享员信息更新"},
	7: {"urge_shipment", "用户催发货"}, 8: {"gift_note", "商家修改礼物单备注"}, 9: {"sku_change_request", "用户发起发货前更换sku请求"},
	10: {"sku_change_approved", "商家同意用户发货前更换sku请求"}, 11: {"gift_sku_change", "用户收礼时更换sku"}, 12: {"price_change", "商家修改订单价格"},
	13: {"real_number_review", "真实号审核结果"}, 14: {"dropship_assigned", "分配代发"}, 15: {"dropship_cancelled", "取消代发"},
	16: {"address_accepted", "买家已同意修改，请按新地址发货"}, 17: {"address_refused", "买家已拒绝修改，请按原地址发货"},
	18: {"address_request_expired", "买家超时未确认，修改申请已失效"}, 19: {"address_changed_by_buyer", "买家已主动修改地址，请按新地址发货"},
	20: {"address_request_too_late", "该订单已发货，修改申请已失效"}, 21: {"negotiation_accepted", "用户同意发货协商申请"},
	22: {"negotiation_refused", "用户拒绝发货协商申请"}, 23: {"negotiation_expired", "发货协商超时"},
}

// String returns the change's name ("sku_change_request").
func (c OrderChange) String() string { return name(orderChanges, "order_change", c) }

// Label returns the platform's words (用户发起发货前更换sku请求).
func (c OrderChange) Label() string { return label(orderChanges, "order_change", c) }

// ComplaintStatus is a dispute's complaint_status.
type ComplaintStatus uint16

var complaintStatuses = map[ComplaintStatus]codeName{
	100: {"merchant_pending", "待商家处理纠纷"}, 101: {"service_pending", "待客服处理"}, 102: {"service_cancelled", "取消客服介入"},
	103: {"service_processing", "客服处理中"}, 104: {"buyer_evidence_pending", "待用户补充凭证"}, 105: {"buyer_evidence_added", "用户已补充凭证"},
	106: {"merchant_evidence_pending", "待商家补充凭证"}, 107: {"merchant_evidence_added", "商家已补充凭证"},
	108: {"both_evidence_pending", "待双方补充凭证"}, 109: {"both_evidence_timeout", "双方补充凭证超时"}, 110: {"merchant_confirm_pending", "待商家确认"},
	111: {"merchant_appealing", "商家申诉中"}, 112: {"mediated", "调解完成"}, 113: {"service_verifying", "待客服核实"},
	114: {"refunding_again", "重新退款中"}, 115: {"refund_verified", "退款核实完成"}, 116: {"mediation_closed", "调解关闭"},
	305: {"buyer_evidence_timeout", "用户补充凭证超时"}, 307: {"merchant_evidence_timeout", "商家补充凭证超时"},
}

// String returns the status's name ("merchant_pending").
func (s ComplaintStatus) String() string { return name(complaintStatuses, "complaint_status", s) }

// Label returns the platform's words (待商家处理纠纷).
func (s ComplaintStatus) Label() string { return label(complaintStatuses, "complaint_status", s) }

// ProductAudit is product_spu_audit's status: how a review ended.
type ProductAudit uint8

var productAudits = map[ProductAudit]codeName{
	2: {"rejected", "审核不通过"}, 3: {"approved", "审核通过"}, 4: {"withdrawn", "撤销审核"},
}

// String returns the result's name ("approved").
func (a ProductAudit) String() string { return name(productAudits, "product_audit", a) }

// Label returns the platform's words (审核通过).
func (a ProductAudit) Label() string { return label(productAudits, "product_audit", a) }

// ProductOperation is product_spu_update's status: what happened to the product.
type ProductOperation uint8

var productOperations = map[ProductOperation]codeName{
	0: {"updated", "更新"}, 1: {"added", "新增"}, 2: {"deleted", "删除"}, 3: {"purged", "彻底删除"},
}

// String returns the operation's name ("added").
func (o ProductOperation) String() string { return name(productOperations, "product_operation", o) }

// Label returns the platform's words (新增).
func (o ProductOperation) Label() string { return label(productOperations, "product_operation", o) }

// CategoryAudit is product_category_audit's status.
type CategoryAudit uint8

var categoryAudits = map[CategoryAudit]codeName{
	1: {"reviewing", "审核中"}, 2: {"rejected", "审核不通过"}, 3: {"approved", "审核通过"}, 12: {"withdrawn", "主动取消申请单"},
}

// String returns the status's name ("approved").
func (a CategoryAudit) String() string { return name(categoryAudits, "category_audit", a) }

// Label returns the platform's words (审核通过).
func (a CategoryAudit) Label() string { return label(categoryAudits, "category_audit", a) }

// BrandStatus is channels_ec_brand's status.
type BrandStatus uint8

var brandStatuses = map[BrandStatus]codeName{
	1: {"added", "新增品牌"}, 2: {"updated", "更新品牌"}, 3: {"withdrawn", "撤回品牌审核"}, 4: {"approved", "审核成功"},
	5: {"rejected", "审核失败"}, 6: {"deleted", "删除品牌"}, 7: {"revoked", "品牌资质被系统撤销"},
}

// String returns the status's name ("approved").
func (s BrandStatus) String() string { return name(brandStatuses, "brand_status", s) }

// Label returns the platform's words (审核成功).
func (s BrandStatus) Label() string { return label(brandStatuses, "brand_status", s) }
