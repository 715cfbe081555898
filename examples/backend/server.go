package main

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/wxshop-go/wxshop/wxapi"
)

// Server is the backend's HTTP side: the push endpoint and the JSON API, over one store and
// one platform.
type Server struct {
	store    *Store
	platform Platform
	key      wxapi.PushKey
	log      *slog.Logger
	now      func() time.Time
	locks    orderLocks
	carriers carrierCache

	// pushTimeout bounds the work on one push, platform calls included: the platform gives
	// up on an answer after about 5 seconds and sends the push again.
	pushTimeout time.Duration
	// apiTimeout bounds one API request.
	apiTimeout time.Duration
}

// NewServer returns a server over store and platform that opens pushes with key.
func NewServer(store *Store, platform Platform, key wxapi.PushKey, log *slog.Logger) *Server {
	return &Server{
		store: store, platform: platform, key: key, log: log, now: time.Now,
		carriers:    carrierCache{ttl: time.Hour},
		pushTimeout: 4 * time.Second, apiTimeout: 10 * time.Second,
	}
}

// Handler routes the requests:
//
//	GET  /push                  the platform verifies the push URL
//	POST /push                  the platform pushes an event
//	GET  /orders/{id}           the stored order and its after-sale cases
//	GET  /orders/{id}/check     whether what is left of the order could ship in one parcel
//	POST /orders/{id}/ship      the pre-flight check of a shipment: its blockers, or the
//	                            delivery/send body it would send
//	GET  /healthz               "ok" once the database is open
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /push", s.handleVerify)
	mux.HandleFunc("POST /push", s.handlePush)
	mux.HandleFunc("GET /orders/{id}", s.handleOrder)
	mux.HandleFunc("GET /orders/{id}/check", s.handleCheck)
	mux.HandleFunc("POST /orders/{id}/ship", s.handleShip)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok"))
	})
	return mux
}
