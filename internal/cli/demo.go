package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/server"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// demoRule is the rule the demo plays: the product workshop's name for
// the managed rule of the same identifier.
const demoRule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"

// demoAccount is the account the demo's clients act as.
const demoAccount = "123456789012"

// demoOptions are the demo's flags.
type demoOptions struct {
	region  string
	keep    bool
	timeout time.Duration
}

// Demo starts a Salve on a temporary data dir and plays the product's
// test flow: an unencrypted bucket is found NON_COMPLIANT, remediated by
// SSM Automation, and found COMPLIANT again, printing the time each step
// took and the aws CLI commands that show it.
func Demo(ctx context.Context, args []string, env Env) error {
	o, err := parseDemoFlags(args, env)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "salve-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, stop, err := startDemoServer(ctx, dir)
	if err != nil {
		return err
	}
	defer stop()
	d := newDemo(s.endpoint, o, env.Stdout)
	fmt.Fprintf(env.Stdout, "Salve is serving %s (data in %s)\n\n", s.endpoint, dir)
	if err := d.play(ctx); err != nil {
		return err
	}
	d.printCommands()
	if o.keep {
		fmt.Fprintln(env.Stdout, "\nSalve keeps running for these commands; press Ctrl-C to stop.")
		<-ctx.Done()
	}
	return nil
}

func parseDemoFlags(args []string, env Env) (demoOptions, error) {
	o := demoOptions{}
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&o.region, "region", "us-east-1", "region the demo works in")
	fs.BoolVar(&o.keep, "keep", false, "keep Salve running after the demo, to try the printed commands")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "how long each step may take")
	return o, fs.Parse(args)
}

// demoServer is the Salve the demo runs in process.
type demoServer struct {
	endpoint string
}

// startDemoServer serves a fresh Salve over dir on a free loopback port
// and returns a stop that shuts it down.
func startDemoServer(ctx context.Context, dir string) (*demoServer, func(), error) {
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(dir, "salve.db")})
	if err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	endpoint := "http://" + ln.Addr().String()
	s, err := server.New(server.Params{Store: st, Clock: clock.Real{}, Endpoint: endpoint,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		ln.Close()
		st.Close()
		return nil, nil, err
	}
	srv := &http.Server{Handler: s.Handler, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan error, 1)
	go func() { done <- s.Run(bctx) }()
	stop := func() {
		cancel()
		<-done
		srv.Close()
		st.Close()
	}
	return &demoServer{endpoint: endpoint}, stop, nil
}

// demo plays the flow against one endpoint.
type demo struct {
	endpoint string
	o        demoOptions
	out      io.Writer
	config   *configservice.Client
	s3       *s3.Client
	trail    *cloudtrail.Client
	bucket   string
	start    time.Time
}

func newDemo(endpoint string, o demoOptions, out io.Writer) *demo {
	cfg := aws.Config{Region: o.region, BaseEndpoint: aws.String(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider(demoAccount, "demo", "")}
	return &demo{endpoint: endpoint, o: o, out: out,
		config: configservice.NewFromConfig(cfg),
		s3:     s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }),
		trail:  cloudtrail.NewFromConfig(cfg),
		bucket: "salve-demo-" + uuid.NewString()[:8]}
}

// play runs the steps in order, printing each.
func (d *demo) play(ctx context.Context) error {
	steps := []struct {
		say string
		fn  func(context.Context) (string, error)
	}{
		{"managed rule " + demoRule + " put", d.putRule},
		{"automatic remediation with AWS-ConfigureS3BucketEncryption attached", d.putRemediation},
		{"bucket created without default encryption", d.createBucket},
		{"rule found the bucket NON_COMPLIANT", d.waitCompliance(ctypes.ComplianceTypeNonCompliant)},
		{"remediation ran", d.waitRemediation},
		{"bucket has default encryption", d.checkEncryption},
		{"rule found the bucket COMPLIANT", d.waitCompliance(ctypes.ComplianceTypeCompliant)},
		{"audit trail has the runbook's PutBucketEncryption", d.checkAudit},
	}
	for _, st := range steps {
		t := time.Now()
		detail, err := st.fn(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", st.say, err)
		}
		fmt.Fprintf(d.out, "  %-70s %8s  %s\n", st.say, since(t), detail)
	}
	return nil
}

// checkAudit finds the runbook's PutBucketEncryption in the audit trail.
func (d *demo) checkAudit(ctx context.Context) (string, error) {
	fmt.Fprintf(d.out, "\nbucket created → COMPLIANT again in %s\n\n", since(d.start))
	var user string
	err := d.poll(ctx, func() (bool, error) {
		out, err := d.trail.LookupEvents(ctx, &cloudtrail.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{{
			AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String("PutBucketEncryption")}}})
		if err != nil {
			return false, err
		}
		for _, e := range out.Events {
			for _, r := range e.Resources {
				if aws.ToString(r.ResourceName) == d.bucket {
					user = principalOf(aws.ToString(e.CloudTrailEvent), aws.ToString(e.Username))
					return true, nil
				}
			}
		}
		return false, nil
	})
	return "by " + user, err
}

// since formats the time since t in milliseconds.
func since(t time.Time) string {
	return fmt.Sprintf("%.1f ms", float64(time.Since(t).Microseconds())/1000)
}

func (d *demo) putRule(ctx context.Context) (string, error) {
	_, err := d.config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(demoRule),
		Scope:          &ctypes.Scope{ComplianceResourceTypes: []string{"AWS::S3::Bucket"}},
		Source:         &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String(demoRule)},
	}})
	return "", err
}

func (d *demo) putRemediation(ctx context.Context) (string, error) {
	out, err := d.config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []ctypes.RemediationConfiguration{{
			ConfigRuleName: aws.String(demoRule), TargetType: ctypes.RemediationTargetTypeSsmDocument,
			TargetId: aws.String("AWS-ConfigureS3BucketEncryption"), Automatic: true,
			MaximumAutomaticAttempts: aws.Int32(3), RetryAttemptSeconds: aws.Int64(60),
			Parameters: map[string]ctypes.RemediationParameterValue{
				"AutomationAssumeRole": {StaticValue: &ctypes.StaticValue{Values: []string{
					"arn:aws:iam::" + demoAccount + ":role/ConfigRemediationAutomationRole"}}},
				"BucketName":   {ResourceValue: &ctypes.ResourceValue{Value: ctypes.ResourceValueTypeResourceId}},
				"SSEAlgorithm": {StaticValue: &ctypes.StaticValue{Values: []string{"AES256"}}},
			},
		}}})
	if err == nil && len(out.FailedBatches) > 0 {
		err = errors.New(aws.ToString(out.FailedBatches[0].FailureMessage))
	}
	return "", err
}

func (d *demo) createBucket(ctx context.Context) (string, error) {
	d.start = time.Now()
	_, err := d.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(d.bucket)})
	return d.bucket, err
}

// waitCompliance polls the rule's result for the bucket until it is want.
func (d *demo) waitCompliance(want ctypes.ComplianceType) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		return "", d.poll(ctx, func() (bool, error) {
			out, err := d.config.GetComplianceDetailsByResource(ctx, &configservice.GetComplianceDetailsByResourceInput{
				ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String(d.bucket)})
			if err != nil {
				return false, err
			}
			for _, r := range out.EvaluationResults {
				if aws.ToString(r.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName) == demoRule {
					return r.ComplianceType == want, nil
				}
			}
			return false, nil
		})
	}
}

// waitRemediation polls the bucket's remediation execution until it ends.
func (d *demo) waitRemediation(ctx context.Context) (string, error) {
	var st ctypes.RemediationExecutionStatus
	err := d.poll(ctx, func() (bool, error) {
		out, err := d.config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
			ConfigRuleName: aws.String(demoRule),
			ResourceKeys:   []ctypes.ResourceKey{{ResourceType: ctypes.ResourceTypeBucket, ResourceId: aws.String(d.bucket)}}})
		if err != nil || len(out.RemediationExecutionStatuses) == 0 {
			return false, err
		}
		st = out.RemediationExecutionStatuses[0]
		return st.State == ctypes.RemediationExecutionStateSucceeded || st.State == ctypes.RemediationExecutionStateFailed, nil
	})
	if err != nil {
		return "", err
	}
	if st.State != ctypes.RemediationExecutionStateSucceeded {
		return "", fmt.Errorf("the remediation ended %s", st.State)
	}
	steps := ""
	for _, s := range st.StepDetails {
		steps += " " + aws.ToString(s.Name) + "=" + string(s.State)
	}
	return string(st.State) + ", steps:" + steps, nil
}

func (d *demo) checkEncryption(ctx context.Context) (string, error) {
	out, err := d.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String(d.bucket)})
	if err != nil {
		return "", err
	}
	rules := out.ServerSideEncryptionConfiguration.Rules
	if len(rules) == 0 || rules[0].ApplyServerSideEncryptionByDefault == nil {
		return "", errors.New("no default encryption rule")
	}
	return "SSEAlgorithm " + string(rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm), nil
}

// poll calls done every 2 ms until it reports true, fails, or the step's
// timeout passes.
func (d *demo) poll(ctx context.Context, done func() (bool, error)) error {
	deadline := time.Now().Add(d.o.timeout)
	for {
		ok, err := done()
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not done after %s", d.o.timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// printCommands prints the aws CLI commands that show each step.
func (d *demo) printCommands() {
	fmt.Fprintf(d.out, `
See it with the aws CLI (run the demo with --keep to leave Salve running):
  export AWS_ENDPOINT_URL=%s AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=demo AWS_DEFAULT_REGION=%s
  aws s3api get-bucket-encryption --bucket %s
  aws configservice get-compliance-details-by-config-rule --config-rule-name %s
  aws configservice describe-remediation-execution-status --config-rule-name %s \
    --resource-keys resourceType=AWS::S3::Bucket,resourceId=%s
  aws configservice get-resource-config-history --resource-type AWS::S3::Bucket --resource-id %s
  aws ssm describe-automation-executions
  aws cloudtrail lookup-events --lookup-attributes AttributeKey=ResourceName,AttributeValue=%s
`, d.endpoint, demoAccount, d.o.region, d.bucket, demoRule, demoRule, d.bucket, d.bucket, d.bucket)
}

// principalOf is the caller ARN of a CloudTrail event record, or def.
func principalOf(record, def string) string {
	var ev struct {
		UserIdentity struct {
			ARN string `json:"arn"`
		} `json:"userIdentity"`
	}
	if json.Unmarshal([]byte(record), &ev) != nil || ev.UserIdentity.ARN == "" {
		return def
	}
	return ev.UserIdentity.ARN
}
