package lambda

import (
	"github.com/salvehq/salve/internal/functions"
)

// functionConfiguration is Lambda's FunctionConfiguration.
type functionConfiguration struct {
	FunctionName     string
	FunctionArn      string
	Runtime          string
	Role             string
	Handler          string
	CodeSize         int64
	Description      string
	Timeout          int
	MemorySize       int
	LastModified     string
	CodeSha256       string
	Version          string
	Environment      *environmentResponse `json:",omitempty"`
	TracingConfig    tracingConfig
	RevisionId       string
	State            string
	LastUpdateStatus string
	PackageType      string
	Architectures    []string
	EphemeralStorage ephemeralStorage
	SnapStart        snapStart
	LoggingConfig    loggingConfig
}

// environmentResponse is a function's environment variables.
type environmentResponse struct {
	Variables map[string]string
}

// tracingConfig is X-Ray's mode (always PassThrough: no tracing).
type tracingConfig struct{ Mode string }

// ephemeralStorage is /tmp's size in MB.
type ephemeralStorage struct{ Size int }

// snapStart is off: no published versions.
type snapStart struct{ ApplyOn, OptimizationStatus string }

// loggingConfig names where Lambda would log.
type loggingConfig struct{ LogFormat, LogGroup string }

// configuration is the wire form of f.
func configuration(f *functions.Function) functionConfiguration {
	c := functionConfiguration{FunctionName: f.Name, FunctionArn: f.ARN, Runtime: f.Runtime, Role: f.Role,
		Handler: f.Handler, CodeSize: f.CodeSize, Description: f.Description, Timeout: f.Timeout,
		MemorySize: f.MemorySize, LastModified: f.LastModified.UTC().Format(functions.TimeLayout),
		CodeSha256: f.CodeSha256, Version: functions.Version, TracingConfig: tracingConfig{Mode: "PassThrough"},
		RevisionId: f.RevisionID, State: "Active", LastUpdateStatus: "Successful", PackageType: "Zip",
		Architectures: f.Architectures, EphemeralStorage: ephemeralStorage{Size: f.EphemeralStorage},
		SnapStart:     snapStart{ApplyOn: "None", OptimizationStatus: "Off"},
		LoggingConfig: loggingConfig{LogFormat: "Text", LogGroup: f.LogGroup()}}
	if len(f.Environment) > 0 {
		c.Environment = &environmentResponse{Variables: f.Environment}
	}
	return c
}

// functionCode is FunctionCode, the code of CreateFunction.
type functionCode struct {
	ZipFile         []byte
	S3Bucket        *string
	S3Key           *string
	S3ObjectVersion *string
	ImageUri        *string
	SourceKMSKeyArn *string
}

// source is the domain's view of the code.
func (c functionCode) source() functions.CodeSource {
	return functions.CodeSource{ZipFile: c.ZipFile, S3Bucket: deref(c.S3Bucket), S3Key: deref(c.S3Key),
		S3ObjectVersion: deref(c.S3ObjectVersion), ImageURI: deref(c.ImageUri)}
}

// environment is the Environment of a request.
type environment struct {
	Variables map[string]string
}

// vpcConfig is VpcConfig (refused when it names subnets).
type vpcConfig struct {
	SubnetIds               []string
	SecurityGroupIds        []string
	Ipv6AllowedForDualStack *bool
}

// deref is *s, or "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
