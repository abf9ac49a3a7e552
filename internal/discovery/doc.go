// Package discovery is real-account mode's configuration recorder feed:
// when runbooks act on a real endpoint (AWS, moto_server, LocalStack)
// instead of Salve's embedded sandbox, nothing reports the resources
// living there to the Config recorder, so the managed rules would never
// see them. The discovery Service polls that endpoint through the same
// engine.AWSCaller runbooks use, converts what it finds into configuration
// items shaped as docs/CONFIGURATION_ITEMS.md promises, and records them
// through a configitem.Sink (the recorder).
//
// One pass walks, per tenant scope (account, region): S3 buckets of the
// region, EC2 VPCs, subnets, security groups, instances, volumes and flow
// logs, CloudTrail trails whose home is the region, SNS topics and, in the
// first scope of each account only, the account's IAM roles, users and
// customer managed policies (IAM is global; recording it once keeps one
// evaluation per resource). Every resource is re-recorded every pass; the
// recorder drops an item identical to the current one, so only changes
// reach the rules. A resource recorded before and missing now is recorded
// as deleted.
//
// A call that fails (a service the endpoint does not implement, a
// permission the credentials lack) is logged once and skipped: a failed
// listing records no deletions of its type, and a resource whose details
// could not all be read keeps its previous item. docs/compat/discovery.md
// lists the calls and the differences from AWS Config's own recorder.
package discovery
