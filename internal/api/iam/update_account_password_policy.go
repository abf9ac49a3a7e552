package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("UpdateAccountPasswordPolicy", (*api).updateAccountPasswordPolicy)

func (a *api) updateAccountPasswordPolicy(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	var p sandbox.PasswordPolicy
	setInt(&p.MinimumPasswordLength, in.integer("MinimumPasswordLength", 6, 128))
	setInt(&p.MaxPasswordAge, in.integer("MaxPasswordAge", 1, 1095))
	setInt(&p.PasswordReusePrevention, in.integer("PasswordReusePrevention", 1, 24))
	setBool(&p.RequireSymbols, in.Bool("RequireSymbols"))
	setBool(&p.RequireNumbers, in.Bool("RequireNumbers"))
	setBool(&p.RequireUppercaseCharacters, in.Bool("RequireUppercaseCharacters"))
	setBool(&p.RequireLowercaseCharacters, in.Bool("RequireLowercaseCharacters"))
	setBool(&p.AllowUsersToChangePassword, in.Bool("AllowUsersToChangePassword"))
	setBool(&p.HardExpiry, in.Bool("HardExpiry"))
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.UpdateAccountPasswordPolicy(ctx, scope(ctx), p)
}

func setInt(dst *int, v *int) {
	if v != nil {
		*dst = *v
	}
}

func setBool(dst *bool, v *bool) {
	if v != nil {
		*dst = *v
	}
}
