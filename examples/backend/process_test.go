package main

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// buildBackend builds the backend into dir and returns the binary's path: with the race
// detector when the test runs with it.
func buildBackend(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "backend")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// freeAddr returns an address on 127.0.0.1 that nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// backendProcess is the backend running as a process of its own.
type backendProcess struct {
	t                       *testing.T
	bin, db, addr, platform string
	logPath                 string
	mu                      sync.Mutex
	cmd                     *exec.Cmd
	log                     *os.File
}

// start starts the backend; it does not wait for it to listen (the pushes' retries do).
func (p *backendProcess) start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.log == nil {
		f, err := os.Create(p.logPath)
		require.NoError(p.t, err)
		p.log = f
	}
	cmd := exec.Command(p.bin, "-addr", p.addr, "-db", p.db, "-platform-url", p.platform, "-appid", crashAppID, "-log-level", "warn")
	cmd.Env = append(os.Environ(), "WXSHOP_PUSH_TOKEN="+crashToken, "WXSHOP_PUSH_AES_KEY="+crashAESKey,
		"WXSHOP_ACCESS_TOKEN="+testAccessToken)
	cmd.Stdout, cmd.Stderr = p.log, p.log
	require.NoError(p.t, cmd.Start())
	p.cmd = cmd
}

// kill kills the backend with SIGKILL and waits for it to be gone.
func (p *backendProcess) kill() {
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait() // "signal: killed"
	p.cmd = nil
}

// stop asks the backend to stop (SIGTERM) and checks that it stopped cleanly.
func (p *backendProcess) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	require.NoError(p.t, p.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(p.t, p.cmd.Wait(), "the backend's exit after SIGTERM")
	p.cmd = nil
}

// killIfRunning is the test's cleanup.
func (p *backendProcess) killIfRunning() {
	p.mu.Lock()
	running := p.cmd != nil
	p.mu.Unlock()
	if running {
		p.kill()
	}
	if p.log != nil {
		_ = p.log.Close()
	}
}

// logText is the backend's log, of every run.
func (p *backendProcess) logText() string {
	b, err := os.ReadFile(p.logPath)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// logTail is the end of the backend's log.
func (p *backendProcess) logTail() string {
	s := p.logText()
	return s[max(0, len(s)-4000):]
}
