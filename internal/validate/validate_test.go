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
	type rule struct{ Field, Rule, Param string }
	var got []rule
	for _, f := range ve.Fields {
		got = append(got, rule{f.Field, f.Rule, f.Param})
	}
	assert.Equal(t, []rule{
		{Field: "Name", Rule: "max", Param: "5"},
		{Field: "License", Rule: "uscc"},
		{Field: "ID", Rule: "cn_resident_id"},
		{Field: "Inner.Phone", Rule: "cn_mobile"},
		{Field: "Tags[1]", Rule: "required"},
		{Field: "Count", Rule: "gte", Param: "0"},
		{Field: "Number", Rule: "uscc"},
	}, got)
	assert.EqualError(t, err, "catalog: invalid form: Name: at most 5 characters; "+
		"License: not a unified social credit code (18 characters, GB 32100 check character); "+
		"ID: not a resident identity number (18 characters, GB 11643 check character); "+
		"Inner.Phone: not a mainland mobile number (11 digits starting 13 to 19); Tags[1]: required; "+
		"Count: at least 0; Number: not a unified social credit code (18 characters, GB 32100 check character)")
	assert.NotContains(t, err.Error(), "max=", "messages say the rule in words, not in tag syntax")
	assert.True(t, ve.Has("Inner.Phone", "cn_mobile"))
	assert.False(t, ve.Has("Inner.Phone", "required"))
	assert.NotContains(t, err.Error(), "110105", "values stay out of messages")
}

func TestStructNotAStruct(t *testing.T) {
	t.Parallel()
	err := validate.Struct("catalog", 42)
	require.ErrorIs(t, err, validate.ErrInvalid)
	assert.EqualError(t, err, "catalog: invalid int: (value): not a struct")
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

// TestStructUTF8 refuses text that JSON could not carry back unchanged, wherever it is in the
// struct, and names the field.
func TestStructUTF8(t *testing.T) {
	t.Parallel()
	bad := form{Name: "a\xffb", Inner: inner{Phone: "13800138000"}, Tags: []string{"ok", "\xc3"}}
	err := validate.Struct("catalog", bad)
	require.ErrorIs(t, err, validate.ErrInvalid)
	var ve *validate.Error
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("Name", "utf8"))
	assert.True(t, ve.Has("Tags[1]", "utf8"))
	assert.Contains(t, err.Error(), "Name: not valid UTF-8")
}

func TestReason(t *testing.T) {
	t.Parallel()
	tests := []struct{ rule, param, kind, want string }{
		{"min", "1", "slice", "at least 1 item"},
		{"min", "3", "slice", "at least 3 items"},
		{"max", "20", "string", "at most 20 characters"},
		{"lte", "9", "number", "at most 9"},
		{"required_without", "Business", "", "required when Business is not given"},
		{"weird", "x", "", "breaks rule weird=x"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, validate.Reason(tt.rule, tt.param, tt.kind), tt.rule)
	}
}
