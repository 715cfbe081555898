package wxapi

import (
	"fmt"
	"strconv"
	"time"

	"github.com/wxshop-go/wxshop/internal/text"
)

// maxListIDs bounds the IDs one list answer may carry: ten times the largest documented page
// (100 orders). A longer list is not a page but garbage or hostile input.
const maxListIDs = 1000

// Page is one page of a list answer (order/list/get, aftersale/getaftersalelist,
// product/list/get). The platform lists IDs only: each object's details come from its own get.
//
// To read the whole list, send the same query again with NextKey set to the page's NextKey
// while More is true.
type Page struct {
	// IDs are the listed objects' IDs in the platform's order, each a positive uint64 in
	// decimal.
	IDs []string `json:"ids"`
	// NextKey is the cursor (next_key) to send with the next request; it is opaque.
	NextKey string `json:"next_key,omitempty"`
	// More reports whether another page follows. When it is true, NextKey is not empty.
	More bool `json:"more"`
}

// ids decodes a list of IDs at p: each a positive uint64 in decimal, sent as a JSON string or
// number; at most maxListIDs of them. An absent or null list is an empty page.
func (d *decoder) ids(p *path, ws []jid) []string {
	if len(ws) > maxListIDs {
		d.fail(p, strconv.Itoa(len(ws)), fmt.Errorf("%w: more than %d IDs in one page", ErrMalformed, maxListIDs))
		return nil
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		ep := p.elem(i)
		out[i] = d.id(&ep, w, true)
	}
	return out
}

// page builds a Page from an answer with has_more. has_more without next_key is refused: a
// host that trusts More would send an empty cursor, get the first page again, and loop.
func (d *decoder) page(listKey string, ws []jid, nextKey string, more bool) Page {
	lp := root(listKey)
	pg := Page{IDs: d.ids(&lp, ws), NextKey: nextKey, More: more}
	if more && nextKey == "" {
		np := root("next_key")
		d.fail(&np, "", fmt.Errorf("%w: has_more is true but next_key is empty", ErrInconsistent))
	}
	if d.err != nil {
		return Page{}
	}
	return pg
}

// outNextKey checks a cursor about to be sent: the platform's own next_key, which is valid
// UTF-8 (JSON would turn an invalid byte into U+FFFD and send another cursor).
func (d *decoder) outNextKey(key string) string {
	if !text.Valid(key) {
		p := root("next_key")
		d.fail(&p, text.Quote(key), fmt.Errorf("%w: not valid UTF-8", ErrMalformed))
	}
	return key
}

// outPageSize checks a page size about to be sent: 0 (left out: the platform's default) or 1
// to limit.
func (d *decoder) outPageSize(n, limit int) int {
	if n < 0 || n > limit {
		p := root("page_size")
		d.fail(&p, strconv.Itoa(n), fmt.Errorf("%w: page size not in 1..%d (0 leaves it to the platform)", ErrMalformed, limit))
	}
	return n
}

// outWindow checks a time window about to be sent, from..to at paths fp and tp: both set or
// both zero (set is false then); each a time after 1970 up to the year 9999, sent in whole Unix
// seconds (a fraction of a second is dropped); to after from, and at most limit later.
func (d *decoder) outWindow(fp, tp *path, from, to time.Time, limit time.Duration) (start, end int64, set bool) {
	switch {
	case from.IsZero() && to.IsZero():
		return 0, 0, false
	case from.IsZero():
		d.missing(fp)
		return 0, 0, false
	case to.IsZero():
		d.missing(tp)
		return 0, 0, false
	}
	// A window's ends go in whole seconds: a fraction is dropped, which widens nothing.
	start, end = d.outUnix(fp, from.Truncate(time.Second), true), d.outUnix(tp, to.Truncate(time.Second), true)
	if d.err != nil {
		return 0, 0, false
	}
	// Compared in seconds: a window of centuries overflows a time.Duration.
	switch {
	case end <= start:
		d.fail(tp, fmtUnix(end), fmt.Errorf("%w: the window ends at or before its start %s", ErrInconsistent, fmtUnix(start)))
	case end-start > int64(limit/time.Second):
		d.fail(tp, fmtUnix(end), fmt.Errorf("%w: the window from %s is longer than the platform's limit of %s",
			ErrInconsistent, fmtUnix(start), limit))
	}
	return start, end, d.err == nil
}

// fmtUnix renders Unix seconds for an error message.
func fmtUnix(v int64) string { return time.Unix(v, 0).UTC().Format(time.RFC3339) }
