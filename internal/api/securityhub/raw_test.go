package securityhub_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	shapi "github.com/salvehq/salve/internal/api/securityhub"
)

// TestRaw_ErrorShape checks the REST-JSON error shape on requests the SDK
// would not send: the code in X-Amzn-ErrorType, Code and Message in the body.
func TestRaw_ErrorShape(t *testing.T) {
	t.Parallel()
	e := setup(t)
	for name, tc := range map[string]struct {
		method, path, body string
		status             int
		code               string
	}{
		"UnservedOperation": {http.MethodGet, "/standards", "", 400, "UnknownOperationException"},
		"UnknownRoute":      {http.MethodPut, "/findings", "{}", 400, "UnknownOperationException"},
		"MalformedJSON":     {http.MethodPost, "/findings", "{", 400, "SerializationException"},
		"WrongType":         {http.MethodPost, "/findings", `{"MaxResults":"ten"}`, 400, "SerializationException"},
		"UnknownFilter":     {http.MethodPost, "/findings", `{"Filters":{"Colour":[{"Value":"x","Comparison":"EQUALS"}]}}`, 400, "InvalidInputException"},
		"FilterNotAList":    {http.MethodPost, "/findings", `{"Filters":{"Title":{"Value":"x"}}}`, 400, "SerializationException"},
		"NotFound":          {http.MethodGet, "/accounts?HubArn=arn:aws:securityhub:us-east-1:111122223333:hub/default", "", 404, "ResourceNotFoundException"},
	} {
		t.Run(name, func(t *testing.T) {
			r := e.raw(t, tc.method, tc.path, tc.body)
			require.Equal(t, tc.status, r.status, r.body)
			if tc.code == "" {
				return
			}
			require.Equal(t, tc.code, r.header.Get("X-Amzn-ErrorType"))
			require.Equal(t, tc.code, r.body["Code"])
			require.NotEmpty(t, r.body["Message"])
			require.Equal(t, "application/json", r.header.Get("Content-Type"))
		})
	}
}

func TestRaw_ConflictIs409(t *testing.T) {
	t.Parallel()
	e := setup(t)
	require.Equal(t, 200, e.raw(t, http.MethodPost, "/accounts", "{}").status)
	r := e.raw(t, http.MethodPost, "/accounts", "{}")
	require.Equal(t, 409, r.status)
	require.Equal(t, "ResourceConflictException", r.header.Get("X-Amzn-ErrorType"))
	require.Equal(t, "Account 123456789012 is already subscribed to Security Hub", r.body["Message"])
}

func TestOperationNames(t *testing.T) {
	t.Parallel()
	require.Equal(t, []string{"BatchImportFindings", "BatchUpdateFindings", "DescribeHub", "DisableSecurityHub",
		"EnableSecurityHub", "GetFindings"}, shapi.OperationNames())
	require.Equal(t, "BatchUpdateFindings", shapi.OperationName(http.MethodPatch, "/findings/batchupdate"))
	require.Equal(t, "", shapi.OperationName(http.MethodGet, "/findings"))
}
