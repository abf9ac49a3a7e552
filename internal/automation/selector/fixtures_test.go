package selector_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// Responses shaped the way boto3 returns them (member names from the API
// model, plus ResponseMetadata), as aws:executeAwsApi selectors see them.
const (
	responseMetadata = `"ResponseMetadata": {"RequestId": "7c1f3b6e-0000-4d1a-9a1b-0123456789ab", "HTTPStatusCode": 200,
		"HTTPHeaders": {"x-amzn-requestid": "7c1f3b6e-0000-4d1a-9a1b-0123456789ab", "content-type": "text/xml;charset=UTF-8"}, "RetryAttempts": 0}`

	describeInstances = `{"Reservations": [
		{"ReservationId": "r-1", "Instances": [
			{"InstanceId": "i-1", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"},
			 "BlockDeviceMappings": [
				{"DeviceName": "/dev/xvda", "Ebs": {"VolumeId": "vol-1", "DeleteOnTermination": true}},
				{"DeviceName": "/dev/sdb", "Ebs": {"VolumeId": "vol-2", "DeleteOnTermination": false}}],
			 "MetadataOptions": {"HttpTokens": "optional", "HttpEndpoint": "enabled", "HttpPutResponseHopLimit": 1},
			 "Tags": [{"Key": "Name", "Value": "web"}, {"Key": "env", "Value": "prod"}]},
			{"InstanceId": "i-2", "InstanceType": "m5.large", "State": {"Code": 80, "Name": "stopped"},
			 "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeId": "vol-3", "DeleteOnTermination": true}}],
			 "Tags": [{"Key": "Name", "Value": "db"}]}]},
		{"ReservationId": "r-2", "Instances": [
			{"InstanceId": "i-3", "InstanceType": "t3.micro", "State": {"Code": 16, "Name": "running"},
			 "BlockDeviceMappings": [], "Tags": []}]}],
		` + responseMetadata + `}`

	describeSecurityGroups = `{"SecurityGroups": [
		{"GroupId": "sg-1", "GroupName": "default", "VpcId": "vpc-1", "IpPermissions": [
			{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
			 "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "ssh from anywhere"}], "Ipv6Ranges": []},
			{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
			 "IpRanges": [{"CidrIp": "10.0.0.0/8"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
			{"IpProtocol": "-1", "IpRanges": [], "Ipv6Ranges": []}]}],
		` + responseMetadata + `}`

	getBucketEncryption = `{"ServerSideEncryptionConfiguration": {"Rules": [
		{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms",
		  "KMSMasterKeyID": "arn:aws:kms:us-east-1:123456789012:key/1234abcd"}, "BucketKeyEnabled": true}]},
		` + responseMetadata + `}`

	describeDBInstances = `{"DBInstances": [
		{"DBInstanceIdentifier": "db-1", "DBInstanceStatus": "available", "MultiAZ": false, "AllocatedStorage": 20, "PendingModifiedValues": {}},
		{"DBInstanceIdentifier": "db-2", "DBInstanceStatus": "modifying", "MultiAZ": true, "AllocatedStorage": 100, "PendingModifiedValues": {"MultiAZ": true}}],
		` + responseMetadata + `}`

	describeKey = `{"KeyMetadata": {"KeyId": "1234abcd", "Arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd",
		"KeyState": "Enabled", "Enabled": true}, ` + responseMetadata + `}`

	describeStacks = `{"Stacks": [{"StackName": "s", "Outputs": [
		{"OutputKey": "InstanceId", "OutputValue": "i-9"},
		{"OutputKey": "VpcId", "OutputValue": "vpc-9"}]}]}`
)

// decode parses a JSON document the way the engine holds responses.
func decode(t testing.TB, s string) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(s), &v))
	return v
}
