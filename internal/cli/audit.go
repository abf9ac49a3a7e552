package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/smithy-go"
)

// auditOptions are the flags of `salve audit`.
type auditOptions struct {
	salveFlags
	eventName, resourceName, automation string
	since                               time.Duration
	limit                               int
	json                                bool
}

// Audit runs `salve audit`: the calls the audit trail recorded, newest
// first, read through CloudTrail's LookupEvents.
func Audit(ctx context.Context, args []string, env Env) error {
	var o auditOptions
	fs := flag.NewFlagSet("salve audit", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	o.add(fs)
	fs.StringVar(&o.eventName, "event-name", "", "only calls of this operation, e.g. PutBucketEncryption")
	fs.StringVar(&o.resourceName, "resource-name", "", "only calls on this resource: a bucket, an sg-/i-/vol- id, a role or user name, an ARN")
	fs.StringVar(&o.automation, "automation-execution", "", "only the calls of this SSM Automation execution (a remediation's)")
	fs.DurationVar(&o.since, "since", 0, "only calls of the last DURATION, e.g. 2h (default: all)")
	fs.IntVar(&o.limit, "limit", 100, "print at most this many calls")
	fs.BoolVar(&o.json, "json", false, "print the CloudTrail records as a JSON array")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.limit < 1 {
		return errors.New("--limit must be at least 1")
	}
	events, err := lookupAll(ctx, auditClient(o.salveFlags, env), o)
	if err != nil {
		return err
	}
	if o.json {
		return printAuditJSON(env.Stdout, events)
	}
	printAuditTable(env.Stdout, events)
	return nil
}

// auditClient is a CloudTrail client of Salve's endpoint. It signs as the
// --account (Salve takes a 12-digit access key as the account), else with
// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (needed under --auth sigv4),
// else as Salve's default account.
func auditClient(sf salveFlags, env Env) *cloudtrail.Client {
	key, secret := "salve-audit", "salve"
	switch {
	case sf.account != "":
		key = sf.account
	case env.Getenv("AWS_ACCESS_KEY_ID") != "":
		key, secret = env.Getenv("AWS_ACCESS_KEY_ID"), env.Getenv("AWS_SECRET_ACCESS_KEY")
	}
	return cloudtrail.NewFromConfig(aws.Config{Region: sf.region, BaseEndpoint: aws.String(sf.endpoint),
		Credentials: credentials.NewStaticCredentialsProvider(key, secret, ""),
		// A connection reset mid-response is retried, quickly; so is a
		// refused connection, which then fails within half a second.
		Retryer: func() aws.Retryer {
			return retry.AddWithMaxBackoffDelay(retry.NewStandard(), 200*time.Millisecond)
		}})
}

// lookupAll pages through LookupEvents until o.limit matching events. The
// lookup filters on one attribute (CloudTrail takes only one); the other
// filters apply to what it returns.
func lookupAll(ctx context.Context, c *cloudtrail.Client, o auditOptions) ([]cttypes.Event, error) {
	in := &cloudtrail.LookupEventsInput{}
	switch {
	case o.resourceName != "":
		in.LookupAttributes = []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyResourceName, AttributeValue: aws.String(o.resourceName)}}
	case o.eventName != "":
		in.LookupAttributes = []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyEventName, AttributeValue: aws.String(o.eventName)}}
	}
	if o.since > 0 {
		in.StartTime = aws.Time(time.Now().Add(-o.since))
	}
	var out []cttypes.Event
	for p := cloudtrail.NewLookupEventsPaginator(c, in); p.HasMorePages() && len(out) < o.limit; {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, lookupError(err, o.endpoint)
		}
		for _, ev := range page.Events {
			if len(out) < o.limit && o.keeps(ev) {
				out = append(out, ev)
			}
		}
	}
	return out, nil
}

// keeps applies the filters LookupEvents did not.
func (o *auditOptions) keeps(ev cttypes.Event) bool {
	if o.eventName != "" && aws.ToString(ev.EventName) != o.eventName {
		return false
	}
	return o.automation == "" || recordOf(ev).automationExecutionID() == o.automation
}

// lookupError says what went wrong: Salve's answer, or that it could not
// be reached.
func lookupError(err error, endpoint string) error {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return fmt.Errorf("LookupEvents: %s: %s", ae.ErrorCode(), ae.ErrorMessage())
	}
	return fmt.Errorf("reach Salve at %s (is `salve serve` running? --endpoint): %w", endpoint, err)
}

// ctRecord is the part of a CloudTrail record the table shows.
type ctRecord struct {
	ErrorCode    string `json:"errorCode"`
	UserIdentity struct {
		Type           string `json:"type"`
		SessionContext struct {
			SessionIssuer struct {
				UserName string `json:"userName"`
			} `json:"sessionIssuer"`
		} `json:"sessionContext"`
	} `json:"userIdentity"`
	AdditionalEventData map[string]any `json:"additionalEventData"`
}

// recordOf decodes an event's CloudTrailEvent (zero when it is not JSON).
func recordOf(ev cttypes.Event) ctRecord {
	var r ctRecord
	_ = json.Unmarshal([]byte(aws.ToString(ev.CloudTrailEvent)), &r)
	return r
}

func (r ctRecord) automationExecutionID() string {
	id, _ := r.AdditionalEventData["automationExecutionId"].(string)
	return id
}

// printAuditTable prints one line per event.
func printAuditTable(w io.Writer, events []cttypes.Event) {
	if len(events) == 0 {
		fmt.Fprintln(w, "no matching calls recorded")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tUSER\tEVENT\tRESOURCE\tRESULT")
	for _, ev := range events {
		r := recordOf(ev)
		user := aws.ToString(ev.Username)
		if role := r.UserIdentity.SessionContext.SessionIssuer.UserName; r.UserIdentity.Type == "AssumedRole" && role != "" {
			user = role + "/" + user
		}
		result := "OK"
		if r.ErrorCode != "" {
			result = r.ErrorCode
		}
		if id := r.automationExecutionID(); id != "" {
			result += " (automation " + id + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", aws.ToTime(ev.EventTime).UTC().Format(time.RFC3339), user,
			aws.ToString(ev.EventName), resourceNames(ev.Resources), result)
	}
	tw.Flush()
}

// resourceNames lists an event's resources ("-" for none).
func resourceNames(res []cttypes.Resource) string {
	if len(res) == 0 {
		return "-"
	}
	names := make([]string, len(res))
	for i, r := range res {
		names[i] = aws.ToString(r.ResourceName)
	}
	return strings.Join(names, ",")
}

// printAuditJSON prints the events' CloudTrail records as a JSON array.
func printAuditJSON(w io.Writer, events []cttypes.Event) error {
	records := make([]json.RawMessage, 0, len(events))
	for _, ev := range events {
		records = append(records, json.RawMessage(aws.ToString(ev.CloudTrailEvent)))
	}
	b, err := json.MarshalIndent(records, "", "  ")
	if err != nil {
		return fmt.Errorf("encode the records: %w", err)
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}
