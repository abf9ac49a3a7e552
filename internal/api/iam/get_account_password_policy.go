package iam

import (
	"context"
	"net/url"
)

var _ = register("GetAccountPasswordPolicy", (*api).getAccountPasswordPolicy)

type passwordPolicyXML struct {
	MinimumPasswordLength      int  `xml:"MinimumPasswordLength"`
	RequireSymbols             bool `xml:"RequireSymbols"`
	RequireNumbers             bool `xml:"RequireNumbers"`
	RequireUppercaseCharacters bool `xml:"RequireUppercaseCharacters"`
	RequireLowercaseCharacters bool `xml:"RequireLowercaseCharacters"`
	AllowUsersToChangePassword bool `xml:"AllowUsersToChangePassword"`
	ExpirePasswords            bool `xml:"ExpirePasswords"`
	MaxPasswordAge             int  `xml:"MaxPasswordAge,omitempty"`
	PasswordReusePrevention    int  `xml:"PasswordReusePrevention,omitempty"`
	HardExpiry                 bool `xml:"HardExpiry"`
}

type getPasswordPolicyResult struct {
	PasswordPolicy passwordPolicyXML `xml:"PasswordPolicy"`
}

func (a *api) getAccountPasswordPolicy(ctx context.Context, _ url.Values) (any, error) {
	p, err := a.IAM.GetAccountPasswordPolicy(ctx, scope(ctx))
	if err != nil {
		return nil, err
	}
	return getPasswordPolicyResult{PasswordPolicy: passwordPolicyXML{
		MinimumPasswordLength: p.MinimumPasswordLength, RequireSymbols: p.RequireSymbols,
		RequireNumbers: p.RequireNumbers, RequireUppercaseCharacters: p.RequireUppercaseCharacters,
		RequireLowercaseCharacters: p.RequireLowercaseCharacters, AllowUsersToChangePassword: p.AllowUsersToChangePassword,
		ExpirePasswords: p.ExpirePasswords(), MaxPasswordAge: p.MaxPasswordAge,
		PasswordReusePrevention: p.PasswordReusePrevention, HardExpiry: p.HardExpiry,
	}}, nil
}
