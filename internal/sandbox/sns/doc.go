// Package sns is the sandbox of Amazon Simple Notification Service: topics
// with their attributes and tags, subscriptions and published messages,
// kept per account and region in the store. Every published message is
// stored as a delivery record that tests and tools read back with
// Service.Deliveries, and is sent to the topic's confirmed subscriptions:
// POSTed to http and https endpoints through a durable Deliverer
// (internal/delivery), written to the scope's outbox for email and
// email-json (Service.Outbox), handed to Functions for lambda; nothing
// leaves Salve for sqs, firehose, application and sms. New http, https
// and e-mail subscriptions get AWS's SubscriptionConfirmation, whose
// SubscribeURL points at Salve. Topics are reported to the Config recorder
// as AWS::SNS::Topic configuration items.
//
// The package holds no HTTP: internal/api/sns decodes the Query protocol and
// calls it.
package sns
