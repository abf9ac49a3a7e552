package iam_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/stretchr/testify/require"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

func TestInlinePolicies(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	roleID := *createRole(t, e, "r").Role.RoleId
	_, err := e.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("u")})
	require.NoError(t, err)
	_, err = e.IAM.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String("g")})
	require.NoError(t, err)

	for _, n := range []string{"b", "a"} {
		_, err = e.IAM.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String(n), PolicyDocument: aws.String(s3Policy)})
		require.NoError(t, err)
	}
	list, err := e.IAM.ListRolePolicies(ctx, &iam.ListRolePoliciesInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, list.PolicyNames)
	got, err := e.IAM.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("a")})
	require.NoError(t, err)
	require.JSONEq(t, s3Policy, decoded(t, got.PolicyDocument))
	inline := e.Sink.Last(sandbox.ResourceTypeRole, roleID).Configuration["rolePolicyList"].([]any)
	require.Len(t, inline, 2)

	_, err = e.IAM.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("p"), PolicyDocument: aws.String(s3Policy)})
	require.NoError(t, err)
	up, err := e.IAM.GetUserPolicy(ctx, &iam.GetUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("p")})
	require.NoError(t, err)
	require.Equal(t, "u", *up.UserName)
	ul, err := e.IAM.ListUserPolicies(ctx, &iam.ListUserPoliciesInput{UserName: aws.String("u")})
	require.NoError(t, err)
	require.Equal(t, []string{"p"}, ul.PolicyNames)
	_, err = e.IAM.DeleteUserPolicy(ctx, &iam.DeleteUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("p")})
	require.NoError(t, err)

	_, err = e.IAM.PutGroupPolicy(ctx, &iam.PutGroupPolicyInput{GroupName: aws.String("g"), PolicyName: aws.String("p"), PolicyDocument: aws.String(s3Policy)})
	require.NoError(t, err)
	gp, err := e.IAM.GetGroupPolicy(ctx, &iam.GetGroupPolicyInput{GroupName: aws.String("g"), PolicyName: aws.String("p")})
	require.NoError(t, err)
	require.JSONEq(t, s3Policy, decoded(t, gp.PolicyDocument))
	gl, err := e.IAM.ListGroupPolicies(ctx, &iam.ListGroupPoliciesInput{GroupName: aws.String("g")})
	require.NoError(t, err)
	require.Equal(t, []string{"p"}, gl.PolicyNames)
	_, err = e.IAM.DeleteGroupPolicy(ctx, &iam.DeleteGroupPolicyInput{GroupName: aws.String("g"), PolicyName: aws.String("p")})
	require.NoError(t, err)

	_, err = e.IAM.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("zz")})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("x"), PolicyDocument: aws.String(trustPolicy)})
	requireCode(t, err, "MalformedPolicyDocument")
	big := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[` +
		strings.Repeat(`"arn:aws:s3:::bucket/*",`, 100) + `"*"]}]}`
	_, err = e.IAM.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("big"), PolicyDocument: aws.String(big)})
	requireCode(t, err, "LimitExceeded")
}

func TestInstanceProfiles(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	roleID := *createRole(t, e, "r").Role.RoleId
	createRole(t, e, "other")
	out, err := e.IAM.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("ip"), Tags: tags("a", "b")})
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^AIPA[A-Z0-9]{17}$`), *out.InstanceProfile.InstanceProfileId)
	require.Equal(t, "arn:aws:iam::123456789012:instance-profile/ip", *out.InstanceProfile.Arn)
	require.Empty(t, out.InstanceProfile.Roles)
	_, err = e.IAM.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("ip")})
	requireCode(t, err, "EntityAlreadyExists")

	_, err = e.IAM.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("ip"), RoleName: aws.String("r")})
	require.NoError(t, err)
	_, err = e.IAM.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("ip"), RoleName: aws.String("other")})
	requireCode(t, err, "LimitExceeded")
	got, err := e.IAM.GetInstanceProfile(ctx, &iam.GetInstanceProfileInput{InstanceProfileName: aws.String("ip")})
	require.NoError(t, err)
	require.Len(t, got.InstanceProfile.Roles, 1)
	require.Equal(t, roleID, *got.InstanceProfile.Roles[0].RoleId)
	forRole, err := e.IAM.ListInstanceProfilesForRole(ctx, &iam.ListInstanceProfilesForRoleInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	require.Len(t, forRole.InstanceProfiles, 1)
	profiles := e.Sink.Last(sandbox.ResourceTypeRole, roleID).Configuration["instanceProfileList"].([]any)
	require.Equal(t, "ip", profiles[0].(map[string]any)["instanceProfileName"])

	_, err = e.IAM.DeleteInstanceProfile(ctx, &iam.DeleteInstanceProfileInput{InstanceProfileName: aws.String("ip")})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.RemoveRoleFromInstanceProfile(ctx, &iam.RemoveRoleFromInstanceProfileInput{InstanceProfileName: aws.String("ip"), RoleName: aws.String("r")})
	require.NoError(t, err)
	_, err = e.IAM.DeleteInstanceProfile(ctx, &iam.DeleteInstanceProfileInput{InstanceProfileName: aws.String("ip")})
	require.NoError(t, err)
	_, err = e.IAM.GetInstanceProfile(ctx, &iam.GetInstanceProfileInput{InstanceProfileName: aws.String("ip")})
	requireCode(t, err, "NoSuchEntity")
}

func TestAccountPasswordPolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.IAM.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.DeleteAccountPasswordPolicy(ctx, &iam.DeleteAccountPasswordPolicyInput{})
	requireCode(t, err, "NoSuchEntity")

	_, err = e.IAM.UpdateAccountPasswordPolicy(ctx, &iam.UpdateAccountPasswordPolicyInput{
		MinimumPasswordLength: aws.Int32(14), RequireSymbols: true, MaxPasswordAge: aws.Int32(90), PasswordReusePrevention: aws.Int32(24)})
	require.NoError(t, err)
	out, err := e.IAM.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	require.NoError(t, err)
	p := out.PasswordPolicy
	require.Equal(t, int32(14), *p.MinimumPasswordLength)
	require.True(t, p.RequireSymbols)
	require.False(t, p.RequireNumbers)
	require.True(t, p.ExpirePasswords)
	require.Equal(t, int32(90), *p.MaxPasswordAge)
	require.Equal(t, int32(24), *p.PasswordReusePrevention)

	_, err = e.IAM.UpdateAccountPasswordPolicy(ctx, &iam.UpdateAccountPasswordPolicyInput{})
	require.NoError(t, err)
	out, err = e.IAM.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	require.NoError(t, err)
	require.Equal(t, int32(6), *out.PasswordPolicy.MinimumPasswordLength, "an update replaces the policy; unset members take defaults")
	require.False(t, out.PasswordPolicy.ExpirePasswords)
	require.Nil(t, out.PasswordPolicy.MaxPasswordAge)

	_, err = e.IAM.UpdateAccountPasswordPolicy(ctx, &iam.UpdateAccountPasswordPolicyInput{MinimumPasswordLength: aws.Int32(5)})
	requireCode(t, err, "ValidationError")
	_, err = e.IAM.DeleteAccountPasswordPolicy(ctx, &iam.DeleteAccountPasswordPolicyInput{})
	require.NoError(t, err)
	_, err = e.IAM.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	requireCode(t, err, "NoSuchEntity")
}
