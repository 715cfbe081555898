package shipping_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shipping"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestCodesGolden pins the stable code set: a code is API, so renaming, renumbering or removing
// one shows up as a diff of testdata/codes.golden.
func TestCodesGolden(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for _, c := range shipping.Codes() {
		sb.WriteString(string(c) + "\t" + strconv.Itoa(c.PlatformCode()) + "\t" + strconv.FormatBool(c.IsWarning()) + "\t" + c.Label() + "\n")
	}
	golden := filepath.Join("testdata", "codes.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(sb.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), sb.String())
}

func TestCodeMetadata(t *testing.T) {
	t.Parallel()
	seen := map[error]shipping.Code{}
	for _, c := range shipping.Codes() {
		t.Run(string(c), func(t *testing.T) {
			assert.True(t, c.Valid())
			assert.Equal(t, string(c), c.String())
			assert.NotEmpty(t, c.Label(), "Chinese title")
			assert.NotEmpty(t, c.Title(), "English title")
			assert.NotEmpty(t, c.Action(), "Chinese action")
			assert.NotEmpty(t, c.ActionEN(), "English action")
			require.Error(t, c.Err())
			assert.Contains(t, c.Err().Error(), string(c))
			var coded interface{ Code() shipping.Code }
			require.ErrorAs(t, c.Err(), &coded)
			assert.Equal(t, c, coded.Code())

			text, err := c.MarshalText()
			require.NoError(t, err)
			var back shipping.Code
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, c, back)
		})
		_, dup := seen[c.Err()]
		assert.False(t, dup, "each code has its own sentinel")
		seen[c.Err()] = c
	}
}

func TestCodePlatformCodes(t *testing.T) {
	t.Parallel()
	// The platform's delivery refusals (REFERENCE §3) and the codes each can mean.
	cases := []struct {
		errcode int
		want    []shipping.Code
	}{
		{108009, []shipping.Code{shipping.CodeAfterSaleOpen}},
		{109000, []shipping.Code{shipping.CodeQuantityInvalid, shipping.CodeOverShipment, shipping.CodeUnitsRefunded, shipping.CodeTrackingDuplicate}},
		{109001, []shipping.Code{shipping.CodeOrderShipped}},
		{109002, []shipping.Code{shipping.CodeParcelEmpty}},
		{606004, []shipping.Code{shipping.CodeCarrierUnknown}},
		{606005, []shipping.Code{shipping.CodeTrackingInvalid}},
		{606008, []shipping.Code{shipping.CodeDeliverTypeMismatch}},
		{606030, []shipping.Code{shipping.CodeSKUSplit}},
		{606031, []shipping.Code{shipping.CodeSKUDrift, shipping.CodeSKUUnknown}},
		{0, nil},
		{100002, nil},
		{-1, nil},
	}
	for _, tc := range cases {
		t.Run(strconv.Itoa(tc.errcode), func(t *testing.T) {
			got := shipping.CodesForPlatform(tc.errcode)
			assert.ElementsMatch(t, tc.want, got)
			for _, c := range got {
				assert.Equal(t, tc.errcode, c.PlatformCode())
			}
		})
	}
}

func TestCodeUnknown(t *testing.T) {
	t.Parallel()
	bogus := shipping.Code("no_such_code")
	assert.False(t, bogus.Valid())
	assert.False(t, shipping.Code("").Valid())
	assert.Equal(t, `shipping.Code(no_such_code)`, bogus.String())
	assert.Zero(t, bogus.PlatformCode())
	assert.Nil(t, bogus.Err())
	_, err := bogus.MarshalText()
	require.ErrorIs(t, err, shipping.ErrUnknownCode)

	c := shipping.CodeSKUDrift
	err = c.UnmarshalText([]byte("no_such_code"))
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
	assert.Contains(t, err.Error(), "no_such_code")
	assert.Equal(t, shipping.CodeSKUDrift, c, "a rejected text leaves the code unchanged")
}

func TestOnlyLateShipmentIsAWarning(t *testing.T) {
	t.Parallel()
	for _, c := range shipping.Codes() {
		assert.Equal(t, c == shipping.CodeLateShipment, c.IsWarning(), c)
	}
	assert.False(t, errors.Is(shipping.ErrLateShipment, shipping.ErrBlocked))
}
