package awscall

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestServiceName(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"ec2": "ec2", " EC2 ": "ec2", "configservice": "config", "config": "config",
		"cloudwatchlogs": "logs", "logs": "logs", "s3control": "s3control", "sfn": "stepfunctions",
	}
	for in, want := range cases {
		require.Equal(t, want, ServiceName(in), in)
	}
}

func TestFindOperation(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, service, api, want string
	}{
		{"PascalCase", "ec2", "DescribeSecurityGroups", "DescribeSecurityGroups"},
		{"LowerCamel", "s3", "putBucketVersioning", "PutBucketVersioning"},
		{"SnakeCase", "iam", "list_attached_role_policies", "ListAttachedRolePolicies"},
		{"SnakeCaseAcronym", "ec2", "describe_iam_instance_profile_associations", "DescribeIamInstanceProfileAssociations"},
		{"SnakeCaseLosesAcronymCase", "iam", "list_mfa_devices", "ListMFADevices"},
		{"SnakeCaseSMS", "sns", "get_sms_attributes", "GetSMSAttributes"},
		{"WrongCase", "kms", "GETKEYPOLICY", "GetKeyPolicy"},
		{"S3Control", "s3control", "get_public_access_block", "GetPublicAccessBlock"},
		{"Logs", "logs", "describe_log_groups", "DescribeLogGroups"},
		{"Config", "config", "put_config_rule", "PutConfigRule"},
		{"STS", "sts", "GetCallerIdentity", "GetCallerIdentity"},
		{"Lambda", "lambda", "update_function_configuration", "UpdateFunctionConfiguration"},
		{"CloudTrail", "cloudtrail", "UpdateTrail", "UpdateTrail"},
		{"SSM", "ssm", "describe_instance_information", "DescribeInstanceInformation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			op, ok := findOperation(sdkServices[tc.service].clientType, tc.api)
			require.True(t, ok, "%s %s", tc.service, tc.api)
			require.Equal(t, tc.want, op.Name)
			require.Equal(t, tc.want+"Input", op.Input.Name())
			require.Equal(t, tc.want+"Output", op.Output.Name())
		})
	}
}

func TestFindOperation_NotOperations(t *testing.T) {
	t.Parallel()
	for _, api := range []string{"Options", "DescribeNothing", "", "describe_security_groupz"} {
		_, ok := findOperation(sdkServices["ec2"].clientType, api)
		require.False(t, ok, api)
	}
}
