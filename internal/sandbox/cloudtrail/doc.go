// Package cloudtrail is the sandbox's CloudTrail: trails, their logging
// state, event selectors and tags, kept in the store per account and
// region. It holds no HTTP; internal/api/cloudtrail speaks the wire.
//
// # What a user of the aws CLI sees
//
// A trail is created in the region of the request, its home region:
//
//	aws cloudtrail create-trail --name main --s3-bucket-name my-logs --is-multi-region-trail
//
// answers the trail's settings with TrailARN
// arn:aws:cloudtrail:us-east-1:123456789012:trail/main. The bucket must
// exist in the sandbox's S3 (S3BucketDoesNotExistException otherwise);
// IncludeGlobalServiceEvents defaults to true. The trail does not log until
//
//	aws cloudtrail start-logging --name main
//
// after which get-trail-status shows IsLogging true, StartLoggingTime (from
// Salve's clock) and deliveries succeeding up to now: Salve writes no log
// files, it keeps the state that Config rules and scripts check.
//
// describe-trails in us-east-1 lists main; in any other region it lists
// main too, as a shadow trail with HomeRegion us-east-1, because the trail
// is multi-region (a single-region trail is seen only in its home region).
// From another region, get-trail and get-trail-status need the ARN rather
// than the name, and changes (update-trail, delete-trail, start-logging,
// stop-logging, put-event-selectors, add-tags) answer
// InvalidHomeRegionException: a trail is changed from its home region.
// list-trails lists every trail of the account, whatever its region.
//
// put-event-selectors stores basic or advanced selectors (validated as
// AWS does) and get-event-selectors returns them; a trail that never had
// any shows the default, all management events. add-tags, remove-tags and
// list-tags manage up to 50 tags per trail, addressed by ARN.
//
// Every change of a trail's settings or tags is reported to the Config
// recorder as an AWS::CloudTrail::Trail configuration item in the trail's
// home region (ResourceDiscovered, OK, ResourceDeleted); the logging state
// is not part of the item, as on AWS — rules about logging ask
// GetTrailStatus.
package cloudtrail
