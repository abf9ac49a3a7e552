package automation

import (
	"regexp"
	"strings"
)

// SchemaVersion is the schema version of Automation documents.
const SchemaVersion = "0.3"

// Document is a parsed, validated schema 0.3 runbook.
type Document struct {
	// SchemaVersion is always "0.3".
	SchemaVersion string
	// Description is the top-level Markdown description.
	Description string
	// AssumeRole is the role the automation runs as, usually the template
	// "{{ AutomationAssumeRole }}"; empty means the caller's permissions.
	AssumeRole string
	// Parameters are the declared input parameters, in content order.
	Parameters []Parameter
	// Variables are the declared runbook variables (read as
	// {{ variable:Name }}, changed by aws:updateVariable), in content order.
	Variables []Variable
	// MainSteps are the steps, in array order.
	MainSteps []Step
	// Outputs are the document outputs, each "StepName.OutputName".
	Outputs []string
	// Files maps attachment names to their declared checksums (as written).
	Files map[string]any
}

// Parameter types of schema 0.3 documents. The AWS:: types appear in AWS's
// own runbooks and behave as String values.
const (
	TypeString        = "String"
	TypeStringList    = "StringList"
	TypeInteger       = "Integer"
	TypeBoolean       = "Boolean"
	TypeStringMap     = "StringMap"
	TypeMapList       = "MapList"
	TypeIAMRoleArn    = "AWS::IAM::Role::Arn"
	TypeEC2InstanceID = "AWS::EC2::Instance::Id"
	TypeS3BucketName  = "AWS::S3::Bucket::Name"
)

// ParameterTypes lists the parameter types Parse accepts.
var ParameterTypes = []string{TypeString, TypeStringList, TypeInteger, TypeBoolean,
	TypeStringMap, TypeMapList, TypeIAMRoleArn, TypeEC2InstanceID, TypeS3BucketName}

// OutputTypes lists the types a step output may declare.
var OutputTypes = []string{TypeString, TypeStringList, TypeInteger, TypeBoolean, TypeStringMap, TypeMapList}

// IsStringType reports whether values of type t are single strings
// (String and the AWS:: resource types).
func IsStringType(t string) bool {
	return t == TypeString || strings.HasPrefix(t, "AWS::")
}

// Parameter is one declared input parameter.
type Parameter struct {
	// Name is the parameter name (the key under parameters).
	Name string
	// Type is the declared type, one of ParameterTypes.
	Type string
	// Description is the parameter's description.
	Description string
	// HasDefault reports a declared default; a parameter without one is
	// required.
	HasDefault bool
	// Default is the declared default, already type-checked against Type
	// (string, int, bool, []any or map[string]any), or a "{{ssm:…}}"
	// Parameter Store reference string.
	Default any
	// AllowedValues, when set, lists the only values accepted.
	AllowedValues []any
	// AllowedPattern is the regular expression values must match, as
	// written (AWS evaluates it with Java's regex engine).
	AllowedPattern string
	// Pattern is AllowedPattern compiled by Go's regexp; nil when there is
	// no pattern or when it is unchecked.
	Pattern *regexp.Regexp
	// PatternUnchecked reports an AllowedPattern Go cannot compile
	// (Java-only constructs such as look-ahead): it is kept but not
	// enforced.
	PatternUnchecked bool
	// DisplayType is the console hint "textfield" or "textarea".
	DisplayType string
	// MinItems and MaxItems bound list sizes; nil when not declared.
	MinItems, MaxItems *int
	// MinChars and MaxChars bound string lengths; nil when not declared.
	MinChars, MaxChars *int
}

// Variable is one declared runbook variable.
type Variable struct {
	// Name is the variable name.
	Name string
	// Type is the declared type, one of ParameterTypes.
	Type string
	// Description is the variable's description.
	Description string
	// HasDefault reports a declared default.
	HasDefault bool
	// Default is the initial value.
	Default any
}

// Step failure and cancel behaviours.
const (
	Abort    = "Abort"
	Continue = "Continue"
	// StepPrefix starts an onFailure/onCancel value naming a step.
	StepPrefix = "step:"
)

// Step is one entry of mainSteps (or of an aws:loop's Steps).
type Step struct {
	// Name is unique in the document and matches [a-zA-Z0-9_]+.
	Name string
	// Action is the action, e.g. "aws:executeAwsApi".
	Action string
	// Description is the step's Markdown description.
	Description string
	// Inputs are the action inputs as written, templates unresolved.
	Inputs map[string]any
	// Outputs are the step outputs the author declared.
	Outputs []Output
	// MaxAttempts is the number of tries (1 when not declared).
	MaxAttempts int
	// TimeoutSeconds is the per-step timeout, 0 when not declared.
	TimeoutSeconds int
	// OnFailure is "Abort" (the default), "Continue" or "step:<Name>".
	OnFailure string
	// OnCancel is "" (not declared), "Abort" or "step:<Name>".
	OnCancel string
	// IsEnd stops the automation after this step.
	IsEnd bool
	// IsCritical reports whether a failure of this step fails the
	// automation; resolved: it defaults to true, or to false when
	// OnFailure is Continue.
	IsCritical bool
	// NextStep is the step to run after this one succeeds, "" for the next
	// in array order.
	NextStep string
	// Branch holds the parsed Choices and Default of an aws:branch step.
	Branch *Branch
	// Loop holds the parsed body of an aws:loop step.
	Loop *Loop
}

// JumpTarget returns the step named by an onFailure/onCancel value of the
// form "step:<Name>".
func JumpTarget(v string) (string, bool) {
	if name, ok := strings.CutPrefix(v, StepPrefix); ok {
		return name, true
	}
	return "", false
}

// Output is a step output: a JSONPath selector into the action's result and
// the declared type.
type Output struct {
	Name     string
	Selector string
	// Type is one of OutputTypes; "" when the author left it out (AWS
	// treats that as String).
	Type string
}

// Branch is the parsed input of an aws:branch step.
type Branch struct {
	// Choices are tried in order; the first true one names the next step.
	Choices []Choice
	// Default is the step to run when no choice is true, "" for none.
	Default string
}

// Choice is one branch choice: a condition and the step it leads to.
type Choice struct {
	NextStep  string
	Condition Condition
}

// Branch operators.
var (
	StringOperators  = []string{"StringEquals", "EqualsIgnoreCase", "StartsWith", "EndsWith", "Contains"}
	NumericOperators = []string{"NumericEquals", "NumericGreater", "NumericLesser",
		"NumericGreaterOrEquals", "NumericLesserOrEquals"}
	BooleanOperators = []string{"BooleanEquals"}
)

// Condition is a branch condition: either a comparison (Variable, Operator,
// Value) or a combination (And, Or, Not).
type Condition struct {
	// Variable is the template compared, e.g. "{{ Step.Output }}".
	Variable string
	// Operator is one of the string, numeric or boolean operators.
	Operator string
	// Value is the operand as written.
	Value any
	And   []Condition
	Or    []Condition
	Not   *Condition
}

// Loop is the parsed input of an aws:loop step.
type Loop struct {
	// Steps are the nested steps run on each iteration.
	Steps []Step
	// Condition is the do-while LoopCondition, nil for a for-each loop.
	Condition *Condition
}
