package validate

// uscc alphabet (GB 32100-2015): digits and the capital letters except I, O, Z, S and V. A
// character's value is its index.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are the weights of the first 17 characters: 3^i mod 31.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccValue maps a byte to its value in usccAlphabet, or -1.
var usccValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(usccAlphabet) {
		t[usccAlphabet[i]] = int8(i)
	}
	return t
}()

// USCC reports whether s is a well-formed unified social credit code (统一社会信用代码): 18
// characters from the GB 32100 alphabet (upper case) whose last character is the check
// character of the first 17.
func USCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		v := usccValue[s[i]]
		if v < 0 {
			return false
		}
		sum += int(v) * usccWeights[i]
	}
	return s[17] == usccAlphabet[(31-sum%31)%31]
}

// residentWeights are the GB 11643 weights of the first 17 digits: 2^(17-i) mod 11.
var residentWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// residentCheck maps the weighted sum mod 11 to the check character.
const residentCheck = "10X98765432"

// ResidentID reports whether s is a well-formed 18-character resident identity number (居民身份证
// 号码): 17 digits whose 7th to 14th form a calendar date from 1800 on, then the GB 11643 check
// character (a digit or an upper-case X). It cannot tell whether the number was ever issued.
func ResidentID(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * residentWeights[i]
	}
	return s[17] == residentCheck[sum%11] && validBirthDate(s[6:14])
}

// validBirthDate checks an 8-digit YYYYMMDD from 1800 on against the Gregorian calendar. It
// cannot know today's date (the library never reads the clock), so a future date passes.
func validBirthDate(d string) bool {
	num := func(s string) int {
		n := 0
		for i := range len(s) {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	y, m, day := num(d[:4]), num(d[4:6]), num(d[6:])
	if y < 1800 || m < 1 || m > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return day <= days
}

// Mobile reports whether s is a mainland China mobile number: 11 digits starting 13 to 19,
// without country code, spaces or dashes.
func Mobile(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	for i := 2; i < 11; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
