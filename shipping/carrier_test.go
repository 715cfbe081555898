package shipping_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shipping"
)

// testCarriers is a host's carrier list: the platform's rows (delivery_id, delivery_name) plus
// the rules the host knows for some of them.
var testCarriers = shipping.MustCarriers(
	shipping.Carrier{Code: "SF", Name: "顺丰速运", Pattern: `SF[0-9]{13}`},
	shipping.Carrier{Code: "YTO", Name: "圆通快速", MinLength: 10, MaxLength: 13},
	shipping.Carrier{Code: "ZTO", Name: "中通快速", MinLength: 12, MaxLength: 12},
	shipping.Carrier{Code: "OTHER", Name: "其他"},
)

func TestNewCarriers(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 4, testCarriers.Len())
	c, ok := testCarriers.Lookup("YTO")
	require.True(t, ok)
	assert.Equal(t, "圆通快速", c.Name)
	_, ok = testCarriers.Lookup("yto")
	assert.False(t, ok, "codes are case-sensitive, as the platform's delivery_id")
	assert.Equal(t, "SF", testCarriers.All()[0].Code)

	all := testCarriers.All()
	all[0].Code = "CHANGED"
	_, ok = testCarriers.Lookup("SF")
	assert.True(t, ok, "All returns a copy")

	var zero shipping.Carriers
	assert.Zero(t, zero.Len())
	_, ok = zero.Lookup("SF")
	assert.False(t, ok)
}

func TestNewCarriersRejects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		list   []shipping.Carrier
		reason string
	}{
		{"empty code", []shipping.Carrier{{Name: "x"}}, "empty code"},
		{"space in code", []shipping.Carrier{{Code: "S F"}}, "ASCII letters, digits"},
		{"chinese code", []shipping.Carrier{{Code: "顺丰"}}, "ASCII letters, digits"},
		{"long code", []shipping.Carrier{{Code: strings.Repeat("A", 65)}}, "1 to 64"},
		{"code at the bound, then a bad one", []shipping.Carrier{{Code: strings.Repeat("A", 64)}, {Code: "a.b"}}, "ASCII letters, digits"},
		{"name not UTF-8", []shipping.Carrier{{Code: "SF", Name: "顺\xff"}}, "UTF-8"},
		{"duplicate", []shipping.Carrier{{Code: "SF"}, {Code: "SF"}}, "listed twice"},
		{"negative length", []shipping.Carrier{{Code: "SF", MinLength: -1}}, "negative"},
		{"min above max", []shipping.Carrier{{Code: "SF", MinLength: 9, MaxLength: 8}}, "above max"},
		{"bad pattern", []shipping.Carrier{{Code: "SF", Pattern: `SF[0-9`}}, "pattern"},
		{"pattern escaping its anchors", []shipping.Carrier{{Code: "SF", Pattern: `A)|(B`}}, "pattern"},
		{"unterminated quote swallowing the anchors", []shipping.Carrier{{Code: "SF", Pattern: `\Q`}}, "anchored"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := shipping.NewCarriers(tc.list...)
			require.ErrorIs(t, err, shipping.ErrInvalidCarrier)
			var ce *shipping.CarrierError
			require.ErrorAs(t, err, &ce)
			assert.Contains(t, ce.Reason, tc.reason)
			assert.Equal(t, tc.list[len(tc.list)-1].Code, ce.Code, "the code as given")
			assert.NotContains(t, err.Error(), `\"`, "the code is quoted once")
			assert.True(t, strings.HasSuffix(err.Error(), ": "+ce.Reason), err.Error())
			assert.Zero(t, cs.Len(), "nothing is built on error")
		})
	}
	_, err := shipping.NewCarriers(shipping.Carrier{Code: "S F"})
	require.EqualError(t, err, `shipping: invalid carrier "S F": not 1 to 64 ASCII letters, digits, '_' or '-'`)

	// A hostile code does not make the message huge, but is kept whole in the error.
	long := strings.Repeat("顺", 1000)
	_, err = shipping.NewCarriers(shipping.Carrier{Code: long})
	var ce *shipping.CarrierError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, long, ce.Code)
	assert.Less(t, len(err.Error()), 200)
	assert.Panics(t, func() { shipping.MustCarriers(shipping.Carrier{}) })
}
