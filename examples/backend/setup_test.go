package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// testBackend is the backend's handler on a real listener on 127.0.0.1, over a fresh
// database and the fake platform.
type testBackend struct {
	t        *testing.T
	server   *Server
	url      string
	platform *fakePlatform
	key      wxapi.PushKey
	random   io.Reader
}

// testNow is the backend's clock in the unit tests: after every history's times.
var testNow = time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)

func newTestBackend(t *testing.T) *testBackend {
	t.Helper()
	ctx := context.Background()
	store, err := OpenStore(ctx, filepath.Join(t.TempDir(), "backend.db"))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, store.Close()) })
	key, err := wxapi.NewPushKey(demoToken, demoAESKey, demoAppID)
	require.NoError(t, err)
	fp := newFakePlatform(t)
	platform := &HTTPPlatform{BaseURL: fp.baseURL(), AccessToken: testAccessToken, Client: &http.Client{Timeout: 5 * time.Second}}
	s := NewServer(store, platform, key, slog.New(slog.NewTextHandler(testLog{t}, nil)))
	s.now = func() time.Time { return testNow }
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return &testBackend{t: t, server: s, url: hs.URL, platform: fp, key: key, random: rand.NewChaCha8([32]byte{7})}
}

// push seals the plaintext event msg as the platform does and posts it.
func (b *testBackend) push(msg []byte) (int, string) {
	b.t.Helper()
	var ev struct{ CreateTime int64 }
	require.NoError(b.t, json.Unmarshal(msg, &ev))
	status, body, err := sealPush(b.t, b.key, b.random, msg, time.Unix(ev.CreateTime, 0)).send(http.DefaultClient, b.url)
	require.NoError(b.t, err)
	return status, body
}

// happen makes step k of h happen on the platform and pushes it.
func (b *testBackend) happen(h *history, k int) (int, string) {
	b.t.Helper()
	b.platform.add(h)
	b.platform.advance(h.id, k)
	return b.push(h.steps[k].push)
}

// get calls the JSON API and decodes its answer into v.
func (b *testBackend) get(path string, v any) int {
	b.t.Helper()
	resp, err := http.Get(b.url + path)
	require.NoError(b.t, err)
	defer resp.Body.Close()
	require.NoError(b.t, json.NewDecoder(resp.Body).Decode(v))
	return resp.StatusCode
}

// post calls the JSON API with body and decodes its answer into v.
func (b *testBackend) post(path, body string, v any) int {
	b.t.Helper()
	resp, err := http.Post(b.url+path, "application/json", strings.NewReader(body))
	require.NoError(b.t, err)
	defer resp.Body.Close()
	require.NoError(b.t, json.NewDecoder(resp.Body).Decode(v))
	return resp.StatusCode
}

// events returns the names of the recorded events of order id, in order.
func (b *testBackend) events(id string) []string {
	b.t.Helper()
	rows, err := b.server.store.db.Query(`SELECT name FROM events WHERE order_id = ? ORDER BY seq`, id)
	require.NoError(b.t, err)
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		require.NoError(b.t, rows.Scan(&n))
		names = append(names, n)
	}
	require.NoError(b.t, rows.Err())
	return names
}

// testLog writes the backend's log to the test's, shown when the test fails.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}
