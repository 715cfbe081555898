// Package strict decodes the stored forms wxshop reads back: one JSON value, no unknown field,
// nothing after it. A stored form is the host's own data, so a misspelt field is an error
// rather than a silent loss.
package strict

import (
	"bytes"
	"encoding/json"
	"errors"
)

// ErrTrailingData is returned for a body with more after the value.
var ErrTrailingData = errors.New("data after the stored value")

// Decode decodes one JSON value from b into v, refusing unknown fields and trailing data.
func Decode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return ErrTrailingData
	}
	return nil
}
