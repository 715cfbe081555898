package wxapi

import (
	"errors"
	"fmt"

	"github.com/wxshop-go/wxshop/order"
)

// ErrPlatform is matched by every *APIError: the platform answered with a non-zero errcode.
var ErrPlatform = errors.New("platform error")

// Platform errcodes that mean "try again later" rather than "this request is wrong".
const (
	errcodeSystemBusy   = -1     // 系统繁忙
	errcodeOrderTooBusy = 100003 // 订单更新过于频繁
)

// APIError is a platform answer whose errcode is not 0. For the delivery API it also matches
// (errors.Is) every order.Rule the errcode can mean, so a host that got a refusal can branch
// and explain exactly as it would on shipping.Check's report: errors.Is(err,
// order.RuleAfterSaleOpen) holds for errcode 108009.
type APIError struct {
	// Payload names the API that answered, e.g. "order/delivery/send".
	Payload string
	// Code is the platform's errcode.
	Code int
	// Message is the platform's errmsg, as sent.
	Message string
}

// Error implements error.
func (e *APIError) Error() string {
	if codes := e.Rules(); len(codes) > 0 {
		return fmt.Sprintf("wxapi: %s: platform error %d (%s): %s", e.Payload, e.Code, e.Message, codes[0].Title())
	}
	return fmt.Sprintf("wxapi: %s: platform error %d: %s", e.Payload, e.Code, e.Message)
}

// Unwrap returns ErrPlatform and the rules the errcode can mean.
func (e *APIError) Unwrap() []error {
	rules := e.Rules()
	errs := make([]error, 0, 1+len(rules))
	errs = append(errs, ErrPlatform)
	for _, r := range rules {
		errs = append(errs, r)
	}
	return errs
}

// Rules returns the shipment rules the errcode can mean (several for 109000, which the
// platform uses for over-shipment, refunded units, bad quantities and duplicate waybills), or
// nil when it is not a shipment refusal (order.RulesForPlatform).
func (e *APIError) Rules() []order.Rule {
	return order.RulesForPlatform(e.Code)
}

// Temporary reports whether the platform asks to retry later (system busy, or the order is
// being updated too often): the request itself may be fine.
func (e *APIError) Temporary() bool {
	return e.Code == errcodeSystemBusy || e.Code == errcodeOrderTooBusy
}

// envelope is the part every answer shares.
type envelope struct {
	Errcode jint   `json:"errcode"`
	Errmsg  string `json:"errmsg"`
}

// platformError returns an *APIError when env carries a non-zero errcode, nil otherwise. A
// malformed errcode is a *FieldError.
func (d *decoder) platformError(env *envelope) error {
	p := root("errcode")
	code := d.int(&p, env.Errcode, false)
	if d.err != nil {
		return d.err
	}
	if code == 0 {
		return nil
	}
	return &APIError{Payload: d.payload, Code: int(code), Message: env.Errmsg}
}

// response decodes an API answer into w, whose envelope is env: a *FieldError when the body is
// not what w describes, an *APIError when the platform answered with an errcode.
func (d *decoder) response(body []byte, w any, env *envelope) error {
	if !d.unmarshal(body, w) {
		return d.err
	}
	return d.platformError(env)
}

// DecodeResponse reads the errcode and errmsg every API answers with. It returns nil for
// errcode 0 and an *APIError otherwise; payload names the API in the error (for example
// "order/delivery/send"). Use it on the answers wxapi has no richer decoder for, such as
// delivery/send's.
func DecodeResponse(payload string, body []byte) error {
	d := decoder{payload: payload}
	var env envelope
	return d.response(body, &env, &env)
}
