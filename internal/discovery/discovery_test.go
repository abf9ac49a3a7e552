package discovery_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/discovery"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

func TestService_Poll_Bucket(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	it := b.current(t, east, "AWS::S3::Bucket", "logs-east")
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "arn:aws:s3:::logs-east", it.ARN)
	require.Equal(t, "2026-10-01T08:00:00.5Z", it.ResourceCreationTime.Format("2006-01-02T15:04:05.999Z"))
	require.Equal(t, map[string]any{"name": "logs-east", "creationDate": "2026-10-01T08:00:00Z",
		"owner": map[string]any{"displayName": nil, "id": "canonical-owner"}}, it.Configuration)
	sc := it.SupplementaryConfiguration
	require.NotContains(t, sc, "ServerSideEncryptionConfiguration")
	require.NotContains(t, sc, "PublicAccessBlockConfiguration")
	require.Equal(t, map[string]any{"status": "Enabled", "isMfaDeleteEnabled": false}, sc["BucketVersioningConfiguration"])
	require.Equal(t, map[string]any{"policyText": `{"Version":"2012-10-17","Statement":[]}`}, sc["BucketPolicy"])
	require.Equal(t, map[string]any{"destinationBucketName": "audit", "logFilePrefix": "logs/"}, sc["BucketLoggingConfiguration"])
	require.Equal(t, map[string]any{"tagSets": []any{map[string]any{"tags": map[string]any{"team": "data"}}}}, sc["BucketTaggingConfiguration"])
	require.Equal(t, map[string]string{"team": "data"}, it.Tags)
	var acl map[string]any
	require.NoError(t, json.Unmarshal([]byte(sc["AccessControlList"].(string)), &acl))
	require.Equal(t, []any{
		map[string]any{"grantee": map[string]any{"id": "canonical-owner", "displayName": nil}, "permission": "FullControl"},
		map[string]any{"grantee": "AllUsers", "permission": "Read"},
	}, acl["grantList"])
	// The other region's bucket is recorded in its own scope only.
	require.Nil(t, b.current(t, east, "AWS::S3::Bucket", "data-west"))
}

func TestService_Poll_BucketSettings(t *testing.T) {
	t.Parallel()
	a := account()
	a["s3.GetBucketEncryption"] = fixed(map[string]any{"ServerSideEncryptionConfiguration": map[string]any{
		"Rules": []any{map[string]any{"ApplyServerSideEncryptionByDefault": map[string]any{
			"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "key-1"}, "BucketKeyEnabled": true}}}})
	a["s3.GetPublicAccessBlock"] = fixed(map[string]any{"PublicAccessBlockConfiguration": map[string]any{
		"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": false, "RestrictPublicBuckets": true}})
	a["s3.GetBucketPolicy"] = fails("NoSuchBucketPolicy")
	a["s3.GetBucketTagging"] = fails("NoSuchTagSet")
	a["s3.GetBucketVersioning"] = fixed(map[string]any{})
	a["s3.GetBucketLogging"] = fixed(map[string]any{})
	b := setup(t, a)
	b.poll(t)
	sc := b.current(t, east, "AWS::S3::Bucket", "logs-east").SupplementaryConfiguration
	require.Equal(t, map[string]any{"rules": []any{map[string]any{"bucketKeyEnabled": true,
		"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "aws:kms", "kmsMasterKeyID": "key-1"}}}},
		sc["ServerSideEncryptionConfiguration"])
	require.Equal(t, map[string]any{"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": false,
		"restrictPublicBuckets": true}, sc["PublicAccessBlockConfiguration"])
	require.Equal(t, map[string]any{"policyText": nil}, sc["BucketPolicy"])
	require.Equal(t, map[string]any{"status": "Off", "isMfaDeleteEnabled": nil}, sc["BucketVersioningConfiguration"])
	require.Equal(t, map[string]any{"destinationBucketName": nil, "logFilePrefix": nil}, sc["BucketLoggingConfiguration"])
	require.NotContains(t, sc, "BucketTaggingConfiguration")
}

func TestService_Poll_BucketRegions(t *testing.T) {
	t.Parallel()
	b := setup(t, account(), east, west)
	b.poll(t)
	require.Equal(t, []string{"logs-east"}, b.ids(t, east, "AWS::S3::Bucket"))
	require.Equal(t, []string{"data-west"}, b.ids(t, west, "AWS::S3::Bucket"))
	require.Equal(t, "arn:aws:s3:::data-west", b.current(t, west, "AWS::S3::Bucket", "data-west").ARN)
	// Locations are asked once per bucket, then remembered.
	b.poll(t)
	require.Equal(t, 2, b.caller.count("s3.GetBucketLocation", "us-east-1"))
	require.Zero(t, b.caller.count("s3.GetBucketLocation", "eu-west-1"))
}

func TestService_Poll_SecurityGroup(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	it := b.current(t, east, "AWS::EC2::SecurityGroup", "sg-1")
	require.NotNil(t, it)
	require.Equal(t, "ssh", it.ResourceName)
	require.Equal(t, "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1", it.ARN)
	require.Equal(t, map[string]string{"Name": "ssh"}, it.Tags)
	require.Equal(t, []configitem.Relationship{{ResourceType: "AWS::EC2::VPC", ResourceID: "vpc-1",
		Name: "Is contained in Vpc"}}, it.Relationships)
	cfg := it.Configuration
	require.Equal(t, "open ssh", cfg["description"])
	require.Equal(t, []any{map[string]any{"ipProtocol": "tcp", "fromPort": float64(22), "toPort": float64(22),
		"ipv4Ranges": []any{map[string]any{"cidrIp": "0.0.0.0/0", "description": "anyone"}}, "ipRanges": []any{"0.0.0.0/0"},
		"ipv6Ranges": []any{}, "prefixListIds": []any{}, "userIdGroupPairs": []any{}}}, cfg["ipPermissions"])
	egress := cfg["ipPermissionsEgress"].([]any)[0].(map[string]any)
	require.NotContains(t, egress, "fromPort", "protocol -1 has no ports")
	require.Equal(t, []any{map[string]any{"key": "Name", "value": "ssh"}}, cfg["tags"])
}

func TestService_Poll_NetworkAndCompute(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	vpc := b.current(t, east, "AWS::EC2::VPC", "vpc-1")
	require.Equal(t, map[string]any{"vpcId": "vpc-1", "cidrBlock": "10.0.0.0/16", "state": "available", "isDefault": false,
		"dhcpOptionsId": "dopt-1", "instanceTenancy": "default", "ownerId": "123456789012", "tags": []any{}}, vpc.Configuration)
	subnet := b.current(t, east, "AWS::EC2::Subnet", "subnet-1")
	require.Equal(t, true, subnet.Configuration["mapPublicIpOnLaunch"])
	require.Equal(t, "us-east-1a", subnet.Configuration["availabilityZone"])

	in := b.current(t, east, "AWS::EC2::Instance", "i-1")
	require.Equal(t, "us-east-1a", in.AvailabilityZone)
	require.Equal(t, map[string]any{"code": float64(16), "name": "running"}, in.Configuration["state"])
	require.Equal(t, "54.1.2.3", in.Configuration["publicIpAddress"])
	require.Equal(t, []any{map[string]any{"groupId": "sg-1", "groupName": "ssh"}}, in.Configuration["securityGroups"])
	require.Equal(t, map[string]any{"httpTokens": "required", "httpEndpoint": "enabled", "httpPutResponseHopLimit": float64(2)},
		in.Configuration["metadataOptions"])
	require.Len(t, in.Relationships, 4)
	require.Nil(t, b.current(t, east, "AWS::EC2::Instance", "i-gone"), "a terminated instance is not discovered")

	vol := b.current(t, east, "AWS::EC2::Volume", "vol-1")
	require.Equal(t, float64(8), vol.Configuration["size"])
	require.Equal(t, true, vol.Configuration["encrypted"])
	require.Equal(t, "arn:aws:kms:us-east-1:123456789012:key/k", vol.Configuration["kmsKeyId"])
	require.Equal(t, []any{map[string]any{"instanceId": "i-1", "device": "/dev/xvda", "state": "attached",
		"volumeId": "vol-1", "deleteOnTermination": true}}, vol.Configuration["attachments"])

	fl := b.current(t, east, "AWS::EC2::FlowLog", "fl-1")
	require.Equal(t, "vpc-1", fl.Configuration["resourceId"])
	require.Equal(t, nil, fl.Configuration["logGroupName"])
	require.Equal(t, "ACTIVE", fl.Configuration["flowLogStatus"])
}

func TestService_Poll_IAM(t *testing.T) {
	t.Parallel()
	b := setup(t, account(), east, west)
	b.poll(t)
	role := b.current(t, east, "AWS::IAM::Role", "AROAAPP")
	require.NotNil(t, role)
	require.Equal(t, "Not Applicable", role.AvailabilityZone)
	require.Equal(t, "app", role.ResourceName)
	require.Equal(t, "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D",
		role.Configuration["assumeRolePolicyDocument"])
	require.Equal(t, []any{map[string]any{"policyName": "AdministratorAccess",
		"policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}}, role.Configuration["attachedManagedPolicies"])
	require.Equal(t, []any{map[string]any{"policyName": "inline",
		"policyDocument": "%7B%22Statement%22%3A%20%5B%5D%7D"}}, role.Configuration["rolePolicyList"])
	require.Equal(t, map[string]string{"owner": "ops"}, role.Tags)

	user := b.current(t, east, "AWS::IAM::User", "AIDAALICE")
	require.Equal(t, []any{"devs"}, user.Configuration["groupList"])
	require.Equal(t, []any{}, user.Configuration["userPolicyList"])

	policy := b.current(t, east, "AWS::IAM::Policy", "ANPAADMIN")
	require.Equal(t, float64(1), policy.Configuration["attachmentCount"])
	require.Equal(t, []any{map[string]any{"versionId": "v2", "isDefaultVersion": true, "createDate": "2026-10-08T00:00:00Z",
		"document": "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"}},
		policy.Configuration["policyVersionList"])

	// IAM is global: its resources are recorded in the account's first
	// scope only, and read once per pass.
	require.Empty(t, b.ids(t, west, "AWS::IAM::Role"))
	require.Equal(t, 1, b.caller.count("iam.ListRoles", "us-east-1"))
	require.Zero(t, b.caller.count("iam.ListRoles", "eu-west-1"))
}

func TestService_Poll_TrailsAndTopics(t *testing.T) {
	t.Parallel()
	b := setup(t, account(), east, west)
	b.poll(t)
	trail := b.current(t, east, "AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/main")
	require.NotNil(t, trail)
	require.Equal(t, "main", trail.ResourceName)
	require.Equal(t, true, trail.Configuration["isMultiRegionTrail"])
	require.Equal(t, false, trail.Configuration["logFileValidationEnabled"])
	require.Equal(t, nil, trail.Configuration["kmsKeyId"])
	require.Equal(t, "us-east-1", trail.Configuration["homeRegion"])
	// A trail is recorded in its home region only (the fake lists both
	// trails in every region, as AWS lists shadow trails).
	require.Equal(t, []string{"arn:aws:cloudtrail:us-east-1:123456789012:trail/main"}, b.ids(t, east, "AWS::CloudTrail::Trail"))
	require.Equal(t, []string{"arn:aws:cloudtrail:eu-west-1:123456789012:trail/west"}, b.ids(t, west, "AWS::CloudTrail::Trail"))

	topic := b.current(t, east, "AWS::SNS::Topic", "arn:aws:sns:us-east-1:123456789012:alerts")
	require.Equal(t, "alerts", topic.ResourceName)
	require.Equal(t, map[string]any{"TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "DisplayName": "",
		"Policy": "{}", "SubscriptionsConfirmed": float64(2), "KmsMasterKeyId": "alias/aws/sns",
		"Tags": []any{map[string]any{"Key": "env", "Value": "prod"}}}, topic.Configuration)
	require.Equal(t, map[string]string{"env": "prod"}, topic.Tags)
}

func TestService_Poll_UnchangedResourcesRecordNothingNew(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	b.clock.Advance(discovery.DefaultInterval)
	b.poll(t)
	require.Equal(t, []string{configitem.StatusResourceDiscovered}, b.history(t, east, "AWS::S3::Bucket", "logs-east"))
	require.Equal(t, []string{configitem.StatusResourceDiscovered}, b.history(t, east, "AWS::IAM::Role", "AROAAPP"))
	require.Equal(t, 2, b.sink.collect.ChangedCalls(), "one wake-up per pass")

	b.caller.set("s3.GetBucketEncryption", fixed(map[string]any{"ServerSideEncryptionConfiguration": map[string]any{
		"Rules": []any{map[string]any{"ApplyServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256"}}}}}))
	b.poll(t)
	require.Equal(t, []string{configitem.StatusResourceDiscovered, configitem.StatusOK},
		b.history(t, east, "AWS::S3::Bucket", "logs-east"))
}

func TestService_Poll_Deletions(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	b.caller.set("s3.ListBuckets", fixed(map[string]any{"Buckets": []any{}}))
	b.caller.set("sns.ListTopics", fixed(map[string]any{}))
	b.caller.set("ec2.DescribeInstances", fixed(map[string]any{"Reservations": []any{map[string]any{"Instances": []any{
		map[string]any{"InstanceId": "i-1", "State": map[string]any{"Code": int64(48), "Name": "terminated"}}}}}}))
	b.poll(t)
	for _, r := range []struct{ resourceType, id string }{
		{"AWS::S3::Bucket", "logs-east"},
		{"AWS::SNS::Topic", "arn:aws:sns:us-east-1:123456789012:alerts"},
		{"AWS::EC2::Instance", "i-1"},
	} {
		it := b.current(t, east, r.resourceType, r.id)
		require.Equal(t, configitem.StatusResourceDeleted, it.Status, r.id)
		require.Nil(t, it.Configuration, r.id)
	}
	require.Equal(t, configitem.StatusResourceDiscovered, b.current(t, east, "AWS::EC2::VPC", "vpc-1").Status)
}

func TestService_Poll_FailedListingDeletesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	b.caller.set("s3.ListBuckets", fails("AccessDenied"))
	b.caller.set("ec2.DescribeVpcs", fails("RequestLimitExceeded"))
	b.poll(t)
	require.Equal(t, []string{"logs-east"}, b.ids(t, east, "AWS::S3::Bucket"))
	require.Equal(t, []string{"vpc-1"}, b.ids(t, east, "AWS::EC2::VPC"))
}

func TestService_Poll_FailedDetailKeepsTheLastItem(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	b.poll(t)
	// The bucket's ACL can no longer be read and its encryption changed:
	// no half-read item is recorded, and the bucket is not deleted.
	b.caller.set("s3.GetBucketAcl", fails("AccessDenied"))
	b.caller.set("s3.GetBucketEncryption", fixed(map[string]any{"ServerSideEncryptionConfiguration": map[string]any{
		"Rules": []any{map[string]any{"ApplyServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256"}}}}}))
	b.caller.set("iam.ListRoleTags", fails("AccessDenied"))
	b.poll(t)
	require.Equal(t, []string{configitem.StatusResourceDiscovered}, b.history(t, east, "AWS::S3::Bucket", "logs-east"))
	require.Equal(t, []string{configitem.StatusResourceDiscovered}, b.history(t, east, "AWS::IAM::Role", "AROAAPP"))
	// A resource first seen while its details fail is not recorded.
	c := setup(t, without(account(), "s3.GetBucketLogging"))
	c.poll(t)
	require.Empty(t, c.ids(t, east, "AWS::S3::Bucket"))
}

func TestService_Poll_UnimplementedServicesAreSkipped(t *testing.T) {
	t.Parallel()
	b := setup(t, without(account(), "cloudtrail.DescribeTrails", "ec2.DescribeFlowLogs", "iam.ListPolicies",
		"sns.ListTopics", "ec2.DescribeVpcs"))
	b.poll(t)
	require.Equal(t, []string{"logs-east"}, b.ids(t, east, "AWS::S3::Bucket"))
	require.Equal(t, []string{"sg-1"}, b.ids(t, east, "AWS::EC2::SecurityGroup"))
	require.Equal(t, []string{"AROAAPP"}, b.ids(t, east, "AWS::IAM::Role"))
	require.Empty(t, b.ids(t, east, "AWS::CloudTrail::Trail"))
	require.Empty(t, b.ids(t, east, "AWS::EC2::VPC"))
}

func TestService_Poll_FirstPassDeletesWhatTheRecorderHasAndTheEndpointLacks(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	stale := &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "gone-while-down", AvailabilityZone: "Regional",
		Configuration: map[string]any{"name": "gone-while-down"}, CaptureTime: start}
	other := &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "other-account", CaptureTime: start}
	require.NoError(t, b.store.Update(context.Background(), func(tx store.Tx) error {
		if err := b.sink.Service.Record(tx, east, stale); err != nil {
			return err
		}
		return b.sink.Service.Record(tx, tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}, other)
	}))
	b.poll(t)
	require.Equal(t, configitem.StatusResourceDeleted, b.current(t, east, "AWS::S3::Bucket", "gone-while-down").Status)
	require.Equal(t, []string{"logs-east"}, b.ids(t, east, "AWS::S3::Bucket"))
	require.Equal(t, []string{"other-account"}, b.ids(t, tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}, "AWS::S3::Bucket"),
		"scopes not polled are left alone")
}

func TestService_Poll_Paging(t *testing.T) {
	t.Parallel()
	a := account()
	a["iam.ListUsers"] = func(in map[string]any) (map[string]any, error) {
		if in["Marker"] == "page2" {
			return map[string]any{"IsTruncated": false, "Users": []any{map[string]any{"UserName": "bob", "UserId": "AIDABOB"}}}, nil
		}
		return map[string]any{"IsTruncated": true, "Marker": "page2",
			"Users": []any{map[string]any{"UserName": "alice", "UserId": "AIDAALICE"}}}, nil
	}
	// An endpoint that hands back the same token forever is read once.
	a["ec2.DescribeVpcs"] = fixed(map[string]any{"NextToken": "again",
		"Vpcs": []any{map[string]any{"VpcId": "vpc-1"}}})
	b := setup(t, a)
	b.poll(t)
	require.Equal(t, []string{"AIDAALICE", "AIDABOB"}, b.ids(t, east, "AWS::IAM::User"))
	require.Equal(t, 2, b.caller.count("ec2.DescribeVpcs", "us-east-1"))
}

func TestService_Poll_PanickingCallerSkipsTheService(t *testing.T) {
	t.Parallel()
	a := account()
	a["sns.ListTopics"] = func(map[string]any) (map[string]any, error) { panic("broken answer") }
	b := setup(t, a)
	b.poll(t)
	require.Empty(t, b.ids(t, east, "AWS::SNS::Topic"))
	require.Equal(t, []string{"logs-east"}, b.ids(t, east, "AWS::S3::Bucket"))
}

func TestService_Poll_CallsAddressTheScope(t *testing.T) {
	t.Parallel()
	b := setup(t, account(), west)
	b.poll(t)
	b.caller.mu.Lock()
	defer b.caller.mu.Unlock()
	require.NotEmpty(t, b.caller.calls)
	for _, c := range b.caller.calls {
		require.Equal(t, "eu-west-1", c.Region, c.API)
		require.Equal(t, "123456789012", c.AccountID, c.API)
	}
}

func TestService_Run_PollsUntilCanceled(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	ctx, cancel := context.WithCancel(context.Background())
	// The endpoint stops Run in the middle of its first pass.
	b.caller.set("sns.ListTopics", func(map[string]any) (map[string]any, error) {
		cancel()
		return nil, context.Canceled
	})
	require.NoError(t, b.svc.Run(ctx))
	require.Equal(t, 1, b.caller.count("s3.ListBuckets", "us-east-1"))
	require.Empty(t, b.ids(t, east, "AWS::S3::Bucket"), "a canceled pass records nothing")
}

func TestService_Poll_StoreFailure(t *testing.T) {
	t.Parallel()
	b := setup(t, account())
	require.NoError(t, b.store.Close())
	err := b.svc.Poll(context.Background())
	require.Error(t, err)
	require.True(t, errors.Is(err, store.ErrClosed), "%v", err)
}

var _ engine.AWSCaller = (*fakeCaller)(nil)

func TestService_Wake_PollsBeforeTheNextTick(t *testing.T) {
	t.Parallel()
	a := account()
	passes := make(chan struct{}, 10)
	a["s3.ListBuckets"] = func(map[string]any) (map[string]any, error) {
		passes <- struct{}{}
		return map[string]any{"Buckets": []any{}}, nil
	}
	b := setup(t, a)
	svc := discovery.New(discovery.Params{Store: b.store, Clock: b.clock, Sink: b.sink, Caller: b.caller,
		Scopes: []tenant.Scope{east}, Interval: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	waitFor(t, passes)
	svc.Wake()
	waitFor(t, passes)
	cancel()
	require.NoError(t, <-done)
}

// waitFor waits for a signal on ch, failing the test after ten seconds.
func waitFor(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("no pass started")
	}
}

func TestService_Poll_UnreachableServiceIsCalledOnce(t *testing.T) {
	t.Parallel()
	a := account()
	unreachable := func(map[string]any) (map[string]any, error) {
		return nil, errors.New("dial tcp 127.0.0.1:1: connect: connection refused")
	}
	for _, op := range []string{"ec2.DescribeVpcs", "ec2.DescribeSubnets", "ec2.DescribeSecurityGroups",
		"ec2.DescribeInstances", "ec2.DescribeVolumes", "ec2.DescribeFlowLogs"} {
		a[op] = unreachable
	}
	b := setup(t, a)
	b.poll(t)
	require.Equal(t, 1, b.caller.count("ec2.DescribeVpcs", "us-east-1"))
	require.Zero(t, b.caller.count("ec2.DescribeInstances", "us-east-1"))
	require.Equal(t, []string{"logs-east"}, b.ids(t, east, "AWS::S3::Bucket"), "other services are read")
	// The next pass tries again.
	b.poll(t)
	require.Equal(t, 2, b.caller.count("ec2.DescribeVpcs", "us-east-1"))
}

func TestService_Poll_RepeatedFailureWarnsOnce(t *testing.T) {
	t.Parallel()
	a := account()
	a["ec2.DescribeVpcs"] = fails("UnauthorizedOperation")
	b := setup(t, a)
	var logs bytes.Buffer
	svc := discovery.New(discovery.Params{Store: b.store, Clock: b.clock, Sink: b.sink, Caller: b.caller,
		Scopes: []tenant.Scope{east}, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	ctx := context.Background()
	require.NoError(t, svc.Poll(ctx))
	require.NoError(t, svc.Poll(ctx))
	require.Equal(t, 1, strings.Count(logs.String(), "level=WARN"), logs.String())
	require.Contains(t, logs.String(), "operation=DescribeVpcs")
	// Once it succeeded, a new failure warns again.
	b.caller.set("ec2.DescribeVpcs", fixed(map[string]any{}))
	require.NoError(t, svc.Poll(ctx))
	b.caller.set("ec2.DescribeVpcs", fails("UnauthorizedOperation"))
	require.NoError(t, svc.Poll(ctx))
	require.Equal(t, 2, strings.Count(logs.String(), "level=WARN"), logs.String())
}
