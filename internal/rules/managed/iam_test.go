package managed

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestIAMPasswordPolicy(t *testing.T) {
	t.Parallel()
	strong := map[string]any{"MinimumPasswordLength": float64(16), "RequireSymbols": true, "RequireNumbers": true,
		"RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true, "AllowUsersToChangePassword": true,
		"ExpirePasswords": true, "MaxPasswordAge": 60, "PasswordReusePrevention": 24}
	with := func(changes map[string]any) *fakeEnv {
		p := map[string]any{}
		for k, v := range strong {
			p[k] = v
		}
		for k, v := range changes {
			if v == nil {
				delete(p, k)
			} else {
				p[k] = v
			}
		}
		return newFakeEnv().answer("iam:GetAccountPasswordPolicy", map[string]any{"PasswordPolicy": p})
	}
	runAccountCases(t, "IAM_PASSWORD_POLICY", []accountCase{
		{name: "Strong", env: with(nil), want: Compliant},
		{name: "NoPolicy", env: newFakeEnv().fail("iam:GetAccountPasswordPolicy", "NoSuchEntity"), want: NonCompliant, annotation: "no password policy"},
		{name: "NoSymbols", env: with(map[string]any{"RequireSymbols": false}), want: NonCompliant, annotation: "RequireSymbols"},
		{name: "SymbolsNotRequiredByRule", params: `{"RequireSymbols":"false"}`, env: with(map[string]any{"RequireSymbols": false}), want: Compliant},
		{name: "UppercaseTrueIsCaseSensitive", params: `{"RequireSymbols":"True"}`, env: with(map[string]any{"RequireSymbols": false}), want: Compliant},
		{name: "TooShort", env: with(map[string]any{"MinimumPasswordLength": 8}), want: NonCompliant, annotation: "MinimumPasswordLength 8 (at least 14)"},
		{name: "ShortAllowed", params: `{"MinimumPasswordLength":"8"}`, env: with(map[string]any{"MinimumPasswordLength": 8}), want: Compliant},
		{name: "NoReusePrevention", env: with(map[string]any{"PasswordReusePrevention": nil}), want: NonCompliant, annotation: "PasswordReusePrevention 0 (at least 24)"},
		{name: "NeverExpires", env: with(map[string]any{"MaxPasswordAge": nil, "ExpirePasswords": false}), want: NonCompliant, annotation: "MaxPasswordAge 0 (at most 90)"},
		{name: "ExpiresTooLate", env: with(map[string]any{"MaxPasswordAge": 365}), want: NonCompliant, annotation: "MaxPasswordAge 365"},
		{name: "SeveralGaps", env: with(map[string]any{"RequireNumbers": false, "RequireLowercaseCharacters": false}), want: NonCompliant, annotation: "RequireLowercaseCharacters and RequireNumbers"},
	})
	env := newFakeEnv()
	env.responses["iam:GetAccountPasswordPolicy"] = func(map[string]any) (map[string]any, error) { return nil, errors.New("boom") }
	_, err := mustRule(t, "IAM_PASSWORD_POLICY").EvaluateAccount(context.Background(), env, Params{})
	require.ErrorContains(t, err, "boom")
}

func iamItem(t *testing.T, resourceType string, cfg map[string]any) *configitem.Item {
	return roundTrip(t, configitem.Item{ResourceType: resourceType, ResourceID: "AIDAEXAMPLE", Status: configitem.StatusOK,
		AvailabilityZone: "Not Applicable", Configuration: cfg})
}

func TestIAMRoleManagedPolicyCheck(t *testing.T) {
	t.Parallel()
	role := func(arns ...string) *configitem.Item {
		var attached []any
		for _, a := range arns {
			attached = append(attached, map[string]any{"policyName": "p", "policyArn": a})
		}
		return iamItem(t, "AWS::IAM::Role", map[string]any{"roleName": "app", "attachedManagedPolicies": attached})
	}
	const ssm, cw = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
	runItemCases(t, "IAM_ROLE_MANAGED_POLICY_CHECK", []itemCase{
		{name: "AllAttached", params: `{"managedPolicyArns":"` + ssm + `,` + cw + `"}`, item: role(cw, ssm, "arn:aws:iam::aws:policy/Other"), want: Compliant},
		{name: "OneMissing", params: `{"managedPolicyArns":"` + ssm + `, ` + cw + `"}`, item: role(ssm), want: NonCompliant, annotation: cw},
		{name: "NoneAttached", params: `{"managedPolicyArns":"` + ssm + `"}`, item: role(), want: NonCompliant},
	})
}

func TestIAMUserNoPoliciesCheck(t *testing.T) {
	t.Parallel()
	user := func(managed, inline []any) *configitem.Item {
		return iamItem(t, "AWS::IAM::User", map[string]any{"userName": "alice", "groupList": []any{"admins"},
			"attachedManagedPolicies": managed, "userPolicyList": inline})
	}
	runItemCases(t, "IAM_USER_NO_POLICIES_CHECK", []itemCase{
		{name: "GroupsOnly", item: user(nil, []any{}), want: Compliant},
		{name: "Managed", item: user([]any{map[string]any{"policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}, nil), want: NonCompliant, annotation: "1 managed and 0 inline"},
		{name: "Inline", item: user(nil, []any{map[string]any{"policyName": "x", "policyDocument": "%7B%7D"}}), want: NonCompliant, annotation: "0 managed and 1 inline"},
	})
}

func TestIAMPolicyNoStatementsWithAdminAccess(t *testing.T) {
	t.Parallel()
	policy := func(doc any, extra map[string]any) *configitem.Item {
		cfg := map[string]any{"policyName": "p", "arn": "arn:aws:iam::123456789012:policy/p", "defaultVersionId": "v2",
			"attachmentCount": 1, "policyVersionList": []any{
				map[string]any{"versionId": "v1", "isDefaultVersion": false, "document": urlEncoded(t, map[string]any{"Statement": map[string]any{"Effect": "Allow", "Action": "*", "Resource": "*"}})},
				map[string]any{"versionId": "v2", "isDefaultVersion": true, "document": urlEncoded(t, doc)},
			}}
		for k, v := range extra {
			cfg[k] = v
		}
		return iamItem(t, "AWS::IAM::Policy", cfg)
	}
	stmt := func(effect string, action, resource any) map[string]any {
		return map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{"Sid": "S", "Effect": effect, "Action": action, "Resource": resource}}}
	}
	runItemCases(t, "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", []itemCase{
		{name: "Admin", item: policy(stmt("Allow", "*", "*"), nil), want: NonCompliant, annotation: "(statement S)"},
		{name: "AdminInLists", item: policy(stmt("Allow", []any{"s3:GetObject", "*"}, []any{"*"}), nil), want: NonCompliant},
		{name: "ServiceWildcard", item: policy(stmt("Allow", "s3:*", "*"), nil), want: Compliant},
		{name: "AllActionsOneResource", item: policy(stmt("Allow", "*", "arn:aws:s3:::b"), nil), want: Compliant},
		{name: "DenyAll", item: policy(stmt("Deny", "*", "*"), nil), want: Compliant},
		{name: "OnlyOldVersionIsAdmin", item: policy(stmt("Allow", "ec2:Describe*", "*"), nil), want: Compliant},
		{name: "BoundaryIncluded", item: policy(stmt("Allow", "*", "*"), map[string]any{"permissionsBoundaryUsageCount": 2}), want: NonCompliant},
		{name: "BoundaryExcluded", params: `{"excludePermissionBoundaryPolicy":"true"}`, item: policy(stmt("Allow", "*", "*"), map[string]any{"permissionsBoundaryUsageCount": 2}), want: NotApplicable},
		{name: "ExcludedButNotABoundary", params: `{"excludePermissionBoundaryPolicy":"true"}`, item: policy(stmt("Allow", "*", "*"), nil), want: NonCompliant},
		{name: "AWSManaged", item: policy(stmt("Allow", "*", "*"), map[string]any{"arn": "arn:aws:iam::aws:policy/AdministratorAccess"}), want: NotApplicable},
		{name: "Unreadable", item: iamItem(t, "AWS::IAM::Policy", map[string]any{"arn": "arn:aws:iam::123456789012:policy/p"}), want: NonCompliant, annotation: "cannot be read"},
	})
}
