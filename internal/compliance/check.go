package compliance

import (
	"regexp"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
)

// managedNodeID matches the IDs SSM accepts for ManagedInstance resources:
// an EC2 instance ID (i- and 8 or 17 lowercase hex digits) or a hybrid
// managed node ID (mi- and 17 lowercase hex digits).
var managedNodeID = regexp.MustCompile(`^(i-([0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$`)

// ValidResourceID reports whether id is a managed node ID.
func ValidResourceID(id string) bool { return managedNodeID.MatchString(id) }

// checkResourceType rejects every resource type but ManagedInstance.
func checkResourceType(resourceType string) error {
	if resourceType != ResourceTypeManagedInstance {
		return awserr.New(awserr.InvalidResourceType,
			"Resource type %q is not supported: %s is currently the only supported resource type.",
			resourceType, ResourceTypeManagedInstance)
	}
	return nil
}

// checkResourceID rejects IDs that are not managed node IDs.
func checkResourceID(resourceID string) error {
	if !ValidResourceID(resourceID) {
		return awserr.New(awserr.InvalidResourceID,
			"Resource ID %q is not a managed node ID: use an EC2 instance ID (i- followed by 8 or 17 "+
				"lowercase hex digits) or a managed node ID (mi- followed by 17 lowercase hex digits).", resourceID)
	}
	return nil
}

// checkPut checks what can be checked without reading the store.
func checkPut(p PutParams) error {
	if err := checkResourceType(p.ResourceType); err != nil {
		return err
	}
	if err := checkResourceID(p.ResourceID); err != nil {
		return err
	}
	if p.UploadType == UploadPartial {
		if err := checkPartial(p); err != nil {
			return err
		}
	}
	if err := checkDuplicateIDs(p.Items); err != nil {
		return err
	}
	return checkItemSizes(p.Items)
}

// checkPartial enforces that PARTIAL applies to association compliance
// only and that every item names the stored item it replaces.
func checkPartial(p PutParams) error {
	if p.ComplianceType != TypeAssociation {
		return awserr.New(awserr.InvalidItemContentException,
			"UploadType PARTIAL applies to association compliance only (ComplianceType %s), not to %q: "+
				"use UploadType COMPLETE and send the full list of items.", TypeAssociation, p.ComplianceType)
	}
	for i, it := range p.Items {
		if it.ID == "" {
			return awserr.New(awserr.InvalidItemContentException,
				"Item %d has no Id: a PARTIAL upload replaces stored items by Id, so every item needs one.", i+1)
		}
	}
	return nil
}

// checkDuplicateIDs rejects two items with the same Id in one call.
func checkDuplicateIDs(items []ItemEntry) error {
	first := make(map[string]int, len(items))
	for i, it := range items {
		if it.ID == "" {
			continue
		}
		if j, dup := first[it.ID]; dup {
			return awserr.New(awserr.InvalidItemContentException,
				"Items %d and %d both have Id %q: item Ids must be unique within a call.", j+1, i+1, it.ID)
		}
		first[it.ID] = i
	}
	return nil
}

// checkItemSizes rejects an item whose content exceeds MaxItemBytes.
func checkItemSizes(items []ItemEntry) error {
	for i, it := range items {
		if n := itemSize(it.ID, it.Title, it.Severity, it.Status, it.Details); n > MaxItemBytes {
			return awserr.New(awserr.ItemSizeLimitExceededException,
				"Item %d (Id %q) holds %d bytes; an item may hold at most %d bytes "+
					"(Id, Title, Severity, Status and Details keys and values, in UTF-8).", i+1, it.ID, n, MaxItemBytes)
		}
	}
	return nil
}

// itemSize is the content size of an item in bytes: the UTF-8 length of
// its Id, Title, Severity, Status and every Details key and value.
func itemSize(id, title, severity, status string, details map[string]string) int {
	n := len(id) + len(title) + len(severity) + len(status)
	for k, v := range details {
		n += len(k) + len(v)
	}
	return n
}

// checkTotal rejects a resulting item set that is too large to store.
func checkTotal(items []storedItem) error {
	if len(items) > MaxItems {
		return awserr.New(awserr.TotalSizeLimitExceededException,
			"The resource would hold %d items of this compliance type; at most %d are allowed.", len(items), MaxItems)
	}
	total := 0
	for _, it := range items {
		total += itemSize(it.ID, it.Title, it.Severity, it.Status, it.Details)
	}
	if total > MaxTotalBytes {
		return awserr.New(awserr.TotalSizeLimitExceededException,
			"The items of this compliance type on the resource would hold %d bytes; at most %d are allowed: "+
				"send fewer or smaller items.", total, MaxTotalBytes)
	}
	return nil
}

// IsCustomType reports whether complianceType is a custom type.
func IsCustomType(complianceType string) bool {
	return strings.HasPrefix(complianceType, CustomPrefix)
}

// checkCustomTypeLimit rejects a new custom type when the account already
// has MaxCustomTypes others.
func checkCustomTypeLimit(existing []string, complianceType string) error {
	if !IsCustomType(complianceType) || slices.Contains(existing, complianceType) ||
		len(existing) < MaxCustomTypes {
		return nil
	}
	return awserr.New(awserr.ComplianceTypeCountLimitExceededException,
		"You can specify a maximum of %d different types. This account already uses %d custom compliance types (%s); "+
			"reuse one of them, or free one by sending it with no items (UploadType COMPLETE) for every resource that has it.",
		MaxCustomTypes, len(existing), strings.Join(existing, ", "))
}
