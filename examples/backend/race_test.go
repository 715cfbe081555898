//go:build race

package main

// raceEnabled: the tests run with the race detector, and the crash test builds the backend
// with it too, so that a data race in the server under kills and restarts fails the test.
const raceEnabled = true
