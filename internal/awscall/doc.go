// Package awscall implements engine.AWSCaller, the seam through which
// runbook steps call AWS APIs (DESIGN.md §7).
//
// A call names the service by its boto3 client name ("ec2", "s3",
// "config"), the operation in any spelling runbooks use (PascalCase,
// lowerCamel or boto3 snake_case; matched case-insensitively against the
// SDK's operation names, so describe_db_instances finds DescribeDBInstances)
// and the request as a JSON-shaped map with the model's member names. The
// answer is the response as boto3 would return it, as a map: member names
// as in the model, absent members left out, and a synthetic
// ResponseMetadata.
//
// Three pieces:
//
//   - Local calls Salve's own operations (config, ssm, sts) in process,
//     without HTTP, as the target account and region.
//   - Remote calls real endpoints (AWS, moto, LocalStack) through the typed
//     aws-sdk-go-v2 clients, generically by reflection: the input map is
//     decoded into the operation's input struct and the output struct is
//     converted back to a map.
//   - Router picks Local for the services Salve serves and Remote, when
//     configured, for the rest; further in-process backends (the sandbox
//     services) plug in as Backends.
//
// Both Local and Remote shape responses through the SDK's output structs, so
// they agree: integers are int64, other numbers float64, timestamps RFC 3339
// strings in UTC, blobs base64 strings. AWS errors come back as
// *awserr.Error with the service's code and message; mistakes in the input
// (a member of the wrong type, an unknown member) are plain errors worded
// like boto3's ParamValidationError. docs/compat/awscall.md lists what is
// reachable and every difference from boto3.
package awscall
