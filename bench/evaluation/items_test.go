package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// The synthetic resources: configuration items shaped as the sandbox
// services record them (docs/CONFIGURATION_ITEMS.md), with settings varied
// by index so that every rule finds compliant and non-compliant resources.

// benchTypes are the resource types of the mix, in the order itemAt cycles
// through them.
var benchTypes = []string{
	"AWS::S3::Bucket", "AWS::EC2::SecurityGroup", "AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::IAM::Role",
}

const (
	benchAccount = "123456789012"
	benchRegion  = "us-east-1"
	ownerID      = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"
	readOnlyARN  = "arn:aws:iam::aws:policy/ReadOnlyAccess"
)

// created is every synthetic resource's creation time.
var created = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)

// makeItems returns n items, the types in equal shares (index i is of
// type benchTypes[i%5]).
func makeItems(n int) []configitem.Item {
	out := make([]configitem.Item, n)
	for i := range out {
		out[i] = itemAt(i)
	}
	return out
}

// itemAt builds the i-th item of the mix.
func itemAt(i int) configitem.Item {
	k := i / len(benchTypes)
	switch i % len(benchTypes) {
	case 0:
		return bucketItem(k)
	case 1:
		return securityGroupItem(k)
	case 2:
		return volumeItem(k)
	case 3:
		return instanceItem(k)
	}
	return roleItem(k)
}

// storedForm round-trips items through JSON, as the evaluator reads them
// back from the store (numbers become float64).
func storedForm(items []configitem.Item) ([]configitem.Item, error) {
	b, err := json.Marshal(items)
	if err != nil {
		return nil, err
	}
	var out []configitem.Item
	return out, json.Unmarshal(b, &out)
}

// costCenter tags every other resource with the tag REQUIRED_TAGS asks for.
func costCenter(k int, extra map[string]string) map[string]string {
	tags := map[string]string{"Name": fmt.Sprintf("bench-%d", k)}
	if k%2 == 0 {
		tags["CostCenter"] = "cc-" + fmt.Sprint(k%17)
	}
	for key, v := range extra {
		tags[key] = v
	}
	return tags
}

// tagList is the item's "tags" list, in key order.
func tagList(tags map[string]string) []any {
	out := make([]any, 0, len(tags))
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		out = append(out, map[string]any{"key": k, "value": tags[k]})
	}
	return out
}

func bucketItem(k int) configitem.Item {
	name := fmt.Sprintf("bench-bucket-%06d", k)
	sc := map[string]any{
		"BucketVersioningConfiguration": map[string]any{"status": pick(k%3 == 0, "Enabled", "Off"), "isMfaDeleteEnabled": nil},
		"AccessControlList":             bucketACL(k % 10),
		"BucketPolicy":                  map[string]any{"policyText": bucketPolicy(name, k%5)},
		"BucketLoggingConfiguration": map[string]any{"destinationBucketName": pick[any](k%2 == 0, "bench-logs", nil),
			"logFilePrefix": pick[any](k%2 == 0, name+"/", nil)},
	}
	if k%4 != 0 {
		sc["ServerSideEncryptionConfiguration"] = map[string]any{"rules": []any{map[string]any{
			"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "AES256", "kmsMasterKeyID": nil},
			"bucketKeyEnabled":                   false}}}
	}
	if k%4 != 1 {
		sc["PublicAccessBlockConfiguration"] = map[string]any{"blockPublicAcls": true, "ignorePublicAcls": true,
			"blockPublicPolicy": true, "restrictPublicBuckets": k%8 != 2}
	}
	tags := costCenter(k, nil)
	sc["BucketTaggingConfiguration"] = map[string]any{"tagSets": []any{map[string]any{"tags": anyMap(tags)}}}
	return configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: name, ResourceName: name,
		ARN: "arn:aws:s3:::" + name, AvailabilityZone: "Regional", ResourceCreationTime: created,
		Status: configitem.StatusResourceDiscovered, Tags: tags, SupplementaryConfiguration: sc,
		Configuration: map[string]any{"name": name, "owner": map[string]any{"displayName": nil, "id": ownerID},
			"creationDate": created.Format(time.RFC3339)}}
}

// bucketACL is the AccessControlList JSON string: the owner's FullControl,
// plus public read for kind 0 and public write for kind 5.
func bucketACL(kind int) string {
	grants := []any{map[string]any{"grantee": map[string]any{"id": ownerID, "displayName": nil}, "permission": "FullControl"}}
	switch kind {
	case 0:
		grants = append(grants, map[string]any{"grantee": "AllUsers", "permission": "Read"})
	case 5:
		grants = append(grants, map[string]any{"grantee": "AuthenticatedUsers", "permission": "Write"})
	}
	b, _ := json.Marshal(map[string]any{"grantSet": nil, "grantList": grants,
		"owner": map[string]any{"displayName": nil, "id": ownerID}, "isRequesterCharged": false})
	return string(b)
}

// bucketPolicy varies by kind: none, SSL-only, SSL-only for the bucket
// alone, public read, and a policy for one account.
func bucketPolicy(name string, kind int) any {
	arn := "arn:aws:s3:::" + name
	var stmt map[string]any
	switch kind {
	case 0:
		return nil
	case 1, 2:
		res := []any{arn, arn + "/*"}
		if kind == 2 {
			res = []any{arn}
		}
		stmt = map[string]any{"Sid": "DenyInsecure", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
			"Resource": res, "Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}}}
	case 3:
		stmt = map[string]any{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": arn + "/*"}
	default:
		stmt = map[string]any{"Sid": "Partner", "Effect": "Allow", "Principal": map[string]any{"AWS": "arn:aws:iam::111122223333:root"},
			"Action": []any{"s3:GetObject", "s3:PutObject"}, "Resource": arn + "/*"}
	}
	b, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{stmt}})
	return string(b)
}

func securityGroupItem(k int) configitem.Item {
	id := fmt.Sprintf("sg-%017x", k+1)
	name := pick(k%10 == 0, "default", fmt.Sprintf("bench-sg-%d", k))
	ingress := []any{permission("tcp", 443, "0.0.0.0/0")}
	if k%7 == 0 {
		ingress = append(ingress, permission("tcp", 22, "0.0.0.0/0"))
	}
	if k%11 == 0 {
		ingress = append(ingress, permission("tcp", 3389, "0.0.0.0/0"))
	}
	if k%20 == 10 {
		ingress = nil // a closed default group
	}
	egress := []any{map[string]any{"ipProtocol": "-1", "ipv4Ranges": []any{map[string]any{"cidrIp": "0.0.0.0/0", "description": nil}},
		"ipRanges": []any{"0.0.0.0/0"}, "ipv6Ranges": []any{}, "prefixListIds": []any{}, "userIdGroupPairs": []any{}}}
	if k%20 == 10 {
		egress = nil
	}
	tags := costCenter(k, nil)
	vpc := fmt.Sprintf("vpc-%017x", k%50+1)
	return configitem.Item{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: id, ResourceName: name,
		ARN: ec2ARN("security-group", id), AvailabilityZone: "Regional", ResourceCreationTime: created,
		Status: configitem.StatusResourceDiscovered, Tags: tags,
		Configuration: map[string]any{"groupId": id, "groupName": name, "description": "bench group", "vpcId": vpc,
			"ownerId": benchAccount, "ipPermissions": orEmpty(ingress), "ipPermissionsEgress": orEmpty(egress), "tags": tagList(tags)},
		Relationships: []configitem.Relationship{{ResourceType: "AWS::EC2::VPC", ResourceID: vpc, Name: "Is contained in Vpc"}}}
}

// permission is one inbound TCP rule from cidr to port.
func permission(proto string, port int, cidr string) map[string]any {
	return map[string]any{"ipProtocol": proto, "fromPort": port, "toPort": port,
		"ipv4Ranges": []any{map[string]any{"cidrIp": cidr, "description": nil}}, "ipRanges": []any{cidr},
		"ipv6Ranges": []any{}, "prefixListIds": []any{}, "userIdGroupPairs": []any{}}
}

func volumeItem(k int) configitem.Item {
	id := fmt.Sprintf("vol-%017x", k+1)
	attached := k%4 != 3
	atts := []any{}
	var rels []configitem.Relationship
	if attached {
		inst := fmt.Sprintf("i-%017x", k+1)
		atts = append(atts, map[string]any{"instanceId": inst, "device": "/dev/xvda", "state": "attached",
			"volumeId": id, "deleteOnTermination": true})
		rels = []configitem.Relationship{{ResourceType: "AWS::EC2::Instance", ResourceID: inst, Name: "Is attached to Instance"}}
	}
	tags := costCenter(k, nil)
	cfg := map[string]any{"volumeId": id, "size": 8 + k%100, "volumeType": "gp3", "encrypted": k%2 == 0,
		"state": pick(attached, "in-use", "available"), "availabilityZone": "us-east-1a", "attachments": atts, "tags": tagList(tags)}
	if k%2 == 0 {
		cfg["kmsKeyId"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	}
	return configitem.Item{ResourceType: "AWS::EC2::Volume", ResourceID: id, ARN: ec2ARN("volume", id),
		AvailabilityZone: "us-east-1a", ResourceCreationTime: created, Status: configitem.StatusResourceDiscovered,
		Tags: tags, Configuration: cfg, Relationships: rels}
}

func instanceItem(k int) configitem.Item {
	id := fmt.Sprintf("i-%017x", k+1)
	vpc, subnet, sg := fmt.Sprintf("vpc-%017x", k%50+1), fmt.Sprintf("subnet-%017x", k%150+1), fmt.Sprintf("sg-%017x", k+1)
	tags := costCenter(k, nil)
	cfg := map[string]any{"instanceId": id, "imageId": "ami-0abcdef1234567890", "instanceType": "t3.micro",
		"state": map[string]any{"code": 16, "name": "running"}, "launchTime": created.Format(time.RFC3339),
		"subnetId": subnet, "vpcId": vpc, "privateIpAddress": fmt.Sprintf("10.0.%d.%d", k/250%250, k%250+2),
		"securityGroups": []any{map[string]any{"groupId": sg, "groupName": "bench"}}, "stateTransitionReason": "",
		"tags": tagList(tags), "metadataOptions": map[string]any{"httpTokens": "required", "httpEndpoint": "enabled",
			"httpPutResponseHopLimit": 2}}
	if k%3 == 0 {
		cfg["publicIpAddress"] = fmt.Sprintf("54.%d.%d.%d", k/65536%256, k/256%256, k%256)
	}
	return configitem.Item{ResourceType: "AWS::EC2::Instance", ResourceID: id, ARN: ec2ARN("instance", id),
		AvailabilityZone: "us-east-1a", ResourceCreationTime: created, Status: configitem.StatusResourceDiscovered,
		Tags: tags, Configuration: cfg, Relationships: []configitem.Relationship{
			{ResourceType: "AWS::EC2::VPC", ResourceID: vpc, Name: "Is contained in Vpc"},
			{ResourceType: "AWS::EC2::Subnet", ResourceID: subnet, Name: "Is contained in Subnet"},
			{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: sg, Name: "Is associated with SecurityGroup"},
			{ResourceType: "AWS::EC2::Volume", ResourceID: fmt.Sprintf("vol-%017x", k+1), Name: "Is attached to Volume"}}}
}

func roleItem(k int) configitem.Item {
	name := fmt.Sprintf("bench-role-%06d", k)
	id := fmt.Sprintf("AROA%016X", k+1)
	arn := "arn:aws:iam::" + benchAccount + ":role/" + name
	attached := []any{map[string]any{"policyName": "AmazonS3ReadOnlyAccess", "policyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}}
	if k%2 == 0 {
		attached = append(attached, map[string]any{"policyName": "ReadOnlyAccess", "policyArn": readOnlyARN})
	}
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	tags := costCenter(k, nil)
	return configitem.Item{ResourceType: "AWS::IAM::Role", ResourceID: id, ResourceName: name, ARN: arn,
		AvailabilityZone: "Not Applicable", ResourceCreationTime: created, Status: configitem.StatusResourceDiscovered,
		Tags: tags, Configuration: map[string]any{"roleName": name, "roleId": id, "arn": arn, "path": "/",
			"createDate": created.Format(time.RFC3339), "assumeRolePolicyDocument": url.QueryEscape(trust),
			"description": "", "maxSessionDuration": 3600, "attachedManagedPolicies": attached,
			"rolePolicyList": []any{}, "instanceProfileList": []any{}, "tags": tagList(tags)}}
}

func ec2ARN(kind, id string) string {
	return "arn:aws:ec2:" + benchRegion + ":" + benchAccount + ":" + kind + "/" + id
}

func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

func orEmpty(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}

func anyMap(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
