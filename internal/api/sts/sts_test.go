package sts_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awsproto"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestGetCallerIdentity(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()

	out, err := env.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	require.Equal(t, "123456789012", *out.Account, "an unmapped access key belongs to the default account")
	require.Equal(t, "arn:aws:iam::123456789012:root", *out.Arn)

	_, _, other := env.Clients("111122223333", "secret", "eu-west-1")
	out, err = other.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	require.Equal(t, "111122223333", *out.Account, "a 12-digit access key is the account")
	require.Equal(t, "111122223333", *out.UserId)
}

func TestGetCallerIdentity_SigV4Mode(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t, func(o *salvetest.Options) {
		o.AuthMode = awsproto.AuthSigV4
		o.Credentials = []awsproto.AccessKey{{AccessKeyID: "AKIDSALVETEST", SecretAccessKey: "secret", AccountID: "210987654321"}}
	})
	ctx := context.Background()
	out, err := env.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	require.Equal(t, "210987654321", *out.Account, "the configured mapping picks the account")

	cases := map[string]struct{ akid, secret, code string }{
		"WrongSecret": {"AKIDSALVETEST", "not-the-secret", "InvalidSignatureException"},
		"UnknownKey":  {"AKIDUNKNOWN", "secret", "UnrecognizedClientException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, stsc := env.Clients(tc.akid, tc.secret, "us-east-1")
			_, err := stsc.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
			var ae smithy.APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, tc.code, ae.ErrorCode())
		})
	}
}
