package lambda

import (
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

// Patterns and limits of Lambda's model.
const (
	rolePattern      = `arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+`
	handlerPattern   = `[^\s]+`
	variablePattern  = `[a-zA-Z]([a-zA-Z0-9_])+`
	qualifierPattern = `\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`
	resourcePattern  = `arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)`
)

// settings are the members CreateFunction and UpdateFunctionConfiguration
// share.
type settings struct {
	Role              *string
	Handler           *string
	Description       *string
	Timeout           *int32
	MemorySize        *int32
	Environment       *environment
	VpcConfig         *vpcConfig
	Layers            []string
	FileSystemConfigs []map[string]any
	ImageConfig       map[string]any
	EphemeralStorage  *struct{ Size *int32 }
	// Accepted and ignored (see docs/compat/lambda.md).
	DeadLetterConfig map[string]any
	KMSKeyArn        *string
	TracingConfig    map[string]any
	SnapStart        map[string]any
	LoggingConfig    map[string]any
	RevisionId       *string
}

// check validates the members against the model's constraints.
func (s *settings) check(v *validate.Errors) {
	if s.Role != nil {
		v.Pattern("role", *s.Role, rolePattern)
	}
	if s.Handler != nil {
		v.Len("handler", *s.Handler, 0, 128)
		if *s.Handler != "" {
			v.Pattern("handler", *s.Handler, handlerPattern)
		}
	}
	v.String("description", s.Description, 0, 256)
	v.RangeInt("timeout", s.Timeout, 1, 1<<31-1)
	v.RangeInt("memorySize", s.MemorySize, 128, 32768)
	if s.EphemeralStorage != nil {
		if v.Required("ephemeralStorage.size", s.EphemeralStorage.Size != nil) {
			v.RangeInt("ephemeralStorage.size", s.EphemeralStorage.Size, 512, 10240)
		}
	}
	if s.Environment != nil {
		for k := range s.Environment.Variables {
			if !validate.Matches(variablePattern, k) {
				v.Add("environment.variables", "******", "Map keys must satisfy constraint: [Member must satisfy regular "+
					"expression pattern: "+variablePattern+"]")
				break
			}
		}
	}
}

// unsupported refuses what Salve cannot honour: layers, file systems,
// container image settings, VPC subnets.
func (s *settings) unsupported() error {
	switch {
	case len(s.Layers) > 0:
		return functions.Errf(functions.CodeInvalidParameterValue, "Salve does not support layers: put the "+
			"dependencies in the function's .zip (or its local directory).")
	case len(s.FileSystemConfigs) > 0:
		return functions.Errf(functions.CodeInvalidParameterValue, "Salve does not support file systems (FileSystemConfigs).")
	case len(s.ImageConfig) > 0:
		return functions.Errf(functions.CodeInvalidParameterValue, "Salve runs .zip functions only: ImageConfig is not supported.")
	case s.VpcConfig != nil && (len(s.VpcConfig.SubnetIds) > 0 || len(s.VpcConfig.SecurityGroupIds) > 0):
		return functions.Errf(functions.CodeInvalidParameterValue, "Salve does not attach functions to a VPC: "+
			"leave VpcConfig's SubnetIds and SecurityGroupIds empty.")
	}
	return nil
}

// variables is the request's environment (nil when not given).
func (s *settings) variables() map[string]string {
	if s.Environment == nil {
		return nil
	}
	return s.Environment.Variables
}

// checkName validates a FunctionName path parameter.
func checkName(v *validate.Errors, name string) {
	v.Len("functionName", name, 1, 256)
	v.Pattern("functionName", name, functions.NamespacedPattern)
}

// checkQualifier validates an optional Qualifier.
func checkQualifier(v *validate.Errors, q string) {
	if q != "" {
		v.Len("qualifier", q, 1, 128)
		v.Pattern("qualifier", q, qualifierPattern)
	}
}

// checkArchitectures validates an Architectures list.
func checkArchitectures(v *validate.Errors, archs []string) {
	if archs == nil {
		return
	}
	v.Items("architectures", len(archs), 1, 1, archs)
	for _, a := range archs {
		if a != "x86_64" && a != "arm64" {
			v.Add("architectures", archs, "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]")
		}
	}
}

// intOf is *n as an int (0 for nil).
func intOf(n *int32) int {
	if n == nil {
		return 0
	}
	return int(*n)
}

// intPtr is n as an *int (nil for nil).
func intPtr(n *int32) *int {
	if n == nil {
		return nil
	}
	i := int(*n)
	return &i
}
