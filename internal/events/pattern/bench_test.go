package pattern

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchEvents are realistic event envelopes of the kinds Salve emits and
// users put.
var benchEvents = []string{
	`{"version":"0","id":"1","detail-type":"Config Rules Compliance Change","source":"aws.config","account":"123456789012",` +
		`"time":"2024-05-14T09:21:07Z","region":"us-east-1","resources":[],"detail":{"resourceId":"bucket-7",` +
		`"awsRegion":"us-east-1","awsAccountId":"123456789012","configRuleName":"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",` +
		`"recordVersion":"1.0","messageType":"ComplianceChangeNotification","resourceType":"AWS::S3::Bucket",` +
		`"newEvaluationResult":{"evaluationResultIdentifier":{"evaluationResultQualifier":{"configRuleName":` +
		`"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED","resourceType":"AWS::S3::Bucket","resourceId":"bucket-7",` +
		`"evaluationMode":"DETECTIVE"},"orderingTimestamp":"2024-05-14T09:20:58.000Z"},"complianceType":"NON_COMPLIANT",` +
		`"resultRecordedTime":"2024-05-14T09:21:05.904Z","configRuleInvokedTime":"2024-05-14T09:21:05.611Z"}}}`,
	`{"version":"0","id":"2","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2",` +
		`"account":"123456789012","time":"2024-05-14T09:22:00Z","region":"eu-west-1",` +
		`"resources":["arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"],"detail":{"instance-id":"i-0abc","state":"running"}}`,
	`{"version":"0","id":"3","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","account":"123456789012",` +
		`"time":"2024-05-14T09:23:00Z","region":"us-east-1","resources":[],"detail":{"eventSource":"s3.amazonaws.com",` +
		`"eventName":"PutBucketEncryption","sourceIPAddress":"10.3.4.5","userIdentity":{"type":"AssumedRole",` +
		`"arn":"arn:aws:sts::123456789012:assumed-role/AutomationRole/salve"},"requestParameters":{"bucketName":"bucket-7"}}}`,
	`{"version":"0","id":"4","detail-type":"EC2 Automation Execution Status-change Notification","source":"aws.ssm",` +
		`"account":"123456789012","time":"2024-05-14T09:24:00Z","region":"us-east-1","resources":[],` +
		`"detail":{"ExecutionId":"e-1","Definition":"AWS-ConfigureS3BucketEncryption","Status":"Success"}}`,
	`{"version":"0","id":"5","detail-type":"Security Hub Findings - Imported","source":"aws.securityhub",` +
		`"account":"123456789012","time":"2024-05-14T09:25:00Z","region":"us-east-1","resources":[],"detail":{"findings":[` +
		`{"Severity":{"Label":"MEDIUM"},"Workflow":{"Status":"NEW"}},{"Severity":{"Label":"HIGH"},"Workflow":{"Status":"NOTIFIED"}}]}}`,
	`{"version":"0","id":"6","detail-type":"OrderPlaced","source":"com.example.orders","account":"123456789012",` +
		`"time":"2024-05-14T09:26:00Z","region":"ap-southeast-2","resources":[],"detail":{"amount":182.25,"currency":"EUR",` +
		`"items":[{"sku":"A-1","qty":2},{"sku":"B-9","qty":1}]}}`,
}

var benchTemplates = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		s := []string{"aws.ec2", "aws.config", "aws.s3", "aws.ssm", "aws.securityhub", "com.example.orders"}
		d := []string{"OrderPlaced", "EC2 Instance State-change Notification", "Config Rules Compliance Change"}
		return fmt.Sprintf(`{"source":[%q],"detail-type":[%q]}`, s[r.IntN(len(s))], d[r.IntN(len(d))])
	},
	func(r *rand.Rand) string {
		states := []string{"pending", "running", "stopping", "stopped", "terminated"}
		return fmt.Sprintf(`{"source":["aws.ec2"],"detail":{"state":[{"anything-but":%q}]}}`, states[r.IntN(len(states))])
	},
	func(r *rand.Rand) string {
		rules := []string{"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_BUCKET_VERSIONING_ENABLED", "RESTRICTED_INCOMING_TRAFFIC",
			"IAM_PASSWORD_POLICY", "CLOUD_TRAIL_ENABLED"}
		return fmt.Sprintf(`{"source":[{"prefix":"aws."}],"detail-type":["Config Rules Compliance Change"],`+
			`"detail":{"configRuleName":[%q],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`, rules[r.IntN(len(rules))])
	},
	func(r *rand.Rand) string {
		lo := r.IntN(300)
		return fmt.Sprintf(`{"source":["com.example.orders"],"detail":{"amount":[{"numeric":[">",%d,"<=",%d]}],`+
			`"currency":["USD","EUR"],"items":{"qty":[{"numeric":[">=",%d]}]}}}`, lo, lo+100, 1+r.IntN(3))
	},
	func(r *rand.Rand) string {
		verbs := []string{"Put", "Delete", "Create", "Get"}
		return fmt.Sprintf(`{"source":["aws.s3"],"detail":{"eventName":[{"prefix":%q}],"requestParameters":{"bucketName":[{"exists":true}]},`+
			`"errorCode":[{"exists":false}]}}`, verbs[r.IntN(len(verbs))])
	},
	func(r *rand.Rand) string {
		st := []string{"success", "failed", "timedout", "cancelled"}
		return fmt.Sprintf(`{"source":["aws.ssm"],"detail-type":[{"wildcard":"EC2 Automation * Status-change Notification"}],`+
			`"detail":{"Status":[{"equals-ignore-case":%q}]}}`, st[r.IntN(len(st))])
	},
	func(r *rand.Rand) string {
		labels := []string{"CRITICAL", "HIGH", "MEDIUM"}
		return fmt.Sprintf(`{"source":["aws.securityhub"],"detail":{"findings":{"Severity":{"Label":[%q]},`+
			`"Workflow":{"Status":[{"anything-but":["RESOLVED","SUPPRESSED"]}]}}}}`, labels[r.IntN(len(labels))])
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf(`{"source":["aws.s3"],"detail":{"$or":[{"sourceIPAddress":[{"cidr":"10.%d.0.0/16"}]},`+
			`{"userIdentity":{"type":["Root"]}}]}}`, r.IntN(8))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf(`{"account":["%012d"],"region":[{"anything-but":{"prefix":"eu-"}}],"resources":[{"exists":false}]}`,
			123456789000+r.IntN(20))
	},
}

// BenchmarkMatch_1000Rules decodes each event once and matches it against
// 1,000 compiled rules of realistic variety, reporting event×rule matches
// per second.
func BenchmarkMatch_1000Rules(b *testing.B) {
	r := rand.New(rand.NewPCG(6, 1000))
	rules := make([]*Pattern, 1000)
	for i := range rules {
		p, err := Compile(benchTemplates[i%len(benchTemplates)](r))
		if err != nil {
			b.Fatal(err)
		}
		rules[i] = p
	}
	events := make([][]byte, len(benchEvents))
	for i, e := range benchEvents {
		events[i] = []byte(e)
	}
	matched, n := 0, 0
	b.ReportAllocs()
	for ; b.Loop(); n++ {
		ev, err := DecodeEvent(events[n%len(events)])
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range rules {
			if p.MatchValue(ev) {
				matched++
			}
		}
	}
	if matched == 0 {
		b.Fatal("no rule matched any event")
	}
	b.ReportMetric(float64(n)*float64(len(rules))/b.Elapsed().Seconds(), "event×rule/s")
}

// TestMatchValue_DoesNotAllocate pins the promise MatchValue's doc makes.
func TestMatchValue_DoesNotAllocate(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 1000))
	var rules []*Pattern
	for i := range 90 {
		p, err := Compile(benchTemplates[i%len(benchTemplates)](r))
		if err != nil {
			t.Fatal(err)
		}
		rules = append(rules, p)
	}
	for _, e := range benchEvents {
		ev, err := DecodeEvent([]byte(e))
		if err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(20, func() {
			for _, p := range rules {
				p.MatchValue(ev)
			}
		})
		if allocs != 0 {
			t.Fatalf("MatchValue allocated %v times per run on %s", allocs, e)
		}
	}
}
