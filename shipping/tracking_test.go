package shipping_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
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
		want    order.TrackingProblem // 0: valid
	}{
		{"sf ok", "SF", "SF1234567890123", 0},
		{"yto ok", "YTO", "YT12345678", 0},
		{"zto exact length", "ZTO", "755123456789", 0},
		{"other: generic rules only", "OTHER", "A-1", 0},
		{"unknown carrier: generic rules only", "NOPE", "123", 0},
		{"empty", "SF", "", order.TrackingEmpty},
		{"space", "OTHER", "12345 678", order.TrackingBadCharacter},
		{"leading space", "OTHER", " 12345678", order.TrackingBadCharacter},
		{"full-width digit", "OTHER", "１２３", order.TrackingBadCharacter},
		{"chinese", "OTHER", "顺丰123", order.TrackingBadCharacter},
		{"slash", "OTHER", "12/34", order.TrackingBadCharacter},
		{"too long for anyone", "OTHER", strings.Repeat("9", order.MaxTrackingLength+1), order.TrackingTooLong},
		{"at the bound", "OTHER", strings.Repeat("9", order.MaxTrackingLength), 0},
		{"too short for yto", "YTO", "123456789", order.TrackingLength},
		{"too long for yto", "YTO", "12345678901234", order.TrackingLength},
		{"wrong length for zto", "ZTO", "75512345678", order.TrackingLength},
		{"sf pattern: missing prefix", "SF", "1234567890123", order.TrackingPattern},
		{"sf pattern is anchored", "SF", "SF1234567890123X", order.TrackingPattern},
		{"sf pattern: lower case", "SF", "sf1234567890123", order.TrackingPattern},
		{"alternation anchored as a whole: left", "JD", "JD123", 0},
		{"alternation anchored as a whole: prefix", "JD", "XJD123", order.TrackingPattern},
		{"alternation anchored as a whole: suffix", "JD", "JDV123X", order.TrackingPattern},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := trackingCarriers.ValidateTracking(tc.carrier, tc.number)
			if tc.want == 0 {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, order.RuleTrackingInvalid)
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
	for _, p := range []order.TrackingProblem{order.TrackingEmpty, order.TrackingBadCharacter,
		order.TrackingTooLong, order.TrackingLength, order.TrackingPattern} {
		text, err := p.MarshalText()
		require.NoError(t, err)
		var back order.TrackingProblem
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, p, back)
		assert.NotEmpty(t, p.Label())
	}
	none := order.TrackingProblem(0)
	assert.Equal(t, "none", none.String(), "the zero value means no problem")
	assert.Equal(t, none.String(), none.Label())
	_, err := none.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode, "no problem is not a problem to store")
	bad := order.TrackingProblem(9)
	assert.Equal(t, "order.TrackingProblem(9)", bad.String())
	assert.Equal(t, bad.String(), bad.Label())
	_, err = bad.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode)
	p := order.TrackingEmpty
	require.ErrorIs(t, p.UnmarshalText([]byte("nope")), order.ErrUnknownCode)
	assert.Equal(t, order.TrackingEmpty, p)
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
			require.ErrorIs(t, err, order.RuleTrackingInvalid)
			var te *shipping.TrackingError
			require.ErrorAs(t, err, &te)
			require.Equal(t, number, te.Number)
			return
		}
		require.NotEmpty(t, number)
		require.LessOrEqual(t, len(number), order.MaxTrackingLength)
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

// FuzzRuleUnmarshalText: any text (a rule's name in a stored report, or in a host's JSON)
// either parses to a valid rule that renders back to itself, or fails with ErrUnknownCode and
// leaves the rule unchanged.
func FuzzRuleUnmarshalText(f *testing.F) {
	for _, c := range order.Rules() {
		f.Add(c.String())
	}
	f.Add("")
	f.Add("AFTERSALE_OPEN")
	f.Add("carrier_unknown ")
	f.Add("order.Rule(3)")
	f.Fuzz(func(t *testing.T, text string) {
		c := order.RuleSKUDrift
		if err := c.UnmarshalText([]byte(text)); err != nil {
			require.ErrorIs(t, err, order.ErrUnknownCode)
			require.Equal(t, order.RuleSKUDrift, c)
			return
		}
		require.True(t, c.IsValid())
		require.Equal(t, text, c.String())
		back, err := c.MarshalText()
		require.NoError(t, err)
		require.Equal(t, text, string(back))
	})
}
