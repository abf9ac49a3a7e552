package iam_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

func TestCreateRole(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.IAM.CreateRole(ctx, &iam.CreateRoleInput{
		RoleName: aws.String("app-role"), Path: aws.String("/apps/"), Description: aws.String("the app"),
		AssumeRolePolicyDocument: aws.String(trustPolicy),
		Tags:                     []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}},
	})
	require.NoError(t, err)
	r := out.Role
	require.Regexp(t, regexp.MustCompile(`^AROA[A-Z0-9]{17}$`), *r.RoleId)
	require.Equal(t, "arn:aws:iam::123456789012:role/apps/app-role", *r.Arn)
	require.Equal(t, "/apps/", *r.Path)
	require.Equal(t, start, *r.CreateDate)
	require.Equal(t, int32(3600), *r.MaxSessionDuration)
	require.NotContains(t, *r.AssumeRolePolicyDocument, "{", "documents come URL-encoded")
	require.JSONEq(t, trustPolicy, decoded(t, r.AssumeRolePolicyDocument))

	got, err := e.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("APP-ROLE")})
	require.NoError(t, err, "role names ignore case")
	require.Equal(t, *r.RoleId, *got.Role.RoleId)
	require.Equal(t, "the app", *got.Role.Description)
	require.Equal(t, []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}, got.Role.Tags)

	it := e.Sink.Last(sandbox.ResourceTypeRole, *r.RoleId)
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "app-role", it.ResourceName)
	require.Equal(t, "Not Applicable", it.AvailabilityZone)
	require.Equal(t, *r.AssumeRolePolicyDocument, it.Configuration["assumeRolePolicyDocument"])
	require.Equal(t, map[string]string{"team": "blue"}, it.Tags)
	require.Equal(t, 1, e.Sink.ChangedCalls())

	_, err = e.IAM.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("App-Role"), AssumeRolePolicyDocument: aws.String(trustPolicy)})
	requireCode(t, err, "EntityAlreadyExists")
}

func TestCreateRole_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	identityDoc := s3Policy
	cases := map[string]struct {
		in   iam.CreateRoleInput
		code string
	}{
		"BadName":        {iam.CreateRoleInput{RoleName: aws.String("a b"), AssumeRolePolicyDocument: aws.String(trustPolicy)}, "ValidationError"},
		"LongName":       {iam.CreateRoleInput{RoleName: aws.String(strings.Repeat("r", 65)), AssumeRolePolicyDocument: aws.String(trustPolicy)}, "ValidationError"},
		"BadPath":        {iam.CreateRoleInput{RoleName: aws.String("r"), Path: aws.String("apps"), AssumeRolePolicyDocument: aws.String(trustPolicy)}, "ValidationError"},
		"ShortSession":   {iam.CreateRoleInput{RoleName: aws.String("r"), MaxSessionDuration: aws.Int32(60), AssumeRolePolicyDocument: aws.String(trustPolicy)}, "ValidationError"},
		"NotJSON":        {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String("{nope")}, "MalformedPolicyDocument"},
		"NoStatement":    {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17"}`)}, "MalformedPolicyDocument"},
		"IdentityPolicy": {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(identityDoc)}, "MalformedPolicyDocument"},
		"BadVersion": {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(
			strings.Replace(trustPolicy, "2012-10-17", "2012-10-18", 1))}, "MalformedPolicyDocument"},
		"DuplicateTags": {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(trustPolicy),
			Tags: []types.Tag{{Key: aws.String("a"), Value: aws.String("1")}, {Key: aws.String("A"), Value: aws.String("2")}}}, "InvalidInput"},
		"BadTagKey": {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(trustPolicy),
			Tags: []types.Tag{{Key: aws.String("a#b"), Value: aws.String("1")}}}, "ValidationError"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.IAM.CreateRole(context.Background(), &tc.in)
			requireCode(t, err, tc.code)
		})
	}
	require.Empty(t, e.Sink.Items(), "a rejected call records nothing")
}

func TestDeleteRole_Conflicts(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := *createRole(t, e, "worker").Role.RoleId
	arn := createPolicy(t, e, "read-b")
	role := aws.String("worker")

	_, err := e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: role, PolicyArn: aws.String(arn)})
	require.NoError(t, err)
	_, err = e.IAM.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: role})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: role, PolicyArn: aws.String(arn)})
	require.NoError(t, err)

	_, err = e.IAM.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: role, PolicyName: aws.String("inline"), PolicyDocument: aws.String(s3Policy)})
	require.NoError(t, err)
	_, err = e.IAM.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: role})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.DeleteRolePolicy(ctx, &iam.DeleteRolePolicyInput{RoleName: role, PolicyName: aws.String("inline")})
	require.NoError(t, err)

	_, err = e.IAM.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("worker-profile")})
	require.NoError(t, err)
	_, err = e.IAM.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("worker-profile"), RoleName: role})
	require.NoError(t, err)
	_, err = e.IAM.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: role})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.RemoveRoleFromInstanceProfile(ctx, &iam.RemoveRoleFromInstanceProfileInput{InstanceProfileName: aws.String("worker-profile"), RoleName: role})
	require.NoError(t, err)

	_, err = e.IAM.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: role})
	require.NoError(t, err)
	it := e.Sink.Last(sandbox.ResourceTypeRole, id)
	require.Equal(t, configitem.StatusResourceDeleted, it.Status)
	require.Nil(t, it.Configuration)
	_, err = e.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: role})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: role})
	requireCode(t, err, "NoSuchEntity")
}

func TestUpdateAssumeRolePolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := *createRole(t, e, "r").Role.RoleId
	lambda := strings.Replace(trustPolicy, "ec2.amazonaws.com", "lambda.amazonaws.com", 1)
	_, err := e.IAM.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String("r"), PolicyDocument: aws.String(lambda)})
	require.NoError(t, err)
	got, err := e.IAM.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	require.JSONEq(t, lambda, decoded(t, got.Role.AssumeRolePolicyDocument))
	it := e.Sink.Last(sandbox.ResourceTypeRole, id)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Contains(t, it.Configuration["assumeRolePolicyDocument"], "lambda.amazonaws.com")

	_, err = e.IAM.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String("r"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}`)})
	requireCode(t, err, "MalformedPolicyDocument")
	_, err = e.IAM.UpdateAssumeRolePolicy(ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String("nope"), PolicyDocument: aws.String(lambda)})
	requireCode(t, err, "NoSuchEntity")
}

func TestRoleTags(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := *createRole(t, e, "r").Role.RoleId
	role := aws.String("r")
	_, err := e.IAM.TagRole(ctx, &iam.TagRoleInput{RoleName: role, Tags: []types.Tag{
		{Key: aws.String("env"), Value: aws.String("dev")}, {Key: aws.String("owner"), Value: aws.String("ann")}}})
	require.NoError(t, err)
	_, err = e.IAM.TagRole(ctx, &iam.TagRoleInput{RoleName: role, Tags: []types.Tag{{Key: aws.String("ENV"), Value: aws.String("prod")}}})
	require.NoError(t, err)
	_, err = e.IAM.UntagRole(ctx, &iam.UntagRoleInput{RoleName: role, TagKeys: []string{"owner", "absent"}})
	require.NoError(t, err)
	out, err := e.IAM.ListRoleTags(ctx, &iam.ListRoleTagsInput{RoleName: role})
	require.NoError(t, err)
	require.Equal(t, []types.Tag{{Key: aws.String("ENV"), Value: aws.String("prod")}}, out.Tags)
	require.Equal(t, map[string]string{"ENV": "prod"}, e.Sink.Last(sandbox.ResourceTypeRole, id).Tags)

	many := make([]types.Tag, 50)
	for i := range many {
		many[i] = types.Tag{Key: aws.String("k" + strings.Repeat("x", i)), Value: aws.String("v")}
	}
	_, err = e.IAM.TagRole(ctx, &iam.TagRoleInput{RoleName: role, Tags: many})
	requireCode(t, err, "LimitExceeded")
	_, err = e.IAM.TagRole(ctx, &iam.TagRoleInput{RoleName: aws.String("nope"), Tags: many[:1]})
	requireCode(t, err, "NoSuchEntity")
}

func TestListRoles_Pages(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for _, n := range []string{"c", "a", "b", "d", "e"} {
		createRole(t, e, n)
	}
	var names []string
	p := iam.NewListRolesPaginator(e.IAM, &iam.ListRolesInput{MaxItems: aws.Int32(2)})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		pages++
		for _, r := range out.Roles {
			names = append(names, *r.RoleName)
			require.Empty(t, r.Tags)
		}
	}
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, names)
	require.Equal(t, 3, pages)

	_, err := e.IAM.ListRoles(ctx, &iam.ListRolesInput{Marker: aws.String("forged")})
	requireCode(t, err, "InvalidInput")
	out, err := e.IAM.ListRoles(ctx, &iam.ListRolesInput{PathPrefix: aws.String("/none/")})
	require.NoError(t, err)
	require.Empty(t, out.Roles)
}

func TestIAM_GlobalPerAccount(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	createRole(t, e, "shared")
	_, err := e.client("AKIDSALVETEST", "eu-west-1").GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("shared")})
	require.NoError(t, err, "IAM is global: every region of the account sees the role")
	_, err = e.client("111122223333", "us-east-1").GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("shared")})
	requireCode(t, err, "NoSuchEntity")
}
