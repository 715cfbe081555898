package shop_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shop"
)

func TestMaskPhone(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"13800138000", "138****8000"},
		{"19912345678", "199****5678"},
		{"12345678", "123****5678"},
		{"1234567", "****"},
		{"", "****"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, shop.MaskPhone(tt.in), "%q", tt.in)
	}
}

func TestMaskNameAndID(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"王小明", "王**"}, {"A", "A"}, {"", ""}, {"欧阳娜娜娜娜", "欧****"},
	} {
		assert.Equal(t, tt.want, shop.MaskName(tt.in), "%q", tt.in)
	}
	for _, tt := range []struct{ in, want string }{
		{"o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "o9Ag****"}, {"12345678", "****"}, {"", "****"},
	} {
		assert.Equal(t, tt.want, shop.MaskID(tt.in), "%q", tt.in)
	}
}

// secrets are the values of a profile that must never reach a log.
func secrets(t *testing.T, p shop.Profile) []string {
	t.Helper()
	out := []string{p.Contact().Phone}
	if b, ok := p.Business(); ok {
		out = append(out, b.LicenseNumber, b.LegalRepresentativeID, b.BankAccount.Number)
	}
	if person, ok := p.Person(); ok {
		out = append(out, person.IDNumber)
	}
	return out
}

// holder is how a host keeps a profile: in a struct of its own, exported field or not.
type holder struct {
	ID      int
	Profile shop.Profile
	Ptr     *shop.Profile
	private shop.Profile
	list    []shop.Profile
}

// TestProfilePrintsMasked: however a profile is printed (String, every fmt verb, a pointer, a
// slice, a map, a field of a host's struct, exported or not), the full phone number, the
// identity numbers, the licence number and the bank account number stay out.
func TestProfilePrintsMasked(t *testing.T) {
	t.Parallel()
	for name, params := range map[string]shop.Params{"business": businessShop(), "person": personShop()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := shop.New(params)
			require.NoError(t, err)
			outputs := map[string]string{
				"String":   p.String(),
				"GoString": p.GoString(),
			}
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%10.3v"} {
				outputs[verb] = fmt.Sprintf(verb, p)
				outputs["pointer "+verb] = fmt.Sprintf(verb, &p)
			}
			h := holder{ID: 7, Profile: p, Ptr: &p, private: p, list: []shop.Profile{p}}
			for _, verb := range []string{"%v", "%+v", "%#v"} {
				outputs["holder "+verb] = fmt.Sprintf(verb, h)
				outputs["holder pointer "+verb] = fmt.Sprintf(verb, &h)
				outputs["slice "+verb] = fmt.Sprintf(verb, []shop.Profile{p, p})
				outputs["map "+verb] = fmt.Sprintf(verb, map[string]shop.Profile{"k": p})
				outputs["any "+verb] = fmt.Sprintf(verb, []any{p})
			}
			outputs["Sprint"] = fmt.Sprint(p)
			outputs["Sprintln"] = fmt.Sprintln(p, &p)
			for what, out := range outputs {
				for _, secret := range secrets(t, p) {
					assert.NotContains(t, out, secret, "%s prints %s", what, out)
				}
			}
			phone := p.Contact().Phone
			assert.Contains(t, p.String(), shop.MaskPhone(phone), "the masked phone is there to read")
			assert.Contains(t, p.String(), p.Name())
			assert.Contains(t, p.String(), p.Kind().String())
		})
	}
}

func TestProfileString(t *testing.T) {
	t.Parallel()
	b, err := shop.New(businessShop())
	require.NoError(t, err)
	assert.Equal(t, "龙井茶舍 (wechat_shop, business 杭州龙井茶舍有限公司, contact 王** 138****8000)", b.String())
	p, err := shop.New(personShop())
	require.NoError(t, err)
	assert.Equal(t, "小李的橱窗 (showcase_creator, person 李*, contact 李* 199****5678)", p.String())
	assert.NotContains(t, p.String(), "李四", "a person's real name is masked too")
	assert.Equal(t, "shop.Profile(zero)", shop.Profile{}.String())
	assert.Equal(t, "shop.Profile(zero)", fmt.Sprintf("%+v", shop.Profile{}))
	assert.True(t, strings.HasPrefix(fmt.Sprintf("%#v", b), "龙井茶舍 ("))
}
