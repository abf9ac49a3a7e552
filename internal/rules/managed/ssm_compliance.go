package managed

import (
	"fmt"

	"github.com/salvehq/salve/internal/configitem"
)

// EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK and
// EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK judge the SSM
// compliance items recorded for a managed instance, and report against
// those items' own types (AWS::SSM::PatchCompliance,
// AWS::SSM::AssociationCompliance), as AWS's rules do.
var (
	_ = register(&Rule{
		Identifier:      "EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK",
		Name:            "ec2-managedinstance-patch-compliance-status-check",
		ResourceTypes:   []string{"AWS::SSM::PatchCompliance"},
		ChangeTriggered: true,
		EvaluateItem:    func(item *configitem.Item, _ Params) Evaluation { return evaluateSSMCompliance(item, "patch") },
	})
	_ = register(&Rule{
		Identifier:      "EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK",
		Name:            "ec2-managedinstance-association-compliance-status-check",
		ResourceTypes:   []string{"AWS::SSM::AssociationCompliance"},
		ChangeTriggered: true,
		EvaluateItem:    func(item *configitem.Item, _ Params) Evaluation { return evaluateSSMCompliance(item, "association") },
	})
)

// evaluateSSMCompliance reads Status, or, when absent, derives it from
// the items: any NON_COMPLIANT item makes the instance NON_COMPLIANT.
func evaluateSSMCompliance(item *configitem.Item, kind string) Evaluation {
	cfg := configuration(item)
	var failing []string
	for _, it := range list(cfg["Items"]) {
		m := obj(it)
		if str(m["Status"]) == NonCompliant {
			failing = append(failing, firstNonEmpty(str(m["Id"]), str(m["Title"])))
		}
	}
	status := str(cfg["Status"])
	if status == "" && len(failing) > 0 {
		status = NonCompliant
	}
	if status != NonCompliant {
		return compliant()
	}
	if len(failing) == 0 {
		return nonCompliant("The instance's %s compliance is NON_COMPLIANT.", kind)
	}
	return nonCompliant("The instance's %s compliance is NON_COMPLIANT: %s.", kind, summarize(failing, 5))
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// summarize lists at most n values and counts the rest.
func summarize(values []string, n int) string {
	if len(values) <= n {
		return joinList(values)
	}
	return joinList(append(values[:n:n], fmt.Sprintf("%d more", len(values)-n)))
}
