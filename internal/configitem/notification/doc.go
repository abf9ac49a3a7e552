// Package notification builds AWS Config's notification messages from
// configuration items and rule evaluations: the
// ConfigurationItemChangeNotification (record version 1.3) and the
// ComplianceChangeNotification (record version 1.0).
//
// One builder serves every channel that carries them: the recorder
// publishes them to the delivery channel's SNS topic, the composer puts
// them on the event bus as the detail of aws.config's "Config
// Configuration Item Change" and "Config Rules Compliance Change" events,
// and custom rules receive the item notification as their invoking event.
// AWS sends the same message on each, so Salve builds it once.
package notification
