package compliance

// severityRank orders severities: 0 is the highest (CRITICAL); unknown
// values rank below UNSPECIFIED.
func severityRank(sev string) int {
	for i, s := range Severities {
		if s == sev {
			return i
		}
	}
	return len(Severities)
}

// field returns the counter of sev (unknown severities count as
// UNSPECIFIED, which the API never lets in).
func (c *SeverityCounts) field(sev string) *int {
	switch sev {
	case SeverityCritical:
		return &c.Critical
	case SeverityHigh:
		return &c.High
	case SeverityMedium:
		return &c.Medium
	case SeverityLow:
		return &c.Low
	case SeverityInformational:
		return &c.Informational
	default:
		return &c.Unspecified
	}
}

// Add counts n more at severity sev.
func (c *SeverityCounts) Add(sev string, n int) { *c.field(sev) += n }

// Count returns the count at severity sev.
func (c SeverityCounts) Count(sev string) int { return *c.field(sev) }

// Total returns the sum over all severities.
func (c SeverityCounts) Total() int {
	return c.Critical + c.High + c.Medium + c.Low + c.Informational + c.Unspecified
}

// Highest returns the highest severity with a non-zero count, or "" when
// every count is zero.
func (c SeverityCounts) Highest() string {
	for _, s := range Severities {
		if c.Count(s) > 0 {
			return s
		}
	}
	return ""
}

// countItems counts items per status and severity.
func countItems(items []storedItem) (compliant, nonCompliant SeverityCounts) {
	for _, it := range items {
		if it.Status == StatusNonCompliant {
			nonCompliant.Add(it.Severity, 1)
		} else {
			compliant.Add(it.Severity, 1)
		}
	}
	return compliant, nonCompliant
}

// overall returns a resource's status and overall severity for one
// compliance type: NON_COMPLIANT when any item is, and then the highest
// severity among the non-compliant items; otherwise COMPLIANT and the
// highest severity among all items. With no items: COMPLIANT, UNSPECIFIED.
func overall(compliant, nonCompliant SeverityCounts) (status, severity string) {
	if nonCompliant.Total() > 0 {
		return StatusNonCompliant, nonCompliant.Highest()
	}
	if s := compliant.Highest(); s != "" {
		return StatusCompliant, s
	}
	return StatusCompliant, SeverityUnspecified
}

// typeSummaries rolls resource summaries up into one summary per
// compliance type, in the order the types first appear: each resource
// counts once, as compliant or non-compliant, at its overall severity.
func typeSummaries(resources []ResourceSummary) []TypeSummary {
	var out []TypeSummary
	index := map[string]int{}
	for _, r := range resources {
		i, ok := index[r.ComplianceType]
		if !ok {
			i = len(out)
			index[r.ComplianceType] = i
			out = append(out, TypeSummary{ComplianceType: r.ComplianceType})
		}
		if r.Status == StatusNonCompliant {
			out[i].NonCompliant.Add(r.OverallSeverity, 1)
		} else {
			out[i].Compliant.Add(r.OverallSeverity, 1)
		}
	}
	return out
}
