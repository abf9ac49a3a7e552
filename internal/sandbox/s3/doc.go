// Package s3 is Salve's S3 sandbox: buckets and their bucket-level
// configuration (default encryption, versioning, public access block, ACL,
// policy, logging, tags), kept in the store, validated as S3 validates
// them, and reported to the Config recorder as AWS::S3::Bucket
// configuration items (docs/CONFIGURATION_ITEMS.md).
//
// Bucket names are global, as in AWS: a name registry shared by every
// account makes a name unique across accounts, and each account's buckets
// live in one record set per account (ListBuckets lists every region's).
// A bucket's items are recorded into the scope {owner, bucket's region}.
//
// The package knows nothing of HTTP; internal/api/s3 speaks the REST-XML
// wire protocol and calls it.
package s3
