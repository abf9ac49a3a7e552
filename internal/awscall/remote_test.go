package awscall_test

import (
	"context"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awserr"
)

// startMoto runs moto_server on a free port for the test and returns its
// URL; the test is skipped when moto_server is not installed.
func startMoto(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		t.Skip("moto_server is not on PATH (pip install 'moto[server]'): Remote is tested against it")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", strconv.Itoa(port))
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	url := "http://127.0.0.1:" + strconv.Itoa(port)
	waitForHTTP(t, url+"/moto-api/")
	return url
}

// waitForHTTP polls url until it answers or 60 seconds pass.
func waitForHTTP(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond) // polling an external process: there is no clock to advance
	}
	t.Fatalf("moto_server did not answer at %s within 60s", url)
}

// setupRemote returns a Remote pointed at a fresh moto_server.
func setupRemote(t *testing.T) *awscall.Remote {
	t.Helper()
	remote, err := awscall.NewRemote(awscall.RemoteConfig{Endpoint: startMoto(t), Region: "us-east-1",
		AccessKeyID: "testing", SecretAccessKey: "testing", MaxAttempts: 1,
		// moto's development server (Werkzeug) drops reused connections now
		// and then; with retries off, every call gets its own connection.
		HTTPClient: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}})
	require.NoError(t, err)
	return remote
}

func TestRemote_AgainstMoto(t *testing.T) {
	t.Parallel()
	remote := setupRemote(t)
	ctx := context.Background()
	call := func(t *testing.T, service, api string, in map[string]any) map[string]any {
		t.Helper()
		resp, err := remote.Call(ctx, engine.CallRequest{Service: service, API: api, Input: in, Region: "us-east-1"})
		require.NoError(t, err, "%s %s", service, api)
		return resp
	}

	t.Run("EC2SecurityGroup", func(t *testing.T) {
		created := call(t, "ec2", "create_security_group", map[string]any{"GroupName": "web", "Description": "web"})
		id := sel(t, created, "$.GroupId").(string)
		require.NotEmpty(t, id)
		call(t, "ec2", "AuthorizeSecurityGroupIngress", map[string]any{"GroupId": id, "IpPermissions": []any{map[string]any{
			"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": []any{map[string]any{"CidrIp": "0.0.0.0/0"}},
		}}})
		described := call(t, "ec2", "describeSecurityGroups", map[string]any{"GroupIds": []any{id}})
		require.Equal(t, int64(443), sel(t, described, "$.SecurityGroups[0].IpPermissions[0].FromPort"))
		require.Equal(t, "0.0.0.0/0", sel(t, described, "$.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp"))
		require.Equal(t, int64(200), sel(t, described, "$.ResponseMetadata.HTTPStatusCode"))
		require.NotEmpty(t, sel(t, described, "$.ResponseMetadata.RequestId"))
		require.Equal(t, int64(0), sel(t, described, "$.ResponseMetadata.RetryAttempts"))
	})

	t.Run("S3Encryption", func(t *testing.T) {
		call(t, "s3", "CreateBucket", map[string]any{"Bucket": "salve-awscall"})
		call(t, "s3", "put_bucket_encryption", map[string]any{"Bucket": "salve-awscall",
			"ServerSideEncryptionConfiguration": map[string]any{"Rules": []any{map[string]any{
				"ApplyServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256"},
			}}}})
		got := call(t, "s3", "GetBucketEncryption", map[string]any{"Bucket": "salve-awscall"})
		require.Equal(t, "AES256",
			sel(t, got, "$.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm"))
	})

	t.Run("IAMRole", func(t *testing.T) {
		trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
		role := call(t, "iam", "CreateRole", map[string]any{"RoleName": "Remediator", "AssumeRolePolicyDocument": trust})
		require.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`, sel(t, role, "$.Role.CreateDate"), "timestamps are RFC 3339")
		// moto does not load AWS managed policies by default, so attach a customer one.
		policy := call(t, "iam", "CreatePolicy", map[string]any{"PolicyName": "FixBuckets",
			"PolicyDocument": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`})
		call(t, "iam", "attach_role_policy", map[string]any{"RoleName": "Remediator",
			"PolicyArn": sel(t, policy, "$.Policy.Arn")})
		listed := call(t, "iam", "ListAttachedRolePolicies", map[string]any{"RoleName": "Remediator"})
		require.Equal(t, "FixBuckets", sel(t, listed, "$.AttachedPolicies[0].PolicyName"))
		require.Equal(t, false, sel(t, listed, "$.IsTruncated"))
	})

	t.Run("STSIdentity", func(t *testing.T) {
		got := call(t, "sts", "GetCallerIdentity", nil)
		require.Regexp(t, `^\d{12}$`, got["Account"])
	})
}

func TestRemote_Errors(t *testing.T) {
	t.Parallel()
	remote := setupRemote(t)
	ctx := context.Background()
	cases := map[string]struct {
		req       engine.CallRequest
		code, msg string
		status    int
	}{
		"NoSuchBucket": {engine.CallRequest{Service: "s3", API: "GetBucketEncryption",
			Input: map[string]any{"Bucket": "no-such-bucket"}}, "NoSuchBucket", "The specified bucket does not exist", 404},
		"InvalidGroup": {engine.CallRequest{Service: "ec2", API: "DescribeSecurityGroups",
			Input: map[string]any{"GroupIds": []any{"sg-12345678"}}}, "InvalidGroup.NotFound", "sg-12345678", 400},
		"UnknownService": {engine.CallRequest{Service: "dynamodbx", API: "ListTables"},
			awserr.UnknownOperationException, `Unknown service "dynamodbx": calls to real endpoints support cloudtrail, config, ec2`, 0},
		"UnknownOperation": {engine.CallRequest{Service: "s3", API: "ListBucketz"},
			awserr.UnknownOperationException, `Service s3 has no operation "ListBucketz"`, 0},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := remote.Call(ctx, tc.req)
			ae, ok := awserr.As(err)
			require.True(t, ok, "want an AWS error, got %v", err)
			require.Equal(t, tc.code, ae.Code)
			require.Contains(t, ae.Message, tc.msg)
			if tc.status != 0 {
				require.Equal(t, tc.status, ae.HTTPStatus())
			}
		})
	}

	_, err := remote.Call(ctx, engine.CallRequest{Service: "ec2", API: "CreateSecurityGroup",
		Input: map[string]any{"GroupName": 5}})
	require.ErrorContains(t, err, "Invalid type for parameter GroupName, value: 5, type: <class 'int'>, valid types: <class 'str'>")
	_, ok := awserr.As(err)
	require.False(t, ok, "a parameter validation failure happens before any call, as in boto3")
}
