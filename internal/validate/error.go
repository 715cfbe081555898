package validate

import (
	"strings"
)

// Error lists every field of a params struct that broke a rule. It matches ErrInvalid.
//
// It deliberately does not carry the rejected values: they include identity numbers and
// phone numbers, which do not belong in logs.
type Error struct {
	// Pkg is the package that validated ("catalog"); it prefixes the message.
	Pkg string
	// Struct is the params type, e.g. "ShopParams".
	Struct string
	// Fields holds one entry per violation, in field order.
	Fields []Violation
}

// Violation is one broken rule: which field, which rule, and the rule's parameter if any.
type Violation struct {
	// Field is the path below the struct, e.g. "Contact.Phone" or "SKUs[0].Code".
	Field string
	// Rule names the rule for programs: "required", "max", "uscc", "unique", ...
	Rule string
	// Param is the rule's parameter ("20" for max=20), or "".
	Param string
	// Reason says in English what the rule wants ("at most 20 characters"); String uses it.
	Reason string
}

// String renders the violation for people: "Images: at least 1 item".
func (v Violation) String() string {
	reason := v.Reason
	if reason == "" {
		reason = Reason(v.Rule, v.Param, "")
	}
	return v.Field + ": " + reason
}

// Error implements error: "catalog: invalid ShopParams: Contact.Phone: not a mainland mobile
// number (11 digits from 13 to 19); ...".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pkg + ": invalid " + e.Struct + ": ")
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *Error) Unwrap() error { return ErrInvalid }

// Has reports whether field broke rule; tests and callers use it to branch on one violation.
func (e *Error) Has(field, rule string) bool {
	for _, f := range e.Fields {
		if f.Field == field && f.Rule == rule {
			return true
		}
	}
	return false
}

// Reason words a rule in English. kind is what the field holds ("string", "slice", "number",
// or "" when unknown), which decides whether a size counts characters or items.
func Reason(rule, param, kind string) string {
	unit := func(n string) string {
		switch kind {
		case "string":
			return n + " characters"
		case "slice":
			if n == "1" {
				return n + " item"
			}
			return n + " items"
		}
		return n
	}
	switch rule {
	case "required":
		return "required"
	case "required_without":
		return "required when " + param + " is not given"
	case "excluded_with":
		return "must be left out when " + param + " is given"
	case "max", "lte":
		return "at most " + unit(param)
	case "min", "gte":
		return "at least " + unit(param)
	case "numeric":
		return "digits only"
	case "oneof":
		return "one of " + param
	case "unique":
		return "repeated: must be unique"
	case "eqfield":
		return "must equal " + param
	case "gtfield":
		return "must be greater than " + param
	case "ltfield":
		return "must be less than " + param
	case "utf8":
		return "not valid UTF-8"
	case TagUSCC:
		return "not a unified social credit code (18 characters, GB 32100 check character)"
	case TagResidentID:
		return "not a resident identity number (18 characters, GB 11643 check character)"
	case TagMobile:
		return "not a mainland mobile number (11 digits starting 13 to 19)"
	}
	if param == "" {
		return "breaks rule " + rule
	}
	return "breaks rule " + rule + "=" + param
}
