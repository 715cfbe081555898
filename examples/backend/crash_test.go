package main

import (
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/wxapi"
)

// The crash test's shop: its own push key, passed to the backend the way a deployment
// passes it, through the environment.
const (
	crashToken  = "crashTestPushToken2024"
	crashAESKey = "CrashTestEncodingAESKeyOfTheReferenceShop01"
	crashAppID  = "wx5f3c9a1d8e2b7046"
)

// crashPlan is the size of a crash run.
type crashPlan struct {
	orders, pushes, kills, workers int
}

// TestCrash builds the backend and runs it as a process on 127.0.0.1 over a fresh database,
// with the fake platform behind it. It delivers signed, encrypted pushes of random order
// histories — duplicated, out of order, late — from several workers at once, each retried like
// the platform retries until it is answered "success", and kills the process with SIGKILL at
// random moments, restarting it on the same database. In the end every stored order and case
// must be the platform's, every stored JSON must restore, and the events table must tell each
// order's story once: nothing lost, nothing applied twice.
func TestCrash(t *testing.T) {
	plan := crashPlan{orders: 50, pushes: 1000, kills: 12, workers: 4}
	if testing.Short() {
		plan = crashPlan{orders: 10, pushes: 200, kills: 3, workers: 4}
	}
	seed := uint64(20240601)
	if s := os.Getenv("WXSHOP_CRASH_SEED"); s != "" { // to explore other histories
		n, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err, "WXSHOP_CRASH_SEED")
		seed = n
	}
	rnd := rand.New(rand.NewPCG(seed, 1))
	fp := newFakePlatform(t)
	histories := make([]*history, plan.orders)
	for n := range histories {
		histories[n] = newHistory(t, rnd, n)
		fp.add(histories[n])
	}
	key, err := wxapi.NewPushKey(crashToken, crashAESKey, crashAppID)
	require.NoError(t, err)
	sched := newSchedule(t, rnd, key, histories, plan.pushes)

	dir := t.TempDir()
	proc := &backendProcess{t: t, bin: buildBackend(t, dir), db: filepath.Join(dir, "backend.db"), addr: freeAddr(t),
		platform: fp.baseURL(), logPath: filepath.Join(dir, "backend.log")}
	proc.start()
	t.Cleanup(proc.killIfRunning)

	run := &crashRun{t: t, proc: proc, sched: sched, platform: fp, client: &http.Client{Timeout: 10 * time.Second}}
	figures := run.drive(plan, rnd)
	verifyAPI(t, "http://"+proc.addr, histories)
	proc.stop()
	verifyDatabase(t, proc.db, histories)
	require.NotContains(t, proc.logText(), "DATA RACE", "the backend, built with the race detector")

	// One line, in a stable form, for the notes to quote.
	t.Logf("crash test (seed %d): %d pushes (%d distinct, %d requests with retries) for %d orders in %.1fs: %.0f pushes/s; "+
		"%d kills, recovery after a kill median %s, max %s; %d checks that an acknowledged push was stored",
		seed, plan.pushes, sched.distinct, figures.requests, plan.orders, figures.elapsed.Seconds(),
		float64(plan.pushes)/figures.elapsed.Seconds(), figures.kills, figures.recoveryMedian(), figures.recoveryMax(), figures.checked)
}

// delivery is one push as the platform sends it, once it has happened: at position pos of the
// schedule, the platform has made every step up to that position happen.
type delivery struct {
	order, step int
	pos         int
	req         pushRequest
}

// schedule is the order of the steps on the platform (a random interleaving of the orders'
// histories) and the deliveries of their pushes: each push once, a few positions after its
// step (sometimes many), and duplicates of random pushes later still.
type schedule struct {
	histories  []*history
	steps      [][2]int // (order, step) at each position
	deliveries []delivery
	distinct   int
	// pushed[n][k] is what step k of order n's push is about: its time and its case, if any.
	pushed [][]pushFacts
}

// pushFacts is what a push says that its acknowledgement promises: once "success" is
// answered, the stored order has changed at least up to At, and so has the case, if any.
type pushFacts struct {
	at     time.Time
	caseID string
}

func newSchedule(t *testing.T, rnd *rand.Rand, key wxapi.PushKey, histories []*history, pushes int) *schedule {
	t.Helper()
	s := &schedule{histories: histories, pushed: make([][]pushFacts, len(histories))}
	for n, h := range histories {
		for _, st := range h.steps {
			ev, err := wxapi.DecodeEvent(st.push)
			require.NoError(t, err)
			f := pushFacts{at: ev.Time()}
			if ev.Subject().Kind == wxapi.SubjectAfterSale {
				f.caseID = ev.Subject().ID
			}
			s.pushed[n] = append(s.pushed[n], f)
		}
	}
	next := make([]int, len(histories))
	var open []int
	for n := range histories {
		open = append(open, n)
	}
	for len(open) > 0 {
		i := rnd.IntN(len(open))
		n := open[i]
		s.steps = append(s.steps, [2]int{n, next[n]})
		if next[n]++; next[n] == len(histories[n].steps) {
			open = slices.Delete(open, i, i+1)
		}
	}
	s.distinct = len(s.steps)
	require.LessOrEqual(t, s.distinct, pushes, "more steps than pushes")
	add := func(g, delay int) {
		n, k := s.steps[g][0], s.steps[g][1]
		s.deliveries = append(s.deliveries, delivery{order: n, step: k, pos: g + delay})
	}
	for g := range s.steps {
		delay := rnd.IntN(6)
		if rnd.IntN(10) == 0 {
			delay = rnd.IntN(80) // a push that comes much later
		}
		add(g, delay)
	}
	for range pushes - s.distinct {
		add(rnd.IntN(s.distinct), rnd.IntN(60))
	}
	sort.SliceStable(s.deliveries, func(i, j int) bool { return s.deliveries[i].pos < s.deliveries[j].pos })
	// Every delivery is sealed anew, as the platform seals a push it sends again.
	random := rand.NewChaCha8([32]byte{20, 24, 6, 1})
	for i := range s.deliveries {
		d := &s.deliveries[i]
		msg := histories[d.order].steps[d.step].push
		d.req = sealPush(t, key, random, msg, s.pushed[d.order][d.step].at.Add(time.Second))
	}
	return s
}
