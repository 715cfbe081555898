// Package beijing writes times and durations the way the platform, merchants and buyers read
// them: in China Standard Time (UTC+8, which has no daylight saving), and durations in days,
// hours and minutes. Times stay time.Time instants everywhere else; only Chinese text goes
// through here.
package beijing

import (
	"strconv"
	"time"
)

// Zone is China Standard Time, UTC+8. A fixed zone needs no time zone database.
var Zone = time.FixedZone("CST", 8*60*60)

// Time renders t in China Standard Time, to the minute: "2026-11-20 10:08 北京时间".
func Time(t time.Time) string { return t.In(Zone).Format("2006-01-02 15:04") + " 北京时间" }

// Duration renders d as people say it, in its largest unit and, when not zero, the next one:
// "4 天 11 小时", "4 天", "3 小时 5 分钟", "12 分钟 30 秒", "40 秒". Less than a second is "0 秒";
// a negative duration is rendered as its length.
func Duration(d time.Duration) string {
	return spell(d, func(n time.Duration, unit int) string {
		return strconv.FormatInt(int64(n), 10) + " " + [...]string{"天", "小时", "分钟", "秒"}[unit]
	})
}

// DurationEN is Duration in English: "4 days 11 hours", "1 hour 30 minutes", "40 seconds".
func DurationEN(d time.Duration) string {
	return spell(d, func(n time.Duration, unit int) string {
		name := [...]string{"day", "hour", "minute", "second"}[unit]
		if n != 1 {
			name += "s"
		}
		return strconv.FormatInt(int64(n), 10) + " " + name
	})
}

// spell writes |d| in its largest unit of days, hours, minutes and seconds and, when not zero,
// the next one; say words a count of a unit (0 days, 1 hours, ...).
func spell(d time.Duration, say func(n time.Duration, unit int) string) string {
	if d < 0 {
		d = -d
	}
	sizes := [...]time.Duration{24 * time.Hour, time.Hour, time.Minute, time.Second}
	for i, size := range sizes {
		n := d / size
		if n == 0 {
			continue
		}
		out := say(n, i)
		if i+1 < len(sizes) {
			if m := (d - n*size) / sizes[i+1]; m > 0 {
				out += " " + say(m, i+1)
			}
		}
		return out
	}
	return say(0, len(sizes)-1)
}
