package discovery_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/discovery"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	east  = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
	west  = tenant.Scope{AccountID: "123456789012", Region: "eu-west-1"}
)

// answer is a fake endpoint's answer to one call.
type answer func(in map[string]any) (map[string]any, error)

// fakeCaller answers calls from a table keyed "service.Operation"; an
// operation missing from it fails as unknown.
type fakeCaller struct {
	mu      sync.Mutex
	answers map[string]answer
	calls   []engine.CallRequest
}

func (f *fakeCaller) Call(_ context.Context, req engine.CallRequest) (map[string]any, error) {
	f.mu.Lock()
	f.calls = append(f.calls, req)
	a := f.answers[req.Service+"."+req.API]
	f.mu.Unlock()
	if a == nil {
		return nil, &awserr.Error{Code: "InvalidAction", Status: 400, Message: req.API + " is not implemented"}
	}
	return a(req.Input)
}

// set replaces the answer of one operation.
func (f *fakeCaller) set(op string, a answer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.answers[op] = a
}

// count returns how many calls of service.Operation were made in region.
func (f *fakeCaller) count(op, region string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c.Service+"."+c.API == op && c.Region == region {
			n++
		}
	}
	return n
}

// fixed answers out to every call.
func fixed(out map[string]any) answer {
	return func(map[string]any) (map[string]any, error) { return out, nil }
}

// fails answers every call with an AWS error.
func fails(code string) answer {
	return func(map[string]any) (map[string]any, error) {
		return nil, &awserr.Error{Code: code, Status: 400, Message: code}
	}
}

// teeSink records into the recorder and keeps every item, so tests see
// both what was reported and what the recorder made of it.
type teeSink struct {
	*recorder.Service
	collect configitem.Collect
}

func (s *teeSink) Record(tx store.Tx, scope tenant.Scope, it *configitem.Item) error {
	if err := s.collect.Record(tx, scope, it); err != nil {
		return err
	}
	return s.Service.Record(tx, scope, it)
}

func (s *teeSink) Changed() {
	s.collect.Changed()
	s.Service.Changed()
}

type bundle struct {
	svc    *discovery.Service
	caller *fakeCaller
	sink   *teeSink
	store  store.Store
	clock  *clock.Fake
}

// setup builds a discovery Service over a fake endpoint answering with
// answers, polling scopes (east alone when none).
func setup(t *testing.T, answers map[string]answer, scopes ...tenant.Scope) *bundle {
	t.Helper()
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() {
		if err := st.Close(); !errors.Is(err, store.ErrClosed) {
			require.NoError(t, err)
		}
	})
	fake := clock.NewFake(start)
	sink := &teeSink{Service: recorder.New(recorder.Params{Store: st, Clock: fake})}
	caller := &fakeCaller{answers: answers}
	if len(scopes) == 0 {
		scopes = []tenant.Scope{east}
	}
	svc := discovery.New(discovery.Params{Store: st, Clock: fake, Sink: sink, Caller: caller, Scopes: scopes})
	return &bundle{svc: svc, caller: caller, sink: sink, store: st, clock: fake}
}

// poll runs one pass, which must succeed.
func (b *bundle) poll(t *testing.T) {
	t.Helper()
	require.NoError(t, b.svc.Poll(context.Background()))
}

// current returns the recorder's current item of a resource (nil if never
// recorded).
func (b *bundle) current(t *testing.T, scope tenant.Scope, resourceType, id string) *configitem.Item {
	t.Helper()
	var it *configitem.Item
	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		var err error
		it, err = b.sink.CurrentItem(tx, scope, resourceType, id)
		return err
	}))
	return it
}

// ids returns the ids of the live recorded items of a type.
func (b *bundle) ids(t *testing.T, scope tenant.Scope, resourceType string) []string {
	t.Helper()
	var out []string
	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		items, err := b.sink.CurrentItems(tx, scope, resourceType)
		for _, it := range items {
			out = append(out, it.ResourceID)
		}
		return err
	}))
	return out
}

// history returns the statuses of a resource's items, oldest first.
func (b *bundle) history(t *testing.T, scope tenant.Scope, resourceType, id string) []string {
	t.Helper()
	var out []string
	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		items, err := b.sink.History(tx, scope, resourceType, id, 0)
		for i := len(items) - 1; i >= 0; i-- {
			out = append(out, items[i].Status)
		}
		return err
	}))
	return out
}

// account is a fake endpoint holding one of each resource type, as the
// AWS caller (awscall.Remote) shapes answers: boto3 member names, int64
// numbers, RFC 3339 times.
func account() map[string]answer {
	return map[string]answer{
		"s3.ListBuckets": fixed(map[string]any{"Owner": map[string]any{"ID": "owner-from-list"},
			"Buckets": []any{
				map[string]any{"Name": "logs-east", "CreationDate": "2026-10-01T08:00:00.5Z"},
				map[string]any{"Name": "data-west", "CreationDate": "2026-10-02T08:00:00Z"},
			}}),
		"s3.GetBucketLocation": func(in map[string]any) (map[string]any, error) {
			if in["Bucket"] == "data-west" {
				return map[string]any{"LocationConstraint": "eu-west-1"}, nil
			}
			return map[string]any{}, nil
		},
		"s3.GetBucketAcl": fixed(map[string]any{"Owner": map[string]any{"ID": "canonical-owner"},
			"Grants": []any{
				map[string]any{"Grantee": map[string]any{"Type": "CanonicalUser", "ID": "canonical-owner"}, "Permission": "FULL_CONTROL"},
				map[string]any{"Grantee": map[string]any{"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"},
			}}),
		"s3.GetBucketVersioning":  fixed(map[string]any{"Status": "Enabled", "MFADelete": "Disabled"}),
		"s3.GetBucketEncryption":  fails("ServerSideEncryptionConfigurationNotFoundError"),
		"s3.GetPublicAccessBlock": fails("NoSuchPublicAccessBlockConfiguration"),
		"s3.GetBucketPolicy":      fixed(map[string]any{"Policy": `{"Version":"2012-10-17","Statement":[]}`}),
		"s3.GetBucketLogging":     fixed(map[string]any{"LoggingEnabled": map[string]any{"TargetBucket": "audit", "TargetPrefix": "logs/"}}),
		"s3.GetBucketTagging":     fixed(map[string]any{"TagSet": []any{map[string]any{"Key": "team", "Value": "data"}}}),
		"ec2.DescribeVpcs": fixed(map[string]any{"Vpcs": []any{map[string]any{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16",
			"State": "available", "IsDefault": false, "DhcpOptionsId": "dopt-1", "InstanceTenancy": "default", "OwnerId": "123456789012"}}}),
		"ec2.DescribeSubnets": fixed(map[string]any{"Subnets": []any{map[string]any{"SubnetId": "subnet-1", "VpcId": "vpc-1",
			"CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a", "MapPublicIpOnLaunch": true, "DefaultForAz": false,
			"State": "available", "OwnerId": "123456789012"}}}),
		"ec2.DescribeSecurityGroups": fixed(map[string]any{"SecurityGroups": []any{map[string]any{
			"GroupId": "sg-1", "GroupName": "ssh", "Description": "open ssh", "VpcId": "vpc-1", "OwnerId": "123456789012",
			"IpPermissions": []any{map[string]any{"IpProtocol": "tcp", "FromPort": int64(22), "ToPort": int64(22),
				"IpRanges": []any{map[string]any{"CidrIp": "0.0.0.0/0", "Description": "anyone"}}}},
			"IpPermissionsEgress": []any{map[string]any{"IpProtocol": "-1", "FromPort": int64(-1), "ToPort": int64(-1),
				"IpRanges": []any{map[string]any{"CidrIp": "0.0.0.0/0"}}}},
			"Tags": []any{map[string]any{"Key": "Name", "Value": "ssh"}},
		}}}),
		"ec2.DescribeInstances": fixed(map[string]any{"Reservations": []any{map[string]any{"OwnerId": "123456789012",
			"Instances": []any{
				map[string]any{"InstanceId": "i-1", "ImageId": "ami-1", "InstanceType": "t3.micro",
					"State": map[string]any{"Code": int64(16), "Name": "running"}, "LaunchTime": "2026-10-03T09:00:00Z",
					"SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.1.5", "PublicIpAddress": "54.1.2.3",
					"Placement":      map[string]any{"AvailabilityZone": "us-east-1a"},
					"SecurityGroups": []any{map[string]any{"GroupId": "sg-1", "GroupName": "ssh"}},
					"BlockDeviceMappings": []any{map[string]any{"DeviceName": "/dev/xvda",
						"Ebs": map[string]any{"VolumeId": "vol-1"}}},
					"MetadataOptions": map[string]any{"HttpTokens": "required", "HttpEndpoint": "enabled", "HttpPutResponseHopLimit": int64(2)}},
				map[string]any{"InstanceId": "i-gone", "State": map[string]any{"Code": int64(48), "Name": "terminated"}},
			}}}}),
		"ec2.DescribeVolumes": fixed(map[string]any{"Volumes": []any{map[string]any{"VolumeId": "vol-1", "Size": int64(8),
			"VolumeType": "gp3", "Encrypted": true, "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/k", "State": "in-use",
			"AvailabilityZone": "us-east-1a", "CreateTime": "2026-10-03T09:00:00Z",
			"Attachments": []any{map[string]any{"InstanceId": "i-1", "Device": "/dev/xvda", "State": "attached", "DeleteOnTermination": true}}}}}),
		"ec2.DescribeFlowLogs": fixed(map[string]any{"FlowLogs": []any{map[string]any{"FlowLogId": "fl-1", "ResourceId": "vpc-1",
			"TrafficType": "ALL", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::audit",
			"FlowLogStatus": "ACTIVE", "DeliverLogsStatus": "SUCCESS", "CreationTime": "2026-10-04T00:00:00Z"}}}),
		"iam.ListRoles": fixed(map[string]any{"IsTruncated": false, "Roles": []any{map[string]any{"RoleName": "app",
			"RoleId": "AROAAPP", "Arn": "arn:aws:iam::123456789012:role/app", "Path": "/", "CreateDate": "2026-10-05T00:00:00Z",
			"MaxSessionDuration":       int64(3600),
			"AssumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D"}}}),
		"iam.ListAttachedRolePolicies": fixed(map[string]any{"AttachedPolicies": []any{map[string]any{
			"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}}}),
		"iam.ListRolePolicies":            fixed(map[string]any{"PolicyNames": []any{"inline"}}),
		"iam.GetRolePolicy":               fixed(map[string]any{"PolicyDocument": `{"Statement": []}`}),
		"iam.ListRoleTags":                fixed(map[string]any{"Tags": []any{map[string]any{"Key": "owner", "Value": "ops"}}}),
		"iam.ListInstanceProfilesForRole": fixed(map[string]any{"InstanceProfiles": []any{}}),
		"iam.ListUsers": fixed(map[string]any{"Users": []any{map[string]any{"UserName": "alice", "UserId": "AIDAALICE",
			"Arn": "arn:aws:iam::123456789012:user/alice", "Path": "/", "CreateDate": "2026-10-06T00:00:00Z"}}}),
		"iam.ListAttachedUserPolicies": fixed(map[string]any{"AttachedPolicies": []any{}}),
		"iam.ListUserPolicies":         fixed(map[string]any{"PolicyNames": []any{}}),
		"iam.ListUserTags":             fixed(map[string]any{"Tags": []any{}}),
		"iam.ListGroupsForUser":        fixed(map[string]any{"Groups": []any{map[string]any{"GroupName": "devs"}}}),
		"iam.ListPolicies": fixed(map[string]any{"Policies": []any{map[string]any{"PolicyName": "admin", "PolicyId": "ANPAADMIN",
			"Arn": "arn:aws:iam::123456789012:policy/admin", "Path": "/", "DefaultVersionId": "v2", "AttachmentCount": int64(1),
			"CreateDate": "2026-10-07T00:00:00Z", "UpdateDate": "2026-10-08T00:00:00Z"}}}),
		"iam.GetPolicyVersion": fixed(map[string]any{"PolicyVersion": map[string]any{"VersionId": "v2", "IsDefaultVersion": true,
			"CreateDate": "2026-10-08T00:00:00Z",
			"Document":   "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"}}),
		"iam.ListPolicyTags": fixed(map[string]any{"Tags": []any{}}),
		"cloudtrail.DescribeTrails": fixed(map[string]any{"trailList": []any{
			map[string]any{"Name": "main", "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/main",
				"S3BucketName": "audit", "IncludeGlobalServiceEvents": true, "IsMultiRegionTrail": true,
				"HomeRegion": "us-east-1", "LogFileValidationEnabled": false},
			map[string]any{"Name": "west", "TrailARN": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/west",
				"S3BucketName": "audit", "HomeRegion": "eu-west-1", "IsMultiRegionTrail": true},
		}}),
		"cloudtrail.ListTags": fixed(map[string]any{"ResourceTagList": []any{map[string]any{"TagsList": []any{}}}}),
		"sns.ListTopics": fixed(map[string]any{"Topics": []any{map[string]any{
			"TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts"}}}),
		"sns.GetTopicAttributes": fixed(map[string]any{"Attributes": map[string]any{
			"TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "Policy": "{}", "SubscriptionsConfirmed": "2",
			"KmsMasterKeyId": "alias/aws/sns"}}),
		"sns.ListTagsForResource": fixed(map[string]any{"Tags": []any{map[string]any{"Key": "env", "Value": "prod"}}}),
	}
}

// without returns answers less some operations (the endpoint lacks them).
func without(answers map[string]answer, ops ...string) map[string]answer {
	for _, op := range ops {
		delete(answers, op)
	}
	return answers
}
