// Command backend is a reference merchant backend built on wxshop, small enough to read in
// half an hour and to copy from. It receives the WeChat Shop platform's pushes (URL
// verification, signature, decryption, decoding, applying each exactly once), keeps orders and
// after-sale cases in SQLite, and answers a small JSON API:
//
//	GET  /orders/{id}          the stored order and its after-sale cases
//	GET  /orders/{id}/check    could what is left of the order ship now, in one parcel?
//	POST /orders/{id}/ship     the pre-flight check of a shipment, and the delivery/send body
//
// Run it with the demo settings (127.0.0.1:8080, ./backend.db, a demo push key):
//
//	go run .
//
// Settings are flags, each defaulting to an environment variable: -addr (WXSHOP_ADDR,
// 127.0.0.1:8080), -db (WXSHOP_DB, backend.db), -appid (WXSHOP_APPID), -platform-url
// (WXSHOP_PLATFORM_URL, https://api.weixin.qq.com/channels/ec) and -log-level
// (WXSHOP_LOG_LEVEL, info). The secrets come from the environment only: the push Token and
// EncodingAESKey of the shop's settings (WXSHOP_PUSH_TOKEN, WXSHOP_PUSH_AES_KEY; without them
// a made-up demo key, which no real push opens) and the API's access token
// (WXSHOP_ACCESS_TOKEN). The push URL to save in the shop's settings is /push.
//
// go test runs the crash test too: it builds this program, runs it as a process and kills it
// with SIGKILL again and again while the platform's pushes come in (crash_test.go).
//
// The files, one subject each: main.go (settings, start and stop), server.go (routes),
// push.go (a push, from the request to the commit), sync.go (an order brought to the
// platform's truth), record.go (one order as stored, and what a push changed), locks.go (one
// push of an order at a time), store.go (SQLite), platform.go (the platform's read API),
// api.go and check.go (the JSON API). The tests' fake platform is fakeplatform_test.go, its
// model of order histories history_test.go.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/wxshop-go/wxshop/wxapi"
)

// The demo push key: the values a shop's settings (微信小店后台 → 消息推送) would give, made up.
// A real shop sets its own through WXSHOP_PUSH_TOKEN, WXSHOP_PUSH_AES_KEY and -appid.
const (
	demoToken  = "demoPushToken"
	demoAESKey = "DemoEncodingAESKeyOfTheWxshopReferenceShop0"
	demoAppID  = "wxdemo0000000000"
)

// config is the backend's settings: flags, each defaulting to an environment variable and
// then to the demo value. Secrets come from the environment only, so that they never show in
// a process list.
type config struct {
	addr        string // -addr, WXSHOP_ADDR
	db          string // -db, WXSHOP_DB
	appID       string // -appid, WXSHOP_APPID
	platformURL string // -platform-url, WXSHOP_PLATFORM_URL
	logLevel    slog.Level
	token       string // WXSHOP_PUSH_TOKEN
	aesKey      string // WXSHOP_PUSH_AES_KEY
	accessToken string // WXSHOP_ACCESS_TOKEN
}

func main() {
	cfg, err := loadConfig(os.Args[1:], os.Getenv, os.Stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "backend:", err)
		os.Exit(2)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.logLevel}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log); err != nil {
		log.Error("backend stopped", "err", err)
		os.Exit(1)
	}
}

// loadConfig reads the flags in args, with defaults from getenv.
func loadConfig(args []string, getenv func(string) string, usage io.Writer) (config, error) {
	or := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	cfg := config{
		token:       or("WXSHOP_PUSH_TOKEN", demoToken),
		aesKey:      or("WXSHOP_PUSH_AES_KEY", demoAESKey),
		accessToken: getenv("WXSHOP_ACCESS_TOKEN"),
	}
	fs := flag.NewFlagSet("backend", flag.ContinueOnError)
	fs.SetOutput(usage)
	fs.StringVar(&cfg.addr, "addr", or("WXSHOP_ADDR", "127.0.0.1:8080"), "address to listen on")
	fs.StringVar(&cfg.db, "db", or("WXSHOP_DB", "backend.db"), "SQLite database file, created when missing")
	fs.StringVar(&cfg.appID, "appid", or("WXSHOP_APPID", demoAppID), "the shop's appid, which every push is sealed for")
	fs.StringVar(&cfg.platformURL, "platform-url", or("WXSHOP_PLATFORM_URL", "https://api.weixin.qq.com/channels/ec"),
		"base URL of the platform's API")
	level := fs.String("log-level", or("WXSHOP_LOG_LEVEL", "info"), "debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if err := cfg.logLevel.UnmarshalText([]byte(*level)); err != nil {
		return config{}, fmt.Errorf("-log-level: %w", err)
	}
	return cfg, nil
}

// run serves until ctx is cancelled (SIGINT, SIGTERM), then lets the requests in flight
// finish. A push cut off by the stop is not lost: it was not acknowledged, so the platform
// sends it again.
func run(ctx context.Context, cfg config, log *slog.Logger) error {
	key, err := wxapi.NewPushKey(cfg.token, cfg.aesKey, cfg.appID)
	if err != nil {
		return err
	}
	if cfg.token == demoToken || cfg.aesKey == demoAESKey {
		log.Warn("using the demo push key: set WXSHOP_PUSH_TOKEN and WXSHOP_PUSH_AES_KEY for a real shop")
	}
	if cfg.accessToken == "" {
		log.Warn("WXSHOP_ACCESS_TOKEN is not set: every call to the platform, and every push that needs one, will fail")
	}
	store, err := OpenStore(ctx, cfg.db)
	if err != nil {
		return err
	}
	defer store.Close()

	platform := &HTTPPlatform{BaseURL: cfg.platformURL, AccessToken: cfg.accessToken, Client: &http.Client{Timeout: 3 * time.Second}}
	srv := NewServer(store, platform, key, log)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "db", cfg.db, "platform", cfg.platformURL)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("stopping: %w", err)
	}
	return nil
}
