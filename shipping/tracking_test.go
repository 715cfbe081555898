package shipping_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/shipping"
)

// trackingCarriers adds a carrier whose pattern is an alternation to the test carriers.
var trackingCarriers = shipping.MustCarriers(append(testCarriers.All(),
	shipping.Carrier{Code: "JD", Name: "京东", Pattern: `JD[0-9]+|JDV[0-9]+`})...)

func TestValidateTracking(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		carrier string
		number  string
		want    shipping.TrackingProblem // 0: valid
	}{
		{"sf ok", "SF", "SF1234567890123", 0},
		{"yto ok", "YTO", "YT12345678", 0},
		{"zto exact length", "ZTO", "755123456789", 0},
		{"other: generic rules only", "OTHER", "A-1", 0},
		{"unknown carrier: generic rules only", "NOPE", "123", 0},
		{"empty", "SF", "", shipping.TrackingEmpty},
		{"space", "OTHER", "12345 678", shipping.TrackingBadCharacter},
		{"leading space", "OTHER", " 12345678", shipping.TrackingBadCharacter},
		{"full-width digit", "OTHER", "１２３", shipping.TrackingBadCharacter},
		{"chinese", "OTHER", "顺丰123", shipping.TrackingBadCharacter},
		{"slash", "OTHER", "12/34", shipping.TrackingBadCharacter},
		{"too long for anyone", "OTHER", strings.Repeat("9", shipping.MaxTrackingLength+1), shipping.TrackingTooLong},
		{"at the bound", "OTHER", strings.Repeat("9", shipping.MaxTrackingLength), 0},
		{"too short for yto", "YTO", "123456789", shipping.TrackingLength},
		{"too long for yto", "YTO", "12345678901234", shipping.TrackingLength},
		{"wrong length for zto", "ZTO", "75512345678", shipping.TrackingLength},
		{"sf pattern: missing prefix", "SF", "1234567890123", shipping.TrackingPattern},
		{"sf pattern is anchored", "SF", "SF1234567890123X", shipping.TrackingPattern},
		{"sf pattern: lower case", "SF", "sf1234567890123", shipping.TrackingPattern},
		{"alternation anchored as a whole: left", "JD", "JD123", 0},
		{"alternation anchored as a whole: prefix", "JD", "XJD123", shipping.TrackingPattern},
		{"alternation anchored as a whole: suffix", "JD", "JDV123X", shipping.TrackingPattern},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := trackingCarriers.ValidateTracking(tc.carrier, tc.number)
			if tc.want == 0 {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, shipping.ErrTrackingInvalid)
			var te *shipping.TrackingError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.want, te.Problem, te.Detail)
			assert.Equal(t, tc.number, te.Number)
			assert.Equal(t, tc.carrier, te.Carrier)
			assert.Contains(t, err.Error(), tc.want.String())
		})
	}
}

func TestTrackingProblemText(t *testing.T) {
	t.Parallel()
	for _, p := range []shipping.TrackingProblem{shipping.TrackingEmpty, shipping.TrackingBadCharacter,
		shipping.TrackingTooLong, shipping.TrackingLength, shipping.TrackingPattern} {
		text, err := p.MarshalText()
		require.NoError(t, err)
		var back shipping.TrackingProblem
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, p, back)
		assert.NotEmpty(t, p.Label())
	}
	bad := shipping.TrackingProblem(0)
	assert.Equal(t, "shipping.TrackingProblem(0)", bad.String())
	assert.Equal(t, bad.String(), bad.Label())
	_, err := bad.MarshalText()
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
	p := shipping.TrackingEmpty
	require.ErrorIs(t, p.UnmarshalText([]byte("nope")), shipping.ErrUnknownCode)
	assert.Equal(t, shipping.TrackingEmpty, p)
}

// FuzzValidateTracking feeds host carrier data and tracking numbers from outside: building the
// set either fails with ErrInvalidCarrier or succeeds, and a number it accepts obeys every
// rule the documentation states.
func FuzzValidateTracking(f *testing.F) {
	f.Add("SF", `SF[0-9]{13}`, 0, 0, "SF1234567890123")
	f.Add("ZTO", "", 12, 12, "755123456789")
	f.Add("X", `(`, 0, 0, "1")
	f.Add("YTO", "", 10, 3, "顺丰 12")
	f.Fuzz(func(t *testing.T, code, pattern string, minLen, maxLen int, number string) {
		if len(pattern) > 64 {
			return // keep each input fast: regexp compilation grows with the pattern
		}
		cs, err := shipping.NewCarriers(shipping.Carrier{Code: code, Pattern: pattern, MinLength: minLen, MaxLength: maxLen})
		if err != nil {
			require.ErrorIs(t, err, shipping.ErrInvalidCarrier)
			return
		}
		err = cs.ValidateTracking(code, number)
		if err != nil {
			require.ErrorIs(t, err, shipping.ErrTrackingInvalid)
			var te *shipping.TrackingError
			require.ErrorAs(t, err, &te)
			require.Equal(t, number, te.Number)
			return
		}
		require.NotEmpty(t, number)
		require.LessOrEqual(t, len(number), shipping.MaxTrackingLength)
		for _, r := range number {
			require.True(t, r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z', "%q", r)
		}
		if minLen > 0 {
			require.GreaterOrEqual(t, len(number), minLen)
		}
		if maxLen > 0 {
			require.LessOrEqual(t, len(number), maxLen)
		}
	})
}

// FuzzCodeUnmarshalText: any text either parses to a valid code that renders back to itself,
// or fails with ErrUnknownCode and leaves the code unchanged.
func FuzzCodeUnmarshalText(f *testing.F) {
	for _, c := range shipping.Codes() {
		f.Add(string(c))
	}
	f.Add("")
	f.Add("AFTERSALE_OPEN")
	f.Fuzz(func(t *testing.T, text string) {
		c := shipping.CodeSKUDrift
		if err := c.UnmarshalText([]byte(text)); err != nil {
			require.ErrorIs(t, err, shipping.ErrUnknownCode)
			require.Equal(t, shipping.CodeSKUDrift, c)
			return
		}
		require.True(t, c.Valid())
		require.Equal(t, text, c.String())
	})
}
