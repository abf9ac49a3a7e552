package compliance

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOverall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                    string
		items                   []storedItem
		wantStatus, wantOverall string
	}{
		{"NoItems", nil, StatusCompliant, SeverityUnspecified},
		{"AllCompliantHighestOfAll", items("COMPLIANT:LOW", "COMPLIANT:HIGH", "COMPLIANT:MEDIUM"), StatusCompliant, SeverityHigh},
		{"OneNonCompliantMakesTheResourceNonCompliant", items("COMPLIANT:CRITICAL", "NON_COMPLIANT:LOW"), StatusNonCompliant, SeverityLow},
		{"HighestAmongNonCompliant", items("NON_COMPLIANT:INFORMATIONAL", "NON_COMPLIANT:MEDIUM", "COMPLIANT:CRITICAL"), StatusNonCompliant, SeverityMedium},
		{"UnspecifiedOnly", items("NON_COMPLIANT:UNSPECIFIED"), StatusNonCompliant, SeverityUnspecified},
		{"CriticalWins", items("NON_COMPLIANT:LOW", "NON_COMPLIANT:CRITICAL", "NON_COMPLIANT:HIGH"), StatusNonCompliant, SeverityCritical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, sev := overall(countItems(tt.items))
			require.Equal(t, tt.wantStatus, status)
			require.Equal(t, tt.wantOverall, sev)
		})
	}
}

func TestCountItems(t *testing.T) {
	t.Parallel()
	compliant, nonCompliant := countItems(items("COMPLIANT:LOW", "COMPLIANT:LOW", "COMPLIANT:CRITICAL",
		"NON_COMPLIANT:HIGH", "NON_COMPLIANT:INFORMATIONAL", "NON_COMPLIANT:UNSPECIFIED", "NON_COMPLIANT:MEDIUM"))
	require.Equal(t, SeverityCounts{Low: 2, Critical: 1}, compliant)
	require.Equal(t, SeverityCounts{High: 1, Informational: 1, Unspecified: 1, Medium: 1}, nonCompliant)
	require.Equal(t, 3, compliant.Total())
	require.Equal(t, 4, nonCompliant.Total())
}

func TestSeverityCounts_Highest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		counts SeverityCounts
		want   string
	}{
		{SeverityCounts{}, ""},
		{SeverityCounts{Unspecified: 3}, SeverityUnspecified},
		{SeverityCounts{Informational: 1, Unspecified: 3}, SeverityInformational},
		{SeverityCounts{Low: 1, Medium: 1}, SeverityMedium},
		{SeverityCounts{High: 1, Critical: 1}, SeverityCritical},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, tt.counts.Highest(), "%+v", tt.counts)
	}
}

func TestTypeSummaries(t *testing.T) {
	t.Parallel()
	resources := []ResourceSummary{
		resource("Association", "i-1", "COMPLIANT:LOW"),
		resource("Association", "i-2", "COMPLIANT:HIGH", "COMPLIANT:LOW"),
		resource("Association", "i-3", "NON_COMPLIANT:CRITICAL", "COMPLIANT:LOW"),
		resource("Custom:AV", "i-1", "NON_COMPLIANT:LOW", "NON_COMPLIANT:MEDIUM", "NON_COMPLIANT:LOW"),
		resource("Patch", "i-2", "COMPLIANT:UNSPECIFIED"),
	}

	got := typeSummaries(resources)

	require.Equal(t, []TypeSummary{
		{ComplianceType: "Association", Compliant: SeverityCounts{Low: 1, High: 1}, NonCompliant: SeverityCounts{Critical: 1}},
		{ComplianceType: "Custom:AV", NonCompliant: SeverityCounts{Medium: 1}},
		{ComplianceType: "Patch", Compliant: SeverityCounts{Unspecified: 1}},
	}, got, "each resource counts once, at its overall severity")
}

// items builds stored items from "STATUS:SEVERITY" strings.
func items(specs ...string) []storedItem {
	out := make([]storedItem, len(specs))
	for i, s := range specs {
		status, sev, _ := cut(s)
		out[i] = storedItem{Key: itemKey("", i), Status: status, Severity: sev}
	}
	return out
}

// resource builds the summary of one resource's items.
func resource(complianceType, id string, specs ...string) ResourceSummary {
	c, nc := countItems(items(specs...))
	return summaryRecord{ResourceType: ResourceTypeManagedInstance, ResourceID: id, ComplianceType: complianceType,
		Compliant: c, NonCompliant: nc}.summary()
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == ':' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
