package script_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/salvetest/motoserver"
)

// endpointVars returns the AWS_ENDPOINT_URL* variables a script sees.
func endpointVars(t *testing.T, r *script.Runner) map[string]any {
	t.Helper()
	code := "import os\ndef h(events, context):\n" +
		"    return {k: v for k, v in os.environ.items() if k.startswith('AWS_ENDPOINT_URL')}\n"
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err)
	return res.Payload.(map[string]any)
}

func TestRunner_Run_ServiceEndpoints(t *testing.T) {
	t.Parallel()
	t.Run("NoRemote", func(t *testing.T) {
		t.Parallel()
		r := newRunner(t, script.Params{Endpoint: "http://salve:1"})
		require.Equal(t, map[string]any{"AWS_ENDPOINT_URL": "http://salve:1"}, endpointVars(t, r))
	})
	t.Run("Remote", func(t *testing.T) {
		t.Parallel()
		r := newRunner(t, script.Params{Endpoint: "http://salve:1", Remote: "http://moto:2",
			RemoteEndpoints: map[string]string{"sns": "http://sns:3"}, Served: []string{"config", "ssm", "sts"}})
		vars := endpointVars(t, r)
		require.Equal(t, "http://salve:1", vars["AWS_ENDPOINT_URL"])
		for _, name := range []string{"EC2", "S3", "IAM", "CLOUDTRAIL", "CLOUDWATCH_LOGS", "API_GATEWAY", "SFN"} {
			require.Equal(t, "http://moto:2", vars["AWS_ENDPOINT_URL_"+name], name)
		}
		require.Equal(t, "http://sns:3", vars["AWS_ENDPOINT_URL_SNS"])
		for _, served := range []string{"CONFIG_SERVICE", "SSM", "STS"} {
			require.NotContains(t, vars, "AWS_ENDPOINT_URL_"+served, "Salve serves %s", served)
		}
	})
}

// TestRunner_Run_ServiceEndpointsMatchBotocore checks the generated table
// against the interpreter's botocore: every client's per-service variable,
// as botocore computes it, is set.
func TestRunner_Run_ServiceEndpointsMatchBotocore(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{Endpoint: "http://salve:1", Remote: "http://moto:2", Served: []string{"ssm"}})
	code := `import os
def h(events, context):
    try:
        import botocore.session
    except ImportError:
        return {"skip": "botocore is not installed"}
    s = botocore.session.get_session()
    wrong = []
    for name in s.get_available_services():
        want = "http://salve:1" if name == "ssm" else "http://moto:2"
        got = s.create_client(name, region_name="us-east-1", aws_access_key_id="k",
                              aws_secret_access_key="s").meta.endpoint_url
        if got != want:
            wrong.append(name + ": " + got)
    return {"wrong": wrong}
`
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err)
	got := res.Payload.(map[string]any)
	if skip, ok := got["skip"]; ok {
		t.Skip(skip)
	}
	require.Empty(t, got["wrong"], "regenerate services.go with go generate (newer botocore?)")
}

// TestRunner_Run_ScriptReachesRemote runs boto3 EC2 and S3 calls against a
// moto_server while AWS_ENDPOINT_URL (Salve) is unreachable.
func TestRunner_Run_ScriptReachesRemote(t *testing.T) {
	t.Parallel()
	moto := motoserver.Start(t)
	r := newRunner(t, script.Params{Endpoint: "http://127.0.0.1:1", Remote: moto, Served: []string{"config", "ssm", "sts"}})
	code := `import boto3
def h(events, context):
    ec2 = boto3.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    found = ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["CidrBlock"]
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="from-script", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    buckets = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    return {"vpc": vpc, "cidr": found, "buckets": buckets, "region": ec2.meta.region_name}
`
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err, res.Log)
	out := res.Payload.(map[string]any)
	require.Regexp(t, `^vpc-`, out["vpc"])
	require.Equal(t, "10.9.0.0/16", out["cidr"])
	require.Equal(t, []any{"from-script"}, out["buckets"])
	require.Equal(t, "eu-west-1", out["region"])
}
