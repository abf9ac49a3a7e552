package awscli_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// stsServer answers GetCallerIdentity, or AccessDenied for a request
// signed by the key "AKIDDENIED", and keeps the Authorization headers.
type stsServer struct {
	*httptest.Server
	mu    sync.Mutex
	auths []string
}

func newSTSServer(t *testing.T) *stsServer {
	s := &stsServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		s.mu.Lock()
		s.auths = append(s.auths, auth)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		if strings.Contains(auth, "AKIDDENIED") {
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>` +
				`<Message>no</Message></Error><RequestId>r</RequestId></ErrorResponse>`))
			return
		}
		_, _ = w.Write([]byte(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
			`<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:root</Arn><UserId>123456789012</UserId>` +
			`<Account>123456789012</Account></GetCallerIdentityResult>` +
			`<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *stsServer) requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.auths)
}

func (s *stsServer) lastAuth() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.auths[len(s.auths)-1]
}

func TestCLI_RunJSON(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	srv := newSTSServer(t)
	cli := awscli.New(t, srv.URL, awscli.Options{Region: "eu-west-1", AccessKey: "AKIDCUSTOM"})
	var id struct{ Account, Arn string }
	cli.RunJSON(&id, "sts", "get-caller-identity")
	require.Equal(t, "123456789012", id.Account)
	require.Contains(t, srv.lastAuth(), "Credential=AKIDCUSTOM/", "the key of the options signs")
	require.Contains(t, srv.lastAuth(), "/eu-west-1/sts/", "the region of the options")

	require.Contains(t, cli.Output("sts", "get-caller-identity", "--region", "us-west-2"), `"Account": "123456789012"`)
	require.Contains(t, srv.lastAuth(), "/us-west-2/sts/", "a command's --region wins")
}

func TestCLI_Defaults(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	srv := newSTSServer(t)
	cli := awscli.New(t, srv.URL, awscli.Options{})
	awscli.RequireOK(t, cli.Run("sts", "get-caller-identity"))
	require.Contains(t, srv.lastAuth(), "Credential=AKIDSALVETEST/")
	require.Contains(t, srv.lastAuth(), "/us-east-1/sts/")
}

func TestCLI_Errors(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	srv := newSTSServer(t)
	cli := awscli.New(t, srv.URL, awscli.Options{AccessKey: "AKIDDENIED"})
	res := cli.Run("sts", "get-caller-identity")
	require.False(t, res.OK())
	require.NotZero(t, res.ExitCode)
	require.Equal(t, "aws sts get-caller-identity", res.Command)
	awscli.RequireError(t, res, "AccessDenied")
	require.Equal(t, 1, srv.requests(), "one attempt, no retries")

	bad := cli.Run("sts", "no-such-command")
	require.False(t, bad.OK())
	require.Contains(t, bad.Stderr, "Invalid choice")
}

func TestCLI_Shell(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	srv := newSTSServer(t)
	cli := awscli.New(t, srv.URL, awscli.Options{Env: []string{"REGION=ap-south-1"}})
	res := cli.Shell(`echo "$REGION $WHO $AWS_ENDPOINT_URL"; aws sts get-caller-identity --region "$REGION"`, "WHO=me")
	require.True(t, res.OK(), res.Stderr)
	require.True(t, strings.HasPrefix(res.Stdout, "ap-south-1 me "+srv.URL+"\n"), res.Stdout)
	require.Contains(t, srv.lastAuth(), "/ap-south-1/sts/")

	res = cli.Shell("exit 3")
	require.Equal(t, 3, res.ExitCode)
}

// TestNew_CleanEnvironment proves the developer's AWS_* variables do not
// reach the CLI (not parallel: it sets the process's environment).
func TestNew_CleanEnvironment(t *testing.T) {
	awscli.Skip(t)
	t.Setenv("AWS_PROFILE", "developer")
	t.Setenv("AWS_SESSION_TOKEN", "leaked")
	srv := newSTSServer(t)
	cli := awscli.New(t, srv.URL, awscli.Options{})
	res := cli.Shell(`echo "[$AWS_PROFILE][$AWS_SESSION_TOKEN][$AWS_ACCESS_KEY_ID][$PATH]"`)
	require.True(t, res.OK(), res.Stderr)
	require.True(t, strings.HasPrefix(res.Stdout, "[][][AKIDSALVETEST]["), res.Stdout)
	require.NotContains(t, res.Stdout, "[]\n", "the rest of the environment (PATH) is kept")
	res = cli.Run("sts", "get-caller-identity")
	require.True(t, res.OK(), "a leaked AWS_PROFILE would name a profile no file has: %s", res.Stderr)
}
