// Package enum is the one implementation behind wxshop's enums: a value (usually the platform's
// own code), a stable English snake_case name used in text and JSON, and the Chinese label a
// merchant sees. Domain enums keep their own named types and delegate to a Set.
package enum

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
)

// ErrUnknown is matched by every error that rejects a code or name the enum does not know. The
// platform has sent codes missing from its docs; decoding one is an error, never a default.
var ErrUnknown = errors.New("unknown code")

// UnknownError names the enum and the value that was not recognised. It matches ErrUnknown.
type UnknownError struct {
	Type  string // the Go type, e.g. "order.Status"
	Value string // the rejected value as text
}

// Error implements error.
func (e *UnknownError) Error() string {
	return fmt.Sprintf("unknown %s %s", e.Type, e.Value)
}

// Unwrap makes errors.Is(err, ErrUnknown) true.
func (e *UnknownError) Unwrap() error { return ErrUnknown }

// Spec describes one value of an enum.
type Spec[T comparable] struct {
	Value T
	Name  string // stable English snake_case (or the platform's own string)
	Label string // Chinese label shown to merchants
}

// Set is an enum's table of values. It is immutable after New and safe for concurrent use.
// Lookups scan the table: enums are small, and a scan allocates nothing.
type Set[T comparable] struct {
	typeName string
	specs    []Spec[T]
}

// New builds a Set. typeName ("order.Status") appears in error messages. It panics on a
// duplicate value or name: sets are package-level tables written by hand, and a duplicate is a
// programming error caught by the first test that loads the package.
func New[T comparable](typeName string, specs ...Spec[T]) Set[T] {
	for i, a := range specs {
		for _, b := range specs[:i] {
			if a.Value == b.Value || a.Name == b.Name {
				panic(fmt.Sprintf("enum %s: duplicate value or name %q", typeName, a.Name))
			}
		}
	}
	return Set[T]{typeName: typeName, specs: specs}
}

// Values returns every value in table order (a new slice).
func (s Set[T]) Values() []T {
	out := make([]T, len(s.specs))
	for i, sp := range s.specs {
		out[i] = sp.Value
	}
	return out
}

// Valid reports whether v is in the table.
func (s Set[T]) Valid(v T) bool {
	_, ok := s.spec(v)
	return ok
}

// Name returns v's stable name, or "TypeName(v)" for a value outside the table.
func (s Set[T]) Name(v T) string {
	if sp, ok := s.spec(v); ok {
		return sp.Name
	}
	return s.typeName + "(" + raw(v) + ")"
}

// Label returns v's Chinese label, or the same fallback as Name.
func (s Set[T]) Label(v T) string {
	if sp, ok := s.spec(v); ok {
		return sp.Label
	}
	return s.Name(v)
}

// Parse returns the value whose name is name, or an *UnknownError.
func (s Set[T]) Parse(name string) (T, error) {
	for _, sp := range s.specs {
		if sp.Name == name {
			return sp.Value, nil
		}
	}
	var zero T
	return zero, &UnknownError{Type: s.typeName, Value: fmt.Sprintf("%q", name)}
}

// Check returns nil when v is in the table and an *UnknownError naming v otherwise.
func (s Set[T]) Check(v T) error {
	if s.Valid(v) {
		return nil
	}
	return &UnknownError{Type: s.typeName, Value: raw(v)}
}

// MarshalText renders v by name; a value outside the table is an error.
func (s Set[T]) MarshalText(v T) ([]byte, error) {
	sp, ok := s.spec(v)
	if !ok {
		return nil, &UnknownError{Type: s.typeName, Value: raw(v)}
	}
	return []byte(sp.Name), nil
}

// UnmarshalText parses a name into *v and leaves *v unchanged on error.
func (s Set[T]) UnmarshalText(v *T, text []byte) error {
	parsed, err := s.Parse(string(text))
	if err != nil {
		return err
	}
	*v = parsed
	return nil
}

func (s Set[T]) spec(v T) (Spec[T], bool) {
	for _, sp := range s.specs {
		if sp.Value == v {
			return sp, true
		}
	}
	return Spec[T]{}, false
}

// raw formats v's underlying value. It must not use fmt's %v: the enum types' String methods call
// Name, and %v would call String again for a value outside the table, recursing forever.
func raw[T comparable](v T) string {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10)
	case reflect.String:
		return strconv.Quote(rv.String())
	default:
		return "?"
	}
}
