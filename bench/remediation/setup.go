package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	stypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/salvehq/salve/bench/benchkit"
)

// runbook is a one-step runbook that sleeps for %s.
const runbook = `schemaVersion: '0.3'
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  AutomationAssumeRole: {type: String}
  ResourceId: {type: String}
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: %s}
`

// setupRule creates a runbook sleeping for duration (ISO 8601), a custom
// rule named rule and an automatic remediation configuration with the
// given ConcurrentExecutionRatePercentage.
func setupRule(ctx context.Context, s *server, rule, duration string, ratePct int32) error {
	doc := "Bench-" + rule
	if _, err := s.ssm.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String(doc),
		DocumentType: stypes.DocumentTypeAutomation, DocumentFormat: stypes.DocumentFormatYaml,
		Content: aws.String(fmt.Sprintf(runbook, duration))}); err != nil {
		return fmt.Errorf("create document: %w", err)
	}
	if _, err := s.config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(rule),
		Scope:          &ctypes.Scope{ComplianceResourceTypes: []string{benchkit.ResourceType}},
		Source: &ctypes.Source{Owner: ctypes.OwnerCustomLambda,
			SourceIdentifier: aws.String("arn:aws:lambda:us-east-1:" + account + ":function:bench"),
			SourceDetails: []ctypes.SourceDetail{{EventSource: ctypes.EventSourceAwsConfig,
				MessageType: ctypes.MessageTypeConfigurationItemChangeNotification}}},
	}}); err != nil {
		return fmt.Errorf("put config rule: %w", err)
	}
	out, err := s.config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []ctypes.RemediationConfiguration{{
			ConfigRuleName: aws.String(rule), TargetType: ctypes.RemediationTargetTypeSsmDocument,
			TargetId: aws.String(doc), Automatic: true, MaximumAutomaticAttempts: aws.Int32(1),
			RetryAttemptSeconds: aws.Int64(60),
			ExecutionControls: &ctypes.ExecutionControls{SsmControls: &ctypes.SsmControls{
				ConcurrentExecutionRatePercentage: aws.Int32(ratePct), ErrorPercentage: aws.Int32(100)}},
			Parameters: map[string]ctypes.RemediationParameterValue{
				"ResourceId": {ResourceValue: &ctypes.ResourceValue{Value: ctypes.ResourceValueTypeResourceId}},
				"AutomationAssumeRole": {StaticValue: &ctypes.StaticValue{
					Values: []string{"arn:aws:iam::" + account + ":role/BenchRemediation"}}}},
		}}})
	if err != nil {
		return fmt.Errorf("put remediation configurations: %w", err)
	}
	if len(out.FailedBatches) > 0 {
		return fmt.Errorf("put remediation configurations: %s", aws.ToString(out.FailedBatches[0].FailureMessage))
	}
	return nil
}

// statuses reads the remediation execution status of ids (up to 100).
func statuses(ctx context.Context, s *server, rule string, ids []string) ([]ctypes.RemediationExecutionStatus, error) {
	keys := make([]ctypes.ResourceKey, len(ids))
	for i, id := range ids {
		keys[i] = ctypes.ResourceKey{ResourceType: ctypes.ResourceType(benchkit.ResourceType), ResourceId: aws.String(id)}
	}
	var all []ctypes.RemediationExecutionStatus
	p := configservice.NewDescribeRemediationExecutionStatusPaginator(s.config,
		&configservice.DescribeRemediationExecutionStatusInput{ConfigRuleName: aws.String(rule), ResourceKeys: keys,
			Limit: 100})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("describe remediation execution status: %w", err)
		}
		all = append(all, out.RemediationExecutionStatuses...)
	}
	return all, nil
}

// waitAll waits until every id's execution is SUCCEEDED or FAILED (or
// timeout) and returns the final statuses by resource id. It reads one
// chunk of 100 at a time and moves on only once that chunk has finished,
// sleeping 250 ms between reads: results are timed by the server's
// LastUpdatedTime, so the reads only have to come eventually, and reading
// every pending resource in a tight loop would take CPU from the server
// being measured.
func waitAll(ctx context.Context, s *server, rule string, ids []string, timeout time.Duration) (map[string]ctypes.RemediationExecutionStatus, error) {
	done := make(map[string]ctypes.RemediationExecutionStatus, len(ids))
	deadline := time.Now().Add(timeout)
	for _, c := range benchkit.Chunks(ids, 100) {
		for {
			st, err := statuses(ctx, s, rule, c)
			if err != nil {
				return done, err
			}
			finished := 0
			for _, x := range st {
				if x.State == ctypes.RemediationExecutionStateSucceeded || x.State == ctypes.RemediationExecutionStateFailed {
					finished++
				}
			}
			if finished == len(c) {
				for _, x := range st {
					done[aws.ToString(x.ResourceKey.ResourceId)] = x
				}
				break
			}
			if time.Now().After(deadline) {
				return done, fmt.Errorf("%d of %d remediations not finished after %s", len(ids)-len(done)-finished, len(ids), timeout)
			}
			time.Sleep(250 * time.Millisecond)
		}
	}
	return done, nil
}
