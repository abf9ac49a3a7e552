package ec2_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestCLI drives the service with the real aws CLI (botocore's own
// serializers and parsers): nested --ip-permissions, run-instances with a
// network interface, tags and block devices, filters and flow logs.
func TestCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.URL, awscli.Options{AccessKey: "123456789012"})
	var group struct{ GroupId string }
	cli.RunJSON(&group, "ec2", "create-security-group", "--group-name", "web", "--description", "web servers")
	cli.RunJSON(nil, "ec2", "authorize-security-group-ingress", "--group-id", group.GroupId, "--ip-permissions",
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
	cli.RunJSON(&groups, "ec2", "describe-security-groups", "--filters", "Name=ip-permission.from-port,Values=22")
	require.Len(t, groups.SecurityGroups, 1)
	perms := groups.SecurityGroups[0].IpPermissions
	require.Len(t, perms, 2)
	require.Equal(t, "office", perms[0].IpRanges[0].Description)
	require.Equal(t, "2001:db8::/64", perms[0].Ipv6Ranges[0].CidrIpv6)

	var launched struct {
		Instances []struct{ InstanceId, PublicIpAddress, SubnetId string }
	}
	cli.RunJSON(&launched, "ec2", "run-instances", "--image-id", "ami-12345678", "--count", "2", "--instance-type", "t3.micro",
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
	cli.RunJSON(&described, "ec2", "describe-instances", "--filters", "Name=tag:Name,Values=cli", "Name=instance-state-name,Values=running")
	require.Len(t, described.Reservations, 1)
	require.Len(t, described.Reservations[0].Instances, 2)
	require.Equal(t, "required", described.Reservations[0].Instances[0].MetadataOptions.HttpTokens)

	var stopped struct {
		StoppingInstances []struct{ CurrentState, PreviousState struct{ Name string } }
	}
	cli.RunJSON(&stopped, "ec2", "stop-instances", "--instance-ids", launched.Instances[0].InstanceId)
	require.Equal(t, "stopping", stopped.StoppingInstances[0].CurrentState.Name)

	var vpcs struct{ Vpcs []struct{ VpcId string } }
	cli.RunJSON(&vpcs, "ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true")
	var flow struct {
		FlowLogIds   []string
		Unsuccessful []struct{ ResourceId string }
	}
	cli.RunJSON(&flow, "ec2", "create-flow-logs", "--resource-type", "VPC", "--resource-ids", vpcs.Vpcs[0].VpcId,
		"--traffic-type", "ALL", "--log-destination-type", "s3", "--log-destination", "arn:aws:s3:::flow-bucket/")
	require.Len(t, flow.FlowLogIds, 1)
	require.Empty(t, flow.Unsuccessful)
	require.Equal(t, "cli", e.Items.Last("AWS::EC2::Instance", launched.Instances[1].InstanceId).Tags["Name"])
}
