package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/uuid"
)

// flowRule is the managed rule of the flow, named after its identifier as
// `salve demo` does.
const flowRule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"

// bucketType is the Config resource type of a bucket.
const bucketType = "AWS::S3::Bucket"

// flowSample is one bucket's way from CreateBucket to COMPLIANT. Every
// time is since CreateBucket was sent (client clock); the server's times
// come from the same machine's clock.
type flowSample struct {
	Total time.Duration
	// SawNonCompliant is false when the polls missed NON_COMPLIANT and a
	// SUCCEEDED remediation stood in for it.
	SawNonCompliant bool
	// NonCompliantRecorded is the NON_COMPLIANT result's ResultRecordedTime
	// (zero when the polls missed it).
	NonCompliantRecorded time.Duration
	// RemediationInvoked is the remediation execution's InvocationTime;
	// FirstStepDone and RemediationDone are its first step's StopTime
	// (AWS-ConfigureS3BucketEncryption's PutBucketEncryption, the change
	// the rule then finds COMPLIANT) and its last step's.
	RemediationInvoked, FirstStepDone, RemediationDone time.Duration
	// CompliantRecorded is the COMPLIANT result's ResultRecordedTime.
	CompliantRecorded time.Duration
	Polls             int
}

// flowResult summarises the samples (milliseconds).
type flowResult struct {
	Buckets              int       `json:"buckets"`
	P50                  float64   `json:"p50_ms"`
	P99                  float64   `json:"p99_ms"`
	Max                  float64   `json:"max_ms"`
	Min                  float64   `json:"min_ms"`
	SawNonCompliant      int       `json:"saw_non_compliant"`
	NonCompliantRecorded float64   `json:"non_compliant_recorded_p50_ms"`
	RemediationInvoked   float64   `json:"remediation_invoked_p50_ms"`
	FirstStepDone        float64   `json:"first_step_done_p50_ms"`
	RemediationDone      float64   `json:"remediation_done_p50_ms"`
	CompliantRecorded    float64   `json:"compliant_recorded_p50_ms"`
	PollsP50             float64   `json:"polls_p50"`
	ServerCPUPerFlow     float64   `json:"server_cpu_ms_per_bucket"`
	SamplesMs            []float64 `json:"samples_ms"`
}

// measureFlow puts the rule and its remediation, then times -flow buckets
// one after the other.
func measureFlow(ctx context.Context, o options, s *server) (any, error) {
	if err := setupFlow(ctx, s); err != nil {
		return nil, err
	}
	prefix := "bench-flow-" + uuid.NewString()[:8]
	cpu0, _ := s.cpu()
	var samples []flowSample
	for i := range o.flow {
		x, err := oneFlow(ctx, o, s, fmt.Sprintf("%s-%03d", prefix, i))
		if err != nil {
			return nil, fmt.Errorf("bucket %d: %w", i, err)
		}
		samples = append(samples, x)
	}
	cpu1, _ := s.cpu()
	res := summariseFlow(samples)
	res.ServerCPUPerFlow = ms(cpu1-cpu0) / float64(len(samples))
	return res, nil
}

// setupFlow puts the managed rule and the automatic remediation exactly as
// `salve demo` does.
func setupFlow(ctx context.Context, s *server) error {
	_, err := s.config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(flowRule),
		Scope:          &ctypes.Scope{ComplianceResourceTypes: []string{bucketType}},
		Source:         &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String(flowRule)},
	}})
	if err != nil {
		return fmt.Errorf("put config rule: %w", err)
	}
	out, err := s.config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []ctypes.RemediationConfiguration{{
			ConfigRuleName: aws.String(flowRule), TargetType: ctypes.RemediationTargetTypeSsmDocument,
			TargetId: aws.String("AWS-ConfigureS3BucketEncryption"), Automatic: true,
			MaximumAutomaticAttempts: aws.Int32(3), RetryAttemptSeconds: aws.Int64(60),
			Parameters: map[string]ctypes.RemediationParameterValue{
				"AutomationAssumeRole": {StaticValue: &ctypes.StaticValue{Values: []string{
					"arn:aws:iam::" + account + ":role/ConfigRemediationAutomationRole"}}},
				"BucketName":   {ResourceValue: &ctypes.ResourceValue{Value: ctypes.ResourceValueTypeResourceId}},
				"SSEAlgorithm": {StaticValue: &ctypes.StaticValue{Values: []string{"AES256"}}},
			},
		}}})
	if err == nil && len(out.FailedBatches) > 0 {
		err = errors.New(aws.ToString(out.FailedBatches[0].FailureMessage))
	}
	if err != nil {
		return fmt.Errorf("put remediation configurations: %w", err)
	}
	return nil
}

// oneFlow creates bucket and polls its compliance until it is COMPLIANT
// after NON_COMPLIANT (or after a SUCCEEDED remediation).
func oneFlow(ctx context.Context, o options, s *server, bucket string) (flowSample, error) {
	var x flowSample
	start := time.Now()
	if _, err := s.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		return x, fmt.Errorf("create bucket: %w", err)
	}
	deadline := start.Add(o.timeout)
	for ; time.Now().Before(deadline); time.Sleep(o.poll) {
		x.Polls++
		r, err := ruleResult(ctx, s, bucket)
		if err != nil || r == nil {
			if err != nil {
				return x, err
			}
			continue
		}
		seen := time.Since(start)
		switch r.ComplianceType {
		case ctypes.ComplianceTypeNonCompliant:
			if !x.SawNonCompliant {
				x.SawNonCompliant, x.NonCompliantRecorded = true, aws.ToTime(r.ResultRecordedTime).Sub(start)
			}
		case ctypes.ComplianceTypeCompliant:
			x.Total, x.CompliantRecorded = seen, aws.ToTime(r.ResultRecordedTime).Sub(start)
			return x, remediationTimes(ctx, o, s, bucket, start, &x)
		}
	}
	return x, fmt.Errorf("not COMPLIANT after %s", o.timeout)
}

// ruleResult is the flow rule's result for bucket, nil before the first.
func ruleResult(ctx context.Context, s *server, bucket string) (*ctypes.EvaluationResult, error) {
	out, err := s.config.GetComplianceDetailsByResource(ctx, &configservice.GetComplianceDetailsByResourceInput{
		ResourceType: aws.String(bucketType), ResourceId: aws.String(bucket)})
	if err != nil {
		return nil, fmt.Errorf("get compliance details by resource: %w", err)
	}
	for i, r := range out.EvaluationResults {
		if aws.ToString(r.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName) == flowRule {
			return &out.EvaluationResults[i], nil
		}
	}
	return nil, nil
}

// remediationTimes waits for the bucket's remediation execution to end
// (the rule may find the bucket COMPLIANT before the execution's state
// settles, after the timed part) and reads its times. It must have
// SUCCEEDED: a bucket created without encryption is COMPLIANT only once
// remediated.
func remediationTimes(ctx context.Context, o options, s *server, bucket string, start time.Time, x *flowSample) error {
	deadline := time.Now().Add(o.timeout)
	for ; time.Now().Before(deadline); time.Sleep(o.poll) {
		st, err := remediationStatus(ctx, s, bucket)
		if err != nil || st == nil {
			if err != nil {
				return err
			}
			continue
		}
		switch st.State {
		case ctypes.RemediationExecutionStateSucceeded:
			x.RemediationInvoked = aws.ToTime(st.InvocationTime).Sub(start)
			if len(st.StepDetails) > 0 {
				x.FirstStepDone = aws.ToTime(st.StepDetails[0].StopTime).Sub(start)
			}
			for _, step := range st.StepDetails {
				x.RemediationDone = max(x.RemediationDone, aws.ToTime(step.StopTime).Sub(start))
			}
			return nil
		case ctypes.RemediationExecutionStateFailed:
			return errors.New("COMPLIANT, but the remediation FAILED")
		}
	}
	return fmt.Errorf("COMPLIANT, but the remediation did not end within %s", o.timeout)
}

// remediationStatus is the bucket's remediation execution, nil before it
// is queued.
func remediationStatus(ctx context.Context, s *server, bucket string) (*ctypes.RemediationExecutionStatus, error) {
	out, err := s.config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(flowRule),
		ResourceKeys:   []ctypes.ResourceKey{{ResourceType: ctypes.ResourceTypeBucket, ResourceId: aws.String(bucket)}}})
	if err != nil {
		return nil, fmt.Errorf("describe remediation execution status: %w", err)
	}
	if len(out.RemediationExecutionStatuses) == 0 {
		return nil, nil
	}
	return &out.RemediationExecutionStatuses[0], nil
}

// summariseFlow computes percentiles (nearest rank) and medians.
func summariseFlow(samples []flowSample) flowResult {
	res := flowResult{Buckets: len(samples)}
	pick := func(f func(flowSample) time.Duration) []time.Duration {
		out := make([]time.Duration, len(samples))
		for i, x := range samples {
			out[i] = f(x)
		}
		slices.Sort(out)
		return out
	}
	total := pick(func(x flowSample) time.Duration { return x.Total })
	res.P50, res.P99 = ms(rank(total, 0.50)), ms(rank(total, 0.99))
	res.Min, res.Max = ms(total[0]), ms(total[len(total)-1])
	for _, x := range samples {
		res.SamplesMs = append(res.SamplesMs, ms(x.Total))
		if x.SawNonCompliant {
			res.SawNonCompliant++
		}
	}
	res.NonCompliantRecorded = ms(rank(pick(func(x flowSample) time.Duration { return x.NonCompliantRecorded }), 0.5))
	res.RemediationInvoked = ms(rank(pick(func(x flowSample) time.Duration { return x.RemediationInvoked }), 0.5))
	res.FirstStepDone = ms(rank(pick(func(x flowSample) time.Duration { return x.FirstStepDone }), 0.5))
	res.RemediationDone = ms(rank(pick(func(x flowSample) time.Duration { return x.RemediationDone }), 0.5))
	res.CompliantRecorded = ms(rank(pick(func(x flowSample) time.Duration { return x.CompliantRecorded }), 0.5))
	res.PollsP50 = float64(rank(pick(func(x flowSample) time.Duration { return time.Duration(x.Polls) }), 0.5))
	return res
}

// rank is the nearest-rank percentile p of sorted values.
func rank(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(float64(len(sorted))*p)) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
