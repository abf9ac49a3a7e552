// Package e2e holds the end-to-end tests that drive the built salve binary:
// the kill -9 crash test and the clean-shutdown test (go test ./e2e), and
// run.sh, which drives the binary with the aws CLI and boto3 (make e2e).
package e2e
