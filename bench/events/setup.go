package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	etypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/salvehq/salve/bench/benchkit"
)

// setup creates the CUSTOM_LAMBDA Config rule configRule and an
// EventBridge rule on the default bus whose pattern matches configRule's
// compliance changes, with the receiver as its only target. The target
// gets a RetryPolicy unless -retries is negative: without one (AWS's
// default of 185 retries) Salve's composer asks the HTTP worker for 186
// attempts, which it refuses, so no event is delivered (a bug outside the
// benchmark, reported with it).
func setup(ctx context.Context, o options, b *bench, configRule string) error {
	if _, err := b.config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(configRule),
		Scope:          &ctypes.Scope{ComplianceResourceTypes: []string{benchkit.ResourceType}},
		Source: &ctypes.Source{Owner: ctypes.OwnerCustomLambda,
			SourceIdentifier: aws.String("arn:aws:lambda:us-east-1:" + account + ":function:bench"),
			SourceDetails: []ctypes.SourceDetail{{EventSource: ctypes.EventSourceAwsConfig,
				MessageType: ctypes.MessageTypeConfigurationItemChangeNotification}}},
	}}); err != nil {
		return fmt.Errorf("put config rule: %w", err)
	}
	pattern, err := json.Marshal(map[string]any{"source": []string{"aws.config"},
		"detail-type": []string{"Config Rules Compliance Change"},
		"detail":      map[string]any{"configRuleName": []string{configRule}}})
	if err != nil {
		return err
	}
	const rule = "bench-compliance-to-webhook"
	if _, err := b.events.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String(rule),
		EventPattern: aws.String(string(pattern))}); err != nil {
		return fmt.Errorf("put rule: %w", err)
	}
	target := etypes.Target{Id: aws.String("receiver"), Arn: aws.String(b.recv.URL)}
	if o.retries >= 0 {
		target.RetryPolicy = &etypes.RetryPolicy{MaximumRetryAttempts: aws.Int32(int32(o.retries))}
	}
	out, err := b.events.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String(rule),
		Targets: []etypes.Target{target}})
	if err != nil {
		return fmt.Errorf("put targets: %w", err)
	}
	if out.FailedEntryCount > 0 {
		return fmt.Errorf("put targets: %s", aws.ToString(out.FailedEntries[0].ErrorMessage))
	}
	return nil
}
