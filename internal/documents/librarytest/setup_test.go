package librarytest_test

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/salvetest/motoserver"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from this run")

// motoAccount is the account moto answers for with any access key.
const motoAccount = "123456789012"

// remediatorRole is the AutomationAssumeRole the runs name.
const remediatorRole = "arn:aws:iam::" + motoAccount + ":role/Remediator"

// env is a Salve whose runbooks reach a fresh moto_server, and SDK clients
// for that moto (to create resources and read back the effect).
type env struct {
	salve *salvetest.Env
	ec2   *ec2.Client
	s3    *s3.Client
	iam   *iam.Client
	trail *cloudtrail.Client
	sns   *sns.Client
	kms   *kms.Client
	lam   *lambda.Client
	logs  *cloudwatchlogs.Client
}

// setup starts moto and Salve (its runbook caller pointed at moto).
func setup(t *testing.T) *env {
	t.Helper()
	moto := motoserver.Start(t)
	e := &env{salve: salvetest.Setup(t, func(o *salvetest.Options) { o.AWSRemote = motoserver.Remote(moto) })}
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(moto), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider("testing", "testing", ""),
		HTTPClient:  &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}}
	e.ec2, e.iam, e.trail, e.sns = ec2.NewFromConfig(cfg), iam.NewFromConfig(cfg), cloudtrail.NewFromConfig(cfg), sns.NewFromConfig(cfg)
	e.kms, e.lam, e.logs = kms.NewFromConfig(cfg), lambda.NewFromConfig(cfg), cloudwatchlogs.NewFromConfig(cfg)
	e.s3 = s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	return e
}

// run starts the library runbook name, drives it to a terminal status
// (advancing the clock past polling waits) and returns the execution.
func (e *env) run(t *testing.T, name string, params map[string][]string) *types.AutomationExecution {
	t.Helper()
	ctx := context.Background()
	out, err := e.salve.SSM.StartAutomationExecution(ctx, &ssm.StartAutomationExecutionInput{
		DocumentName: aws.String(name), Parameters: params})
	require.NoError(t, err)
	for range 30 {
		e.drain(t)
		got, err := e.salve.SSM.GetAutomationExecution(ctx,
			&ssm.GetAutomationExecutionInput{AutomationExecutionId: out.AutomationExecutionId})
		require.NoError(t, err)
		if terminal(got.AutomationExecution.AutomationExecutionStatus) {
			return got.AutomationExecution
		}
		e.salve.Clock.Advance(time.Minute)
		require.NoError(t, e.salve.Salve.Runbooks.Tick(ctx))
	}
	t.Fatalf("%s did not finish after 30 simulated minutes", name)
	return nil
}

// drain waits until the runner is idle (scripts run for real: allow time).
func (e *env) drain(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	require.NoError(t, e.salve.Salve.Runbooks.Drain(ctx))
}

// terminal reports whether an execution status is final.
func terminal(s types.AutomationExecutionStatus) bool {
	switch s {
	case types.AutomationExecutionStatusSuccess, types.AutomationExecutionStatusFailed,
		types.AutomationExecutionStatusCancelled, types.AutomationExecutionStatusTimedout,
		types.AutomationExecutionStatusCompletedWithSuccess, types.AutomationExecutionStatusCompletedWithFailure:
		return true
	}
	return false
}

// requireSuccess asserts the execution succeeded and its steps ran with
// the given statuses ("Name=Status", in order).
func requireSuccess(t *testing.T, x *types.AutomationExecution, steps ...string) {
	t.Helper()
	var got []string
	for _, se := range x.StepExecutions {
		got = append(got, aws.ToString(se.StepName)+"="+string(se.StepStatus))
	}
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus,
		"failure: %s; steps %v", aws.ToString(x.FailureMessage), failures(x))
	require.Equal(t, steps, got)
}

// failures lists the failure messages of failed steps.
func failures(x *types.AutomationExecution) []string {
	var out []string
	for _, se := range x.StepExecutions {
		if se.FailureMessage != nil {
			out = append(out, aws.ToString(se.StepName)+": "+aws.ToString(se.FailureMessage))
		}
	}
	return out
}

// traceStep is one step of a golden trace.
type traceStep struct {
	Name    string              `json:"name"`
	Action  string              `json:"action"`
	Status  string              `json:"status"`
	Outputs map[string][]string `json:"outputs,omitempty"`
	Failure string              `json:"failure,omitempty"`
}

// trace is the golden form of an execution.
type trace struct {
	Document string              `json:"document"`
	Status   string              `json:"status"`
	Outputs  map[string][]string `json:"outputs,omitempty"`
	Steps    []traceStep         `json:"steps"`
}

// volatile matches what changes from run to run: resource ids, UUIDs,
// times, moto's request ids.
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\b(vpc|sg|i|vol|fl|subnet|eni|r|snap|igw|acl|rtb|dopt)-[0-9a-f]{8,17}\b`), "$1-<id>"},
	{regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`), "<uuid>"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?`), "<time>"},
	// Headers carry moto's version, dates and lengths.
	{regexp.MustCompile(`(\\?"HTTPHeaders\\?":)\{[^}]*\}`), `$1{}`},
	{regexp.MustCompile(`(\\?"RequestId\\?":\s*\\?")[^"\\]*`), "$1<volatile>"},
	{regexp.MustCompile(`[A-Za-z0-9]{52}`), "<request-id>"},
	{regexp.MustCompile(`\b(vgw|iip-assoc|AROA|AIDA|ANPA|AIPA)-?[0-9a-zA-Z]{12,21}\b`), "$1-<id>"},
	{regexp.MustCompile(`http://([\w.-]+\.)?127\.0\.0\.1:\d+`), "http://${1}<moto>"},
	// moto's IAM resource ids (21 random characters) named in errors.
	{regexp.MustCompile(`Resource [A-Z0-9]{21} of resourceType`), "Resource <id> of resourceType"},
	// A script's traceback: keep its last line, the error itself.
	{regexp.MustCompile(`Traceback \(most recent call last\):.*\\n([\w.]+(Error|Exception): )`), "Traceback (…): $1"},
}

// normalise replaces the volatile parts of s.
func normalise(s string) string {
	for _, v := range volatile {
		s = v.re.ReplaceAllString(s, v.with)
	}
	return s
}

// traceOf is the normalised trace of x.
func traceOf(name string, x *types.AutomationExecution) trace {
	tr := trace{Document: name, Status: string(x.AutomationExecutionStatus), Outputs: x.Outputs}
	for _, se := range x.StepExecutions {
		tr.Steps = append(tr.Steps, traceStep{Name: aws.ToString(se.StepName), Action: aws.ToString(se.Action),
			Status: string(se.StepStatus), Outputs: se.Outputs, Failure: aws.ToString(se.FailureMessage)})
	}
	return tr
}

// requireGolden compares the normalised trace of x with
// testdata/<name>.golden, rewriting it with -update.
func requireGolden(t *testing.T, name string, x *types.AutomationExecution) {
	t.Helper()
	requireGoldenAt(t, filepath.Join("testdata", name+".golden"), name, x)
}

// requireGoldenAt compares the normalised trace of x (the run of runbook
// name) with the golden file at path, rewriting it with -update.
func requireGoldenAt(t *testing.T, path, name string, x *types.AutomationExecution) {
	t.Helper()
	raw, err := json.MarshalIndent(traceOf(name, x), "", "  ")
	require.NoError(t, err)
	got := normalise(string(raw)) + "\n"
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden trace: run go test ./internal/documents/librarytest -update")
	require.Equal(t, string(want), got, "trace of %s changed (go test -update to accept)", name)
}
