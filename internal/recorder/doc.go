// Package recorder is the AWS Config configuration recorder: it receives
// the configuration items (CIs) the emulated resources report (it is their
// configitem.Sink), keeps the current item and the history of every
// resource, the discovered-resources index and counts, the recorder and
// delivery-channel settings of each account and region, and a global queue
// of changes for the rules evaluator.
//
// When the scope's delivery channel names an SNS topic and the recorder
// has an SNS publisher, each recorded item's ConfigurationItemChangeNotification
// is published in the transaction that records it (durable: it commits,
// and is sent, with the item), and NotifyCompliance publishes the
// ComplianceChangeNotifications the rules' hook reports.
//
// Salve decision: every (account, region) starts with an implicit recorder
// named "default" that records every resource type and is recording, so
// the sandbox works out of the box; it stays until the user puts, stops or
// deletes a recorder.
//
// Records live in per-account-per-region buckets (see tenant.Scope):
//
//	config-recorder          "recorder"                         → recorder state (absent: implicit default)
//	config-delivery-channel  name                               → DeliveryChannel
//	config-item              (resourceType, resourceId)         → current RecordedItem
//	config-item-history      (resourceType, resourceId, ^state) → every RecordedItem, newest first
//	config-resource          (resourceType, resourceId)         → discovered-resources index entry
//	config-resource-count    resourceType                       → count of live resources
//
// plus two global buckets: ChangeBucket, the change queue keyed by a
// global sequence (read with ScanChanges), and its sequence counter.
// Every mutation runs in one store transaction.
package recorder
