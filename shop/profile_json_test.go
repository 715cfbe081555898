package shop_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shop"
)

const businessJSON = `{
	"name": "龙井茶舍",
	"kind": "wechat_shop",
	"contact": {"name": "王店长", "phone": "13800138000"},
	"business": {
		"company_name": "杭州龙井茶舍有限公司",
		"license_number": "91350100M000100Y43",
		"legal_representative": "张三",
		"legal_representative_id": "11010519491231002X",
		"bank_account": {"holder": "杭州龙井茶舍有限公司", "bank": "中国银行杭州分行", "number": "6217000000001234"}
	}
}`

// TestProfileJSON: the stored form keeps every personal datum whole (it is what a host
// stores), in a stable shape, and reads back into the same profile.
func TestProfileJSON(t *testing.T) {
	t.Parallel()
	for name, params := range map[string]shop.Params{"business": businessShop(), "person": personShop()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := shop.New(params)
			require.NoError(t, err)
			data, err := json.Marshal(p)
			require.NoError(t, err)
			for _, secret := range secrets(t, p) {
				assert.Contains(t, string(data), secret, "the stored form keeps it")
			}
			var back shop.Profile
			require.NoError(t, json.Unmarshal(data, &back))
			assert.Equal(t, p.Params(), back.Params())
			assert.Equal(t, p.String(), back.String())
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))

			// Inside a host's own record, by value and by pointer.
			type record struct {
				Shop  shop.Profile  `json:"shop"`
				Other *shop.Profile `json:"other"`
			}
			data, err = json.Marshal(record{Shop: p, Other: &p})
			require.NoError(t, err)
			var r record
			require.NoError(t, json.Unmarshal(data, &r))
			assert.Equal(t, p.Params(), r.Shop.Params())
			require.NotNil(t, r.Other)
			assert.Equal(t, p.Params(), r.Other.Params())
		})
	}
	p, err := shop.New(businessShop())
	require.NoError(t, err)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, businessJSON, string(data), "the stored shape")
	person, err := shop.New(personShop())
	require.NoError(t, err)
	data, err = json.Marshal(person)
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"小李的橱窗","kind":"showcase_creator","contact":{"name":"李四","phone":"19912345678"},`+
		`"person":{"real_name":"李四","id_number":"440524188001010014"}}`, string(data))
}

func TestZeroProfileJSON(t *testing.T) {
	t.Parallel()
	_, err := json.Marshal(shop.Profile{})
	require.Error(t, err, "the zero Profile is not a shop and has no stored form")
	_, err = json.Marshal(struct{ P shop.Profile }{})
	require.Error(t, err, "nor inside another value")
	_, err = json.Marshal(struct{ P *shop.Profile }{})
	require.NoError(t, err, "a nil *Profile is null")
}

// TestProfileUnmarshalValidates: reading a stored profile checks it as New does, refuses
// unknown fields at any depth and trailing data, and leaves the target as it was on error.
func TestProfileUnmarshalValidates(t *testing.T) {
	t.Parallel()
	edit := func(old, new string) string {
		require.Contains(t, businessJSON, old)
		return strings.Replace(businessJSON, old, new, 1)
	}
	tests := []struct {
		name   string
		in     string
		is     error       // a sentinel the error matches, or nil for a decoding error
		fields [][2]string // for a ValidationError
		text   string      // a piece of the message
	}{
		{"bad phone", edit(`"13800138000"`, `"1380013800"`), shop.ErrInvalid, [][2]string{{"Contact.Phone", "cn_mobile"}}, "not a mainland mobile number"},
		{"phone with country code", edit(`"13800138000"`, `"+8613800138000"`), shop.ErrInvalid, [][2]string{{"Contact.Phone", "cn_mobile"}}, ""},
		{"bad licence", edit(`"91350100M000100Y43"`, `"91350100M000100Y44"`), shop.ErrInvalid, [][2]string{{"Business.LicenseNumber", "uscc"}}, ""},
		{"bad representative ID", edit(`"11010519491231002X"`, `"110105194912310021"`), shop.ErrInvalid, [][2]string{{"Business.LegalRepresentativeID", "cn_resident_id"}}, ""},
		{"account in another name", edit(`"holder": "杭州龙井茶舍有限公司"`, `"holder": "张三"`), shop.ErrInvalid, [][2]string{{"Business.BankAccount.Holder", "eqfield"}}, ""},
		{"no name", edit(`"name": "龙井茶舍",`, ``), shop.ErrInvalid, [][2]string{{"Name", "required"}}, ""},
		{"no subject", `{"name":"x","kind":"wechat_shop","contact":{"name":"王","phone":"13800138000"}}`, shop.ErrInvalid,
			[][2]string{{"Person", "required_without"}, {"Business", "required_without"}}, ""},
		{"both subjects", edit(`"business": {`, `"person": {"real_name": "李四", "id_number": "440524188001010014"}, "business": {`), shop.ErrInvalid,
			[][2]string{{"Person", "excluded_with"}}, ""},
		{"invalid UTF-8 in a name", edit(`"王店长"`, "\"王\xff\""), nil, nil, ""}, // JSON turns it into U+FFFD: a valid name
		{"unknown kind", edit(`"wechat_shop"`, `"taobao"`), shop.ErrUnknownCode, nil, "taobao"},
		{"kind as a number", edit(`"wechat_shop"`, `1`), nil, nil, ""},
		{"unknown top-level field", edit(`"name": "龙井茶舍",`, `"name": "龙井茶舍", "email": "a@b.c",`), nil, nil, "unknown field"},
		{"unknown nested field", edit(`"phone": "13800138000"`, `"phone": "13800138000", "wechat": "wx"`), nil, nil, "unknown field"},
		{"unknown field in the bank account", edit(`"number": "6217000000001234"`, `"number": "6217000000001234", "swift": "BKCHCNBJ"`), nil, nil, "unknown field"},
		{"trailing data", businessJSON + ` {}`, nil, nil, ""},
		{"not an object", `"龙井茶舍"`, nil, nil, ""},
		{"null", `null`, nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before, err := shop.New(personShop())
			require.NoError(t, err)
			got := before
			err = got.UnmarshalJSON([]byte(tt.in))
			if tt.name == "invalid UTF-8 in a name" {
				require.NoError(t, err)
				assert.Equal(t, "王\uFFFD", got.Contact().Name)
				return
			}
			require.Error(t, err)
			assert.Equal(t, before.Params(), got.Params(), "a rejected profile leaves the target as it was")
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
			}
			if tt.fields != nil {
				var ve *shop.ValidationError
				require.ErrorAs(t, err, &ve)
				for _, f := range tt.fields {
					assert.True(t, ve.Has(f[0], f[1]), "want %s %s in %v", f[0], f[1], err)
				}
			}
			if tt.text != "" {
				assert.Contains(t, err.Error(), tt.text)
			}
			for _, secret := range []string{"13800138000", "1380013800", "91350100M000100Y4", "11010519491231002", "440524188001010014", "6217000000001234"} {
				assert.NotContains(t, err.Error(), secret, "rejected values stay out of the message")
			}
		})
	}
}

// FuzzProfileJSON: whatever UnmarshalJSON accepts is a profile New accepts, stores back to a
// form that reads into the same profile, and prints without its phone number.
func FuzzProfileJSON(f *testing.F) {
	f.Add([]byte(businessJSON))
	f.Add([]byte(`{"name":"小李的橱窗","kind":"showcase_creator","contact":{"name":"李四","phone":"19912345678"},"person":{"real_name":"李四","id_number":"440524188001010014"}}`))
	f.Add([]byte(`{"name":"x","kind":"showcase_merchant","contact":{"name":"y","phone":"1"}}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p shop.Profile
		if err := json.Unmarshal(data, &p); err != nil {
			return
		}
		again, err := shop.New(p.Params())
		require.NoError(t, err)
		require.Equal(t, p.Params(), again.Params())
		out, err := json.Marshal(p)
		require.NoError(t, err)
		var back shop.Profile
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.Equal(t, p.Params(), back.Params())
		phone, b := p.Contact().Phone, p.Params().Business
		if !strings.Contains(p.Name(), phone) && (b == nil || !strings.Contains(b.CompanyName, phone)) {
			require.NotContains(t, p.String(), phone, "the phone is masked (unless the shop is named after it)")
		}
	})
}
