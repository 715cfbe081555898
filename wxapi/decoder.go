package wxapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/order"
)

// maxUnix is 9999-12-31T23:59:59Z. A larger "Unix seconds" value is milliseconds sent by
// mistake, or garbage.
const maxUnix = 253402300799

// Errors a *FieldError wraps, each matching one of the sentinels.
var (
	errWrongType   = fmt.Errorf("%w: wrong JSON type", ErrMalformed)
	errNotInteger  = fmt.Errorf("%w: not an integer", ErrMalformed)
	errOutOfRange  = fmt.Errorf("%w: out of range", ErrMalformed)
	errBadID       = fmt.Errorf("%w: not a positive 64-bit ID in decimal", ErrMalformed)
	errNegative    = fmt.Errorf("%w: negative", ErrMalformed)
	errNotUnixTime = fmt.Errorf("%w: not a Unix time in seconds", ErrMalformed)
	errNotPositive = fmt.Errorf("%w: must be greater than zero", ErrMalformed)
)

// decoder converts wire structs into domain values. The first failure is kept (with the field's
// path) and later calls become no-ops, so conversion code reads straight through and checks
// d.err once.
type decoder struct {
	payload string
	err     error
}

// fail records a failure at p unless an earlier one was recorded.
func (d *decoder) fail(p *path, value string, err error) {
	if d.err == nil {
		d.err = &FieldError{Payload: d.payload, Field: p.String(), Value: value, Err: err}
	}
}

// unmarshal decodes body into v, turning encoding/json's errors into *FieldError values.
func (d *decoder) unmarshal(body []byte, v any) bool {
	err := json.Unmarshal(body, v)
	if err == nil {
		return true
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		p := root(indexPath(typeErr.Field))
		if typeErr.Field == "" {
			p = root("(body)")
		}
		d.fail(&p, typeErr.Value, fmt.Errorf("%w: want %s", errWrongType, typeErr.Type))
		return false
	}
	p := root("(body)")
	d.fail(&p, "", fmt.Errorf("%w: %v", ErrMalformed, err))
	return false
}

// missing records ErrMissingField at p.
func (d *decoder) missing(p *path) { d.fail(p, "", ErrMissingField) }

// flaw records the failure a leaf's flaw stands for.
func (d *decoder) flaw(p *path, raw string, f flaw) {
	switch f {
	case flawType:
		d.fail(p, raw, errWrongType)
	case flawRange:
		d.fail(p, raw, errOutOfRange)
	case flawZero:
		d.fail(p, raw, errBadID)
	default:
		d.fail(p, raw, errNotInteger)
	}
}

// int returns n's value. A missing value is 0, or an error when req.
func (d *decoder) int(p *path, n jint, req bool) int64 {
	switch {
	case !n.set:
		if req {
			d.missing(p)
		}
		return 0
	case n.flaw != flawNone:
		d.flaw(p, n.raw, n.flaw)
		return 0
	}
	return n.v
}

// count returns a non-negative unit count no larger than order.MaxQuantity: above it a count is
// a unit slip or hostile input, and the order model refuses it anyway.
func (d *decoder) count(p *path, n jint, req bool) int {
	return d.bounded(p, n, req, order.MaxQuantity)
}

// bounded returns a non-negative integer no larger than limit.
func (d *decoder) bounded(p *path, n jint, req bool, limit int64) int {
	v := d.int(p, n, req)
	switch {
	case v < 0:
		d.fail(p, fmt.Sprint(v), errNegative)
		return 0
	case v > limit:
		d.fail(p, fmt.Sprint(v), fmt.Errorf("%w: above the limit of %d", ErrMalformed, limit))
		return 0
	}
	return int(v)
}

// positive is count for values that must be at least 1 when present (sku_cnt, product_cnt).
func (d *decoder) positive(p *path, n jint, req bool) int {
	v := d.count(p, n, req)
	if n.set && n.flaw == flawNone && v == 0 && d.err == nil {
		d.fail(p, "0", errNotPositive)
	}
	return v
}

// fen returns an amount sent in fen as decimal yuan, rejecting fractions of a fen, negative
// amounts and amounts above money.MaxFen. A missing amount is zero, or an error when req.
func (d *decoder) fen(p *path, n jint, req bool) decimal.Decimal {
	switch {
	case !n.set:
		if req {
			d.missing(p)
		}
		return decimal.Zero
	case n.flaw == flawFraction:
		d.fail(p, n.raw, &money.AmountError{Field: p.key, Value: n.raw + " fen", Reason: "not a whole number of fen"})
		return decimal.Zero
	case n.flaw == flawRange:
		d.fail(p, n.raw, &money.AmountError{Field: p.key, Value: n.raw + " fen", Reason: "above the ceiling of " + money.Format(money.MaxYuan) + " yuan"})
		return decimal.Zero
	case n.flaw != flawNone:
		d.flaw(p, n.raw, n.flaw)
		return decimal.Zero
	}
	if n.v < 0 || n.v > money.MaxFen {
		_, err := money.FenToYuan(p.key, n.v) // FenToYuan words the error
		d.fail(p, fmt.Sprint(n.v), err)
		return decimal.Zero
	}
	return money.Yuan(n.v)
}

// unix returns a time sent in Unix seconds, in UTC. 0 and a missing value both mean "not set"
// (the platform writes 0 for times that have not happened); req makes that an error.
func (d *decoder) unix(p *path, n jint, req bool) time.Time {
	v := d.int(p, n, req)
	switch {
	case v < 0 || v > maxUnix:
		d.fail(p, fmt.Sprint(v), errNotUnixTime)
		return time.Time{}
	case v == 0:
		if req && n.set {
			d.missing(p)
		}
		return time.Time{}
	}
	return time.Unix(v, 0).UTC()
}

// id returns a platform ID. A missing ID is "", or an error when req.
func (d *decoder) id(p *path, id jid, req bool) string {
	switch {
	case !id.set:
		if req {
			d.missing(p)
		}
		return ""
	case id.flaw == flawType:
		d.fail(p, id.raw, errWrongType)
		return ""
	case id.flaw != flawNone:
		d.fail(p, id.raw, errBadID)
		return ""
	}
	return id.s
}

// text returns s, or records ErrMissingField when it is empty and req.
func (d *decoder) text(p *path, s string, req bool) string {
	if s == "" && req {
		d.missing(p)
	}
	return s
}

// bool returns a flag's value; a missing flag is false.
func (d *decoder) bool(p *path, f jbool) bool {
	if f.flaw != flawNone {
		d.flaw(p, f.raw, f.flaw)
		return false
	}
	return f.v
}

// indexPath writes the array indexes of a path encoding/json reports ("lines.0.title", as the
// JSON v2 implementation does) the way wxapi's paths write them ("lines[0].title").
func indexPath(field string) string {
	parts := strings.Split(field, ".")
	var b strings.Builder
	for i, part := range parts {
		if embeddedWire[part] {
			continue
		}
		if _, err := strconv.Atoi(part); err == nil && i > 0 {
			b.WriteString("[" + part + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

// embeddedWire names the wire structs embedded in others. encoding/json names an embedded
// struct in an UnmarshalTypeError's path ("envelope.errmsg") although it is no level of the
// JSON (the jsonv2 engine leaves it out), so indexPath drops it. TestEmbeddedWireIsKnown keeps
// the set whole.
var embeddedWire = map[string]bool{"envelope": true, "wireDiscounts": true}
