package catalog_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// enumValue is what every enum of the package offers.
type enumValue interface {
	fmt.Stringer
	Label() string
	IsValid() bool
	encoding.TextMarshaler
}

func TestEnums(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v            enumValue
		name, label  string
		code         int
		decodeTarget encoding.TextUnmarshaler
	}{
		{catalog.StatusNeverListed, "never_listed", "未上架", 0, new(catalog.ProductStatus)},
		{catalog.StatusListed, "listed", "上架", 5, new(catalog.ProductStatus)},
		{catalog.StatusRecycleBin, "recycle_bin", "回收站", 6, new(catalog.ProductStatus)},
		{catalog.StatusDeleted, "deleted", "已删除", 9, new(catalog.ProductStatus)},
		{catalog.StatusDelisted, "delisted", "自主下架", 11, new(catalog.ProductStatus)},
		{catalog.StatusSoldOut, "sold_out", "售罄下架", 12, new(catalog.ProductStatus)},
		{catalog.StatusViolation, "violation", "违规下架", 13, new(catalog.ProductStatus)},
		{catalog.StatusDepositShort, "deposit_short", "保证金不足下架", 14, new(catalog.ProductStatus)},
		{catalog.StatusBrandExpired, "brand_expired", "品牌过期下架", 15, new(catalog.ProductStatus)},
		{catalog.StatusBanned, "banned", "封禁", 20, new(catalog.ProductStatus)},
		{catalog.EditInitial, "initial", "初始", 0, new(catalog.EditStatus)},
		{catalog.EditEditing, "editing", "编辑中", 1, new(catalog.EditStatus)},
		{catalog.EditUnderReview, "under_review", "审核中", 2, new(catalog.EditStatus)},
		{catalog.EditReviewFailed, "review_failed", "审核失败", 3, new(catalog.EditStatus)},
		{catalog.EditReviewPassed, "review_passed", "审核成功", 4, new(catalog.EditStatus)},
		{catalog.EditWriting, "writing", "写入中", 5, new(catalog.EditStatus)},
		{catalog.EditUploading, "uploading", "上传中", 7, new(catalog.EditStatus)},
		{catalog.EditUploadFailed, "upload_failed", "上传失败", 8, new(catalog.EditStatus)},
		{catalog.SKUListed, "listed", "上架", 5, new(catalog.SKUStatus)},
		{catalog.SKUDelisted, "delisted", "下架", 11, new(catalog.SKUStatus)},
		{catalog.DiffAdd, "add", "增加", 1, new(catalog.DiffType)},
		{catalog.DiffSubtract, "subtract", "减少", 2, new(catalog.DiffType)},
		{catalog.DiffSet, "set", "设置为", 3, new(catalog.DiffType)},
		{catalog.Buyable, "buyable", "可购买", 1, new(catalog.Availability)},
		{catalog.OutOfStock, "out_of_stock", "无货", 2, new(catalog.Availability)},
		{catalog.Delisted, "delisted", "已下架", 3, new(catalog.Availability)},
		{catalog.InHiddenCategory, "hidden_category", "暂不销售", 4, new(catalog.Availability)},
		{catalog.SKUDeleted, "sku_deleted", "规格已删除", 5, new(catalog.Availability)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%T/%s", tt.v, tt.name), func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.name, tt.v.String())
			assert.Equal(t, tt.label, tt.v.Label())
			assert.True(t, tt.v.IsValid())
			assert.Equal(t, fmt.Sprint(tt.code), fmt.Sprintf("%d", tt.v), "platform code")
			text, err := tt.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(text))
			require.NoError(t, tt.decodeTarget.UnmarshalText(text))
			assert.Equal(t, tt.v, reflectElem(tt.decodeTarget))
			require.ErrorIs(t, tt.decodeTarget.UnmarshalText([]byte("no_such_"+tt.name)), catalog.ErrUnknownCode)
			assert.Equal(t, tt.v, reflectElem(tt.decodeTarget), "a rejected text leaves the value as it was")
		})
	}
}

// reflectElem dereferences the decode targets of TestEnums.
func reflectElem(p encoding.TextUnmarshaler) enumValue {
	switch p := p.(type) {
	case *catalog.ProductStatus:
		return *p
	case *catalog.EditStatus:
		return *p
	case *catalog.SKUStatus:
		return *p
	case *catalog.DiffType:
		return *p
	case *catalog.Availability:
		return *p
	}
	panic(fmt.Sprintf("unexpected %T", p))
}

func TestUnknownCodes(t *testing.T) {
	t.Parallel()
	for _, v := range []enumValue{catalog.ProductStatus(1), catalog.ProductStatus(21),
		catalog.EditStatus(6), catalog.SKUStatus(0), catalog.DiffType(4), catalog.Availability(0)} {
		assert.False(t, v.IsValid(), "%T(%d)", v, v)
		_, err := v.MarshalText()
		require.ErrorIs(t, err, catalog.ErrUnknownCode)
		assert.Contains(t, err.Error(), fmt.Sprintf("%d", v), "the error names the value")
	}
	require.ErrorIs(t, catalog.ProductStatus(7).Check(), catalog.ErrUnknownCode)
	assert.EqualError(t, catalog.ProductStatus(7).Check(), "unknown catalog.ProductStatus 7")
	require.NoError(t, catalog.StatusBanned.Check())
	require.ErrorIs(t, catalog.EditStatus(6).Check(), catalog.ErrUnknownCode)
	assert.Equal(t, "catalog.ProductStatus(7)", catalog.ProductStatus(7).String())
	assert.Equal(t, "catalog.Availability(0)", catalog.Availability(0).String())
}

func TestValueLists(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []catalog.ProductStatus{0, 5, 6, 9, 11, 12, 13, 14, 15, 20}, catalog.ProductStatuses())
	assert.Equal(t, []catalog.EditStatus{0, 1, 2, 3, 4, 5, 7, 8}, catalog.EditStatuses())
}

func TestAvailabilityErr(t *testing.T) {
	t.Parallel()
	assert.NoError(t, catalog.Buyable.Err())
	assert.Equal(t, catalog.ErrOutOfStock, catalog.OutOfStock.Err())
	assert.Equal(t, catalog.ErrDelisted, catalog.Delisted.Err())
	assert.Equal(t, catalog.ErrHiddenCategory, catalog.InHiddenCategory.Err())
	assert.Equal(t, catalog.ErrSKUDeleted, catalog.SKUDeleted.Err())
}
