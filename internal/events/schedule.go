package events

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	ratePattern = regexp.MustCompile(`^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$`)
	cronField   = regexp.MustCompile(`^[0-9A-Za-z*?,/\-#L]+$`)
)

// validSchedule reports whether expr is an EventBridge schedule
// expression: rate(N unit) with a singular unit exactly when N is 1, or
// cron() with six fields. Salve stores schedules; it does not run them.
func validSchedule(expr string) bool {
	if m := ratePattern.FindStringSubmatch(expr); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n <= 0 {
			return false
		}
		return (n == 1) == !strings.HasSuffix(m[2], "s")
	}
	inner, ok := strings.CutPrefix(expr, "cron(")
	if !ok {
		return false
	}
	inner, ok = strings.CutSuffix(inner, ")")
	fields := strings.Fields(inner)
	if !ok || len(fields) != 6 {
		return false
	}
	for _, f := range fields {
		if !cronField.MatchString(f) {
			return false
		}
	}
	// Day-of-month and day-of-week cannot both be given: one must be "?".
	return fields[2] == "?" || fields[4] == "?"
}
