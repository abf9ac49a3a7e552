package managed

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// IAM_PASSWORD_POLICY: the account password policy must meet every
// requirement the parameters state (defaults: upper, lower, symbols and
// numbers required, length ≥ 14, reuse prevention ≥ 24, max age ≤ 90
// days). An account without a password policy (NoSuchEntity) is
// NON_COMPLIANT.
var _ = register(&Rule{
	Identifier: "IAM_PASSWORD_POLICY",
	Name:       "iam-password-policy",
	Periodic:   true,
	Params: []Param{
		{Name: "RequireUppercaseCharacters", Type: TypeBoolean, Default: "true"},
		{Name: "RequireLowercaseCharacters", Type: TypeBoolean, Default: "true"},
		{Name: "RequireSymbols", Type: TypeBoolean, Default: "true"},
		{Name: "RequireNumbers", Type: TypeBoolean, Default: "true"},
		{Name: "MinimumPasswordLength", Type: TypeInt, Default: "14"},
		{Name: "PasswordReusePrevention", Type: TypeInt, Default: "24"},
		{Name: "MaxPasswordAge", Type: TypeInt, Default: "90"},
	},
	EvaluateAccount: evaluatePasswordPolicy,
})

func evaluatePasswordPolicy(ctx context.Context, env Env, params Params) ([]Evaluation, error) {
	resp, err := env.Call(ctx, "iam", "GetAccountPasswordPolicy", map[string]any{})
	if awserr.Is(err, "NoSuchEntity") {
		ev := nonCompliant("The account has no password policy; set one (UpdateAccountPasswordPolicy).")
		return []Evaluation{accountEvaluation(env, ev)}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("iam GetAccountPasswordPolicy: %w", err)
	}
	gaps := passwordPolicyGaps(obj(resp["PasswordPolicy"]), params)
	ev := compliant()
	if len(gaps) > 0 {
		ev = nonCompliant("The password policy does not meet the requirements: %s.", joinList(gaps))
	}
	return []Evaluation{accountEvaluation(env, ev)}, nil
}

func passwordPolicyGaps(policy map[string]any, params Params) []string {
	var gaps []string
	for _, flag := range []string{"RequireUppercaseCharacters", "RequireLowercaseCharacters", "RequireSymbols", "RequireNumbers"} {
		if params.Bool(flag) && !boolean(policy[flag]) {
			gaps = append(gaps, flag)
		}
	}
	if want, ok := params.Int("MinimumPasswordLength"); ok {
		if n, _ := number(policy["MinimumPasswordLength"]); int(n) < want {
			gaps = append(gaps, fmt.Sprintf("MinimumPasswordLength %d (at least %d)", int(n), want))
		}
	}
	if want, ok := params.Int("PasswordReusePrevention"); ok {
		if n, _ := number(policy["PasswordReusePrevention"]); int(n) < want {
			gaps = append(gaps, fmt.Sprintf("PasswordReusePrevention %d (at least %d)", int(n), want))
		}
	}
	if want, ok := params.Int("MaxPasswordAge"); ok {
		if n, set := number(policy["MaxPasswordAge"]); !set || n <= 0 || int(n) > want {
			gaps = append(gaps, fmt.Sprintf("MaxPasswordAge %d (at most %d)", int(n), want))
		}
	}
	return gaps
}
