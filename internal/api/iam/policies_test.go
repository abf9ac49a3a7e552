package iam_test

import (
	"context"
	"fmt"
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

const adminARN = "arn:aws:iam::aws:policy/AdministratorAccess"

func tags(kv ...string) []types.Tag {
	var out []types.Tag
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, types.Tag{Key: aws.String(kv[i]), Value: aws.String(kv[i+1])})
	}
	return out
}

func TestCreatePolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.IAM.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("read-b"), Path: aws.String("/team/"),
		PolicyDocument: aws.String(s3Policy), Description: aws.String("reads b"), Tags: tags("k", "v")})
	require.NoError(t, err)
	p := out.Policy
	require.Regexp(t, regexp.MustCompile(`^ANPA[A-Z0-9]{17}$`), *p.PolicyId)
	require.Equal(t, "arn:aws:iam::123456789012:policy/team/read-b", *p.Arn)
	require.Equal(t, "v1", *p.DefaultVersionId)
	require.True(t, p.IsAttachable)

	it := e.Sink.Last(sandbox.ResourceTypePolicy, *p.PolicyId)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, 0, it.Configuration["attachmentCount"])
	versions := it.Configuration["policyVersionList"].([]any)
	require.Len(t, versions, 1)
	require.Equal(t, sandbox.EncodeDocument(s3Policy), versions[0].(map[string]any)["document"])

	v, err := e.IAM.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: p.Arn, VersionId: aws.String("v1")})
	require.NoError(t, err)
	require.JSONEq(t, s3Policy, decoded(t, v.PolicyVersion.Document))

	_, err = e.IAM.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("READ-B"), PolicyDocument: aws.String(s3Policy)})
	requireCode(t, err, "EntityAlreadyExists")
}

func TestCreatePolicy_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	big := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[` +
		strings.Repeat(`"arn:aws:s3:::bucket-with-a-long-name/*",`, 200) + `"*"]}]}`
	cases := map[string]struct{ doc, code string }{
		"Principal":    {trustPolicy, "MalformedPolicyDocument"},
		"NoResource":   {`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*"}}`, "MalformedPolicyDocument"},
		"NoAction":     {`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}}`, "MalformedPolicyDocument"},
		"BadEffect":    {`{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}`, "MalformedPolicyDocument"},
		"NoVendor":     {`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"GetObject","Resource":"*"}}`, "MalformedPolicyDocument"},
		"UnknownField": {`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Extra":1}}`, "MalformedPolicyDocument"},
		"TooBig":       {big, "LimitExceeded"},
		"NonLatin":     {`{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Sid":"日本"}}`, "ValidationError"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.IAM.CreatePolicy(context.Background(), &iam.CreatePolicyInput{PolicyName: aws.String("p"), PolicyDocument: aws.String(tc.doc)})
			requireCode(t, err, tc.code)
		})
	}
	_, err := e.IAM.CreatePolicy(context.Background(), &iam.CreatePolicyInput{PolicyName: aws.String("p"),
		Path: aws.String("/a b/"), PolicyDocument: aws.String(s3Policy)})
	requireCode(t, err, "ValidationError")
}

func TestPolicyVersions(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.String(createPolicy(t, e, "p"))
	for i := 2; i <= 5; i++ {
		doc := strings.Replace(s3Policy, "b/*", fmt.Sprintf("b%d/*", i), 1)
		v, err := e.IAM.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: arn, PolicyDocument: aws.String(doc), SetAsDefault: i == 3})
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("v%d", i), *v.PolicyVersion.VersionId)
	}
	_, err := e.IAM.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: arn, PolicyDocument: aws.String(s3Policy)})
	requireCode(t, err, "LimitExceeded")

	got, err := e.IAM.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: arn})
	require.NoError(t, err)
	require.Equal(t, "v3", *got.Policy.DefaultVersionId)
	list, err := e.IAM.ListPolicyVersions(ctx, &iam.ListPolicyVersionsInput{PolicyArn: arn})
	require.NoError(t, err)
	var ids []string
	for _, v := range list.Versions {
		ids = append(ids, *v.VersionId)
		require.Equal(t, *v.VersionId == "v3", v.IsDefaultVersion)
	}
	require.Equal(t, []string{"v5", "v4", "v3", "v2", "v1"}, ids)

	_, err = e.IAM.DeletePolicyVersion(ctx, &iam.DeletePolicyVersionInput{PolicyArn: arn, VersionId: aws.String("v3")})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.DeletePolicyVersion(ctx, &iam.DeletePolicyVersionInput{PolicyArn: arn, VersionId: aws.String("v9")})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.SetDefaultPolicyVersion(ctx, &iam.SetDefaultPolicyVersionInput{PolicyArn: arn, VersionId: aws.String("v5")})
	require.NoError(t, err)
	_, err = e.IAM.DeletePolicy(ctx, &iam.DeletePolicyInput{PolicyArn: arn})
	requireCode(t, err, "DeleteConflict")
	for _, v := range []string{"v1", "v2", "v3", "v4"} {
		_, err = e.IAM.DeletePolicyVersion(ctx, &iam.DeletePolicyVersionInput{PolicyArn: arn, VersionId: aws.String(v)})
		require.NoError(t, err)
	}
	v6, err := e.IAM.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: arn, PolicyDocument: aws.String(s3Policy)})
	require.NoError(t, err)
	require.Equal(t, "v6", *v6.PolicyVersion.VersionId, "version numbers are never reused")
	_, err = e.IAM.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: arn, VersionId: aws.String("bad")})
	requireCode(t, err, "ValidationError")
}

func TestAttachPolicies(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	roleID := *createRole(t, e, "r").Role.RoleId
	arn := createPolicy(t, e, "local")
	_, err := e.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("u")})
	require.NoError(t, err)
	_, err = e.IAM.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String("g")})
	require.NoError(t, err)

	for _, p := range []string{adminARN, arn, adminARN} {
		_, err = e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String(p)})
		require.NoError(t, err)
	}
	_, err = e.IAM.AttachUserPolicy(ctx, &iam.AttachUserPolicyInput{UserName: aws.String("u"), PolicyArn: aws.String(arn)})
	require.NoError(t, err)
	_, err = e.IAM.AttachGroupPolicy(ctx, &iam.AttachGroupPolicyInput{GroupName: aws.String("g"), PolicyArn: aws.String(arn)})
	require.NoError(t, err)

	attached, err := e.IAM.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	require.Equal(t, []types.AttachedPolicy{{PolicyName: aws.String("AdministratorAccess"), PolicyArn: aws.String(adminARN)},
		{PolicyName: aws.String("local"), PolicyArn: aws.String(arn)}}, attached.AttachedPolicies)
	byUser, err := e.IAM.ListAttachedUserPolicies(ctx, &iam.ListAttachedUserPoliciesInput{UserName: aws.String("u")})
	require.NoError(t, err)
	require.Len(t, byUser.AttachedPolicies, 1)
	byGroup, err := e.IAM.ListAttachedGroupPolicies(ctx, &iam.ListAttachedGroupPoliciesInput{GroupName: aws.String("g")})
	require.NoError(t, err)
	require.Len(t, byGroup.AttachedPolicies, 1)

	pol, err := e.IAM.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, int32(3), *pol.Policy.AttachmentCount)
	require.Equal(t, 3, e.Sink.Last(sandbox.ResourceTypePolicy, *pol.Policy.PolicyId).Configuration["attachmentCount"])
	roleItem := e.Sink.Last(sandbox.ResourceTypeRole, roleID)
	require.Len(t, roleItem.Configuration["attachedManagedPolicies"], 2)

	ents, err := e.IAM.ListEntitiesForPolicy(ctx, &iam.ListEntitiesForPolicyInput{PolicyArn: aws.String(arn)})
	require.NoError(t, err)
	require.Len(t, ents.PolicyRoles, 1)
	require.Len(t, ents.PolicyUsers, 1)
	require.Len(t, ents.PolicyGroups, 1)
	require.Equal(t, roleID, *ents.PolicyRoles[0].RoleId)
	onlyUsers, err := e.IAM.ListEntitiesForPolicy(ctx, &iam.ListEntitiesForPolicyInput{PolicyArn: aws.String(arn), EntityFilter: types.EntityTypeUser})
	require.NoError(t, err)
	require.Len(t, onlyUsers.PolicyUsers, 1)
	require.Empty(t, onlyUsers.PolicyRoles)

	_, err = e.IAM.DeletePolicy(ctx, &iam.DeletePolicyInput{PolicyArn: aws.String(arn)})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.DeletePolicy(ctx, &iam.DeletePolicyInput{PolicyArn: aws.String(adminARN)})
	requireCode(t, err, "InvalidInput")

	_, err = e.IAM.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String(adminARN)})
	require.NoError(t, err)
	_, err = e.IAM.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String(adminARN)})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String("arn:aws:iam::aws:policy/NoSuchPolicy")})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String("not-an-arn-at-all-really")})
	requireCode(t, err, "InvalidInput")
}

func TestAttachPolicies_Quota(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	createRole(t, e, "r")
	for i := range 10 {
		arn := createPolicy(t, e, fmt.Sprintf("p%d", i))
		_, err := e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String(arn)})
		require.NoError(t, err)
	}
	_, err := e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String(adminARN)})
	requireCode(t, err, "LimitExceeded")
}

func TestListPolicies(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	createRole(t, e, "r")
	local := createPolicy(t, e, "local")
	_, err := e.IAM.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String(adminARN)})
	require.NoError(t, err)

	names := func(in *iam.ListPoliciesInput) []string {
		out, err := e.IAM.ListPolicies(ctx, in)
		require.NoError(t, err)
		var n []string
		for _, p := range out.Policies {
			n = append(n, *p.PolicyName)
		}
		return n
	}
	all := names(&iam.ListPoliciesInput{})
	require.Len(t, all, 11)
	require.Contains(t, all, "AWSConfigRulesExecutionRole")
	require.Equal(t, []string{"local"}, names(&iam.ListPoliciesInput{Scope: types.PolicyScopeTypeLocal}))
	require.Len(t, names(&iam.ListPoliciesInput{Scope: types.PolicyScopeTypeAws}), 10)
	require.Equal(t, []string{"AdministratorAccess"}, names(&iam.ListPoliciesInput{OnlyAttached: true}))
	require.Equal(t, []string{"AmazonSSMAutomationRole", "AWSConfigRulesExecutionRole"},
		names(&iam.ListPoliciesInput{PathPrefix: aws.String("/service-role/")}))

	admin, err := e.IAM.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(adminARN)})
	require.NoError(t, err)
	require.Equal(t, int32(1), *admin.Policy.AttachmentCount)
	v, err := e.IAM.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: aws.String(adminARN), VersionId: admin.Policy.DefaultVersionId})
	require.NoError(t, err)
	require.JSONEq(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`, decoded(t, v.PolicyVersion.Document))
	_, err = e.IAM.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: aws.String(adminARN), PolicyDocument: aws.String(s3Policy)})
	requireCode(t, err, "InvalidInput")

	_, err = e.client("111122223333", "us-east-1").GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(local)})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.ListPolicies(ctx, &iam.ListPoliciesInput{Scope: "Everything"})
	requireCode(t, err, "ValidationError")
}
