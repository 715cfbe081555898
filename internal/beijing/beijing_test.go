package beijing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestTime(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 20, 2, 8, 59, 0, time.UTC)
	assert.Equal(t, "2026-11-20 10:08 北京时间", Time(at))
	assert.Equal(t, "2026-11-21 07:30 北京时间", Time(time.Date(2026, 11, 20, 23, 30, 0, 0, time.UTC)), "the date turns at 16:00 UTC")
	assert.Equal(t, Time(at), Time(at.In(time.FixedZone("X", -5*3600))), "the instant, whatever its zone")
}

func TestDuration(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{107*time.Hour + 3*time.Minute, "4 天 11 小时"},
		{4 * 24 * time.Hour, "4 天"},
		{4*24*time.Hour + 5*time.Minute, "4 天"},
		{3*time.Hour + 5*time.Minute + 10*time.Second, "3 小时 5 分钟"},
		{time.Hour, "1 小时"},
		{12*time.Minute + 30*time.Second, "12 分钟 30 秒"},
		{40 * time.Second, "40 秒"},
		{500 * time.Millisecond, "0 秒"},
		{0, "0 秒"},
		{-90 * time.Minute, "1 小时 30 分钟"},
	} {
		assert.Equal(t, tt.want, Duration(tt.d), "%v", tt.d)
	}
}

func TestDurationEN(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{107*time.Hour + 3*time.Minute, "4 days 11 hours"},
		{25 * time.Hour, "1 day 1 hour"},
		{90 * time.Minute, "1 hour 30 minutes"},
		{time.Second, "1 second"},
		{0, "0 seconds"},
	} {
		assert.Equal(t, tt.want, DurationEN(tt.d), "%v", tt.d)
	}
}
