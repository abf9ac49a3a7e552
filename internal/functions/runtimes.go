package functions

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/salvehq/salve/internal/automation/script"
)

// Runtimes is Lambda's Runtime enumeration.
var Runtimes = []string{"nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x",
	"nodejs14.x", "nodejs16.x", "java8", "java8.al2", "java11", "python2.7", "python3.6", "python3.7",
	"python3.8", "python3.9", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6",
	"dotnet8", "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7", "provided", "provided.al2", "nodejs18.x",
	"python3.10", "java17", "ruby3.2", "ruby3.3", "ruby3.4", "python3.11", "nodejs20.x", "provided.al2023",
	"python3.12", "java21", "python3.13", "nodejs22.x", "nodejs24.x", "python3.14", "java25", "dotnet10", "ruby4.0"}

// blockedRuntimes are the Python runtimes Lambda no longer lets anyone
// create or update a function with.
var blockedRuntimes = []string{"python2.7", "python3.6", "python3.7"}

// reservedVariables are the environment variables Lambda sets itself and
// refuses in a function's Environment.
var reservedVariables = []string{"_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
	"AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
	"AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
	"AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
	"AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR"}

// checkRuntime refuses a runtime Lambda refuses, or one Salve cannot run.
func checkRuntime(runtime string) error {
	switch {
	case !slices.Contains(Runtimes, runtime):
		return invalid("Value %s at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [%s] or be a valid ARN",
			runtime, strings.Join(Runtimes, ", "))
	case slices.Contains(blockedRuntimes, runtime):
		return invalid("The runtime parameter of %s is no longer supported for creating or updating AWS Lambda functions. "+
			"We recommend you use a supported runtime while creating or updating functions.", runtime)
	case !script.IsPythonRuntime(runtime) && !script.IsProvidedRuntime(runtime):
		return invalid("Salve runs python3.8 to python3.14 and the provided runtimes (provided, provided.al2, "+
			"provided.al2023) only: a %s function cannot run here.", runtime)
	}
	return nil
}

// checkEnvironment refuses reserved variables and an environment larger
// than Lambda's 4 KB.
func checkEnvironment(env map[string]string) error {
	var reserved []string
	for k := range env {
		if slices.Contains(reservedVariables, k) {
			reserved = append(reserved, k)
		}
	}
	if len(reserved) > 0 {
		sort.Strings(reserved)
		return invalid("Lambda was unable to configure your environment variables because the environment variables you "+
			"have provided contains reserved keys that are currently not supported for modification. "+
			"Reserved keys used in this request: %s", strings.Join(reserved, ","))
	}
	b, _ := json.Marshal(env) // strings only: cannot fail
	if len(b) > MaxEnvironmentSize {
		return invalid("Lambda was unable to configure your environment variables because the environment variables you "+
			"have provided exceeded the 4KB limit. String measured: %s", b)
	}
	return nil
}

// checkLimits refuses a timeout or memory size above Lambda's maximum.
func checkLimits(timeout, memory int) error {
	switch {
	case timeout > MaxTimeout:
		return invalid("1 validation error detected: Value '%d' at 'timeout' failed to satisfy constraint: "+
			"Member must have value less than or equal to %d", timeout, MaxTimeout)
	case memory > MaxMemorySize:
		return invalid("'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to %d",
			MaxMemorySize)
	}
	return nil
}

// checkTags refuses more than MaxTags tags and tags in the aws: namespace.
func checkTags(tags map[string]string) error {
	if len(tags) > MaxTags {
		return invalid("Number of tags exceeds resource tag limit.")
	}
	for k := range tags {
		if strings.HasPrefix(strings.ToLower(k), "aws:") {
			return invalid("Tag keys starting with 'aws:' are reserved for AWS use: %s", k)
		}
	}
	return nil
}
