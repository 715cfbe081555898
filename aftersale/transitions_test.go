package aftersale_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/aftersale"
)

// reference is every kind's table written out by hand, independently of the package's list:
// "FROM action TO". The exhaustive test below checks every (kind, status, action) against it.
var reference = map[string][]string{
	"REFUND": {
		"MERCHANT_PROCESSING refund MERCHANT_REFUND_SUCCESS",
		"MERCHANT_PROCESSING reject MERCHANT_REJECT_REFUND",
		"MERCHANT_PROCESSING cancel USER_CANCELD",
		"MERCHANT_PROCESSING intervene PLATFORM_PROCESSING",
		"MERCHANT_REJECT_REFUND cancel USER_CANCELD",
		"MERCHANT_REJECT_REFUND intervene PLATFORM_PROCESSING",
		"MERCHANT_REJECT_REFUND expire MERCHANT_FAIL",
		"PLATFORM_PROCESSING cancel USER_CANCELD",
		"PLATFORM_PROCESSING decide MERCHANT_REFUND_SUCCESS",
	},
	"RETURN": {
		"MERCHANT_PROCESSING accept USER_WAIT_RETURN",
		"MERCHANT_PROCESSING reject MERCHANT_REJECT_RETURN",
		"MERCHANT_PROCESSING cancel USER_CANCELD",
		"USER_WAIT_RETURN return_goods MERCHANT_WAIT_RECEIPT",
		"USER_WAIT_RETURN cancel USER_CANCELD",
		"MERCHANT_WAIT_RECEIPT confirm_receipt MERCHANT_WAIT_RECEIPT",
		"MERCHANT_WAIT_RECEIPT refund MERCHANT_RETURN_SUCCESS",
		"MERCHANT_WAIT_RECEIPT reject RETURN_CLOSED",
		"MERCHANT_REJECT_RETURN cancel USER_CANCELD",
		"MERCHANT_REJECT_RETURN expire MERCHANT_FAIL",
		"RETURN_CLOSED cancel USER_CANCELD",
		"RETURN_CLOSED expire USER_CANCELD",
	},
	"EXCHANGE": {
		"MERCHANT_PROCESSING accept USER_WAIT_RETURN",
		"MERCHANT_PROCESSING reject MERCHANT_REJECT_EXCHANGE",
		"MERCHANT_PROCESSING cancel USER_CANCELD",
		"USER_WAIT_RETURN return_goods MERCHANT_WAIT_RECEIPT",
		"USER_WAIT_RETURN cancel USER_CANCELD",
		"MERCHANT_WAIT_RECEIPT confirm_receipt MERCHANT_WAIT_RECEIPT",
		"MERCHANT_WAIT_RECEIPT send_goods USER_WAIT_RECEIPT",
		"MERCHANT_WAIT_RECEIPT reject MERCHANT_REJECT_EXCHANGE",
		"USER_WAIT_RECEIPT receive_goods MERCHANT_EXCHANGE_SUCCESS",
		"MERCHANT_REJECT_EXCHANGE cancel USER_CANCELD",
		"MERCHANT_REJECT_EXCHANGE expire MERCHANT_FAIL",
	},
	"RESHIP": {
		"MERCHANT_PROCESSING send_goods USER_WAIT_RECEIPT",
		"MERCHANT_PROCESSING reject MERCHANT_REJECT_RESHIP",
		"MERCHANT_PROCESSING cancel USER_CANCELD",
		"USER_WAIT_RECEIPT receive_goods MERCHANT_EXCHANGE_SUCCESS",
		"MERCHANT_REJECT_RESHIP cancel USER_CANCELD",
		"MERCHANT_REJECT_RESHIP expire MERCHANT_FAIL",
	},
}

type key struct {
	from   aftersale.Status
	action aftersale.Action
}

func referenceTable(t *testing.T, k aftersale.Kind) map[key]aftersale.Status {
	t.Helper()
	out := map[key]aftersale.Status{}
	for _, line := range reference[k.String()] {
		f := strings.Fields(line)
		require.Len(t, f, 3, line)
		from, err := aftersale.ParseStatus(f[0])
		require.NoError(t, err)
		var a aftersale.Action
		require.NoError(t, a.UnmarshalText([]byte(f[1])))
		to, err := aftersale.ParseStatus(f[2])
		require.NoError(t, err)
		out[key{from, a}] = to
	}
	return out
}

// TestTableExhaustive checks every kind × status × action against the reference: an edge where
// the reference has one, and a TransitionError naming the triple everywhere else.
func TestTableExhaustive(t *testing.T) {
	t.Parallel()
	for _, k := range aftersale.Kinds() {
		t.Run(k.String(), func(t *testing.T) {
			t.Parallel()
			ref := referenceTable(t, k)
			for _, s := range aftersale.Statuses() {
				for _, a := range aftersale.Actions() {
					got, err := aftersale.Next(k, s, a)
					want, ok := ref[key{s, a}]
					if ok {
						require.NoError(t, err, "%s %s %s", k, s, a)
						assert.Equal(t, want, got, "%s %s %s", k, s, a)
						assert.True(t, k.Accepts(s, a))
						continue
					}
					require.ErrorIs(t, err, aftersale.ErrInvalidTransition, "%s %s %s", k, s, a)
					var te aftersale.TransitionError
					require.ErrorAs(t, err, &te)
					assert.Equal(t, aftersale.TransitionError{Kind: k, From: s, Action: a}, te)
					assert.False(t, k.Accepts(s, a))
				}
			}
			assert.Len(t, aftersale.Transitions(k), len(ref), "Transitions lists exactly the reference's edges")
			for _, tr := range aftersale.Transitions(k) {
				assert.Equal(t, ref[key{tr.From, tr.Action}], tr.To)
			}
		})
	}
}

func TestNextRejectsUnknownValues(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		k aftersale.Kind
		s aftersale.Status
		a aftersale.Action
	}{
		{0, aftersale.StatusMerchantProcessing, aftersale.ActionAccept},
		{9, aftersale.StatusMerchantProcessing, aftersale.ActionAccept},
		{aftersale.KindReturn, 0, aftersale.ActionAccept},
		{aftersale.KindReturn, 99, aftersale.ActionAccept},
		{aftersale.KindReturn, aftersale.StatusMerchantProcessing, 0},
		{aftersale.KindReturn, aftersale.StatusMerchantProcessing, 200},
	} {
		_, err := aftersale.Next(c.k, c.s, c.a)
		require.ErrorIs(t, err, aftersale.ErrInvalidTransition)
	}
}

// TestTableWellFormed states what every kind's table promises.
func TestTableWellFormed(t *testing.T) {
	t.Parallel()
	for _, k := range aftersale.Kinds() {
		trs := aftersale.Transitions(k)
		out := map[aftersale.Status][]aftersale.Transition{}
		for _, tr := range trs {
			out[tr.From] = append(out[tr.From], tr)
			assert.NotEqual(t, aftersale.ActionOpen, tr.Action, "open starts a case; it is no edge")
			assert.NotEqual(t, aftersale.ActionVerify, tr.Action, "verify belongs to the dispute's machine")
		}
		// Every status of the table is reachable from MERCHANT_PROCESSING.
		seen := map[aftersale.Status]bool{aftersale.StatusMerchantProcessing: true}
		queue := []aftersale.Status{aftersale.StatusMerchantProcessing}
		for len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			for _, tr := range out[s] {
				if !seen[tr.To] {
					seen[tr.To] = true
					queue = append(queue, tr.To)
				}
			}
		}
		for _, tr := range trs {
			assert.True(t, seen[tr.From], "%s: %s unreachable", k, tr.From)
		}
		for s := range seen {
			switch s.Class() {
			case aftersale.ClassFinal:
				assert.Empty(t, out[s], "%s: final %s has edges", k, s)
			case aftersale.ClassSemi:
				// A rejection ends one of three ways: the buyer cancels, the window lapses, or
				// (refund only) the platform steps in.
				assert.True(t, k.Accepts(s, aftersale.ActionCancel), "%s %s", k, s)
				assert.True(t, k.Accepts(s, aftersale.ActionExpire), "%s %s", k, s)
			case aftersale.ClassOpen:
				assert.NotEmpty(t, out[s], "%s: open %s is a dead end", k, s)
			}
		}
		// The kind's shape: a refund has no return leg; an exchange and a re-send end with goods
		// sent to the buyer.
		switch k {
		case aftersale.KindRefund:
			assert.False(t, seen[aftersale.StatusUserWaitReturn])
			assert.False(t, seen[aftersale.StatusMerchantWaitReceipt])
		case aftersale.KindExchange, aftersale.KindReship:
			assert.True(t, seen[aftersale.StatusUserWaitReceipt])
			to, err := aftersale.Next(k, aftersale.StatusUserWaitReceipt, aftersale.ActionReceiveGoods)
			require.NoError(t, err)
			assert.Equal(t, aftersale.StatusMerchantExchangeSuccess, to)
			assert.False(t, seen[aftersale.StatusMerchantRefundSuccess])
		}
	}
	assert.Nil(t, aftersale.Transitions(0))
}

func TestDisputeTable(t *testing.T) {
	t.Parallel()
	ref := map[aftersale.DisputeStatus]map[aftersale.Action]aftersale.DisputeStatus{
		0:                           {aftersale.ActionIntervene: aftersale.DisputeIntervened},
		aftersale.DisputeIntervened: {aftersale.ActionVerify: aftersale.DisputeVerified, aftersale.ActionCancel: aftersale.DisputeWithdrawn},
		aftersale.DisputeVerified:   {aftersale.ActionDecide: aftersale.DisputeDecided, aftersale.ActionCancel: aftersale.DisputeWithdrawn},
	}
	from := append([]aftersale.DisputeStatus{0}, aftersale.DisputeStatuses()...)
	n := 0
	for _, s := range from {
		for _, a := range aftersale.Actions() {
			got, err := aftersale.NextDispute(s, a)
			if want, ok := ref[s][a]; ok {
				n++
				require.NoError(t, err)
				assert.Equal(t, want, got)
				continue
			}
			require.ErrorIs(t, err, aftersale.ErrInvalidTransition, "%s %s", s, a)
		}
	}
	assert.Len(t, aftersale.DisputeTransitions(), n)
	_, err := aftersale.NextDispute(42, aftersale.ActionVerify)
	require.ErrorIs(t, err, aftersale.ErrInvalidTransition)
}

// TestNoAllocs: a table lookup allocates nothing, accepted or rejected.
func TestNoAllocs(t *testing.T) {
	ok := testing.AllocsPerRun(1000, func() {
		_, _ = aftersale.Next(aftersale.KindReturn, aftersale.StatusMerchantProcessing, aftersale.ActionAccept)
	})
	bad := testing.AllocsPerRun(1000, func() {
		_, _ = aftersale.Next(aftersale.KindRefund, aftersale.StatusMerchantProcessing, aftersale.ActionAccept)
	})
	assert.Zero(t, ok)
	assert.Zero(t, bad)
}
