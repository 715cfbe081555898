// Package validate holds wxshop's one validator/v10 instance and the tags it adds for Chinese
// identifiers: the unified social credit code (uscc), the resident identity number
// (cn_resident_id) and the mainland mobile number (cn_mobile).
//
// Domain packages validate the shape of a constructor's params struct with Struct and get back
// an *Error; they never see validator's own types, so neither do their callers. Amounts are not
// validated here (validator does not understand decimal.Decimal): package money does that.
package validate

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// ErrInvalid is matched (with errors.Is) by every *Error.
var ErrInvalid = errors.New("invalid input")

// Tags registered on the shared validator, for use in `validate:"..."` struct tags.
const (
	TagUSCC       = "uscc"           // 18-character unified social credit code, GB 32100
	TagResidentID = "cn_resident_id" // 18-character resident identity number, GB 11643
	TagMobile     = "cn_mobile"      // 11-digit mainland mobile number
)

// instance builds the validator once: registration is not safe for concurrent use, validation
// is.
var instance = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	for tag, ok := range map[string]func(string) bool{
		TagUSCC:       USCC,
		TagResidentID: ResidentID,
		TagMobile:     Mobile,
	} {
		if err := v.RegisterValidation(tag, stringRule(ok)); err != nil {
			panic("validate: registering " + tag + ": " + err.Error())
		}
	}
	return v
})

// stringRule adapts a string predicate to a validator rule; a non-string field fails it.
func stringRule(ok func(string) bool) validator.Func {
	return func(fl validator.FieldLevel) bool {
		f := fl.Field()
		return f.Kind() == reflect.String && ok(f.String())
	}
}

// Struct validates s (a struct or a pointer to one) against its `validate` tags. pkg prefixes
// the error message ("catalog"). It returns nil or an *Error listing every violation.
func Struct(pkg string, s any) error {
	err := instance().Struct(s)
	if err == nil {
		return nil
	}
	var fieldErrs validator.ValidationErrors
	if !errors.As(err, &fieldErrs) {
		// InvalidValidationError: s is not a struct. That is a programming error in the
		// calling package, reported as an error rather than a panic.
		return &Error{Pkg: pkg, Struct: fmt.Sprintf("%T", s), Fields: []FieldError{{Rule: "struct", Field: "(value)"}}}
	}
	out := &Error{Pkg: pkg, Fields: make([]FieldError, 0, len(fieldErrs))}
	for _, fe := range fieldErrs {
		ns := fe.StructNamespace()
		if i := strings.IndexByte(ns, '.'); i >= 0 {
			out.Struct, ns = ns[:i], ns[i+1:]
		}
		out.Fields = append(out.Fields, FieldError{Field: ns, Rule: fe.Tag(), Param: fe.Param()})
	}
	return out
}
