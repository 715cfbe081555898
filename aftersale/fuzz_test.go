package aftersale_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// textEnum is what every platform-string enum offers.
type textEnum interface {
	String() string
	MarshalText() ([]byte, error)
}

// checkDecoded states the decoding promise for one input: either it is the value's exact
// platform string (and re-encodes to it), or the error matches ErrUnknownCode and names it.
func checkDecoded[T textEnum](t *testing.T, s string, v T, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, aftersale.ErrUnknownCode) {
			t.Fatalf("%q: error %v does not match ErrUnknownCode", s, err)
		}
		if !strings.Contains(err.Error(), strconv.Quote(s)) {
			t.Fatalf("%q: error %q does not name the value", s, err)
		}
		return
	}
	b, merr := v.MarshalText()
	if merr != nil || string(b) != s || v.String() != s {
		t.Fatalf("%q decoded to %v, which encodes to %q (%v)", s, v, b, merr)
	}
}

func FuzzParseStatus(f *testing.F) {
	for _, s := range aftersale.Statuses() {
		f.Add(s.String())
	}
	f.Add("USER_CANCELLED")
	f.Add("merchant_processing")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := aftersale.ParseStatus(s)
		checkDecoded(t, s, v, err)
		if err == nil && !v.Class().IsValid() {
			t.Fatalf("%q has no class", s)
		}
		var u aftersale.Status = aftersale.StatusMerchantFail
		if uerr := u.UnmarshalText([]byte(s)); (uerr == nil) != (err == nil) || (uerr != nil && u != aftersale.StatusMerchantFail) {
			t.Fatalf("%q: UnmarshalText disagrees with ParseStatus or changed the value on error", s)
		}
	})
}

func FuzzParseKind(f *testing.F) {
	for _, k := range aftersale.Kinds() {
		f.Add(k.String())
	}
	f.Add("REFUND ")
	f.Add("refund")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := aftersale.ParseKind(s)
		checkDecoded(t, s, v, err)
		if err == nil {
			back, cerr := aftersale.KindFromCode(v.Code())
			if cerr != nil || back != v {
				t.Fatalf("%q: code %d does not convert back", s, v.Code())
			}
		}
	})
}

func FuzzParseReason(f *testing.F) {
	for _, r := range aftersale.Reasons() {
		f.Add(r.String())
	}
	f.Add("NEW_REASON_2026")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := aftersale.ParseReason(s)
		checkDecoded(t, s, v, err)
	})
}

func FuzzCodes(f *testing.F) {
	for _, c := range []int{-1, 0, 1, 2, 3, 4, 5, 13, 19, 20, 255, 256, 1 << 40} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, code int) {
		if k, err := aftersale.KindFromCode(code); err == nil {
			if k.Code() != code || !k.IsValid() {
				t.Fatalf("kind code %d decoded to %v", code, k)
			}
		} else if !errors.Is(err, aftersale.ErrUnknownCode) {
			t.Fatalf("kind code %d: %v", code, err)
		}
		if s, err := aftersale.StatusFromLegacyCode(code); err == nil {
			if back, ok := s.LegacyCode(); !ok || back != code {
				t.Fatalf("legacy code %d decoded to %v", code, s)
			}
		} else if !errors.Is(err, aftersale.ErrUnknownCode) {
			t.Fatalf("legacy code %d: %v", code, err)
		}
	})
}

// FuzzRestore: a stored case (or one built from a platform payload) never panics Restore; it
// is refused with ErrInvalidCase or rebuilt to the same state, whose BlocksShipping agrees
// with its status class.
func FuzzRestore(f *testing.F) {
	f.Add("as-1", "order-1", "REFUND", "MERCHANT_PROCESSING", "NO_LONGER_WANT", "a", 1, int64(0), int64(0), int64(0), uint8(0))
	f.Add("as-2", "order-1", "RETURN", "MERCHANT_REJECT_RETURN", "QUALITY_ISSUE", "a", 2, int64(3600), int64(60), int64(0), uint8(0))
	f.Add("as-3", "order-1", "REFUND", "MERCHANT_REFUND_SUCCESS", "OTHERS", "b", 1, int64(60), int64(0), int64(1010), uint8(3))
	f.Add("as-4", "order-1", "REFUND", "PLATFORM_PROCESSING", "OTHERS", "b", 1, int64(60), int64(0), int64(0), uint8(1))
	f.Add("", "", "X", "Y", "Z", "", -1, int64(-5), int64(0), int64(-1), uint8(9))
	f.Fuzz(func(t *testing.T, id, orderID, kind, status, reason, sku string, qty int, changed, rejected, refundFen int64, dispute uint8) {
		k, _ := aftersale.ParseKind(kind)
		st, _ := aftersale.ParseStatus(status)
		r, _ := aftersale.ParseReason(reason)
		s := aftersale.State{
			ID: id, OrderID: orderID, Kind: k, Status: st, Reason: r,
			Items:     []order.Item{{ProductID: "p1", SKUID: sku, Quantity: qty}},
			OpenedAt:  t0,
			ChangedAt: t0.Add(time.Duration(changed) * time.Second),
			Refund:    decimal.New(refundFen, -2),
			Dispute:   aftersale.Dispute{Status: aftersale.DisputeStatus(dispute)},
		}
		if rejected != 0 {
			s.RejectedAt = t0.Add(time.Duration(rejected) * time.Second)
		}
		c, err := aftersale.Restore(s)
		if err != nil {
			if !errors.Is(err, aftersale.ErrInvalidCase) || c != nil {
				t.Fatalf("refusal %v does not match ErrInvalidCase", err)
			}
			return
		}
		got := c.State()
		if got.ID != s.ID || got.Status != s.Status || !got.Refund.Equal(s.Refund) || len(got.Items) != 1 {
			t.Fatalf("restored %+v from %+v", got, s)
		}
		if blocks := c.BlocksShipping(s.RejectedAt); blocks != (st.Class() != aftersale.ClassFinal) {
			t.Fatalf("BlocksShipping(rejected at) = %v for %s", blocks, st)
		}
		if st.Class() == aftersale.ClassSemi && c.BlocksShipping(s.RejectedAt.Add(aftersale.EscalationWindow)) {
			t.Fatalf("%s still open after the window", st)
		}
	})
}
