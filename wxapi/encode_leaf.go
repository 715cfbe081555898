package wxapi

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wxshop-go/wxshop/internal/text"
)

// Bounds on what the command encoders send. The platform documents none of them
// (UNCONFIRMED): they are lenient ceilings that catch a paste error or hostile input, well
// above anything the merchant backend's own forms take, and leave the real limits to the
// platform.
const (
	// MaxTextLength bounds free text (a rejection reason, a negotiation or refund
	// description), in characters.
	MaxTextLength = 1000
	// MaxMediaIDs bounds a list of media IDs (凭证 images from the image upload API) in one
	// command.
	MaxMediaIDs = 50
)

// Byte bounds of the codes the encoders send.
const (
	maxMediaID = 512 // a media_id from the image upload API
	maxCode    = 64  // an address ID, an SN, an IMEI, a mini-program AppID
	maxPath    = 1024
)

// Refusals of text about to be sent; each matches ErrMalformed.
var (
	errBlank        = fmt.Errorf("%w: blank", ErrMalformed)
	errNotPrintable = fmt.Errorf("%w: not valid UTF-8, or holds a control character", ErrMalformed)
	errTextTooLong  = fmt.Errorf("%w: longer than %d characters", ErrMalformed, MaxTextLength)
	errNotSecond    = fmt.Errorf("%w: not a whole second between 1970 and 9999", ErrMalformed)
)

// outText checks free text about to be sent: valid UTF-8 without control characters other
// than '\n', not blank, at most MaxTextLength characters. An empty text is left out, or is an
// error when req.
func (d *decoder) outText(p *path, s string, req bool) string {
	switch {
	case s == "":
		if req {
			d.missing(p)
		}
	case !text.PrintableLines(s):
		d.fail(p, text.Quote(s), errNotPrintable)
	case strings.TrimSpace(s) == "":
		d.fail(p, text.Quote(s), errBlank)
	case len(s) > MaxTextLength && utf8.RuneCountInString(s) > MaxTextLength:
		d.fail(p, text.Quote(s), errTextTooLong)
	}
	return s
}

// outToken checks a code about to be sent (a media ID, an address ID, an SN): 1 to limit
// printable ASCII characters, no space. An empty code is left out, or is an error when req.
func (d *decoder) outToken(p *path, s string, limit int, req bool) string {
	if s == "" {
		if req {
			d.missing(p)
		}
		return s
	}
	if len(s) > limit || !isToken(s) {
		d.fail(p, text.Quote(s), fmt.Errorf("%w: not 1 to %d printable ASCII characters without spaces", ErrMalformed, limit))
	}
	return s
}

// isToken reports whether s is made of printable ASCII other than the space.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// outMediaIDs checks a list of media IDs about to be sent: at most MaxMediaIDs, each a code.
// An empty list is left out, or is an error when req.
func (d *decoder) outMediaIDs(p *path, ids []string, req bool) []string {
	switch {
	case len(ids) == 0:
		if req {
			d.missing(p)
		}
		return nil
	case len(ids) > MaxMediaIDs:
		d.fail(p, strconv.Itoa(len(ids))+" IDs", fmt.Errorf("%w: more than %d media IDs", ErrMalformed, MaxMediaIDs))
		return nil
	}
	for i, id := range ids {
		ep := p.elem(i)
		d.outToken(&ep, id, maxMediaID, true)
	}
	return ids
}

// outUnix converts a time about to be sent to Unix seconds: a whole second from 1970 to 9999
// (a fraction would be lost on the wire, so it is refused rather than dropped). The zero time
// is left out (0), or is an error when req.
func (d *decoder) outUnix(p *path, t time.Time, req bool) int64 {
	if t.IsZero() {
		if req {
			d.missing(p)
		}
		return 0
	}
	u := t.Unix()
	if u <= 0 || u > maxUnix || t.Nanosecond() != 0 {
		d.fail(p, t.UTC().Format(time.RFC3339Nano), errNotSecond)
		return 0
	}
	return u
}

// outCode checks a platform code about to be sent whose values are platform data (a
// reject_reason_type, an update_reason_type): 1 to MaxInt32. Zero is left out, or is an error
// when req.
func (d *decoder) outCode(p *path, n int, req bool) int {
	switch {
	case n == 0:
		if req {
			d.missing(p)
		}
	case n < 0 || n > math.MaxInt32:
		d.fail(p, strconv.Itoa(n), fmt.Errorf("%w: not in 1..%d", ErrMalformed, math.MaxInt32))
	}
	return n
}
