package s3

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestValidatePolicy_Partition(t *testing.T) {
	t.Parallel()
	doc := `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws-cn:s3:::b1/*"}}`
	require.NoError(t, ValidatePolicy("cn-north-1", "b1", doc), "one statement object and the bucket's partition")
	requireCode(t, ValidatePolicy("us-east-1", "b1", doc), CodeMalformedPolicy)
}

func TestPolicyDoc_Public(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b1/*"}`:                    true,
		`{"Effect":"Allow","Principal":{"AWS":["111122223333","*"]},"Action":"s3:*","Resource":"arn:aws:s3:::b1"}`:     true,
		`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b1"}`:                               false,
		`{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"arn:aws:s3:::b1"}`:           false,
		`{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b1","Condition":{"IpAddress":{}}}`: false,
	}
	for stmt, want := range cases {
		doc, err := parsePolicy(&Bucket{Name: "b1", Region: "us-east-1"}, `{"Statement":[`+stmt+`]}`)
		require.NoError(t, err, stmt)
		require.Equal(t, want, doc.public(), stmt)
	}
}
