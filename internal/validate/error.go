package validate

import "strings"

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
	Fields []FieldError
}

// FieldError is one violation: which field, which rule, and the rule's parameter if any.
type FieldError struct {
	// Field is the path below the struct, e.g. "Contact.Phone" or "SKUs[0].Code".
	Field string
	// Rule is the tag that failed: "required", "max", "uscc", ...
	Rule string
	// Param is the rule's parameter ("20" for max=20), or "".
	Param string
}

// String renders the violation as "Field: rule=param".
func (f FieldError) String() string {
	if f.Param == "" {
		return f.Field + ": " + f.Rule
	}
	return f.Field + ": " + f.Rule + "=" + f.Param
}

// Error implements error: "catalog: invalid ShopParams: Contact.Phone: cn_mobile; ...".
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
