package managed

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// Compliance types a rule reports.
const (
	Compliant     = "COMPLIANT"
	NonCompliant  = "NON_COMPLIANT"
	NotApplicable = "NOT_APPLICABLE"
)

// AccountResourceType is the resource type account-level rules report
// against; the resource ID is the account ID.
const AccountResourceType = "AWS::::Account"

// Parameter types, as AWS documents them.
const (
	TypeString  = "String"
	TypeInt     = "int"
	TypeCSV     = "CSV"
	TypeBoolean = "boolean"
)

// Param is one input parameter of a managed rule.
type Param struct {
	Name string
	// Type is one of TypeString, TypeInt, TypeCSV, TypeBoolean.
	Type string
	// Required parameters must be present in InputParameters; AWS's
	// console pre-fills their Default, the API does not.
	Required bool
	// Default is applied by ParseParams when an optional parameter is
	// absent ("" for none).
	Default string
}

// Rule is one managed rule.
type Rule struct {
	// Identifier is the SourceIdentifier, e.g. "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED".
	Identifier string
	// Name is AWS's default rule name, e.g. "s3-bucket-server-side-encryption-enabled".
	Name string
	// ResourceTypes are the types the rule evaluates: what change-triggered
	// evaluation applies to, and what periodic API-based rules report
	// (nil for account-level rules, which report AccountResourceType).
	ResourceTypes []string
	// ChangeTriggered rules are evaluated when an item of ResourceTypes changes.
	ChangeTriggered bool
	// Periodic rules are evaluated on MaximumExecutionFrequency
	// (TwentyFour_Hours when the rule sets none).
	Periodic bool
	// Params are the rule's input parameters, in AWS's order.
	Params []Param
	// EvaluateItem judges one configuration item (change-triggered rules,
	// and periodic re-evaluation of item-based rules). A deleted item is
	// never passed. Exactly one of EvaluateItem and EvaluateAccount is set.
	EvaluateItem func(item *configitem.Item, params Params) Evaluation
	// EvaluateAccount judges account-level or API-based rules by calling
	// service APIs through env. Every Evaluation it returns names its
	// resource.
	EvaluateAccount func(ctx context.Context, env Env, params Params) ([]Evaluation, error)
}

// Evaluation is a rule's verdict on one resource. From EvaluateItem an
// empty ResourceType/ResourceID means the item's own.
type Evaluation struct {
	ResourceType   string
	ResourceID     string
	ComplianceType string
	// Annotation is a short reason a person can act on.
	Annotation string
}

// Params are a rule's InputParameters (a JSON object of strings) with
// defaults applied; see ParseParams.
type Params map[string]string

// Env reaches the account a rule evaluates.
type Env interface {
	AccountID() string
	Region() string
	Now() time.Time
	// Call invokes an AWS API (boto3 service name and PascalCase
	// operation, input in the API's model member names) and returns the
	// response in boto3's shape (model member names, e.g. DescribeTrails →
	// {"trailList": [{"Name": ..., "IsMultiRegionTrail": true, ...}]},
	// GetTrailStatus → {"IsLogging": true}); AWS errors come back as
	// *awserr.Error.
	Call(ctx context.Context, service, operation string, input map[string]any) (map[string]any, error)
	// Items returns the current (non-deleted) configuration items of a
	// type in this account and Region.
	Items(ctx context.Context, resourceType string) ([]configitem.Item, error)
	// History returns a resource's items, newest first.
	History(ctx context.Context, resourceType, resourceID string) ([]configitem.Item, error)
}

// Evaluate runs EvaluateItem on item and fills in the item's type and ID
// where the rule left them empty.
func (r *Rule) Evaluate(item *configitem.Item, params Params) Evaluation {
	ev := r.EvaluateItem(item, params)
	if ev.ResourceType == "" {
		ev.ResourceType = item.ResourceType
	}
	if ev.ResourceID == "" {
		ev.ResourceID = item.ResourceID
	}
	return ev
}

// AppliesTo reports whether the rule evaluates resources of resourceType.
func (r *Rule) AppliesTo(resourceType string) bool {
	return slices.Contains(r.ResourceTypes, resourceType)
}

// Param returns the rule's parameter called name.
func (r *Rule) Param(name string) (Param, bool) {
	for _, p := range r.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

var catalogue = map[string]*Rule{}

// register adds r to the catalogue; it runs from package variables, one
// per rule file.
func register(r *Rule) struct{} {
	if _, dup := catalogue[r.Identifier]; dup {
		panic(fmt.Sprintf("managed rule %s registered twice", r.Identifier))
	}
	if (r.EvaluateItem == nil) == (r.EvaluateAccount == nil) {
		panic(fmt.Sprintf("managed rule %s needs exactly one of EvaluateItem and EvaluateAccount", r.Identifier))
	}
	catalogue[r.Identifier] = r
	return struct{}{}
}

// Lookup returns the managed rule with the given SourceIdentifier.
func Lookup(identifier string) (*Rule, bool) {
	r, ok := catalogue[identifier]
	return r, ok
}

// Identifiers returns every managed rule's identifier, sorted.
func Identifiers() []string {
	out := make([]string, 0, len(catalogue))
	for id := range catalogue {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func compliant() Evaluation { return Evaluation{ComplianceType: Compliant} }

func nonCompliant(format string, args ...any) Evaluation {
	return Evaluation{ComplianceType: NonCompliant, Annotation: fmt.Sprintf(format, args...)}
}

func notApplicable(format string, args ...any) Evaluation {
	return Evaluation{ComplianceType: NotApplicable, Annotation: fmt.Sprintf(format, args...)}
}

// accountEvaluation names the account as the evaluated resource.
func accountEvaluation(env Env, ev Evaluation) Evaluation {
	ev.ResourceType, ev.ResourceID = AccountResourceType, env.AccountID()
	return ev
}
