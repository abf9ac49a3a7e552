package securityhub

import (
	"regexp"
	"slices"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/tenant"
)

// productArnPattern is the shape of a product ARN:
// arn:PARTITION:securityhub:REGION:[ACCOUNT]:product/COMPANY/PRODUCT.
var productArnPattern = regexp.MustCompile(`^arn:(aws|aws-cn|aws-us-gov):securityhub:([a-z0-9-]+):(\d{12})?:product/([^/]+)/(.+)$`)

// accountPattern is an account id.
var accountPattern = regexp.MustCompile(`^\d{12}$`)

// productNames returns the CompanyName and ProductName of a product: the
// account's own default product is "Personal"/"Default", as on AWS; a
// partner product is named by its ARN.
func productNames(scope tenant.Scope, productArn string) (company, product string) {
	if productArn == DefaultProductArn(scope) {
		return "Personal", "Default"
	}
	m := productArnPattern.FindStringSubmatch(productArn)
	if m == nil {
		return "", ""
	}
	return m[4], m[5]
}

// checkImport returns the error code and message that refuse an imported
// finding, or "" when it may be stored.
func checkImport(scope tenant.Scope, f *Finding) (code, message string) {
	if code, msg := checkImportOwner(scope, f); code != "" {
		return code, msg
	}
	for _, check := range []func(*Finding) error{checkRequired, checkTimes, checkResources, checkSeverity,
		checkImportTypes, checkImportEnums, checkImportScores, checkImportMaps} {
		if err := check(f); err != nil {
			e, _ := awserr.As(err)
			return FindingInvalidInput, e.Message
		}
	}
	return "", ""
}

// checkImportOwner checks that the account may import the finding: its
// own account, in the request's region, for its own or a partner product
// (AWS services' products are theirs alone).
func checkImportOwner(scope tenant.Scope, f *Finding) (code, message string) {
	if !accountPattern.MatchString(f.AwsAccountID) {
		return FindingInvalidInput, "AwsAccountId must be a 12-digit account id."
	}
	m := productArnPattern.FindStringSubmatch(f.ProductArn)
	switch {
	case m == nil:
		return FindingInvalidInput, "ProductArn must be arn:aws:securityhub:REGION:ACCOUNT:product/COMPANY/PRODUCT, e.g. " + DefaultProductArn(scope) + "."
	case m[2] != scope.Region:
		return FindingInvalidInput, "ProductArn " + f.ProductArn + " is not in the request's region " + scope.Region + "."
	case f.AwsAccountID != scope.AccountID:
		return FindingAccessDenied, "Account " + scope.AccountID + " cannot import findings of account " + f.AwsAccountID + "."
	case m[4] == "aws":
		return FindingAccessDenied, "Findings of the AWS product " + f.ProductArn + " are sent by that AWS service; import your own findings under " + DefaultProductArn(scope) + "."
	case m[4] == scope.AccountID && m[3] != scope.AccountID:
		return FindingAccessDenied, "The product " + f.ProductArn + " belongs to another account."
	}
	return "", ""
}

// checkRequired checks the required string members.
func checkRequired(f *Finding) error {
	switch {
	case f.SchemaVersion != SchemaVersion:
		return InvalidInput("SchemaVersion must be %s.", SchemaVersion)
	case blank(f.ID) || len(f.ID) > maxID:
		return InvalidInput("Id must be 1 to %d characters.", maxID)
	case blank(f.GeneratorID) || len(f.GeneratorID) > maxID:
		return InvalidInput("GeneratorId must be 1 to %d characters.", maxID)
	case blank(f.Title) || len(f.Title) > maxTitle:
		return InvalidInput("Title must be 1 to %d characters.", maxTitle)
	case blank(f.Description) || len(f.Description) > maxDescription:
		return InvalidInput("Description must be 1 to %d characters.", maxDescription)
	}
	return nil
}

// checkTimes checks the timestamps: CreatedAt and UpdatedAt required,
// the others valid when given.
func checkTimes(f *Finding) error {
	for _, t := range []struct {
		name, value string
		required    bool
	}{{"CreatedAt", f.CreatedAt, true}, {"UpdatedAt", f.UpdatedAt, true},
		{"FirstObservedAt", f.FirstObservedAt, false}, {"LastObservedAt", f.LastObservedAt, false}} {
		if t.value == "" && !t.required {
			continue
		}
		if _, ok := ParseTime(t.value); !ok {
			return InvalidInput("%s %q is not a valid timestamp (use e.g. 2019-01-31T23:00:00.123Z).", t.name, t.value)
		}
	}
	if f.Note != nil && (blank(f.Note.Text) || blank(f.Note.UpdatedBy) || f.Note.UpdatedAt == "") {
		return InvalidInput("Note needs Text, UpdatedBy and UpdatedAt.")
	}
	return nil
}

// partitions are the values of Resources[].Partition.
var partitions = []string{"aws", "aws-cn", "aws-us-gov"}

func checkResources(f *Finding) error {
	if len(f.Resources) == 0 || len(f.Resources) > maxResources {
		return InvalidInput("Resources must hold between 1 and %d resources; %d were given.", maxResources, len(f.Resources))
	}
	for _, r := range f.Resources {
		if blank(r.Type) || blank(r.ID) {
			return InvalidInput("Every resource needs a Type and an Id.")
		}
		if err := checkEnum("Resources[].Partition", r.Partition, partitions); err != nil {
			return err
		}
	}
	return nil
}

// checkSeverity requires a severity: Severity.Label or Normalized, or
// FindingProviderFields.Severity.Label.
func checkSeverity(f *Finding) error {
	var provider *ProviderSeverity
	if f.FindingProviderFields != nil {
		provider = f.FindingProviderFields.Severity
	}
	hasTop := f.Severity != nil && (f.Severity.Label != "" || f.Severity.Normalized != nil)
	if !hasTop && (provider == nil || provider.Label == "") {
		return InvalidInput("Severity needs a Label or a Normalized score (or FindingProviderFields.Severity.Label).")
	}
	if f.Severity != nil {
		if err := checkEnum("Severity.Label", f.Severity.Label, SeverityLabels); err != nil {
			return err
		}
		if err := checkRatio("Severity.Normalized", f.Severity.Normalized); err != nil {
			return err
		}
	}
	if provider != nil {
		return checkEnum("FindingProviderFields.Severity.Label", provider.Label, SeverityLabels)
	}
	return nil
}

// checkImportTypes requires finding types, top-level or the provider's.
func checkImportTypes(f *Finding) error {
	var provider []string
	if f.FindingProviderFields != nil {
		provider = f.FindingProviderFields.Types
	}
	if len(f.Types) == 0 && len(provider) == 0 {
		return InvalidInput("Types needs at least one finding type (namespace/category/classifier).")
	}
	if err := checkTypes("Types", f.Types, len(f.Types) > 0); err != nil {
		return err
	}
	return checkTypes("FindingProviderFields.Types", provider, len(provider) > 0)
}

func checkImportEnums(f *Finding) error {
	for _, e := range []struct {
		name, value string
		valid       []string
	}{{"Compliance.Status", f.ComplianceStatus(), ComplianceStatuses}, {"RecordState", f.RecordState, RecordStates},
		{"Workflow.Status", f.WorkflowStatus(), WorkflowStatuses}, {"WorkflowState", f.WorkflowState, WorkflowStates},
		{"VerificationState", f.VerificationState, VerificationStates}} {
		if err := checkEnum(e.name, e.value, e.valid); err != nil {
			return err
		}
	}
	return nil
}

// score is a 0–100 member.
type score struct {
	name  string
	value *int
}

func checkImportScores(f *Finding) error {
	scores := []score{{"Confidence", f.Confidence}, {"Criticality", f.Criticality}}
	if p := f.FindingProviderFields; p != nil {
		scores = append(scores, score{"FindingProviderFields.Confidence", p.Confidence},
			score{"FindingProviderFields.Criticality", p.Criticality})
	}
	for _, s := range scores {
		if err := checkRatio(s.name, s.value); err != nil {
			return err
		}
	}
	return nil
}

func checkImportMaps(f *Finding) error {
	if err := checkFields("ProductFields", f.ProductFields, maxProductValue); err != nil {
		return err
	}
	if err := checkFields("UserDefinedFields", f.UserDefinedFields, maxFieldValue); err != nil {
		return err
	}
	if err := checkRelated("RelatedFindings", f.RelatedFindings); err != nil {
		return err
	}
	if slices.ContainsFunc(f.Types, blank) {
		return InvalidInput("Types cannot hold an empty type.")
	}
	return nil
}
