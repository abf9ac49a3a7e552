// Package functions keeps Salve's Lambda-style functions and invokes them.
//
// A function is stored per tenant scope with its configuration (runtime,
// handler, timeout, memory, environment, tags) and its code: the .zip
// bytes themselves (in the store, so the function survives restarts and
// moves with the database), or, as a Salve extension, a local directory
// read at every invocation (Code.S3Bucket "salve-local" with S3Key the
// directory's absolute path).
//
// Invoke runs the function once through the script runner
// (internal/automation/script): a python3.x handler in a child Python with
// Lambda's context object and boto3 pointed at Salve; a provided runtime's
// bootstrap executable with the event on stdin. The result is what
// Lambda's Invoke answers: the handler's JSON response, or a function
// error ("Unhandled") with Lambda's error document, and the invocation's
// log (START, what the function printed, END, REPORT).
//
// Asynchronous invocations (InvocationType Event) are durable work items
// in a global bucket: Enqueue commits one, Run (or Tick, in tests) takes
// due items under a lease, runs them and removes them; a function error
// is retried twice, one and two minutes later, as Lambda does; a process
// that dies mid-run leaves the lease to expire, and the item runs again
// (at least once).
//
// Every change of a function is recorded as an AWS::Lambda::Function
// configuration item through the configitem.Sink.
package functions
