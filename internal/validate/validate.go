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
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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

// Struct validates s (a struct or a pointer to one) against its `validate` tags, and that
// every string field, however deep, is valid UTF-8 (rule "utf8"). pkg prefixes
// the error message ("catalog"). It returns nil or an *Error listing every violation.
func Struct(pkg string, s any) error {
	err := instance().Struct(s)
	if err == nil {
		var bad []Violation
		v := reflect.ValueOf(s)
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		utf8Fields(v, "", &bad)
		if len(bad) == 0 {
			return nil
		}
		return &Error{Pkg: pkg, Struct: v.Type().Name(), Fields: bad}
	}
	var fieldErrs validator.ValidationErrors
	if !errors.As(err, &fieldErrs) {
		// InvalidValidationError: s is not a struct. That is a programming error in the
		// calling package, reported as an error rather than a panic.
		return &Error{Pkg: pkg, Struct: fmt.Sprintf("%T", s), Fields: []Violation{{Rule: "struct", Field: "(value)", Reason: "not a struct"}}}
	}
	out := &Error{Pkg: pkg, Fields: make([]Violation, 0, len(fieldErrs))}
	for _, fe := range fieldErrs {
		ns := fe.StructNamespace()
		if i := strings.IndexByte(ns, '.'); i >= 0 {
			out.Struct, ns = ns[:i], ns[i+1:]
		}
		out.Fields = append(out.Fields, Violation{Field: ns, Rule: fe.Tag(), Param: fe.Param(),
			Reason: Reason(fe.Tag(), fe.Param(), kindName(fe.Kind()))})
	}
	return out
}

// utf8Fields appends a violation for every string below v that is not valid UTF-8. path is
// v's place in the params struct ("SKUs[0].Attrs[1].Value").
func utf8Fields(v reflect.Value, path string, out *[]Violation) {
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			*out = append(*out, Violation{Field: path, Rule: "utf8", Reason: Reason("utf8", "", "")})
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			utf8Fields(v.Elem(), path, out)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if f := t.Field(i); f.IsExported() {
				name := f.Name
				if path != "" {
					name = path + "." + name
				}
				utf8Fields(v.Field(i), name, out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			utf8Fields(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
	}
}

// kindName says what a field holds, for Reason.
func kindName(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "string"
	case reflect.Slice, reflect.Array, reflect.Map:
		return "slice"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "number"
	}
	return ""
}
