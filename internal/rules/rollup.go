package rules

import "slices"

// Caps of ComplianceContributorCount: a rule's compliance counts the
// resources that break it (up to 100); a resource's compliance counts the
// rules it breaks (up to 25). The account-wide summaries cap rules at 25
// and resources at 100 the same way.
const (
	ResourceContributorCap = 100
	RuleContributorCap     = 25
)

// ContributorCount is a ComplianceContributorCount: how many items are
// responsible for a compliance, up to a cap.
type ContributorCount struct {
	CappedCount int
	CapExceeded bool
}

// Capped returns the count of n items under cap.
func Capped(n, cap int) ContributorCount {
	return ContributorCount{CappedCount: min(n, cap), CapExceeded: n > cap}
}

// Compliance is a rolled-up compliance of a rule or a resource.
type Compliance struct {
	// Type is COMPLIANT, NON_COMPLIANT or INSUFFICIENT_DATA.
	Type string
	// Contributors counts the NON_COMPLIANT contributors; nil otherwise.
	Contributors *ContributorCount
}

// Tally counts evaluation results by compliance type.
type Tally struct {
	Compliant     int
	NonCompliant  int
	NotApplicable int
}

// Add counts one result.
func (t *Tally) Add(complianceType string) {
	switch complianceType {
	case Compliant:
		t.Compliant++
	case NonCompliant:
		t.NonCompliant++
	case NotApplicable:
		t.NotApplicable++
	}
}

// TallyOf counts results.
func TallyOf(results []EvaluationResult) Tally {
	var t Tally
	for _, r := range results {
		t.Add(r.ComplianceType)
	}
	return t
}

// Rollup returns the compliance of an item from the results that
// contribute to it: NON_COMPLIANT if any result is, COMPLIANT if some are
// and none is NON_COMPLIANT, INSUFFICIENT_DATA if there are none or all are
// NOT_APPLICABLE. The non-compliant contributors are counted up to cap.
func Rollup(t Tally, cap int) Compliance {
	switch {
	case t.NonCompliant > 0:
		c := Capped(t.NonCompliant, cap)
		return Compliance{Type: NonCompliant, Contributors: &c}
	case t.Compliant > 0:
		return Compliance{Type: Compliant}
	default:
		return Compliance{Type: InsufficientData}
	}
}

// typeFilter keeps compliance types named in a ComplianceTypes filter; an
// empty filter keeps everything.
type typeFilter []string

func (f typeFilter) keeps(complianceType string) bool {
	return len(f) == 0 || slices.Contains(f, complianceType)
}
