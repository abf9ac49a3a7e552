// Package sns is the sandbox of Amazon Simple Notification Service: topics
// with their attributes and tags, subscriptions (recorded as data; nothing
// is delivered outside Salve) and published messages, kept per account and
// region in the store. Every published message is stored as a delivery
// record that tests and tools read back with Service.Deliveries. Topics are
// reported to the Config recorder as AWS::SNS::Topic configuration items.
//
// The package holds no HTTP: internal/api/sns decodes the Query protocol and
// calls it.
package sns
