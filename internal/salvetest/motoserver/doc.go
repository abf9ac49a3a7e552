// Package motoserver starts a moto_server (the mock AWS of the Python moto
// project) for tests that need real AWS services Salve does not serve:
// EC2, S3, IAM, CloudTrail, SNS… Tests skip when moto_server is not on PATH.
package motoserver
