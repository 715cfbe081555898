package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// crashRun drives one run: the platform moving on, the workers delivering, the killer.
type crashRun struct {
	t        *testing.T
	proc     *backendProcess
	sched    *schedule
	platform *fakePlatform
	client   *http.Client

	acked    atomic.Int64
	requests atomic.Int64
	failed   atomic.Pointer[string]

	mu         sync.Mutex
	killedAt   time.Time // zero when the last kill has recovered
	recoveries []time.Duration
	acks       []*delivery // every delivery answered "success", in the order of the answers
	checked    int         // acknowledgements checked against the database after the kills
}

// runFigures are what a run measured.
type runFigures struct {
	elapsed    time.Duration
	requests   int64
	kills      int
	recoveries []time.Duration
	checked    int // acknowledgements found in the database while the backend was down
}

func (f runFigures) recoveryMedian() time.Duration {
	if len(f.recoveries) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(f.recoveries))
	return s[len(s)/2].Round(time.Millisecond)
}

func (f runFigures) recoveryMax() time.Duration {
	if len(f.recoveries) == 0 {
		return 0
	}
	return slices.Max(f.recoveries).Round(time.Millisecond)
}

// drive delivers every push and kills the backend plan.kills times, at random moments.
func (r *crashRun) drive(plan crashPlan, rnd *rand.Rand) runFigures {
	t := r.t
	// Kill after random numbers of acknowledged pushes, spread over the run.
	var at []int64
	for len(at) < plan.kills {
		n := int64(plan.pushes/20 + rnd.IntN(plan.pushes*9/10))
		if !slices.Contains(at, n) {
			at = append(at, n)
		}
	}
	slices.Sort(at)
	pauses := make([]time.Duration, len(at))
	for i := range pauses {
		pauses[i] = time.Duration(rnd.IntN(10_000)) * time.Microsecond // lands mid-request
	}

	start := time.Now()
	work := make(chan *delivery)
	var workers sync.WaitGroup
	for range plan.workers {
		workers.Go(func() {
			for d := range work {
				r.deliver(d)
			}
		})
	}
	killerDone := make(chan int)
	go func() { killerDone <- r.killer(at, pauses) }()

	reached := -1
	for i := range r.sched.deliveries {
		d := &r.sched.deliveries[i]
		for ; reached < min(d.pos, len(r.sched.steps)-1); reached++ {
			s := r.sched.steps[reached+1]
			h := r.sched.histories[s[0]]
			r.platform.advance(h.id, s[1])
		}
		if r.failed.Load() != nil {
			break
		}
		work <- d
	}
	close(work)
	workers.Wait()
	kills := <-killerDone
	elapsed := time.Since(start)
	if msg := r.failed.Load(); msg != nil {
		t.Fatalf("%s\nthe backend's log ends:\n%s", *msg, r.proc.logTail())
	}
	require.EqualValues(t, plan.pushes, r.acked.Load())
	require.GreaterOrEqual(t, kills, plan.kills)
	r.mu.Lock()
	defer r.mu.Unlock()
	return runFigures{elapsed: elapsed, requests: r.requests.Load(), kills: kills, recoveries: r.recoveries, checked: r.checked}
}

// deliver sends one push until the backend answers "success", as the platform would (faster:
// the platform waits 10 s, a minute, ... between tries).
func (r *crashRun) deliver(d *delivery) {
	backoff := 2 * time.Millisecond
	deadline := time.Now().Add(time.Minute)
	for r.failed.Load() == nil {
		sent := time.Now()
		r.requests.Add(1)
		status, body, err := d.req.send(r.client, "http://"+r.proc.addr)
		if err == nil && status == http.StatusOK && body == "success" {
			r.acked.Add(1)
			r.recovered(sent, d)
			return
		}
		if time.Now().After(deadline) {
			msg := fmt.Sprintf("order %s step %d: no success for a minute; last answer %d %q, err %v",
				r.sched.histories[d.order].id, d.step, status, body, err)
			r.failed.CompareAndSwap(nil, &msg)
			return
		}
		time.Sleep(backoff)
		backoff = min(2*backoff, 50*time.Millisecond)
	}
}

// recovered notes a success of a request sent at sent: the first one sent after a kill ends
// the backend's recovery. A request sent before the kill does not count, even if its answer
// is read after.
func (r *crashRun) recovered(sent time.Time, d *delivery) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.acks = append(r.acks, d)
	if !r.killedAt.IsZero() && sent.After(r.killedAt) {
		r.recoveries = append(r.recoveries, time.Since(r.killedAt))
		r.killedAt = time.Time{}
	}
}

// killer kills the backend with SIGKILL once the acknowledged pushes pass each number in at,
// after the pause that goes with it, checks while it is down that every push acknowledged so
// far is in the database, and restarts it on the same database. It returns the number of
// kills.
func (r *crashRun) killer(at []int64, pauses []time.Duration) int {
	kills := 0
	for i, n := range at {
		for r.acked.Load() < n {
			if r.failed.Load() != nil || r.acked.Load() == int64(len(r.sched.deliveries)) {
				return kills
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(pauses[i])
		r.mu.Lock()
		r.killedAt = time.Now()
		r.mu.Unlock()
		r.proc.kill()
		kills++
		if err := r.checkDurable(); err != nil {
			msg := fmt.Sprintf("after kill %d: %v", kills, err)
			r.failed.CompareAndSwap(nil, &msg)
			return kills
		}
		r.proc.start()
	}
	return kills
}

// checkDurable reads the database of the killed backend and checks that every push answered
// "success" so far took effect: its order is stored, changed at least up to the push's time,
// and so is its case. A push acknowledged before its commit, and lost with the process, fails
// this check, even when a later push would have repaired the order.
func (r *crashRun) checkDurable() error {
	r.mu.Lock()
	acks := slices.Clone(r.acks)
	r.mu.Unlock()
	ctx := context.Background()
	store, err := OpenStore(ctx, r.proc.db)
	if err != nil {
		return err
	}
	defer store.Close()
	records := map[int]*record{}
	for _, d := range acks {
		rec, ok := records[d.order]
		if !ok {
			if rec, err = store.load(ctx, r.sched.histories[d.order].id); err != nil {
				return err
			}
			records[d.order] = rec
		}
		f := r.sched.pushed[d.order][d.step]
		switch {
		case rec.order == nil:
			return fmt.Errorf("order %s: step %d was acknowledged, the order is not stored", rec.id, d.step)
		case rec.order.UpdatedAt().Before(f.at):
			return fmt.Errorf("order %s: step %d (%s) was acknowledged, the stored order is of %s", rec.id, d.step, f.at, rec.order.UpdatedAt())
		case f.caseID != "" && rec.caseOf(f.caseID) == nil:
			return fmt.Errorf("order %s: step %d was acknowledged, case %s is not stored", rec.id, d.step, f.caseID)
		case f.caseID != "" && rec.caseOf(f.caseID).ChangedAt().Before(f.at):
			return fmt.Errorf("order %s: step %d was acknowledged, case %s is of %s", rec.id, d.step, f.caseID, rec.caseOf(f.caseID).ChangedAt())
		}
	}
	r.mu.Lock()
	r.checked += len(acks)
	r.mu.Unlock()
	return nil
}
