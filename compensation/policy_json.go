package compensation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/strict"
)

// policyJSON is the wire form of a Policy. Pointers tell a missing setting (the default
// applies) from a present one; raw amounts accept a string ("100.00") or a JSON number.
type policyJSON struct {
	Name     string          `json:"name,omitempty"`
	Version  string          `json:"version,omitempty"`
	Mode     *string         `json:"mode,omitempty"`
	Rounding *string         `json:"rounding,omitempty"`
	Form     *string         `json:"form,omitempty"`
	Floor    json.RawMessage `json:"floor,omitempty"`
	Cap      json.RawMessage `json:"cap,omitempty"`
	Liable   *[]string       `json:"liable,omitempty"`
	Tiers    []tierJSON      `json:"tiers"`
}

type tierJSON struct {
	From json.RawMessage `json:"from"`
	Rate json.RawMessage `json:"rate"`
}

// MarshalJSON writes every setting explicitly, amounts as strings with two decimals and rates
// as short decimal strings:
//
//	{"name":"default","version":"1","mode":"flat","rounding":"half_up","form":"cash",
//	 "liable":["stock_shortage","merchant_error","malicious"],
//	 "tiers":[{"from":"0.00","rate":"0.5"},{"from":"100.00","rate":"0.3"},{"from":"5000.00","rate":"0.2"}]}
//
// The zero Policy is an error matching ErrInvalidPolicy. The receiver is a value so that a
// Policy marshals the same whether it is stored as a value or a pointer.
func (p Policy) MarshalJSON() ([]byte, error) {
	r, err := p.usable()
	if err != nil {
		return nil, err
	}
	mode, rounding, form := r.mode.String(), r.rounding.String(), r.form.String()
	liable := []string{}
	for _, c := range r.liable.list() {
		liable = append(liable, c.String())
	}
	w := policyJSON{Name: r.name, Version: r.version, Mode: &mode, Rounding: &rounding, Form: &form, Liable: &liable}
	if r.hasFloor {
		w.Floor = quote(yuanText(r.floor))
	}
	if r.hasCap {
		w.Cap = quote(yuanText(r.cap))
	}
	for _, t := range r.tiers {
		w.Tiers = append(w.Tiers, tierJSON{From: quote(yuanText(t.from)), Rate: quote(rateText(t.num))})
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a policy written by MarshalJSON or by hand and validates it as NewPolicy
// does, so a host can load the platform's current table from its configuration. Only "tiers"
// is required; a missing mode, rounding, form or liable list takes NewPolicy's default, a
// missing floor or cap means none. Amounts and rates may be strings ("100.00", "0.3") or JSON
// numbers; unknown fields are rejected, since a misspelt "cap" would otherwise be dropped
// silently. Every error matches ErrInvalidPolicy; on error *p is left unchanged. JSON null
// leaves *p unchanged too, as encoding/json does for values it cannot set to nil.
func (p *Policy) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var w policyJSON
	if err := strict.Decode(data, &w); errors.Is(err, strict.ErrTrailingData) {
		return &PolicyError{Field: "json", Reason: "data after the policy", Err: err}
	} else if err != nil {
		return &PolicyError{Field: "json", Reason: err.Error(), Err: err}
	}
	opts, err := w.options()
	if err != nil {
		return err
	}
	tiers := make([]Tier, len(w.Tiers))
	for i, t := range w.Tiers {
		field := "tiers[" + itoa(int64(i)) + "]"
		if tiers[i].From, err = rawDecimal(field+".from", t.From); err != nil {
			return err
		}
		if tiers[i].Rate, err = rawDecimal(field+".rate", t.Rate); err != nil {
			return err
		}
	}
	np, err := NewPolicy(tiers, opts...)
	if err != nil {
		return err
	}
	*p = *np
	return nil
}

// options turns the wire settings into options, parsing the names.
func (w *policyJSON) options() ([]Option, error) {
	opts := []Option{WithName(w.Name, w.Version)}
	if w.Mode != nil {
		var m Mode
		if err := m.UnmarshalText([]byte(*w.Mode)); err != nil {
			return nil, &PolicyError{Field: "mode", Value: fmt.Sprintf("%q", *w.Mode), Reason: "unknown mode", Err: err}
		}
		opts = append(opts, WithMode(m))
	}
	if w.Rounding != nil {
		var r Rounding
		if err := r.UnmarshalText([]byte(*w.Rounding)); err != nil {
			return nil, &PolicyError{Field: "rounding", Value: fmt.Sprintf("%q", *w.Rounding), Reason: "unknown rounding", Err: err}
		}
		opts = append(opts, WithRounding(r))
	}
	if w.Form != nil {
		var f Form
		if err := f.UnmarshalText([]byte(*w.Form)); err != nil {
			return nil, &PolicyError{Field: "form", Value: fmt.Sprintf("%q", *w.Form), Reason: "unknown form", Err: err}
		}
		opts = append(opts, WithForm(f))
	}
	if w.Liable != nil {
		list := make([]Cause, len(*w.Liable))
		for i, name := range *w.Liable {
			if err := list[i].UnmarshalText([]byte(name)); err != nil {
				return nil, &PolicyError{Field: "liable[" + itoa(int64(i)) + "]", Value: fmt.Sprintf("%q", name), Reason: "unknown cause", Err: err}
			}
		}
		opts = append(opts, WithLiable(list...))
	}
	if !isNull(w.Floor) {
		floor, err := rawDecimal("floor", w.Floor)
		if err != nil {
			return nil, err
		}
		opts = append(opts, WithFloor(floor))
	}
	if !isNull(w.Cap) {
		limit, err := rawDecimal("cap", w.Cap)
		if err != nil {
			return nil, err
		}
		opts = append(opts, WithCap(limit))
	}
	return opts, nil
}

// rawDecimal reads a decimal given as a JSON string or number. It never goes through a float.
func rawDecimal(field string, raw json.RawMessage) (decimal.Decimal, error) {
	if isNull(raw) {
		return decimal.Decimal{}, &PolicyError{Field: field, Reason: "missing"}
	}
	if len(raw) > maxDecimalText {
		// A decimal parser takes time quadratic in the digits: a hostile number of a million
		// digits would cost seconds. No threshold or rate needs more than a few.
		return decimal.Decimal{}, &PolicyError{Field: field, Value: string(raw[:maxDecimalText]) + "…",
			Reason: "longer than " + itoa(maxDecimalText) + " characters"}
	}
	text := string(raw)
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &text); err != nil {
			return decimal.Decimal{}, &PolicyError{Field: field, Value: string(raw), Reason: "not a JSON string", Err: err}
		}
	} else if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') {
		return decimal.Decimal{}, &PolicyError{Field: field, Value: string(raw), Reason: `want a decimal string like "0.3"`}
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, &PolicyError{Field: field, Value: fmt.Sprintf("%q", text), Reason: "not a decimal number", Err: err}
	}
	return d, nil
}

// maxDecimalText bounds the JSON text of an amount or a rate.
const maxDecimalText = 40

// isNull reports whether a raw value is absent or JSON null.
func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// quote renders s as a JSON string; s is our own text (digits and a dot), so it needs no
// escaping.
func quote(s string) json.RawMessage { return json.RawMessage(`"` + s + `"`) }
