package aftersale

import (
	"strings"

	"github.com/wxshop-go/wxshop/internal/text"
)

// Waybill is a parcel's carrier code (delivery_id, e.g. "SF") and tracking number
// (waybill_id): the goods a buyer sends back, or the exchange or missing goods a merchant sends.
// Carriers are data the host fetches from the platform, so any non-empty code is accepted.
type Waybill struct {
	Carrier        string `json:"carrier"`
	TrackingNumber string `json:"tracking_number"`
}

// IsZero reports whether no waybill is recorded.
func (w Waybill) IsZero() bool { return w == Waybill{} }

// Validate reports a waybill with an empty (or blank) carrier or tracking number, or text that
// is not valid UTF-8, as an error matching ErrInvalidRequest.
func (w Waybill) Validate() error {
	switch {
	case strings.TrimSpace(w.Carrier) == "":
		return &RequestError{Field: "waybill carrier", Reason: "empty"}
	case strings.TrimSpace(w.TrackingNumber) == "":
		return &RequestError{Field: "waybill tracking number", Reason: "empty"}
	case !text.ValidAll(w.Carrier, w.TrackingNumber):
		return &RequestError{Field: "waybill", Reason: "not valid UTF-8"}
	}
	return nil
}
