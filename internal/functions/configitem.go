package functions

import (
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ResourceType is the Config resource type of a function.
const ResourceType = "AWS::Lambda::Function"

// TimeLayout is how Lambda writes LastModified.
const TimeLayout = "2006-01-02T15:04:05.000-0700"

// record reports f's configuration item (status: ResourceDiscovered for a
// new function, OK for a change) inside tx.
func (s *Service) record(tx store.Tx, scope tenant.Scope, f *Function, status string) error {
	it := &configitem.Item{ResourceType: ResourceType, ResourceID: f.Name, ResourceName: f.Name, ARN: f.ARN,
		AvailabilityZone: "Not Applicable", Status: status, CaptureTime: s.p.Clock.Now().UTC(),
		Configuration: f.configuration(), SupplementaryConfiguration: map[string]any{}, Tags: f.Tags}
	if role := roleName(f.Role); role != "" {
		it.Relationships = []configitem.Relationship{{ResourceType: "AWS::IAM::Role", ResourceName: role,
			Name: "Is associated with "}}
	}
	return s.p.Sink.Record(tx, scope, it)
}

// recordDeleted reports the deletion of function name inside tx.
func (s *Service) recordDeleted(tx store.Tx, scope tenant.Scope, f *Function) error {
	return s.p.Sink.Record(tx, scope, &configitem.Item{ResourceType: ResourceType, ResourceID: f.Name,
		ResourceName: f.Name, ARN: f.ARN, AvailabilityZone: "Not Applicable",
		Status: configitem.StatusResourceDeleted, CaptureTime: s.p.Clock.Now().UTC()})
}

// configuration is f as AWS Config records a function (lowerCamel
// members of Lambda's FunctionConfiguration).
func (f *Function) configuration() map[string]any {
	archs := make([]any, len(f.Architectures))
	for i, a := range f.Architectures {
		archs[i] = a
	}
	cfg := map[string]any{
		"functionName": f.Name, "functionArn": f.ARN, "runtime": f.Runtime, "role": f.Role,
		"handler": f.Handler, "codeSize": f.CodeSize, "description": f.Description, "timeout": f.Timeout,
		"memorySize": f.MemorySize, "lastModified": f.LastModified.UTC().Format(TimeLayout),
		"codeSha256": f.CodeSha256, "version": Version, "packageType": "Zip", "architectures": archs,
		"vpcConfig":        map[string]any{"subnetIds": []any{}, "securityGroupIds": []any{}},
		"tracingConfig":    map[string]any{"mode": "PassThrough"},
		"ephemeralStorage": map[string]any{"size": f.EphemeralStorage},
		"layers":           []any{}, "state": "Active", "lastUpdateStatus": "Successful",
	}
	if len(f.Environment) > 0 {
		vars := map[string]any{}
		for k, v := range f.Environment {
			vars[k] = v
		}
		cfg["environment"] = map[string]any{"variables": vars}
	}
	return cfg
}

// roleName is the name in a role ARN ("" when it is not one).
func roleName(arn string) string {
	_, path, ok := strings.Cut(arn, ":role/")
	if !ok {
		return ""
	}
	return path[strings.LastIndexByte(path, '/')+1:]
}
