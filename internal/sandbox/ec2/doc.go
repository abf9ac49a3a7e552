// Package ec2 emulates the EC2 resources Salve's sandbox serves: VPCs,
// subnets, security groups and their rules, managed prefix lists,
// instances, EBS volumes (and the account's EBS encryption default), flow
// logs and tags.
//
// State lives in the store, one bucket per resource kind and tenant scope.
// Every mutation runs in one store transaction that also reports the
// configuration item of each changed resource to the configitem.Sink
// (shapes: docs/CONFIGURATION_ITEMS.md); Sink.Changed runs once after the
// commit. Each (account, region) gets its default VPC — with its default
// security group and one default subnet per availability zone — the first
// time an operation touches that scope.
//
// The package never speaks the wire: internal/api/ec2 decodes requests,
// validates their syntax and encodes the answers.
package ec2
