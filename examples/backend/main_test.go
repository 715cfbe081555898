package main

import (
	"io"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadConfig: a flag wins over its environment variable, which wins over the default;
// the secrets come from the environment only.
func TestLoadConfig(t *testing.T) {
	t.Parallel()
	env := map[string]string{}
	getenv := func(name string) string { return env[name] }

	cfg, err := loadConfig(nil, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, config{addr: "127.0.0.1:8080", db: "backend.db", appID: demoAppID, platformURL: "https://api.weixin.qq.com/channels/ec",
		logLevel: slog.LevelInfo, token: demoToken, aesKey: demoAESKey}, cfg, "go run . works without any setting")

	env = map[string]string{"WXSHOP_ADDR": "127.0.0.1:9000", "WXSHOP_DB": "/var/lib/shop.db", "WXSHOP_PUSH_TOKEN": "t0ken",
		"WXSHOP_PUSH_AES_KEY": "k", "WXSHOP_ACCESS_TOKEN": "a", "WXSHOP_LOG_LEVEL": "debug"}
	cfg, err = loadConfig([]string{"-addr", "127.0.0.1:9001", "-appid", "wx5f3c9a1d8e2b7046"}, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, config{addr: "127.0.0.1:9001", db: "/var/lib/shop.db", appID: "wx5f3c9a1d8e2b7046",
		platformURL: "https://api.weixin.qq.com/channels/ec", logLevel: slog.LevelDebug, token: "t0ken", aesKey: "k", accessToken: "a"}, cfg)

	for _, args := range [][]string{{"-log-level", "loud"}, {"-token", "x"}, {"extra"}} {
		_, err := loadConfig(args, getenv, io.Discard)
		assert.Error(t, err, "%q", args)
	}
}
