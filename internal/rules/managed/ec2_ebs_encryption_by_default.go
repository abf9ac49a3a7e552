package managed

import (
	"context"
	"fmt"
)

// EC2_EBS_ENCRYPTION_BY_DEFAULT: the account is COMPLIANT in the Region
// when EBS encryption by default is enabled (GetEbsEncryptionByDefault).
var _ = register(&Rule{
	Identifier: "EC2_EBS_ENCRYPTION_BY_DEFAULT",
	Name:       "ec2-ebs-encryption-by-default",
	Periodic:   true,
	EvaluateAccount: func(ctx context.Context, env Env, _ Params) ([]Evaluation, error) {
		resp, err := env.Call(ctx, "ec2", "GetEbsEncryptionByDefault", map[string]any{})
		if err != nil {
			return nil, fmt.Errorf("ec2 GetEbsEncryptionByDefault: %w", err)
		}
		ev := compliant()
		if !boolean(resp["EbsEncryptionByDefault"]) {
			ev = nonCompliant("EBS encryption by default is disabled in %s; enable it (EnableEbsEncryptionByDefault).", env.Region())
		}
		return []Evaluation{accountEvaluation(env, ev)}, nil
	},
})
