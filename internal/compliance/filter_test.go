package compliance

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

func TestCompileFilters_Match(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)
	it := Item{ComplianceType: "Custom:AV", ID: "kb-123", Title: "Update", Status: StatusNonCompliant,
		Severity: SeverityHigh, Execution: ExecutionSummary{Time: at, ID: "exec-1", Type: "Command"}}
	tests := []struct {
		name    string
		filters []Filter
		want    bool
	}{
		{"NoFilters", nil, true},
		{"EqualDefaultType", []Filter{{Key: "Id", Values: []string{"kb-123"}}}, true},
		{"EqualAnyValue", []Filter{{Key: "Status", Values: []string{"COMPLIANT", "NON_COMPLIANT"}, Type: FilterEqual}}, true},
		{"EqualIsCaseSensitive", []Filter{{Key: "Id", Values: []string{"KB-123"}, Type: FilterEqual}}, false},
		{"NotEqualNoValue", []Filter{{Key: "Severity", Values: []string{"LOW", "HIGH"}, Type: FilterNotEqual}}, false},
		{"NotEqual", []Filter{{Key: "Severity", Values: []string{"LOW"}, Type: FilterNotEqual}}, true},
		{"BeginWith", []Filter{{Key: "ComplianceType", Values: []string{"Patch", "Custom:"}, Type: FilterBeginWith}}, true},
		{"BeginWithMiss", []Filter{{Key: "Title", Values: []string{"update"}, Type: FilterBeginWith}}, false},
		{"AllFiltersMustMatch", []Filter{{Key: "Id", Values: []string{"kb-123"}}, {Key: "ExecutionType", Values: []string{"Automation"}}}, false},
		{"ExecutionIdEqual", []Filter{{Key: "ExecutionId", Values: []string{"exec-1"}}}, true},
		{"TimeGreaterThanISO", []Filter{{Key: "ExecutionTime", Values: []string{"2026-09-30T00:00:00Z"}, Type: FilterGreaterThan}}, true},
		{"TimeGreaterThanIsStrict", []Filter{{Key: "ExecutionTime", Values: []string{"2026-10-01T08:00:00Z"}, Type: FilterGreaterThan}}, false},
		{"TimeLessThanDate", []Filter{{Key: "ExecutionTime", Values: []string{"2026-10-02"}, Type: FilterLessThan}}, true},
		{"TimeLessThanEpoch", []Filter{{Key: "ExecutionTime", Values: []string{"1790841600.5"}, Type: FilterLessThan}}, true},
		{"TimeLessThanMiss", []Filter{{Key: "ExecutionTime", Values: []string{"2026-10-01T07:59:59Z"}, Type: FilterLessThan}}, false},
		{"TimeEqualEpoch", []Filter{{Key: "ExecutionTime", Values: []string{"1790841600"}, Type: FilterEqual}}, true},
		{"TimeNotEqual", []Filter{{Key: "ExecutionTime", Values: []string{"2026-10-01T08:00:00+00:00"}, Type: FilterNotEqual}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			match, err := compileFilters(itemFields, tt.filters)
			require.NoError(t, err)
			require.Equal(t, tt.want, match(it))
		})
	}
}

func TestCompileFilters_Invalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		filter Filter
		want   string
	}{
		{"UnknownKey", Filter{Key: "Colour", Values: []string{"x"}}, "use one of ComplianceType, ExecutionId"},
		{"NoValues", Filter{Key: "Id"}, "no values"},
		{"LessThanOnText", Filter{Key: "Title", Values: []string{"x"}, Type: FilterLessThan}, "EQUAL, NOT_EQUAL or BEGIN_WITH"},
		{"BeginWithOnTime", Filter{Key: "ExecutionTime", Values: []string{"2026"}, Type: FilterBeginWith}, "LESS_THAN or GREATER_THAN"},
		{"NotATime", Filter{Key: "ExecutionTime", Values: []string{"yesterday"}, Type: FilterLessThan}, "not a time"},
		{"NaNIsNotATime", Filter{Key: "ExecutionTime", Values: []string{"NaN"}, Type: FilterLessThan}, "not a time"},
		{"UnknownType", Filter{Key: "Id", Values: []string{"x"}, Type: "LIKE"}, "LIKE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := compileFilters(itemFields, []Filter{tt.filter})
			require.True(t, awserr.Is(err, awserr.InvalidFilter), "%v", err)
			require.Contains(t, err.Error(), tt.want)
		})
	}
}
