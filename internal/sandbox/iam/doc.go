// Package iam is the sandbox of AWS Identity and Access Management: roles,
// users, groups, managed and inline policies, instance profiles and the
// account password policy, kept in the store and reported to the Config
// recorder as configuration items (AWS::IAM::Role, AWS::IAM::User and
// AWS::IAM::Policy).
//
// IAM is global: its records live in the account's "global" scope
// (GlobalScope), whatever region a request is signed for. Configuration
// items are recorded into the caller's scope, because AWS Config records
// global resources in the region whose recorder includes them; see
// docs/compat/iam.md.
//
// The package holds no HTTP: internal/api/iam decodes the Query protocol
// and calls it.
package iam
