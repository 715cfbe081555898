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

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The refusals a report can hold are the order's rules (order.Rule): what the shipping check
// shows a merchant of them is pinned here, where the report is made.

// TestRulesGolden pins the rules a report can name: a rule's name and platform code are API
// (JSON, support tickets, hosts' branches), so renaming, renumbering or removing one shows up
// as a diff of testdata/codes.golden.
func TestRulesGolden(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for _, c := range order.Rules() {
		sb.WriteString(c.String() + "\t" + strconv.Itoa(c.PlatformCode()) + "\t" + strconv.FormatBool(c.IsWarning()) + "\t" + c.Label() + "\n")
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

// TestRuleMetadata: every rule has a label, a title and an action in both languages, is its
// own error (the sentinel Report.Err matches), distinct from every other, and reads back from
// its name.
func TestRuleMetadata(t *testing.T) {
	t.Parallel()
	seen := map[string]order.Rule{}
	for _, c := range order.Rules() {
		t.Run(c.String(), func(t *testing.T) {
			assert.True(t, c.IsValid())
			assert.NotContains(t, c.String(), "order.Rule(", "a rule has a name")
			assert.NotEmpty(t, c.Label(), "Chinese title")
			assert.NotEqual(t, c.String(), c.Label(), "the label is Chinese, not the name")
			assert.NotEmpty(t, c.Title(), "English title")
			assert.NotEmpty(t, c.Action(), "Chinese action")
			assert.NotEmpty(t, c.ActionEN(), "English action")
			assert.Equal(t, c.String(), c.Error())
			require.ErrorIs(t, c, c)
			var asRule order.Rule
			require.ErrorAs(t, c, &asRule)
			assert.Equal(t, c, asRule)

			text, err := c.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, c.String(), string(text))
			var back order.Rule
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, c, back)
		})
		_, dup := seen[c.String()]
		assert.False(t, dup, "each rule has its own name: %s", c)
		seen[c.String()] = c
		for _, other := range order.Rules() {
			if other != c {
				assert.NotErrorIs(t, c, other, "%s matches %s", c, other)
			}
		}
	}
	assert.Len(t, seen, len(order.Rules()))
}

// TestRulePlatformCodes: the platform's delivery refusals (REFERENCE §3) map to the rules each
// can mean, and back: order.RulesForPlatform and Rule.PlatformCode agree both ways.
func TestRulePlatformCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		errcode int
		want    []order.Rule
	}{
		{40097, []order.Rule{order.RuleCarrierMissing, order.RuleTrackingMissing}},
		{108009, []order.Rule{order.RuleAfterSaleOpen}},
		{109000, []order.Rule{order.RuleQuantityInvalid, order.RuleOverShipment, order.RuleUnitsRefunded, order.RuleTrackingDuplicate}},
		{109001, []order.Rule{order.RuleOrderShipped}},
		{109002, []order.Rule{order.RuleParcelEmpty}},
		{606004, []order.Rule{order.RuleCarrierUnknown}},
		{606005, []order.Rule{order.RuleTrackingInvalid}},
		{606008, []order.Rule{order.RuleDeliverTypeMismatch}},
		{606030, []order.Rule{order.RuleSKUSplit}},
		{606031, []order.Rule{order.RuleSKUDrift, order.RuleSKUUnknown}},
		{0, nil},
		{100002, nil},
		{-1, nil},
	}
	covered := map[order.Rule]bool{}
	for _, tc := range cases {
		t.Run(strconv.Itoa(tc.errcode), func(t *testing.T) {
			got := order.RulesForPlatform(tc.errcode)
			assert.Equal(t, names(tc.want...), names(got...), "in table order")
			for _, c := range got {
				assert.Equal(t, tc.errcode, c.PlatformCode())
			}
		})
		for _, c := range tc.want {
			covered[c] = true
		}
	}
	// And back: every rule with a platform code is found from it; the others have none.
	for _, c := range order.Rules() {
		if c.PlatformCode() == 0 {
			assert.False(t, covered[c], "%s has no platform code", c)
			continue
		}
		assert.True(t, covered[c], "%s (%d) is missing from the table above", c, c.PlatformCode())
		assert.Contains(t, order.RulesForPlatform(c.PlatformCode()), c)
	}
}

func TestRuleUnknown(t *testing.T) {
	t.Parallel()
	for _, bogus := range []order.Rule{0, 200} {
		assert.False(t, bogus.IsValid())
		assert.Equal(t, "order.Rule("+strconv.Itoa(int(bogus))+")", bogus.String())
		assert.Zero(t, bogus.PlatformCode())
		assert.Empty(t, bogus.Action())
		_, err := bogus.MarshalText()
		require.ErrorIs(t, err, order.ErrUnknownCode)
	}

	c := order.RuleSKUDrift
	err := c.UnmarshalText([]byte("no_such_code"))
	require.ErrorIs(t, err, order.ErrUnknownCode)
	assert.Contains(t, err.Error(), "no_such_code")
	assert.Equal(t, order.RuleSKUDrift, c, "a rejected text leaves the rule unchanged")
	// The names before the restructure are not rules.
	for _, old := range []string{"missing_tracking", "duplicate_tracking", "not_shippable", "split_sku"} {
		assert.ErrorIs(t, c.UnmarshalText([]byte(old)), order.ErrUnknownCode, old)
	}
}

func TestOnlyLateShipmentIsAWarning(t *testing.T) {
	t.Parallel()
	for _, c := range order.Rules() {
		assert.Equal(t, c == order.RuleLateShipment, c.IsWarning(), c)
	}
	assert.False(t, errors.Is(order.RuleLateShipment, shipping.ErrBlocked))
	r := shipping.Report{OrderID: "1", Warnings: []shipping.Warning{{Code: order.RuleLateShipment}}}
	assert.True(t, r.OK(), "a warning never blocks")
	assert.NoError(t, r.Err())
}
