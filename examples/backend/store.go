package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/wxshop-go/wxshop/aftersale"
	"github.com/wxshop-go/wxshop/order"
)

// schema is one table per aggregate, each holding the aggregate's JSON (what order.Order and
// aftersale.Case marshal, and restore from with every check) beside the columns a backend
// queries by, plus the events every change produced, written in the same transaction: an
// outbox for whatever publishes them, and an audit log.
//
// version is bumped by every write: a write names the version it read, so two instances that
// changed the same order at once cannot both win (see save).
const schema = `
CREATE TABLE IF NOT EXISTS orders (
	id         TEXT PRIMARY KEY,
	status     INTEGER NOT NULL, -- the platform's code: 10, 20, 21, 30, 100, 190, 200, 250
	ship_by    INTEGER,          -- the binding ship-by deadline, Unix seconds; NULL when none
	updated_at INTEGER NOT NULL, -- the order's last change on the platform's clock, Unix seconds
	version    INTEGER NOT NULL,
	state      TEXT NOT NULL     -- order.Order's JSON
) STRICT;
CREATE INDEX IF NOT EXISTS orders_to_ship ON orders (ship_by) WHERE status IN (20, 21);
CREATE TABLE IF NOT EXISTS cases (
	id       TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	status   TEXT NOT NULL,      -- the platform's string: MERCHANT_PROCESSING, USER_CANCELD, ...
	version  INTEGER NOT NULL,
	state    TEXT NOT NULL       -- aftersale.Case's JSON
) STRICT;
CREATE INDEX IF NOT EXISTS cases_by_order ON cases (order_id);
CREATE TABLE IF NOT EXISTS events (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	aggregate    TEXT NOT NULL,  -- "order" or "case"
	aggregate_id TEXT NOT NULL,
	order_id     TEXT NOT NULL,
	name         TEXT NOT NULL,  -- order_paid, order_shipped, after_sale_refund, order_created, ...
	body         TEXT NOT NULL,  -- the event's JSON
	push_at      INTEGER NOT NULL, -- CreateTime of the push that caused it, Unix seconds
	recorded_at  INTEGER NOT NULL  -- the backend's clock, Unix milliseconds
) STRICT;
CREATE INDEX IF NOT EXISTS events_by_order ON events (order_id, seq);
`

// ErrConflict is a write that lost a race: the order or a case changed since it was read.
// The push that caused it fails, and the platform's retry reads the new state.
var ErrConflict = errors.New("the stored order changed since it was read")

// Store keeps orders, cases and events in one SQLite database. It is safe for concurrent use.
type Store struct {
	db *sql.DB
}

// OpenStore opens (creating when needed) the database file at path and its tables.
//
// WAL lets readers (the JSON API) run beside the one writer; synchronous=FULL syncs the WAL
// at every commit, so a push acknowledged after its commit survives a power cut or a SIGKILL;
// busy_timeout makes a second writer wait for the first instead of failing; and
// _txlock=immediate takes the write lock when a transaction begins, so two writers never
// deadlock upgrading a read lock.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: database path %q: must be a file name without ? or #", path)
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// SQLite has one writer at a time anyway; a few connections let reads go on beside it.
	db.SetMaxOpenConns(4)
	if _, err := db.ExecContext(ctx, schema); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: creating the tables in %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// load reads the stored order id and its cases into a record, in one read transaction so
// that the order and its cases are one snapshot. An order the store does not have is a record
// with a nil order, not an error: the push that named it creates it.
func (s *Store) load(ctx context.Context, id string) (*record, error) {
	// ReadOnly makes the driver begin a deferred transaction: a reader, not a writer.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	r := newRecord(id)
	var state string
	err = tx.QueryRowContext(ctx, `SELECT version, state FROM orders WHERE id = ?`, id).Scan(&r.version, &state)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return r, nil
	case err != nil:
		return nil, fmt.Errorf("store: reading order %s: %w", id, err)
	}
	r.order = new(order.Order)
	if err := json.Unmarshal([]byte(state), r.order); err != nil {
		return nil, fmt.Errorf("store: order %s does not restore: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, version, state FROM cases WHERE order_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: reading the cases of order %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var caseID string
		e := &caseEntry{c: new(aftersale.Case)}
		if err := rows.Scan(&caseID, &e.version, &state); err != nil {
			return nil, fmt.Errorf("store: reading the cases of order %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(state), e.c); err != nil {
			return nil, fmt.Errorf("store: case %s does not restore: %w", caseID, err)
		}
		r.cases[caseID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: reading the cases of order %s: %w", id, err)
	}
	return r, nil
}

// save writes what r changed, and its events, in one transaction. Each row is written only
// if it still has the version r read (ErrConflict otherwise), so a concurrent writer in
// another instance is detected rather than overwritten. On success r holds the new versions.
func (s *Store) save(ctx context.Context, r *record, pushAt time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit

	if r.orderDirty {
		if err := writeOrder(ctx, tx, r.order, r.version); err != nil {
			return err
		}
	}
	for _, e := range r.cases {
		if e.dirty {
			if err := writeCase(ctx, tx, e.c, e.version); err != nil {
				return err
			}
		}
	}
	now := time.Now().UnixMilli()
	for _, ev := range r.events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events (aggregate, aggregate_id, order_id, name, body, push_at, recorded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, ev.aggregate, ev.id, r.id, ev.name, string(ev.body), pushAt.Unix(), now); err != nil {
			return fmt.Errorf("store: recording %s of order %s: %w", ev.name, r.id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: committing order %s: %w", r.id, err)
	}
	r.committed()
	return nil
}

// writeOrder inserts the order (version 0: new) or updates it from the version read.
//
// The JSON goes in as a string: a STRICT table's TEXT column refuses a []byte, which the
// driver binds as a BLOB.
func writeOrder(ctx context.Context, tx *sql.Tx, o *order.Order, version int64) error {
	state, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("store: encoding order %s: %w", o.ID(), err)
	}
	var shipBy sql.NullInt64
	if at, ok := o.ShipBy(); ok {
		shipBy = sql.NullInt64{Int64: at.Unix(), Valid: true}
	}
	if version == 0 {
		_, err = tx.ExecContext(ctx, `INSERT INTO orders (id, status, ship_by, updated_at, version, state) VALUES (?, ?, ?, ?, 1, ?)`,
			o.ID(), o.Status().Code(), shipBy, o.UpdatedAt().Unix(), string(state))
		if isConstraint(err) {
			return fmt.Errorf("store: order %s: %w", o.ID(), ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("store: inserting order %s: %w", o.ID(), err)
		}
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE orders SET status = ?, ship_by = ?, updated_at = ?, version = version + 1, state = ?
		WHERE id = ? AND version = ?`, o.Status().Code(), shipBy, o.UpdatedAt().Unix(), string(state), o.ID(), version)
	return checkUpdate(res, err, "order "+o.ID())
}

// writeCase inserts the case (version 0: new) or updates it from the version read.
func writeCase(ctx context.Context, tx *sql.Tx, c *aftersale.Case, version int64) error {
	state, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store: encoding case %s: %w", c.ID(), err)
	}
	if version == 0 {
		_, err = tx.ExecContext(ctx, `INSERT INTO cases (id, order_id, status, version, state) VALUES (?, ?, ?, 1, ?)`,
			c.ID(), c.OrderID(), c.Status().String(), string(state))
		if isConstraint(err) {
			return fmt.Errorf("store: case %s: %w", c.ID(), ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("store: inserting case %s: %w", c.ID(), err)
		}
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE cases SET status = ?, version = version + 1, state = ? WHERE id = ? AND version = ?`,
		c.Status().String(), string(state), c.ID(), version)
	return checkUpdate(res, err, "case "+c.ID())
}

// checkUpdate turns an UPDATE that matched no row into ErrConflict.
func checkUpdate(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("store: updating %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: updating %s: %w", what, err)
	}
	if n != 1 {
		return fmt.Errorf("store: %s: %w", what, ErrConflict)
	}
	return nil
}

// isConstraint reports whether err is SQLite's primary-key violation: another writer
// inserted the row first.
func isConstraint(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}
