package ec2_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// cli runs the aws CLI against the test server and decodes its JSON
// output into out (when not nil).
func (e *env) cli(t *testing.T, out any, args ...string) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command("aws", append([]string{"--endpoint-url", e.URL, "--output", "json", "ec2"}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+home, "AWS_ACCESS_KEY_ID=123456789012", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE="+filepath.Join(home, "config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(home, "credentials"), "AWS_RETRY_MODE=standard", "AWS_MAX_ATTEMPTS=1")
	raw, err := cmd.CombinedOutput()
	require.NoError(t, err, "aws %v: %s", args, raw)
	if out != nil {
		require.NoError(t, json.Unmarshal(raw, out), "%s", raw)
	}
}

// TestCLI drives the service with the real aws CLI (botocore's own
// serializers and parsers): nested --ip-permissions, run-instances with a
// network interface, tags and block devices, filters and flow logs.
func TestCLI(t *testing.T) {
	if _, err := exec.LookPath("aws"); err != nil || testing.Short() {
		t.Skip("the aws CLI is not installed (or -short)")
	}
	t.Parallel()
	e := setup(t)
	var group struct{ GroupId string }
	e.cli(t, &group, "create-security-group", "--group-name", "web", "--description", "web servers")
	e.cli(t, nil, "authorize-security-group-ingress", "--group-id", group.GroupId, "--ip-permissions",
		`[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"203.0.113.0/24","Description":"office"}],`+
			`"Ipv6Ranges":[{"CidrIpv6":"2001:db8::/64"}]},{"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":"`+group.GroupId+`"}]}]`)
	var groups struct {
		SecurityGroups []struct {
			GroupId       string
			IpPermissions []struct {
				IpProtocol string
				FromPort   *int
				IpRanges   []struct{ CidrIp, Description string }
				Ipv6Ranges []struct{ CidrIpv6 string }
			}
		}
	}
	e.cli(t, &groups, "describe-security-groups", "--filters", "Name=ip-permission.from-port,Values=22")
	require.Len(t, groups.SecurityGroups, 1)
	perms := groups.SecurityGroups[0].IpPermissions
	require.Len(t, perms, 2)
	require.Equal(t, "office", perms[0].IpRanges[0].Description)
	require.Equal(t, "2001:db8::/64", perms[0].Ipv6Ranges[0].CidrIpv6)

	var launched struct {
		Instances []struct{ InstanceId, PublicIpAddress, SubnetId string }
	}
	e.cli(t, &launched, "run-instances", "--image-id", "ami-12345678", "--count", "2", "--instance-type", "t3.micro",
		"--network-interfaces", `[{"DeviceIndex":0,"AssociatePublicIpAddress":true,"Groups":["`+group.GroupId+`"]}]`,
		"--block-device-mappings", `[{"DeviceName":"/dev/sdf","Ebs":{"VolumeSize":10,"Encrypted":true}}]`,
		"--tag-specifications", `ResourceType=instance,Tags=[{Key=Name,Value=cli}]`,
		"--metadata-options", "HttpTokens=required")
	require.Len(t, launched.Instances, 2)
	require.NotEmpty(t, launched.Instances[0].PublicIpAddress)

	var described struct {
		Reservations []struct {
			Instances []struct {
				InstanceId      string
				Tags            []struct{ Key, Value string }
				MetadataOptions struct{ HttpTokens string }
			}
		}
	}
	e.cli(t, &described, "describe-instances", "--filters", "Name=tag:Name,Values=cli", "Name=instance-state-name,Values=running")
	require.Len(t, described.Reservations, 1)
	require.Len(t, described.Reservations[0].Instances, 2)
	require.Equal(t, "required", described.Reservations[0].Instances[0].MetadataOptions.HttpTokens)

	var stopped struct {
		StoppingInstances []struct{ CurrentState, PreviousState struct{ Name string } }
	}
	e.cli(t, &stopped, "stop-instances", "--instance-ids", launched.Instances[0].InstanceId)
	require.Equal(t, "stopping", stopped.StoppingInstances[0].CurrentState.Name)

	var vpcs struct{ Vpcs []struct{ VpcId string } }
	e.cli(t, &vpcs, "describe-vpcs", "--filters", "Name=is-default,Values=true")
	var flow struct {
		FlowLogIds   []string
		Unsuccessful []struct{ ResourceId string }
	}
	e.cli(t, &flow, "create-flow-logs", "--resource-type", "VPC", "--resource-ids", vpcs.Vpcs[0].VpcId,
		"--traffic-type", "ALL", "--log-destination-type", "s3", "--log-destination", "arn:aws:s3:::flow-bucket/")
	require.Len(t, flow.FlowLogIds, 1)
	require.Empty(t, flow.Unsuccessful)
	require.Equal(t, "cli", e.Items.Last("AWS::EC2::Instance", launched.Instances[1].InstanceId).Tags["Name"])
}
