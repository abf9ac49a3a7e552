package managed

import (
	"testing"

	"github.com/salvehq/salve/internal/configitem"
)

func TestRequiredTags(t *testing.T) {
	t.Parallel()
	tagged := func(tags map[string]string) *configitem.Item {
		return roundTrip(t, configitem.Item{ResourceType: "AWS::EC2::Instance", ResourceID: "i-1", Status: configitem.StatusOK,
			Configuration: map[string]any{"instanceId": "i-1"}, Tags: tags})
	}
	runItemCases(t, "REQUIRED_TAGS", []itemCase{
		{name: "Present", params: `{"tag1Key":"CostCenter"}`, item: tagged(map[string]string{"CostCenter": "42"}), want: Compliant},
		{name: "Missing", params: `{"tag1Key":"CostCenter"}`, item: tagged(nil), want: NonCompliant, annotation: "missing the required tags: CostCenter."},
		{name: "KeyIsCaseSensitive", params: `{"tag1Key":"CostCenter"}`, item: tagged(map[string]string{"costcenter": "42"}), want: NonCompliant},
		{name: "ValueAllowed", params: `{"tag1Key":"env","tag1Value":"prod, staging"}`, item: tagged(map[string]string{"env": "staging"}), want: Compliant},
		{name: "ValueNotAllowed", params: `{"tag1Key":"env","tag1Value":"prod,staging"}`, item: tagged(map[string]string{"env": "dev"}), want: NonCompliant, annotation: `env="dev" (allowed: prod and staging)`},
		{name: "SixTags", params: `{"tag1Key":"a","tag2Key":"b","tag3Key":"c","tag4Key":"d","tag5Key":"e","tag6Key":"f","tag6Value":"6"}`,
			item: tagged(map[string]string{"a": "", "b": "", "c": "", "d": "", "e": "", "f": "6"}), want: Compliant},
		{name: "SeveralMissing", params: `{"tag1Key":"a","tag3Key":"c"}`, item: tagged(map[string]string{"b": "x"}), want: NonCompliant, annotation: "a and c"},
		{name: "EmptyValueOfRequiredKey", params: `{"tag1Key":"owner"}`, item: tagged(map[string]string{"owner": ""}), want: Compliant},
	})
}

func TestSNSEncryptedKMS(t *testing.T) {
	t.Parallel()
	topic := func(key string) *configitem.Item {
		cfg := map[string]any{"TopicArn": "arn:aws:sns:us-east-1:123456789012:t", "DisplayName": ""}
		if key != "" {
			cfg["KmsMasterKeyId"] = key
		}
		return roundTrip(t, configitem.Item{ResourceType: "AWS::SNS::Topic", ResourceID: "arn:aws:sns:us-east-1:123456789012:t", Status: configitem.StatusOK, Configuration: cfg})
	}
	runItemCases(t, "SNS_ENCRYPTED_KMS", []itemCase{
		{name: "Unencrypted", item: topic(""), want: NonCompliant, annotation: "not encrypted"},
		{name: "AWSManagedKey", item: topic("alias/aws/sns"), want: Compliant},
		{name: "AliasListed", params: `{"kmsKeyIds":"alias/aws/sns"}`, item: topic("alias/aws/sns"), want: Compliant},
		{name: "AliasARNListed", params: `{"kmsKeyIds":"arn:aws:kms:us-east-1:123456789012:alias/team"}`, item: topic("alias/team"), want: Compliant},
		{name: "KeyIDListed", params: `{"kmsKeyIds":"other,1234abcd"}`, item: topic("arn:aws:kms:us-east-1:123456789012:key/1234abcd"), want: Compliant},
		{name: "NotListed", params: `{"kmsKeyIds":"alias/team"}`, item: topic("alias/aws/sns"), want: NonCompliant, annotation: "not in kmsKeyIds"},
	})
}

func TestSSMComplianceStatusChecks(t *testing.T) {
	t.Parallel()
	compliance := func(resourceType, kind, status string, items ...any) *configitem.Item {
		cfg := map[string]any{"ComplianceType": kind, "ResourceId": "i-1", "Items": items}
		if status != "" {
			cfg["Status"] = status
		}
		return roundTrip(t, configitem.Item{ResourceType: resourceType, ResourceID: "i-1", Status: configitem.StatusOK, Configuration: cfg})
	}
	entry := func(id, status string) any {
		return map[string]any{"Id": id, "Title": "title of " + id, "Severity": "CRITICAL", "Status": status}
	}
	const patch, assoc = "AWS::SSM::PatchCompliance", "AWS::SSM::AssociationCompliance"
	runItemCases(t, "EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK", []itemCase{
		{name: "Compliant", item: compliance(patch, "Patch", "COMPLIANT", entry("KB1", "COMPLIANT")), want: Compliant},
		{name: "NonCompliant", item: compliance(patch, "Patch", "NON_COMPLIANT", entry("KB1", "COMPLIANT"), entry("KB2", "NON_COMPLIANT")), want: NonCompliant, annotation: "patch compliance is NON_COMPLIANT: KB2."},
		{name: "StatusFromItems", item: compliance(patch, "Patch", "", entry("KB2", "NON_COMPLIANT")), want: NonCompliant},
		{name: "NoItems", item: compliance(patch, "Patch", ""), want: Compliant},
		{name: "NonCompliantWithoutItems", item: compliance(patch, "Patch", "NON_COMPLIANT"), want: NonCompliant, annotation: "patch compliance is NON_COMPLIANT."},
		{name: "ManyFailing", item: compliance(patch, "Patch", "NON_COMPLIANT", entry("1", "NON_COMPLIANT"), entry("2", "NON_COMPLIANT"), entry("3", "NON_COMPLIANT"),
			entry("4", "NON_COMPLIANT"), entry("5", "NON_COMPLIANT"), entry("6", "NON_COMPLIANT"), entry("7", "NON_COMPLIANT")), want: NonCompliant, annotation: "1, 2, 3, 4, 5 and 2 more."},
	})
	runItemCases(t, "EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK", []itemCase{
		{name: "Compliant", item: compliance(assoc, "Association", "COMPLIANT"), want: Compliant},
		{name: "NonCompliant", item: compliance(assoc, "Association", "NON_COMPLIANT", entry("assoc-1", "NON_COMPLIANT")), want: NonCompliant, annotation: "association compliance is NON_COMPLIANT: assoc-1."},
	})
}
