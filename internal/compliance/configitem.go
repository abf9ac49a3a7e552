package compliance

import (
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// The Config resource types that carry a managed instance's compliance.
const (
	PatchComplianceType       = "AWS::SSM::PatchCompliance"
	AssociationComplianceType = "AWS::SSM::AssociationCompliance"
	// ManagedInstanceResourceType is PutComplianceItems' ResourceType of
	// an instance.
	ManagedInstanceResourceType = "ManagedInstance"
)

// configType maps a compliance type to the Config resource type that
// records it, or "" when Config records none.
func configType(complianceType string) string {
	switch complianceType {
	case "Patch":
		return PatchComplianceType
	case "Association":
		return AssociationComplianceType
	}
	return ""
}

// record reports the (instance, Patch|Association) compliance as a
// configuration item (docs/CONFIGURATION_ITEMS.md), so the managed rules
// EC2_MANAGEDINSTANCE_*_COMPLIANCE_STATUS_CHECK see it. items nil means
// the compliance was removed; existed says whether it was there before.
func (w *putWrite) record(tx store.Tx, items []storedItem, existed bool) error {
	typ := configType(w.ComplianceType)
	if typ == "" || w.ResourceType != ManagedInstanceResourceType || (items == nil && !existed) {
		return nil
	}
	it := &configitem.Item{
		ResourceType: typ, ResourceID: w.ResourceID, AvailabilityZone: "Regional",
		CaptureTime: w.now, Status: configitem.StatusOK,
		Relationships: []configitem.Relationship{{ResourceType: "AWS::EC2::Instance", ResourceID: w.ResourceID,
			Name: "Is associated with Instance"}},
	}
	switch {
	case items == nil:
		it.Status, it.Relationships = configitem.StatusResourceDeleted, nil
	case !existed:
		it.Status = configitem.StatusResourceDiscovered
	}
	if items != nil {
		it.Configuration = itemConfiguration(w.ComplianceType, w.ResourceID, items)
	}
	w.recorded = true
	return w.sink.Record(tx, w.Scope, it)
}

// itemConfiguration is the configuration of a compliance item.
func itemConfiguration(complianceType, instanceID string, items []storedItem) map[string]any {
	status := StatusCompliant
	list := make([]any, len(items))
	for i, it := range items {
		if it.Status != StatusCompliant {
			status = StatusNonCompliant
		}
		list[i] = map[string]any{"Id": it.ID, "Title": it.Title, "Severity": it.Severity, "Status": it.Status}
	}
	return map[string]any{"ComplianceType": complianceType, "ResourceId": instanceID, "Status": status, "Items": list}
}
