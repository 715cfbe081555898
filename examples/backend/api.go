package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

// maxShipRequest bounds a ship request's body: an order has at most order.MaxParcels parcels.
const maxShipRequest = 4 << 20

// orderView is GET /orders/{id}: the stored order and its cases, in their stored JSON.
type orderView struct {
	Order   *order.Order      `json:"order"`
	Cases   []*aftersale.Case `json:"cases"`
	Version int64             `json:"version"`
}

// shipRequest is POST /orders/{id}/ship's body.
type shipRequest struct {
	Parcels []order.Parcel `json:"parcels"`
	// Complete says the parcels, with what shipped before, are meant to finish the order.
	Complete bool `json:"complete"`
}

// shipAnswer is what the ship check answers: the report, and when it is OK the body of
// POST order/delivery/send that would ship the parcels (this backend does not send it).
type shipAnswer struct {
	Report       shipping.Report `json:"report"`
	DeliverySend json.RawMessage `json:"delivery_send,omitempty"`
}

// handleOrder is GET /orders/{id}.
func (s *Server) handleOrder(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.apiTimeout)
	defer cancel()
	rec, ok := s.storedOrder(ctx, w, r.PathValue("id"))
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, orderView{Order: rec.order, Cases: rec.caseList(), Version: rec.version})
}

// handleCheck is GET /orders/{id}/check?carrier=SF&tracking_number=SF1432198765012: the
// pre-flight check of shipping everything the order still has to ship, in one parcel. The
// carrier and tracking number are optional; without them the report says they are missing,
// beside whatever else blocks the order (an open after-sale, a changed SKU, its status).
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.apiTimeout)
	defer cancel()
	rec, ok := s.storedOrder(ctx, w, r.PathValue("id"))
	if !ok {
		return
	}
	parcel := order.Parcel{Carrier: r.URL.Query().Get("carrier"), TrackingNumber: r.URL.Query().Get("tracking_number")}
	for _, l := range rec.order.All() {
		if n := rec.order.Remaining(l.SKUID()); n > 0 {
			parcel.Items = append(parcel.Items, order.Item{ProductID: l.ProductID(), SKUID: l.SKUID(), Quantity: n})
		}
	}
	report, err := s.check(ctx, rec, []order.Parcel{parcel}, true)
	if err != nil {
		writeError(w, http.StatusBadGateway, err)
		return
	}
	writeJSON(w, http.StatusOK, shipAnswer{Report: report})
}

// handleShip is POST /orders/{id}/ship with a shipRequest: 200 with the delivery/send body
// when nothing blocks the shipment, 409 with the report's blockers otherwise.
func (s *Server) handleShip(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.apiTimeout)
	defer cancel()
	var req shipRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, maxShipRequest))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body is not a ship request: %w", err))
		return
	}
	rec, ok := s.storedOrder(ctx, w, r.PathValue("id"))
	if !ok {
		return
	}
	report, err := s.check(ctx, rec, req.Parcels, req.Complete)
	if err != nil {
		writeError(w, http.StatusBadGateway, err)
		return
	}
	if !report.OK() {
		writeJSON(w, http.StatusConflict, shipAnswer{Report: report})
		return
	}
	// An OK report means the order's rules hold; the encoder checks the body's own shape.
	body, err := wxapi.EncodeShipment(rec.order, req.Parcels)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, err)
		return
	}
	writeJSON(w, http.StatusOK, shipAnswer{Report: report, DeliverySend: body})
}

// storedOrder loads order id, or answers 404 (or 500) and reports false.
func (s *Server) storedOrder(ctx context.Context, w http.ResponseWriter, id string) (*record, bool) {
	rec, err := s.store.load(ctx, id)
	switch {
	case err != nil:
		s.log.Error("reading an order", "order", id, "err", err)
		writeError(w, http.StatusInternalServerError, errors.New("the order cannot be read"))
		return nil, false
	case rec.order == nil:
		writeError(w, http.StatusNotFound, fmt.Errorf("order %s is not stored", id))
		return nil, false
	}
	return rec, true
}

// writeJSON answers v as JSON with the status code.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "cannot encode the answer", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

// writeError answers {"error": "..."} with the status code.
func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, map[string]string{"error": err.Error()})
}
