package instant_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/internal/instant"
)

func TestInYearsAndStamp(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		at    time.Time
		in    bool
		stamp string
	}{
		{time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), true, "2025-03-01T09:00:00Z"},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), true, "0001-01-01T00:00:00Z"},
		{time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), true, "9999-12-31T23:59:59Z"},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false, "unix 253402300800"},
		{time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC), false, "unix -62135596801"},
	} {
		assert.Equal(t, tt.in, instant.InYears(tt.at), tt.stamp)
		assert.Equal(t, tt.stamp, instant.Stamp(tt.at))
	}
}
