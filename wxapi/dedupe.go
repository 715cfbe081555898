package wxapi

import (
	"errors"
	"fmt"
	"time"
)

// Decision is what Dedupe says about an event.
type Decision uint8

// Decisions.
const (
	// Apply: the event is new and not older than what was applied for its subject.
	Apply Decision = iota + 1
	// Duplicate: the same event (a retry of the push) was applied already.
	Duplicate
	// Stale: a newer event about the same subject was applied already; applying this one would
	// move the subject backwards. Fetch the subject's current state instead.
	Stale
)

// String returns "apply", "duplicate" or "stale".
func (v Decision) String() string {
	switch v {
	case Apply:
		return "apply"
	case Duplicate:
		return "duplicate"
	case Stale:
		return "stale"
	}
	return fmt.Sprintf("wxapi.Decision(%d)", uint8(v))
}

// Sentinels matched by *EventError.
var (
	// ErrDuplicateEvent: the event was applied already.
	ErrDuplicateEvent = errors.New("duplicate event")
	// ErrStaleEvent: a newer event about the same subject was applied already.
	ErrStaleEvent = errors.New("stale event")
)

// EventError reports an event Dedupe refuses. It matches ErrDuplicateEvent or ErrStaleEvent.
type EventError struct {
	Kind     EventKind
	Subject  Subject
	At       time.Time // the refused event's CreateTime
	Decision Decision  // Duplicate or Stale
	Newest   time.Time // CreateTime of the newest event applied for the subject
}

// Error implements error.
func (e *EventError) Error() string {
	if e.Decision == Duplicate {
		return fmt.Sprintf("wxapi: %s for %s created %s: duplicate: already applied",
			e.Kind, e.Subject, e.At.Format(time.RFC3339))
	}
	return fmt.Sprintf("wxapi: %s for %s created %s: stale: an event created %s was applied already",
		e.Kind, e.Subject, e.At.Format(time.RFC3339), e.Newest.Format(time.RFC3339))
}

// Unwrap returns ErrDuplicateEvent or ErrStaleEvent.
func (e *EventError) Unwrap() error {
	if e.Decision == Duplicate {
		return ErrDuplicateEvent
	}
	return ErrStaleEvent
}

// Dedupe remembers which events were applied, per order and per after-sale order, so that a
// push the platform retries is applied once and a push that arrives after a newer one is not
// applied at all. The platform retries a push up to 10 times over about 3.6 hours, so both
// happen in practice.
//
// Events about one subject are ordered by CreateTime, then, within one second, by the status
// they lead to (a payment before a shipment before a confirmation). Two pushes with the same
// kind, subject, CreateTime and content are one event. The platform gives pushes no message
// ID, so two genuinely different partial shipments pushed within the same second look like a
// retry; that is harmless, because a shipment push carries no parcels and the host fetches
// order/get to learn them anyway.
//
// Use it in two steps so a failed application can be retried: Check, apply, then Record. The
// zero value is ready to use. A Dedupe is not safe for concurrent use; it keeps everything in
// memory, so call Forget once a subject can receive no more events.
type Dedupe struct {
	subjects map[Subject]*history
}

// history is what was applied for one subject.
type history struct {
	newest identity
	seen   []identity
}

// Check says whether ev should be applied. It records nothing. A nil event is never applied:
// it is Stale.
func (d *Dedupe) Check(ev Event) Decision {
	if ev == nil {
		return Stale
	}
	h := d.subjects[ev.Subject()]
	if h == nil {
		return Apply
	}
	id := ev.identity()
	for _, s := range h.seen {
		if s == id {
			return Duplicate
		}
	}
	if id.at < h.newest.at || (id.at == h.newest.at && id.rank < h.newest.rank) {
		return Stale
	}
	return Apply
}

// Err is Check as an error: nil when ev should be applied, an *EventError otherwise.
func (d *Dedupe) Err(ev Event) error {
	if ev == nil {
		return errors.New("wxapi: Dedupe: nil event")
	}
	v := d.Check(ev)
	if v == Apply {
		return nil
	}
	h := d.subjects[ev.Subject()]
	return &EventError{Kind: ev.Kind(), Subject: ev.Subject(), At: ev.Time(), Decision: v,
		Newest: time.Unix(h.newest.at, 0).UTC()}
}

// Record remembers ev as applied. It refuses (with the *EventError Err returns, recording
// nothing) an event Check would not let through, so an event is never recorded twice.
func (d *Dedupe) Record(ev Event) error {
	if err := d.Err(ev); err != nil {
		return err
	}
	if d.subjects == nil {
		d.subjects = make(map[Subject]*history)
	}
	s := ev.Subject()
	h := d.subjects[s]
	if h == nil {
		h = &history{}
		d.subjects[s] = h
	}
	id := ev.identity()
	h.seen = append(h.seen, id)
	if id.at > h.newest.at || (id.at == h.newest.at && id.rank >= h.newest.rank) {
		h.newest = id
	}
	return nil
}

// Forget drops what was recorded for s, for instance once its order is completed and settled.
// An event about s that arrives later is then judged as new.
func (d *Dedupe) Forget(s Subject) { delete(d.subjects, s) }

// Len returns the number of subjects remembered.
func (d *Dedupe) Len() int { return len(d.subjects) }
