package shipping

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

// Carrier is one delivery company as the platform lists it (deliverycompanylist: delivery_id
// and delivery_name), plus optional rules for its tracking numbers that the host may know.
// Carriers are data: the platform's list changes, so hosts fetch it at run time and pass it in;
// the package has no built-in list. A Carrier is a plain value.
type Carrier struct {
	// Code is the platform's delivery_id, e.g. "SF", "ZTO" or "OTHER".
	Code string `json:"delivery_id"`
	// Name is the platform's delivery_name, e.g. 顺丰速运.
	Name string `json:"delivery_name"`
	// Pattern, when set, is a regular expression (RE2 syntax) that the whole tracking number
	// must match, e.g. `SF[0-9]{12}`. It is anchored for you.
	Pattern string `json:"pattern,omitempty"`
	// MinLength and MaxLength, when positive, bound the tracking number's length in bytes.
	MinLength int `json:"min_length,omitempty"`
	MaxLength int `json:"max_length,omitempty"`
}

// ErrInvalidCarrier is matched by every error NewCarriers returns for bad carrier data.
var ErrInvalidCarrier = errors.New("shipping: invalid carrier")

// CarrierError says which carrier was rejected and why. It matches ErrInvalidCarrier.
type CarrierError struct {
	Code   string // the carrier's code as given (Error quotes it, cut to 64 bytes)
	Reason string // short English explanation
}

// Error implements error.
func (e *CarrierError) Error() string {
	return "shipping: invalid carrier " + text.Quote(e.Code) + ": " + e.Reason
}

// Unwrap makes errors.Is(err, ErrInvalidCarrier) true.
func (e *CarrierError) Unwrap() error { return ErrInvalidCarrier }

// Carriers is the set of carriers a host knows, built by NewCarriers. The zero value knows no
// carrier. A Carriers is immutable and safe for concurrent use.
type Carriers struct {
	list     []Carrier
	index    map[string]int
	patterns []*regexp.Regexp // by position in list; nil where the carrier has no pattern
}

// NewCarriers validates the carriers and builds the set: every code non-empty, made of ASCII
// letters, digits, '_' and '-', and unique; lengths not negative and MinLength ≤ MaxLength;
// patterns that compile. On error nothing is built.
func NewCarriers(list ...Carrier) (Carriers, error) {
	cs := Carriers{
		list:     append([]Carrier(nil), list...),
		index:    make(map[string]int, len(list)),
		patterns: make([]*regexp.Regexp, len(list)),
	}
	for i, c := range cs.list {
		if err := c.validate(); err != nil {
			return Carriers{}, err
		}
		if _, dup := cs.index[c.Code]; dup {
			return Carriers{}, &CarrierError{Code: c.Code, Reason: "listed twice"}
		}
		cs.index[c.Code] = i
		if c.Pattern != "" {
			// Compiled alone first: a pattern that compiles has balanced groups, so wrapping it
			// cannot be escaped (`A)|(B` would otherwise unanchor the alternation). The wrapped
			// form can still fail on its own: an unterminated \Q quotes the closing `)$`.
			if _, err := regexp.Compile(c.Pattern); err != nil {
				return Carriers{}, &CarrierError{Code: c.Code, Reason: "pattern does not compile: " + err.Error()}
			}
			anchored, err := regexp.Compile(`^(?:` + c.Pattern + `)$`)
			if err != nil {
				return Carriers{}, &CarrierError{Code: c.Code, Reason: "pattern cannot be anchored: " + err.Error()}
			}
			cs.patterns[i] = anchored
		}
	}
	return cs, nil
}

// MustCarriers is NewCarriers for tests and package-level tables: it panics on bad data.
func MustCarriers(list ...Carrier) Carriers {
	cs, err := NewCarriers(list...)
	if err != nil {
		panic(err)
	}
	return cs
}

func (c Carrier) validate() error {
	switch {
	case c.Code == "":
		return &CarrierError{Code: c.Code, Reason: "empty code"}
	case !order.CarrierCodeValid(c.Code):
		return &CarrierError{Code: c.Code, Reason: "not 1 to 64 ASCII letters, digits, '_' or '-'"}
	case !text.Valid(c.Name) || !text.Valid(c.Pattern):
		return &CarrierError{Code: c.Code, Reason: "name or pattern not valid UTF-8"}
	case c.MinLength < 0 || c.MaxLength < 0:
		return &CarrierError{Code: c.Code, Reason: "negative length bound"}
	case c.MaxLength > 0 && c.MinLength > c.MaxLength:
		return &CarrierError{Code: c.Code, Reason: fmt.Sprintf("min length %d above max length %d", c.MinLength, c.MaxLength)}
	}
	return nil
}

// Len returns the number of carriers.
func (cs Carriers) Len() int { return len(cs.list) }

// All returns the carriers in the order given to NewCarriers (a new slice).
func (cs Carriers) All() []Carrier { return append([]Carrier(nil), cs.list...) }

// Lookup returns the carrier with the given code (delivery_id).
func (cs Carriers) Lookup(code string) (Carrier, bool) {
	i, ok := cs.index[code]
	if !ok {
		return Carrier{}, false
	}
	return cs.list[i], true
}
