package validate_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/internal/validate"
)

func TestUSCC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"91350100M000100Y43", true}, // the example commonly published with GB 32100
		{"91350100M000100Y44", false},
		{"91350100M000100Y4", false},
		{"91350100M000100Y433", false},
		{"91350100m000100Y43", false}, // lower case is not in the alphabet
		{"91350100I000100Y43", false}, // I is not in the alphabet
		{"91350100O000100Y43", false}, // nor O
		{"", false},
		{"９1350100M000100Y43", false}, // a full-width digit
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, validate.USCC(tt.in), "%q", tt.in)
	}
}

func TestResidentID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"11010519491231002X", true}, // GB 11643-1999 examples
		{"440524188001010014", true},
		{"110105194912310021", false}, // wrong check character
		{"11010519491231002x", false}, // the standard's X is upper case
		{"440524188001010015", false},
		{"11010519491331002X", false}, // month 13 (the check character is not the point here)
		{"110105194902300020", false}, // 30 February
		{"11010517991231002X", false}, // before 1800
		{"1101051949123100", false},
		{"11010519491231002XX", false},
		{"", false},
		{"A1010519491231002X", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, validate.ResidentID(tt.in), "%q", tt.in)
	}
}

func TestMobile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"13800138000", true},
		{"19912345678", true},
		{"16612345678", true},
		{"12800138000", false},
		{"23800138000", false},
		{"1380013800", false},
		{"138001380000", false},
		{"+8613800138000", false},
		{"138-0013-8000", false},
		{"1380013800a", false},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, validate.Mobile(tt.in), "%q", tt.in)
	}
}

// refUSCC is a deliberately naive GB 32100 check: weights as powers of 3, the alphabet
// searched by strings.IndexByte, the check character computed by trying all 31.
func refUSCC(s string) bool {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	if len(s) != 18 {
		return false
	}
	sum, w := 0, 1
	for i := range 17 {
		v := strings.IndexByte(alphabet, s[i])
		if v < 0 {
			return false
		}
		sum += v * w
		w = w * 3 % 31
	}
	for c := range 31 {
		if (sum+c)%31 == 0 {
			return s[17] == alphabet[c]
		}
	}
	return false
}

// refResidentID is a deliberately naive GB 11643 check: weights as powers of 2 mod 11, the
// check value c such that sum + c ≡ 1 (mod 11), c = 10 written X; plus the date rules.
func refResidentID(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		w := 1
		for range 17 - i {
			w = w * 2 % 11
		}
		sum += int(s[i]-'0') * w
	}
	var c int
	for c = range 11 {
		if (sum+c)%11 == 1 {
			break
		}
	}
	want := byte('0' + c)
	if c == 10 {
		want = 'X'
	}
	if s[17] != want {
		return false
	}
	atoi := func(x string) int {
		n := 0
		for _, r := range x {
			n = n*10 + int(r-'0')
		}
		return n
	}
	y, m, d := atoi(s[6:10]), atoi(s[10:12]), atoi(s[12:14])
	if y < 1800 || m < 1 || m > 12 || d < 1 {
		return false
	}
	leap := y%4 == 0 && y%100 != 0 || y%400 == 0
	days := map[int]int{1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}[m]
	if m == 2 && leap {
		days = 29
	}
	return d <= days
}

func TestReferencesAgreeOnExamples(t *testing.T) {
	t.Parallel()
	assert.True(t, refUSCC("91350100M000100Y43"))
	assert.True(t, refResidentID("11010519491231002X"))
	assert.True(t, refResidentID("440524188001010014"))
	assert.False(t, refResidentID("110105194912310021"))
}

// checkAgainst compares a validator with its reference on s and, when s is accepted, checks
// that replacing any one of its first n characters by another from alphabet is caught: both
// standards promise to detect every single substitution.
func checkAgainst(t *testing.T, s string, valid, ref func(string) bool, alphabet string, n int) {
	got := valid(s)
	if got != ref(s) {
		t.Fatalf("%q: got %v, reference says %v", s, got, !got)
	}
	if !got {
		return
	}
	for i := range n {
		for j := range len(alphabet) {
			if alphabet[j] == s[i] {
				continue
			}
			if changed := s[:i] + alphabet[j:j+1] + s[i+1:]; valid(changed) {
				t.Fatalf("%q and %q both pass", s, changed)
			}
		}
	}
}

func FuzzUSCC(f *testing.F) {
	f.Add("91350100M000100Y43")
	f.Add("91350100M000100Y44")
	f.Add("")
	f.Add("0000000000000000000")
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainst(t, s, validate.USCC, refUSCC, "0123456789ABCDEFGHJKLMNPQRTUWXY", 18)
	})
}

func FuzzResidentID(f *testing.F) {
	f.Add("11010519491231002X")
	f.Add("440524188001010014")
	f.Add("110105194902290020")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainst(t, s, validate.ResidentID, refResidentID, "0123456789", 17)
	})
}

func FuzzMobile(f *testing.F) {
	f.Add("13800138000")
	f.Add("+8613800138000")
	f.Fuzz(func(t *testing.T, s string) {
		want := len(s) == 11 && s[0] == '1' && strings.IndexByte("3456789", s[1]) >= 0 &&
			strings.Trim(s, "0123456789") == ""
		if validate.Mobile(s) != want {
			t.Fatalf("Mobile(%q) = %v", s, !want)
		}
	})
}

// withCheck appends the GB 11643 check character to 17 digits, computed from the standard's
// definition (weights 2^(17-i) mod 11; the sum plus the check value is 1 mod 11).
func withCheck(digits17 string) string {
	sum := 0
	for i := range 17 {
		w := 1
		for range 17 - i {
			w = w * 2 % 11
		}
		sum += int(digits17[i]-'0') * w
	}
	c := (12 - sum%11) % 11
	if c == 10 {
		return digits17 + "X"
	}
	return digits17 + string(rune('0'+c))
}

func TestResidentIDDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		date string
		want bool
	}{
		{"20000229", true},  // leap year (divisible by 400)
		{"19000229", false}, // not a leap year (divisible by 100)
		{"20240229", true},
		{"20230229", false},
		{"20230431", false},
		{"20231231", true},
		{"20230001", false},
		{"20230100", false},
		{"18000101", true},
		{"17991231", false},
	}
	for _, tt := range tests {
		id := withCheck("110105" + tt.date + "123")
		assert.Equal(t, tt.want, validate.ResidentID(id), "%s", id)
		assert.Equal(t, tt.want, refResidentID(id), "reference, %s", id)
	}
	assert.Equal(t, "11010519491231002X", withCheck("11010519491231002"), "the helper agrees with the standard's example")
}
