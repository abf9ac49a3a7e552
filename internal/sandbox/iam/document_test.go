package iam

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

func TestValidateDocument(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		doc  string
		kind docKind
		want string // "" = valid, else the message
	}{
		"Admin":            {`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`, identityPolicy, ""},
		"NotAction":        {`{"Statement":{"Effect":"Deny","NotAction":["iam:*"],"NotResource":"arn:aws:iam::*:role/x"}}`, identityPolicy, ""},
		"Condition":        {`{"Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}`, identityPolicy, ""},
		"Trust":            {`{"Statement":{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}}`, trustPolicy, ""},
		"TrustStar":        {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}`, trustPolicy, ""},
		"NotJSON":          {`{`, identityPolicy, "Syntax errors in policy."},
		"Array":            {`[]`, identityPolicy, "Syntax errors in policy."},
		"Trailing":         {`{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}} {}`, identityPolicy, "Syntax errors in policy."},
		"EmptyStatements":  {`{"Statement":[]}`, identityPolicy, "Syntax errors in policy."},
		"BadVersion":       {`{"Version":"1","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`, identityPolicy, "The policy failed legacy parsing"},
		"NoEffect":         {`{"Statement":{"Action":"*","Resource":"*"}}`, identityPolicy, "Missing required field Effect"},
		"NoActions":        {`{"Statement":{"Effect":"Allow","Resource":"*"}}`, identityPolicy, "Policy statement must contain actions."},
		"BothActions":      {`{"Statement":{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}}`, identityPolicy, "Syntax errors in policy."},
		"NoVendor":         {`{"Statement":{"Effect":"Allow","Action":"Get","Resource":"*"}}`, identityPolicy, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."},
		"NoResources":      {`{"Statement":{"Effect":"Allow","Action":"*"}}`, identityPolicy, "Policy statement must contain resources."},
		"BadResource":      {`{"Statement":{"Effect":"Allow","Action":"*","Resource":"bucket"}}`, identityPolicy, `Resource bucket must be in ARN format or "*".`},
		"Principal":        {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}`, identityPolicy, "Policy document should not specify a principal."},
		"TrustResource":    {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}}`, trustPolicy, "Has prohibited field Resource"},
		"TrustNoPrincipal": {`{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}`, trustPolicy, "Missing required field Principal"},
		"BadPrincipal":     {`{"Statement":{"Effect":"Allow","Principal":{"Robot":"x"},"Action":"sts:AssumeRole"}}`, trustPolicy, `Invalid principal in policy: "Robot"`},
		"BadCondition":     {`{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":"yes"}}`, identityPolicy, "Syntax errors in policy."},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := validateDocument(tc.doc, tc.kind)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			ae, ok := awserr.As(err)
			require.True(t, ok, "%v", err)
			require.Equal(t, CodeMalformedPolicyDocument, ae.Code)
			require.Equal(t, 400, ae.HTTPStatus())
			require.Equal(t, tc.want, ae.Message)
		})
	}
}

func TestEncodeDocument(t *testing.T) {
	t.Parallel()
	doc := `{"Statement": {"Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::1:root"}}}`
	enc := EncodeDocument(doc)
	require.NotContains(t, enc, "+", "spaces are %20, as IAM sends them")
	require.Contains(t, enc, "%3A")
	back, err := url.PathUnescape(enc)
	require.NoError(t, err)
	require.Equal(t, doc, back)
}

func TestStatuses(t *testing.T) {
	t.Parallel()
	for code, status := range Statuses {
		require.NotEmpty(t, code)
		require.Equal(t, status, Err(code, "x").HTTPStatus(), code)
	}
}

func TestManagedPolicies(t *testing.T) {
	t.Parallel()
	require.Len(t, awsManagedByARN, 10)
	for arn, p := range awsManagedByARN {
		require.NoError(t, validateDocument(p.Versions[0].Document, identityPolicy), arn)
		require.Regexp(t, `^ANPA[A-Z2-7]{17}$`, p.ID)
	}
	p, ok := awsManagedPolicy("arn:aws:iam::aws:policy/service-role/AWSConfigRulesExecutionRole")
	require.True(t, ok)
	require.Equal(t, "/service-role/", p.Path)
	_, ok = awsManagedPolicy("arn:aws:iam::aws:policy/AWSConfigRulesExecutionRole")
	require.False(t, ok, "the path is part of the ARN")
}
