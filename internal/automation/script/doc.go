// Package script runs the Python handlers of aws:executeScript steps as
// child processes.
//
// A Runner starts one interpreter per run with a small embedded bootstrap
// (bootstrap.py): the bootstrap reads the request (script, handler name,
// InputPayload, context) as JSON on stdin, runs the script in a fresh
// module, calls handler(events, context) and writes the JSON form of the
// return value, or the exception's type, message and traceback, to file
// descriptor 3. What the script prints (stdout and stderr) is the run's
// log and can never corrupt the result.
//
// The child sees a boto3 pointed at Salve: AWS_ENDPOINT_URL is the
// endpoint the Runner was given, the access key id is the execution's
// 12-digit account id (Salve maps it to that account), the region is the
// execution's, and no AWS_* variable or ~/.aws file of the host leaks in
// (HOME is a fresh temporary directory). When a remote endpoint is
// configured (salve serve --aws-endpoint), every service Salve does not
// serve gets botocore's per-service variable pointing there
// (AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL_S3, …; the table of boto3 clients
// is generated from botocore by services_gen.py) while AWS_ENDPOINT_URL
// stays Salve; calls are signed with the same account-id key, which moto
// and LocalStack accept and real AWS does not. A run is capped at 600 s (AWS's
// limit) or less; on timeout or cancellation the whole process group is
// killed. Crashes, hangs, garbage on the result descriptor and oversized
// results all come back as an *Error, never a panic.
//
// RunFunction runs Lambda-style functions (internal/functions) on the same
// machinery: a python3.x function's bootstrap imports the handler's module
// from the function's code directory (the working directory, first on
// sys.path), calls handler(event, context) with Lambda's context object
// (function_name, aws_request_id, get_remaining_time_in_millis(), …) and
// the Lambda variables (AWS_LAMBDA_FUNCTION_NAME, LAMBDA_TASK_ROOT, …) and
// the function's own Environment; the function's timeout starts when the
// handler is called (the import has InitTimeout). A provided runtime runs
// the code's bootstrap executable with the event on stdin and its stdout
// as the response (a Salve simplification of the Lambda Runtime API).
// Failures carry Lambda's error types: the exception's class,
// Runtime.ImportModuleError, Runtime.HandlerNotFound, Runtime.ExitError,
// Sandbox.Timedout, Function.ResponseSizeTooLarge, ….
package script
