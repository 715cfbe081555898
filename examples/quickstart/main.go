// Command quickstart tells the whole wxshop story of one merchant, chapter by chapter: the
// payout table for orders that are never shipped, the shop and its catalog, an order from
// payment to receipt, after-sales and a non-shipment dispute, and the pre-flight shipping check.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// run writes the story to w. Every chapter returns the first error it meets: in a story where
// every step is supposed to work, an error is a bug worth stopping for.
func run(w io.Writer) error {
	s := &story{w: w, now: time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC)}
	for _, chapter := range []func(*story) error{
		catalogChapter,
		orderChapter,
		aftersaleChapter,
		shippingChapter,
		compensationChapter,
	} {
		if err := chapter(s); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}
