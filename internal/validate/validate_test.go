package validate_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/validate"
)

type inner struct {
	Phone string `validate:"required,cn_mobile"`
}

type form struct {
	Name    string   `validate:"required,max=5"`
	License string   `validate:"omitempty,uscc"`
	ID      string   `validate:"omitempty,cn_resident_id"`
	Inner   inner    `validate:"required"`
	Tags    []string `validate:"dive,required"`
	Count   int      `validate:"gte=0"`
	Number  int      `validate:"omitempty,uscc"` // a string rule on an int: fails, does not panic
}

func TestStruct(t *testing.T) {
	t.Parallel()
	ok := form{Name: "茶舍", License: "91350100M000100Y43", ID: "11010519491231002X", Inner: inner{Phone: "13800138000"}}
	require.NoError(t, validate.Struct("catalog", ok))
	require.NoError(t, validate.Struct("catalog", &ok))

	bad := form{Name: "六个字的名字", License: "91350100M000100Y44", ID: "110105194912310021",
		Inner: inner{Phone: "123"}, Tags: []string{"a", ""}, Count: -1, Number: 7}
	err := validate.Struct("catalog", bad)
	require.ErrorIs(t, err, validate.ErrInvalid)
	var ve *validate.Error
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "catalog", ve.Pkg)
	assert.Equal(t, "form", ve.Struct)
	assert.Equal(t, []validate.FieldError{
		{Field: "Name", Rule: "max", Param: "5"},
		{Field: "License", Rule: "uscc"},
		{Field: "ID", Rule: "cn_resident_id"},
		{Field: "Inner.Phone", Rule: "cn_mobile"},
		{Field: "Tags[1]", Rule: "required"},
		{Field: "Count", Rule: "gte", Param: "0"},
		{Field: "Number", Rule: "uscc"},
	}, ve.Fields)
	assert.EqualError(t, err, "catalog: invalid form: Name: max=5; License: uscc; ID: cn_resident_id; "+
		"Inner.Phone: cn_mobile; Tags[1]: required; Count: gte=0; Number: uscc")
	assert.True(t, ve.Has("Inner.Phone", "cn_mobile"))
	assert.False(t, ve.Has("Inner.Phone", "required"))
	assert.NotContains(t, err.Error(), "110105", "values stay out of messages")
}

func TestStructNotAStruct(t *testing.T) {
	t.Parallel()
	err := validate.Struct("catalog", 42)
	require.ErrorIs(t, err, validate.ErrInvalid)
	assert.EqualError(t, err, "catalog: invalid int: (value): struct")
	var nilForm *form
	require.ErrorIs(t, validate.Struct("catalog", nilForm), validate.ErrInvalid)
}

func TestStructConcurrent(t *testing.T) {
	t.Parallel()
	done := make(chan error)
	for range 8 {
		go func() { done <- validate.Struct("catalog", form{Name: "x", Inner: inner{Phone: "13800138000"}}) }()
	}
	for range 8 {
		require.NoError(t, <-done)
	}
}
