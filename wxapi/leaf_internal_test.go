package wxapi

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		set  bool
		v    int64
		flaw flaw
	}{
		{`0`, true, 0, flawNone},
		{`2000`, true, 2000, flawNone},
		{`-5`, true, -5, flawNone},
		{`"1"`, true, 1, flawNone},
		{`"-1"`, true, -1, flawNone},
		{`2000.0`, true, 2000, flawNone},
		{`2000.50`, true, 0, flawFraction},
		{`1e3`, true, 0, flawSyntax},
		{`"12a"`, true, 0, flawSyntax},
		{`"1."`, true, 0, flawSyntax},
		{`"-"`, true, 0, flawSyntax},
		{`"\u0031"`, true, 1, flawNone},
		{`9223372036854775807`, true, 9223372036854775807, flawNone},
		{`-9223372036854775808`, true, -9223372036854775808, flawNone},
		{`9223372036854775808`, true, 0, flawRange},
		{`99999999999999999999999`, true, 0, flawRange},
		{`true`, true, 0, flawType},
		{`{}`, true, 0, flawType},
		{`[1]`, true, 0, flawType},
		{`null`, false, 0, flawNone},
		{`""`, false, 0, flawNone},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var n jint
			require.NoError(t, json.Unmarshal([]byte(tt.in), &n))
			assert.Equal(t, tt.set, n.set)
			assert.Equal(t, tt.v, n.v)
			assert.Equal(t, tt.flaw, n.flaw)
			if tt.flaw != flawNone {
				assert.Equal(t, tt.in, n.raw)
			}
		})
	}
}

func TestJid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		set  bool
		s    string
		flaw flaw
	}{
		{`"3725020335455738368"`, true, "3725020335455738368", flawNone},
		{`3725020335455738368`, true, "3725020335455738368", flawNone},
		{`18446744073709551615`, true, "18446744073709551615", flawNone},
		{`18446744073709551616`, true, "", flawRange},
		{`"0"`, true, "", flawZero},
		{`"007"`, true, "", flawSyntax},
		{`-1`, true, "", flawSyntax},
		{`1.5`, true, "", flawSyntax},
		{`3.7e18`, true, "", flawSyntax},
		{`"abc"`, true, "", flawSyntax},
		{`false`, true, "", flawType},
		{`""`, false, "", flawNone},
		{`null`, false, "", flawNone},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var id jid
			require.NoError(t, json.Unmarshal([]byte(tt.in), &id))
			assert.Equal(t, tt.set, id.set)
			assert.Equal(t, tt.s, id.s)
			assert.Equal(t, tt.flaw, id.flaw)
		})
	}
}

func TestJcode(t *testing.T) {
	t.Parallel()
	var c jcode
	require.NoError(t, json.Unmarshal([]byte(`13`), &c))
	assert.Equal(t, jcode{s: "13", number: true, set: true}, c)
	require.NoError(t, json.Unmarshal([]byte(`"MERCHANT_REFUND_SUCCESS"`), &c))
	assert.Equal(t, jcode{s: "MERCHANT_REFUND_SUCCESS", set: true}, c)
	require.NoError(t, json.Unmarshal([]byte(`1.5`), &c))
	assert.Equal(t, flawFraction, c.flaw)
	require.NoError(t, json.Unmarshal([]byte(`[]`), &c))
	assert.Equal(t, flawType, c.flaw)
}

func TestPath(t *testing.T) {
	t.Parallel()
	r := root("order")
	d := r.at("order_detail")
	ps := d.at("product_infos")
	e := ps.elem(3)
	f := e.at("sale_price")
	assert.Equal(t, "order.order_detail.product_infos[3].sale_price", f.String())
	assert.Equal(t, "order", r.String())
}

// TestPathNoAllocs pins the promise that converting valid fields builds no path strings.
// (Amounts are left out: a decimal.Decimal allocates its big.Int.)
func TestPathNoAllocs(t *testing.T) {
	var d decoder
	allocs := testing.AllocsPerRun(100, func() {
		r := root("order")
		p := r.at("items")
		e := p.elem(2)
		q := e.at("sku_cnt")
		_ = d.positive(&q, jint{v: 3, set: true}, true)
		_ = d.unix(&q, jint{v: 1717200000, set: true}, true)
		_ = d.id(&q, jid{s: "42", set: true}, true)
	})
	assert.Zero(t, allocs)
	require.NoError(t, d.err)
}
