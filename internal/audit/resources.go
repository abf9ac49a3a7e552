package audit

import (
	"net/url"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/tenant"
)

// ref is a resource a request names.
type ref struct {
	// Type is the resource type (AWS::S3::Bucket).
	Type string
	// ID is the Config recorder's resourceId; "" when the request names
	// the resource only by name (then byName is the recorder's
	// resourceName to look it up by).
	ID     string
	byName string
	// Name is LookupEvents' ResourceName of it.
	Name string
	// Scope is where the recorder records the resource.
	Scope tenant.Scope
}

// ec2IDParams are the top-level EC2 parameters that name the resources a
// call acts on (nested ones, such as a rule's source group, only refer).
var ec2IDParams = []string{"GroupId", "InstanceId", "VolumeId", "VpcId", "SubnetId", "FlowLogId", "ResourceId"}

// ec2Types are the resource types of EC2 ids, by prefix.
var ec2Types = []struct{ prefix, typ string }{
	{"sg-", "AWS::EC2::SecurityGroup"}, {"i-", "AWS::EC2::Instance"}, {"vol-", "AWS::EC2::Volume"},
	{"vpc-", "AWS::EC2::VPC"}, {"subnet-", "AWS::EC2::Subnet"}, {"fl-", "AWS::EC2::FlowLog"},
}

// ec2Refs returns the resources an EC2 request acts on: the ids of its
// top-level id parameters (GroupId, InstanceId.1, ResourceId.1, …), or
// the security group a GroupName names.
func ec2Refs(form url.Values, scope tenant.Scope) []ref {
	var out []ref
	keys := sortedKeys(form)
	for _, k := range keys {
		base, _, _ := strings.Cut(k, ".")
		if !slices.Contains(ec2IDParams, base) {
			continue
		}
		for _, id := range form[k] {
			if typ := ec2Type(id); typ != "" {
				out = append(out, ref{Type: typ, ID: id, Name: id, Scope: scope})
			}
		}
	}
	if name := form.Get("GroupName"); name != "" && form.Get("GroupId") == "" {
		out = append(out, ref{Type: "AWS::EC2::SecurityGroup", byName: name, Name: name, Scope: scope})
	}
	return out
}

// ec2Type is the resource type of an EC2 id, "" for an id of another kind.
func ec2Type(id string) string {
	for _, t := range ec2Types {
		if strings.HasPrefix(id, t.prefix) {
			return t.typ
		}
	}
	return ""
}

// iamRefs returns the roles, users, managed policies, groups and instance
// profiles an IAM request names. IAM items are recorded in the caller's
// scope by name lookup (their resourceId is IAM's unique id).
func iamRefs(op string, form url.Values, scope tenant.Scope) []ref {
	var out []ref
	add := func(typ, name string) {
		if name != "" {
			out = append(out, ref{Type: typ, byName: name, Name: name, Scope: scope})
		}
	}
	add("AWS::IAM::Role", form.Get("RoleName"))
	add("AWS::IAM::User", form.Get("UserName"))
	add("AWS::IAM::Group", form.Get("GroupName"))
	add("AWS::IAM::InstanceProfile", form.Get("InstanceProfileName"))
	if op == "CreatePolicy" {
		add("AWS::IAM::Policy", form.Get("PolicyName"))
	}
	// Only the account's own managed policies are recorded (not AWS's).
	if arn := form.Get("PolicyArn"); strings.Contains(arn, ":"+scope.AccountID+":policy/") {
		add("AWS::IAM::Policy", arn[strings.LastIndexByte(arn, '/')+1:])
	}
	return out
}

// snsRefs returns the topic an SNS request names (TopicArn, ResourceArn,
// or CreateTopic's Name).
func snsRefs(op string, form url.Values, scope tenant.Scope) []ref {
	arn := form.Get("TopicArn")
	if arn == "" && strings.HasPrefix(form.Get("ResourceArn"), "arn:") {
		arn = form.Get("ResourceArn")
	}
	if op == "CreateTopic" && form.Get("Name") != "" {
		arn = scope.ARN("sns", form.Get("Name"))
	}
	if arn == "" {
		return nil
	}
	return []ref{{Type: "AWS::SNS::Topic", ID: arn, Name: arn, Scope: arnScope(arn, scope)}}
}

// trailParams are the CloudTrail members that name a trail.
var trailParams = []string{"Name", "TrailName", "ResourceId"}

// trailRefs returns the trail a CloudTrail request names, by name or ARN.
func trailRefs(params map[string]any, scope tenant.Scope) []ref {
	for _, p := range trailParams {
		v, _ := params[p].(string)
		if v == "" {
			continue
		}
		arn := v
		if !strings.HasPrefix(v, "arn:") {
			arn = scope.ARN("cloudtrail", "trail/"+v)
		}
		return []ref{{Type: "AWS::CloudTrail::Trail", ID: arn, Name: arn, Scope: arnScope(arn, scope)}}
	}
	return nil
}

// configRefs returns the config rules a Config request names: ConfigRuleName,
// ConfigRule.ConfigRuleName, ConfigRuleNames, and the ConfigRuleName of
// each RemediationConfigurations entry.
func configRefs(params map[string]any, scope tenant.Scope) []ref {
	var names []string
	add := func(v any) {
		if name, ok := v.(string); ok && name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	add(params["ConfigRuleName"])
	if rule, ok := params["ConfigRule"].(map[string]any); ok {
		add(rule["ConfigRuleName"])
	}
	list, _ := params["ConfigRuleNames"].([]any)
	for _, v := range list {
		add(v)
	}
	configs, _ := params["RemediationConfigurations"].([]any)
	for _, c := range configs {
		if m, ok := c.(map[string]any); ok {
			add(m["ConfigRuleName"])
		}
	}
	out := make([]ref, len(names))
	for i, n := range names {
		out[i] = ref{Type: "AWS::Config::ConfigRule", Name: n, Scope: scope}
	}
	return out
}

// arnScope is the account and region of an ARN (arn:p:svc:region:account:…),
// else fallback.
func arnScope(arn string, fallback tenant.Scope) tenant.Scope {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[3] == "" || parts[4] == "" {
		return fallback
	}
	return tenant.Scope{AccountID: parts[4], Region: parts[3]}
}

// sortedKeys returns the names of a form in order.
func sortedKeys(form url.Values) []string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
