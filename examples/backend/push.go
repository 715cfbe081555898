package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/wxshop-go/wxshop/logvalue"
	"github.com/wxshop-go/wxshop/wxapi"
)

// The platform's push (消息推送) to the URL saved in the shop's settings: a GET to verify the
// URL once, then a POST for each event. The platform wants "success" (or an empty body) within
// a few seconds; anything else, or no answer, and it sends the push again — 0 s, 0 s, 10 s,
// 1 min, 5 min, 30 min, then hourly, at most 10 times. That retry is what makes this backend
// safe: a push is acknowledged only after its change is committed, so a crash before the
// commit loses nothing (the retry applies it), and a crash after it applies nothing twice
// (the retry finds the stored order past it).

// handleVerify answers the GET the platform sends when the push URL is saved: echostr back,
// if the signature holds.
func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) {
	echo, err := s.key.VerifyURL(r.URL.Query())
	if err != nil {
		s.log.Warn("push URL verification refused", "err", err)
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, echo)
}

// handlePush receives one event: check the signature, decrypt, decode, apply, commit, and
// only then answer "success".
func (s *Server) handlePush(w http.ResponseWriter, r *http.Request) {
	// One byte over the limit lets OpenPush refuse an oversized body with its own error.
	body, err := io.ReadAll(io.LimitReader(r.Body, wxapi.MaxPushBody+1))
	if err != nil {
		http.Error(w, "cannot read the body", http.StatusBadRequest)
		return
	}
	msg, err := s.key.OpenPush(r.URL.Query(), body, s.now(), wxapi.PushOptions{})
	if err != nil {
		// Not the platform's, or not for this shop: nothing to retry.
		s.log.Warn("push refused", "err", err)
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	ev, err := wxapi.DecodeEvent(msg)
	switch {
	case errors.Is(err, wxapi.ErrUnsupportedEvent):
		// A push this backend does not model (coupons, funds, ...): its retry would say the same.
		s.log.Info("push not modelled, acknowledged", "err", err)
		acknowledge(w)
		return
	case err != nil:
		// Signed by the platform, yet not what the decoder expects. Refusing it keeps the
		// platform retrying for hours: long enough to deploy a fix, and the order is not lost.
		s.log.Error("push does not decode", "err", err)
		http.Error(w, "retry", http.StatusInternalServerError)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.pushTimeout)
	defer cancel()
	if err := s.apply(ctx, ev); err != nil {
		s.log.Error("push not applied, the platform will retry", "event", ev.Kind(), "subject", ev.Subject(), "err", err)
		http.Error(w, "retry", http.StatusInternalServerError)
		return
	}
	acknowledge(w)
}

// acknowledge is the answer the platform takes as "received": anything else is a failure.
func acknowledge(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "success")
}

// apply applies one push to the stored order it is about, and commits the change with its
// events. A push about something other than an order (a product, the shop) is only logged:
// this backend stores orders and their after-sale cases.
func (s *Server) apply(ctx context.Context, ev wxapi.Event) error {
	sub := ev.Subject()
	switch sub.Kind {
	case wxapi.SubjectOrder, wxapi.SubjectAfterSale, wxapi.SubjectComplaint:
	default:
		s.log.Info("push not about an order, acknowledged", "event", ev.Kind(), "subject", sub)
		return nil
	}
	if sub.OrderID == "" {
		return fmt.Errorf("%s names no order", ev.Kind())
	}
	unlock := s.locks.lock(sub.OrderID)
	defer unlock()
	r, err := s.store.load(ctx, sub.OrderID)
	if err != nil {
		return err
	}
	if err := s.change(ctx, r, ev); err != nil {
		return err
	}
	if !r.changed() {
		return nil // a retry, or a push the stored order went past: nothing to write
	}
	return s.store.save(ctx, r, ev.Time())
}

// change applies ev to r. The library says what a push did: Applied (the push carried enough,
// and the aggregate changed through its own commands), AlreadyApplied (a retry, or a push the
// aggregate is past), or NeedsFetch (the push does not carry what the change needs). A
// NeedsFetch, an order or case the store does not have yet, a dispute, and a push the
// aggregate refuses are all settled the same way: by the platform's truth (sync).
func (s *Server) change(ctx context.Context, r *record, ev wxapi.Event) error {
	if r.order == nil {
		return s.sync(ctx, r, ev)
	}
	var out wxapi.Outcome
	var err error
	switch ev := ev.(type) {
	case wxapi.AfterSaleUpdated:
		out, err = wxapi.ApplyToCase(r.caseOf(ev.Subject().ID), r.order, ev)
	case wxapi.ComplaintUpdated:
		// A dispute's status says nothing the case can apply: its details do.
		return s.sync(ctx, r, ev)
	default:
		out, err = wxapi.ApplyToOrder(r.order, ev)
	}
	if err != nil {
		// The aggregate refused the command, and is as it was: the platform settles it.
		// logvalue logs the stored order with the buyer masked (slog's JSON handler would
		// otherwise log its whole stored form).
		s.log.Warn("push refused by the stored order, syncing", "event", ev.Kind(), "subject", ev.Subject(),
			"order", logvalue.Order(r.order), "err", err)
		return s.sync(ctx, r, ev)
	}
	switch out.Effect {
	case wxapi.Applied:
		if len(out.CaseEvents) > 0 {
			if err := r.caseChanged(ev.Subject().ID, out.CaseEvents); err != nil {
				return err
			}
		}
		if len(out.OrderEvents) > 0 {
			return r.orderChanged(out.OrderEvents)
		}
		return nil
	case wxapi.NeedsFetch:
		s.log.Debug("push needs the platform", "event", ev.Kind(), "subject", ev.Subject(), "fetch", out.Fetch.API, "why", out.Fetch.Why)
		return s.sync(ctx, r, ev)
	}
	return nil // AlreadyApplied
}
